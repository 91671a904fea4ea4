"""``fuwutai card read``, ``card verify-pin`` and ``card list-readers``: test a reader from the command line.

Audit decision: when the data folder holds a station database the read is recorded as ``card.read``
(actor ``cli``), and a database that cannot be opened stops the command before the card is read, so a
station never reads cards unaudited. With no database at all (a technician trying a reader before the
station is set up) the card is still read and the command says that the read was not audited.
Output is always masked. A PIN check is audited the same way as ``card.pin`` (its outcome kind only).
"""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

from app.cards.errors import CardError, NeedsNetwork, error_to_json
from app.cards.idcard import FAMILIES
from app.cards.reader import CardReader, OnlineAuthenticator
from app.cards.record import CardRecord
from app.cards.service import CardService
from app.cards.settings import BACKENDS, ReaderSettings, reader_factory
from app.cards.simulator import SCENARIOS
from app.cards.vendor import CONVENTIONS
from app.cli.commands import CLI_ACTOR, data_dir_of, opened
from app.cli.output import CliError, print_json, print_table
from app.store import Store, store_exists

T = TypeVar("T")
NOT_AUDITED = "注意：数据文件夹中还没有服务台数据库，这次读卡没有记入审计日志。"


def _settings(args: argparse.Namespace) -> ReaderSettings:
    try:
        return ReaderSettings(
            backend=args.backend,
            library=args.library,
            itype=args.itype,
            convention=args.convention,
            step1_has_itype=not args.step1_no_itype,
            use_helper=args.helper,
            helper_command=tuple(shlex.split(args.helper_command, posix=sys.platform != "win32"))
            if args.helper_command
            else (),
            reader_name=args.reader,
            idcard_family=args.idcard_family,
            idcard_port=args.idcard_port,
            scenario=args.scenario,
        )
    except ValueError as exc:
        raise CliError(f"读卡器参数不正确：{exc}") from exc


# The platform's online authentication for 3rd-generation cards lives in the sync client, which the core
# cannot import: the composition root (ui.main) hands it in, and reads in a station's folder use it.
_online_authentication: Callable[[Store], OnlineAuthenticator] | None = None
NO_ONLINE_HERE = (
    "这张卡需要经人社平台联网认证才能读取。命令行只在已接入平台的服务台数据文件夹中联网认证"
    "（用 --data-dir 指定该文件夹，或在服务台程序中按 F2 读卡）。"
)


def use_online_authentication(factory: Callable[[Store], OnlineAuthenticator] | None) -> None:
    global _online_authentication  # noqa: PLW0603 - set once by the composition root
    _online_authentication = factory


def _on_card_thread(
    settings: ReaderSettings,
    start: Callable[[CardService], Future[T]],
    timeout: float,
    authenticator: OnlineAuthenticator | None = None,
) -> T:
    service = CardService(reader_factory(settings, authenticator))
    try:
        return start(service).result(timeout=timeout)
    except FutureTimeout:
        raise CliError(
            f"读卡器在 {timeout:g} 秒内没有完成读卡。请检查读卡器连接和卡片后重试；仍不行请联系信息技术人员。",
            CardError.exit_code,
        ) from None
    except CardError as exc:
        raise CliError(str(exc), exc.exit_code) from exc
    finally:
        service.close(timeout=2.0)


def _print_record(record: CardRecord) -> None:
    for label, value in record.display_lines():
        print(f"{label}：{value}")


def cmd_card_read(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if store_exists(data_dir_of(args)):
        with opened(args) as store:
            online = _online_authentication(store) if _online_authentication else None
            record = _on_card_thread(settings, CardService.read, args.timeout, online)
            from app.cards.audit_read import audit_card_read

            with store.session() as session:
                audit_card_read(session, CLI_ACTOR, record)
        audited = True
    else:
        try:
            record = _on_card_thread(settings, CardService.read, args.timeout)
        except CliError as exc:
            if isinstance(exc.__cause__, NeedsNetwork):  # no station folder, so no platform to ask
                raise CliError(NO_ONLINE_HERE, NeedsNetwork.exit_code) from NeedsNetwork(NO_ONLINE_HERE)
            raise
        audited = False
    if args.json:
        print_json({"audited": audited, "record": record.masked()})
    else:
        _print_record(record)
        print("已记入审计日志。" if audited else NOT_AUDITED)
    if not audited and args.json:
        print(NOT_AUDITED, file=sys.stderr)
    return 0


def cmd_card_verify_pin(args: argparse.Namespace) -> int:
    """The holder types the PIN on the reader's pad; exit 0 when it is right (PinWrong 19, CardLocked 14)."""
    settings = _settings(args)
    audited = store_exists(data_dir_of(args))
    if not audited:
        _on_card_thread(settings, CardService.verify_pin, args.timeout)
    else:
        with opened(args) as store:  # as for reads: a station's database opens before the card is touched
            try:
                _on_card_thread(settings, CardService.verify_pin, args.timeout)
                outcome, failure = "ok", None
            except CliError as exc:
                outcome, failure = str(getattr(exc.__cause__, "kind", "Timeout")), exc
            from app.cards.audit_read import audit_pin_check

            with store.session() as session:
                audit_pin_check(session, CLI_ACTOR, None, outcome)
        if failure is not None:
            raise failure
    if args.json:
        print_json({"audited": audited, "outcome": "ok"})
    else:
        print("密码正确。" + ("已记入审计日志。" if audited else ""))
    if not audited:
        print("注意：数据文件夹中还没有服务台数据库，这次验密没有记入审计日志。", file=sys.stderr)
    return 0


def cmd_card_list_readers(args: argparse.Namespace) -> int:
    from app.cards.pcsc import PcscReader

    settings = ReaderSettings(backend="pcsc")

    def listing(reader: CardReader) -> list[tuple[str, bool]]:
        assert isinstance(reader, PcscReader)
        return [(info.name, info.card_present) for info in reader.list_readers()]

    readers = _on_card_thread(settings, lambda service: service.submit(listing), args.timeout)
    if args.json:
        print_json([{"name": name, "card_present": present} for name, present in readers])
        return 0
    if not readers:
        print("没有找到 PC/SC 读卡器。厂商驱动方式和身份证阅读器不在此列出，请用“fuwutai card read”直接测试。")
        return 0
    print_table(["读卡器", "卡片"], [[name, "有卡" if present else "无卡"] for name, present in readers])
    return 0


def _json_errors(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """With ``--json`` a card error is printed as JSON too (``{"error": {"type": …, "message": …}}``),
    with the same exit code, so scripts can tell NoCard from PinWrong without reading Chinese."""

    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except CliError as exc:
            if getattr(args, "json", False) and isinstance(exc.__cause__, CardError):
                print_json({"error": error_to_json(exc.__cause__)})
            raise

    return run


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    card = sub.add_parser("card", help="读卡器：测试读社保卡、身份证").add_subparsers(dest="action", metavar="操作")
    for name, help_text, func in (
        ("read", "读一张卡并显示（个人信息已遮蔽；有数据库时记入审计日志）", cmd_card_read),
        ("verify-pin", "请持卡人在读卡器密码键盘上输入社保卡密码并核验（厂商读卡器）", cmd_card_verify_pin),
    ):
        p = card.add_parser(name, help=help_text)
        p.add_argument("--backend", choices=BACKENDS, default="pcsc", help="读卡方式（默认 pcsc）")
        p.add_argument("--library", help="vendor/idcard：驱动文件，如 SSCardDriver.dll、sdtapi.dll、termb.dll")
        p.add_argument("--itype", type=int, choices=[1, 2, 3, 4], default=3, help="vendor：1 接触 2 非接 3/4 自动")
        p.add_argument("--convention", choices=CONVENTIONS, default="auto", help="驱动的调用约定（默认按系统）")
        p.add_argument("--step1-no-itype", action="store_true", help="vendor：驱动的 HSM_Step1 没有 iType 参数")
        p.add_argument("--helper", action="store_true", help="vendor：通过 32 位辅助程序加载驱动")
        p.add_argument("--helper-command", help="vendor：辅助程序的命令行（默认用随程序安装的辅助程序）")
        p.add_argument("--reader", help="pcsc：读卡器名称（的一部分）；默认用第一个有卡的读卡器")
        p.add_argument("--idcard-family", choices=FAMILIES, default="auto", help="idcard：sdt 或 termb（默认自动）")
        p.add_argument("--idcard-port", type=int, help="idcard：端口号（默认在 USB 端口 1001–1016 中查找）")
        p.add_argument("--scenario", choices=list(SCENARIOS), default="card20", help="simulator：模拟的情形")
        p.add_argument("--timeout", type=float, default=60.0, help="最长等待秒数（默认 60）")
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=_json_errors(func))
    p = card.add_parser("list-readers", help="列出本机的 PC/SC 读卡器及是否有卡")
    p.add_argument("--timeout", type=float, default=15.0)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=_json_errors(cmd_card_list_readers))
