"""The ``fuwutai`` subcommands. Each opens the store, does one job, and returns an exit code."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import or_, select

from app import audit
from app.auth import create_staff, list_staff
from app.auth.accounts import change_password
from app.cli.doctor import run_checks
from app.cli.output import CliError, print_json, print_table
from app.logsetup import configure_logging
from app.persons import find_by_document, get_person
from app.store import DataDir, Store, create_store, open_store, resolve_data_dir
from app.store.backup import list_backups, restore_file
from app.store.keys import StoreInfo, load_key
from app.store.models import Case, Person
from app.validation import validate
from app.workflow import STATE_LABELS, State, list_cases
from app.workflow.cases import summarize

CLI_ACTOR = "cli"


def data_dir_of(args: argparse.Namespace) -> DataDir:
    return DataDir(resolve_data_dir(args.data_dir))


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Store]:
    data_dir = data_dir_of(args)
    configure_logging(data_dir.logs)
    store = open_store(data_dir)
    try:
        yield store
    finally:
        store.close()


def _password(given: str | None, env: str, prompt: str) -> str:
    if given:
        return given
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin.isatty():
        raise CliError(f"请用 --password 参数或环境变量 {env} 提供密码。")
    first = getpass.getpass(prompt)
    if getpass.getpass("再次输入：") != first:
        raise CliError("两次输入的密码不一致，请重新运行命令。")
    return first


def cmd_init(args: argparse.Namespace) -> int:
    code = args.station_code.strip()
    result = validate("admin_division", code)
    if not result.ok:
        raise CliError("站点区划代码：" + "；".join(result.errors))
    name = args.station_name.strip()
    if not name:
        raise CliError("请用 --station-name 填写站点名称。")
    password = None
    if args.admin_user:
        password = _password(args.admin_password, "FUWUTAI_ADMIN_PASSWORD", "站点管理员密码：")
    data_dir = data_dir_of(args)
    store = create_store(data_dir, code, name)
    try:
        configure_logging(data_dir.logs)
        if args.admin_user and password:
            with store.session() as session:
                create_staff(session, args.admin_user, args.admin_name or args.admin_user, "admin", password)
    finally:
        store.close()
    print(f"已初始化站点“{name}”（{code}），数据文件夹：{data_dir.root}")
    if not args.admin_user:
        print("下一步：用“fuwutai user add 用户名 --name 姓名 --role admin”添加站点管理员。")
    return 0


def cmd_user_add(args: argparse.Namespace) -> int:
    password = _password(args.password, "FUWUTAI_PASSWORD", "密码：")
    with opened(args) as store, store.session() as session:
        info = create_staff(session, args.username, args.name, args.role, password, actor_id=CLI_ACTOR)
    print(f"已添加账号 {info.username}（{info.display_name}，{info.role_label}）。")
    return 0


def cmd_user_list(args: argparse.Namespace) -> int:
    with opened(args) as store, store.session() as session:
        staff = list_staff(session)
    if args.json:
        print_json(
            [{"username": s.username, "name": s.display_name, "role": s.role, "active": s.active} for s in staff]
        )
    else:
        print_table(
            ["用户名", "姓名", "角色", "状态"],
            [[s.username, s.display_name, s.role_label, "启用" if s.active else "停用"] for s in staff],
        )
    return 0


def cmd_user_passwd(args: argparse.Namespace) -> int:
    password = _password(args.password, "FUWUTAI_PASSWORD", "新密码：")
    with opened(args) as store, store.session() as session:
        change_password(session, args.username, password, actor_id=CLI_ACTOR)
    print(f"已重设 {args.username} 的密码，账号锁定已解除。")
    return 0


def cmd_person_search(args: argparse.Namespace) -> int:
    from app.search import search_persons

    with opened(args) as store, store.session() as session:
        hits = search_persons(session, args.query, limit=args.limit)
        audit.record(session, CLI_ACTOR, "person.search", "person", None, {"results": len(hits)})
    if args.json:
        print_json(
            [
                {
                    "id": h.id,
                    "name": h.name,
                    "masked_id": h.masked_id,
                    "gender": h.gender,
                    "birth_date": h.birth_date,
                    "phone_tail": h.phone_tail,
                    "matched": h.matched,
                }
                for h in hits
            ]
        )
        return 0
    if not hits:
        print("没有找到符合条件的人员。")
        return 0
    gender = {"1": "男", "2": "女"}
    print_table(
        ["人员编号", "姓名", "证件号码", "性别", "出生日期", "手机尾号"],
        [[h.id, h.name, h.masked_id, gender.get(h.gender or "", ""), h.birth_date, h.phone_tail] for h in hits],
    )
    return 0


def cmd_person_show(args: argparse.Namespace) -> int:
    key = args.key.strip()
    with opened(args) as store, store.session() as session:
        person_id = key if session.get(Person, key) is not None else find_by_document(session, key.upper())
        if person_id is None:
            raise CliError("没有找到该人员。请核对人员编号或证件号码，或先用“fuwutai person search”查询。")
        detail = get_person(session, CLI_ACTOR, person_id, purpose="cli")
        cases = [
            summarize(c)
            for c in session.scalars(
                select(Case).where(Case.person_id == person_id, Case.deleted.is_(False)).order_by(Case.created_at)
            )
        ]
    if args.json:
        print_json({"person": detail, "cases": cases})
        return 0
    rows = [
        ("姓名", detail.name),
        ("证件", f"{detail.doc_type} {detail.doc_number}"),
        ("性别", {"1": "男", "2": "女"}.get(detail.gender or "", "")),
        ("出生日期", detail.birth_date),
        ("手机", detail.phone),
        ("常住地址", detail.residence_address),
        ("标签", "、".join(detail.tags)),
        ("同步", "已同步" if detail.synced else "待同步"),
    ]
    for label, value in rows:
        print(f"{label}：{'' if value is None else value}")
    for case in cases:
        print(f"办件：{case.case_no} {case.item_code} {case.state_label} 期限 {case.due_on or '-'}")
    return 0


def cmd_import_persons(args: argparse.Namespace) -> int:
    from app.io import RosterError, import_persons

    path = Path(args.file)
    if not path.exists():
        raise CliError(f"找不到文件 {path}，请检查路径。")

    def progress(done: int, total: int | None) -> None:
        if sys.stderr.isatty():
            print(f"\r已处理 {done} 行", end="", file=sys.stderr)

    with opened(args) as store:
        try:
            report = import_persons(store, path, actor_id=CLI_ACTOR, skip_invalid=args.skip_invalid, progress=progress)
        except RosterError as exc:
            raise CliError(str(exc)) from exc
    if sys.stderr.isatty():
        print(file=sys.stderr)
    if args.json:
        print_json(report)
    else:
        print(report.summary())
    return 0 if report.imported or not report.invalid else 1


def cmd_export(args: argparse.Namespace) -> int:
    from app.io import export_cases, export_persons

    path = Path(args.file)
    if path.suffix.lower() != ".xlsx":
        raise CliError("导出文件名必须以 .xlsx 结尾。")
    with opened(args) as store:
        count = (export_persons if args.what == "persons" else export_cases)(store, path, actor_id=CLI_ACTOR)
    print(f"已导出 {count} 条记录到 {path}。")
    return 0


def cmd_case_list(args: argparse.Namespace) -> int:
    from app.clock import today

    if args.state and args.state not in {s.value for s in State}:
        raise CliError("状态只能是：" + "、".join(f"{s.value}（{STATE_LABELS[s]}）" for s in State))
    with opened(args) as store, store.session() as session:
        cases = list_cases(
            session,
            state=args.state,
            item_code=args.item,
            overdue_on=today() if args.overdue else None,
            limit=args.limit,
        )
    if args.json:
        print_json(cases)
        return 0
    if not cases:
        print("没有符合条件的办件。")
        return 0
    names = _item_names()
    print_table(
        ["办件编号", "事项", "状态", "受理日期", "办理期限", "办结日期"],
        [
            [c.case_no, names.get(c.item_code, c.item_code), c.state_label, c.accepted_on, c.due_on, c.closed_on]
            for c in cases
        ],
    )
    return 0


def _item_names() -> dict[str, str]:
    from app.catalog import load_bundled_catalog

    return {item.code: item.name for item in load_bundled_catalog().items()}


def cmd_case_show(args: argparse.Namespace) -> int:
    from app.auth import StaffInfo
    from app.workflow import get_case

    actor = StaffInfo(CLI_ACTOR, "cli", "命令行", "admin", True)
    with opened(args) as store, store.session() as session:
        case_id = session.scalar(select(Case.id).where(or_(Case.case_no == args.key, Case.id == args.key)))
        if case_id is None:
            raise CliError("没有找到该办件，请核对办件编号。")
        detail = get_case(session, actor, case_id)
    if args.json:
        print_json(detail)
        return 0
    s = detail.summary
    name = _item_names().get(s.item_code, s.item_code)
    print(f"办件编号：{s.case_no}\n事项：{name}（第 {s.item_version} 版）\n状态：{s.state_label}")
    print(f"受理：{s.accepted_on or '-'}  期限：{s.due_on or '-'}  办结：{s.closed_on or '-'}")
    print(f"书面承诺：{'是' if s.on_commitment else '否'}")
    for event in detail.events:
        print(f"  {event.at} {event.action} {event.from_state or ''} → {event.to_state} {event.note or ''}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    data_dir = data_dir_of(args)
    if args.list:
        backups = list_backups(data_dir.backups)
        if args.json:
            print_json(
                [{"file": str(b.path), "taken_at": b.taken_at, "reason": b.reason, "size": b.size} for b in backups]
            )
        else:
            print_table(
                ["备份文件", "时间（UTC）", "类型", "大小"],
                [[b.path.name, b.taken_at.strftime("%Y-%m-%d %H:%M:%S"), b.reason, b.size] for b in backups],
            )
        return 0
    with opened(args) as store:
        taken = store.backup("manual")
    print(f"已备份并校验：{taken.path}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.store.recovery import assess_damage, restore_latest

    data_dir = data_dir_of(args)
    configure_logging(data_dir.logs)
    key = load_key(StoreInfo.read(data_dir.store_info).store_id)
    if args.file:
        source = Path(args.file)
        if not source.exists():
            raise CliError(f"找不到备份文件 {source}。可用“fuwutai backup --list”查看已有备份。")
        report = None
    else:
        if not list_backups(data_dir.backups):
            raise CliError("没有找到任何备份，无法恢复。")
        # What would be lost: the changes saved after the newest good backup (damaged backups are skipped).
        report = assess_damage(data_dir, key)
        for line in report.summary():
            print(line)
        if report.backup is None:
            raise CliError("没有通过校验的备份，无法恢复。请联系县级信息技术人员从省级平台恢复本站数据。")
        source = report.backup.path
    if not args.yes:
        if not sys.stdin.isatty():
            raise CliError("恢复会用备份替换当前数据库。确认无误后请加 --yes 再运行。")
        answer = input(
            f"将用备份 {source.name} 替换当前数据库（当前文件会保留），"
            "备份之后的记录将不在恢复后的数据库中。继续？[y/N] "
        )
        if answer.strip().lower() not in {"y", "yes", "是"}:
            print("已取消。")
            return 1
    kept = restore_latest(data_dir, report, key).kept if report else restore_file(source, data_dir.db, key)
    store = open_store(data_dir, auto_backup=False)
    store.close()
    print(f"已从 {source.name} 恢复。原数据库保留为 {kept.name}。")
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    checks = run_checks(data_dir_of(args), repair=args.repair)
    if getattr(args, "bundle", None):
        from app.cli.doctor import write_bundle

        written = write_bundle(data_dir_of(args), Path(args.bundle), checks)
        print(f"诊断包已生成：{written}（不含个人信息，可交给信息技术人员）", file=sys.stderr)
    if args.json:
        print_json([{"check": c.name, "status": c.status, "message": c.message} for c in checks])
    else:
        marks = {"ok": "正常", "warn": "注意", "fail": "异常"}
        for c in checks:
            print(f"[{marks[c.status]}] {c.name}：{c.message}")
    return 1 if any(c.status == "fail" for c in checks) else 0


def cmd_status(args: argparse.Namespace) -> int:
    from app.station import station_status

    with opened(args) as store:
        status = station_status(store)
    if args.json:
        print_json(status)
    else:
        print(
            f"站点：{status.station_name}（{status.station_code}）\n人员：{status.persons}\n办件：{status.cases}\n"
            f"待同步：{status.pending_sync}（被退回 {status.rejected_sync}）\n最近备份：{status.last_backup}\n"
            f"数据文件夹：{status.data_dir}"
        )
    return 0
