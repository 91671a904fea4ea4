"""Command-line sync commands: ``fuwutai enroll``, ``fuwutai sync``, ``fuwutai conflicts``, ``fuwutai quarantine``.

``app`` may not import ``sync``, so these live here and are attached to the ``fuwutai`` parser by
whoever composes the program: :func:`add_parsers` takes the top-level subparsers object, exactly
like ``app.cli.refdata_commands.add_parsers``. :func:`run` is a stand-alone entry with the same
``--data-dir`` option (``python -m sync.client.cli sync --once``), used by the tests.

Exit codes: 0 success; 1 the round or command failed (message on stderr, in Chinese); 2 usage.
"""

from __future__ import annotations

import argparse
import functools
import sys
import threading
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from app.cli.commands import CLI_ACTOR, opened
from app.cli.output import CliError, print_json, print_table
from sync.client.errors import SyncError

if TYPE_CHECKING:
    from sync.client.conflicts import Choice
    from sync.client.engine import RoundReport

# The engine, requests and the protocol models are imported inside the commands: attaching these
# parsers to ``fuwutai`` must not slow down every other subcommand (ENVIRONMENT.md, start-up costs).

Handler = Callable[[argparse.Namespace], int]


def _sync_errors(func: Handler) -> Handler:
    @functools.wraps(func)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return func(args)
        except SyncError as exc:
            raise CliError(str(exc)) from exc

    return wrapper


# ---------------------------------------------------------------------- enroll


@_sync_errors
def cmd_enroll(args: argparse.Namespace) -> int:
    from app.config.preset import current_preset
    from sync.client.credentials import enroll

    preset = current_preset()  # fuwutai.toml fills in what the command line leaves out
    server = args.server or preset.get("server_url")
    if not server:
        raise CliError("请用 --server 指定省级平台地址，或在预置配置 fuwutai.toml 中设置 server_url。")
    if preset.get("server_url") and server.rstrip("/") != preset.get("server_url").rstrip("/"):
        raise CliError(f"预置配置 {preset.source} 规定的平台地址是 {preset.get('server_url')}，不能接入其他地址。")
    with opened(args) as store:
        result = enroll(
            store,
            server,
            args.token,
            ca_bundle=args.ca_bundle or preset.get("ca_bundle"),
            proxy=args.proxy or preset.get("proxy"),
        )
    if args.json:
        print_json(
            {
                "device_id": result.device_id,
                "station_code": result.station_code,
                "station_name": result.station_name,
                "server": result.server_url,
            }
        )
    else:
        print(
            f"本机已接入省级平台 {result.server_url}：站点 {result.station_name}（{result.station_code}），"
            f"设备编号 {result.device_id}。接入凭据已保存在系统密钥库中。"
        )
    return 0


# ---------------------------------------------------------------------- sync


def _print_report(report: RoundReport) -> None:
    print(
        f"上传 {report.pushed} 条（平台已有 {report.duplicates} 条），下载 {report.pulled} 条，"
        f"冲突待处理 {report.conflicts} 条，被退回待修改 {report.quarantined} 条，待上传 {report.pending} 条。"
    )
    if report.uploaded:
        print(f"上传附件 {report.uploaded} 个。")
    if report.refdata:
        print("已更新基础数据：" + "、".join(f"{s} 第 {v} 版" for s, v in sorted(report.refdata.items())) + "。")
    if report.reset:
        print("已按平台要求重新下载全部数据。")
    if report.parked:
        print(f"有 {report.parked} 条平台数据暂未写入本机（等待关联记录或存在重复），详见“fuwutai sync status”。")
    if report.conflicts:
        print("请用“fuwutai conflicts list”查看冲突，并逐项选择保留哪一方。")
    if report.quarantined:
        print("请用“fuwutai quarantine list”查看被退回的修改及原因。")


@_sync_errors
def cmd_sync(args: argparse.Namespace) -> int:
    from sync.client.engine import SyncEngine

    with opened(args) as store:
        engine = SyncEngine(store, cancel=threading.Event())
        try:
            while True:
                report = engine.run_round()
                if args.json:
                    print_json(report.to_json())
                else:
                    if report.ok:
                        _print_report(report)
                    else:
                        print(f"同步未完成：{report.error}", file=sys.stderr)
                    sys.stdout.flush()
                if args.once:
                    return 0 if report.ok else 1
                wait = max(args.interval, report.retry_after or 0)
                time.sleep(wait)
        except KeyboardInterrupt:
            engine.cancel.set()
            return 130
        finally:
            engine.close()


@_sync_errors
def cmd_sync_status(args: argparse.Namespace) -> int:
    from sync.client.status import sync_status

    with opened(args) as store, store.session() as session:
        status = sync_status(session)
    if args.json:
        print_json(status.to_json())
        return 0
    print(status.summary)
    if status.enrolled:
        print(f"平台地址：{status.server_url}；设备编号：{status.device_id}；站点：{status.station_code}")
    if status.held:
        print(f"另有 {status.held} 条修改在等待冲突处理。")
    if status.parked:
        print(f"有 {status.parked} 条平台数据暂未写入本机（等待关联记录或与本机记录重复）。")
    if status.reset_pending:
        print("平台要求重新下载全部数据，下次同步时进行。")
    return 0


# ---------------------------------------------------------------------- conflicts


def _conflict_json(views: Sequence[Any]) -> list[dict[str, Any]]:
    return [
        {
            "id": v.id,
            "entity": v.entity,
            "entity_id": v.entity_id,
            "origin": v.origin,
            "created_at": v.created_at,
            "server_version": v.server_version,
            "server_deleted": v.server_deleted,
            "disputed": list(v.disputed),
            "fields": [
                {"name": f.name, "local": f.local, "server": f.server, "disputed": f.disputed} for f in v.fields
            ],
        }
        for v in views
    ]


@_sync_errors
def cmd_conflicts_list(args: argparse.Namespace) -> int:
    from sync.client.conflicts import list_conflicts

    with opened(args) as store, store.session() as session:
        views = list_conflicts(session)
    if args.json:
        print_json(_conflict_json(views))
        return 0
    if not views:
        print("没有待处理的冲突。")
        return 0
    for v in views:
        print(f"冲突 {v.id}：{v.entity_label} {v.entity_id}（发现于 {v.created_at:%Y-%m-%d %H:%M} UTC）")
        print_table(
            ["字段", "本机", "平台", "需选择"],
            [[f.name, _show(f.local), _show(f.server), "是" if f.disputed else ""] for f in v.fields],
        )
        print()
    print("处理方法：fuwutai conflicts resolve 冲突编号 --take 字段=local|server …（local 保留本机，server 采用平台）")
    return 0


def _show(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _choices(takes: Sequence[str], everything: str | None, disputed: Sequence[str]) -> dict[str, Choice]:
    choices: dict[str, Choice] = {}
    if everything:
        choices.update(dict.fromkeys(disputed, everything))  # type: ignore[arg-type]
    for take in takes:
        name, eq, side = take.partition("=")
        side = side.strip().lower()
        if not eq or side not in ("local", "server"):
            raise CliError(f"“{take}”格式不对，应写成 字段=local 或 字段=server。")
        choices[name.strip()] = side  # type: ignore[assignment]
    return choices


@_sync_errors
def cmd_conflicts_resolve(args: argparse.Namespace) -> int:
    from sync.client.conflicts import list_conflicts, resolve_conflict

    with opened(args) as store, store.session() as session:
        views = {v.id: v for v in list_conflicts(session)}
        found = views.get(args.id)
        disputed = found.disputed if found is not None else ()
        entry_id = resolve_conflict(session, args.id, _choices(args.take or [], args.all, disputed), CLI_ACTOR)
    if args.json:
        print_json({"resolved": args.id, "queued": entry_id})
    else:
        print(f"冲突 {args.id} 已处理，合并后的记录将在下次同步时上传。")
    return 0


# ---------------------------------------------------------------------- quarantine


@_sync_errors
def cmd_quarantine_list(args: argparse.Namespace) -> int:
    from sync.client.quarantine import list_quarantined

    with opened(args) as store, store.session() as session:
        items = list_quarantined(session)
    if args.json:
        print_json(items)
        return 0
    if not items:
        print("没有被平台退回的修改。")
        return 0
    print_table(
        ["编号", "类型", "记录", "原因"],
        [[i.id, i.entity_label, i.entity_id, i.reason] for i in items],
    )
    print(
        "修改记录后会自动重新上传；也可用“fuwutai quarantine retry 编号”重发，或“fuwutai quarantine discard 编号”放弃。"
    )
    return 0


@_sync_errors
def cmd_quarantine_retry(args: argparse.Namespace) -> int:
    from sync.client.quarantine import retry

    with opened(args) as store, store.session() as session:
        retry(session, args.id, CLI_ACTOR)
    print("已重新排队，下次同步时上传。")
    return 0


@_sync_errors
def cmd_quarantine_discard(args: argparse.Namespace) -> int:
    from sync.client.quarantine import discard

    with opened(args) as store, store.session() as session:
        discard(session, args.id, CLI_ACTOR)
    print("已放弃此修改，记录恢复为平台上的内容。")
    return 0


# ---------------------------------------------------------------------- wiring


def add_parsers(sub: Any) -> None:
    """Attach ``enroll``, ``sync``, ``conflicts`` and ``quarantine`` to the ``fuwutai`` subparsers."""
    p = sub.add_parser("enroll", help="用一次性接入码把本机接入省级平台")
    p.add_argument("--server", help="省级平台地址，如 https://platform.example.gov.cn（默认取预置配置 fuwutai.toml）")
    p.add_argument("--token", required=True, help="县级信息技术人员提供的一次性接入码")
    p.add_argument("--ca-bundle", help="验证平台证书用的 CA 证书文件（PEM），默认使用系统证书")
    p.add_argument("--proxy", help="代理服务器地址，如 http://10.0.0.1:3128；写 system 表示使用系统代理")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_enroll)

    p = sub.add_parser("sync", help="与省级平台同步（上传本机修改、下载平台数据）")
    p.add_argument("--once", action="store_true", help="只同步一次就退出（不加则每隔一段时间同步一次，Ctrl+C 停止）")
    p.add_argument("--interval", type=float, default=300.0, help="连续同步时两次之间的秒数（默认 300）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_sync)
    sync_sub = p.add_subparsers(dest="sync_action", metavar="操作")
    s = sync_sub.add_parser("status", help="显示同步状态")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_sync_status)

    conflicts = sub.add_parser("conflicts", help="同步冲突").add_subparsers(dest="action", metavar="操作")
    p = conflicts.add_parser("list", help="列出待处理的冲突（本机与平台两个版本对照）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts_list)
    p = conflicts.add_parser("resolve", help="逐项选择保留本机还是平台的内容")
    p.add_argument("id", help="冲突编号")
    p.add_argument(
        "--take", action="append", metavar="字段=local|server", help="可重复；local 保留本机，server 采用平台"
    )
    p.add_argument("--all", choices=["local", "server"], help="所有有争议的字段都选同一方")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_conflicts_resolve)

    quarantine = sub.add_parser("quarantine", help="被平台退回的修改").add_subparsers(dest="action", metavar="操作")
    p = quarantine.add_parser("list", help="列出被退回的修改及原因")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_quarantine_list)
    p = quarantine.add_parser("retry", help="重新上传")
    p.add_argument("id")
    p.set_defaults(func=cmd_quarantine_retry)
    p = quarantine.add_parser("discard", help="放弃本机的这条修改")
    p.add_argument("id")
    p.set_defaults(func=cmd_quarantine_discard)


def run(argv: Sequence[str] | None = None) -> int:
    """Standalone entry (``python -m sync.client.cli``): the ``fuwutai`` command line with these commands."""
    from app.cli.main import run as run_cli

    return run_cli(argv, extensions=(add_parsers,))


def main() -> None:
    sys.exit(run())


if __name__ == "__main__":
    main()
