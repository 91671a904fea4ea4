"""``fuwutai codes`` and ``fuwutai calendar``: local reference data for IT staff and station admins."""

from __future__ import annotations

import argparse
from datetime import date

from app.cli.commands import CLI_ACTOR, opened
from app.cli.output import CliError, print_json, print_table
from app.refdata.local_tables import (
    calendar_overrides,
    effective_code_tables,
    set_calendar_override,
    set_local_code,
    working_calendar,
)


def cmd_codes_list(args: argparse.Namespace) -> int:
    with opened(args) as store, store.session() as session:
        tables = effective_code_tables(session)
    if args.table:
        table = tables.get(args.table)
        if table is None:
            raise CliError(f"没有名为“{args.table}”的代码表。不带参数运行“fuwutai codes list”可查看全部代码表。")
        if args.json:
            print_json([{"code": e.code, "label": e.label, "parent": e.parent} for e in table.entries])
        else:
            editable = "可在本机修改" if table.editable else "不可修改"
            print(f"{table.name}（{table.table}，版本 {table.version}，{editable}）")
            print_table(["代码", "名称", "上级"], [[e.code, e.label, e.parent] for e in table.entries])
        return 0
    if args.json:
        print_json(
            [
                {"table": t.table, "name": t.name, "version": t.version, "editable": t.editable, "entries": len(t)}
                for t in tables.values()
            ]
        )
    else:
        print_table(
            ["代码表", "名称", "版本", "条目", "本机可改"],
            [[t.table, t.name, t.version, len(t), "是" if t.editable else "否"] for t in tables.values()],
        )
    return 0


def cmd_codes_set(args: argparse.Namespace) -> int:
    with opened(args) as store, store.session() as session:
        set_local_code(
            session, CLI_ACTOR, args.table, args.code, args.label or "", parent=args.parent, active=not args.retire
        )
    print(f"已{'停用' if args.retire else '保存'}代码表 {args.table} 的代码 {args.code}。")
    return 0


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CliError(f"日期“{text}”格式不正确，请写成 2026-10-08 这样的形式。") from exc


def cmd_calendar_set(args: argparse.Namespace) -> int:
    day = _day(args.date)
    decision = True if args.workday else False if args.holiday else None
    with opened(args) as store, store.session() as session:
        set_calendar_override(session, CLI_ACTOR, day, decision, args.note)
    words = {True: "工作日", False: "休息日", None: "恢复为全国统一安排"}
    print(f"已将 {day} 设为{words[decision]}。")
    return 0


def cmd_calendar_show(args: argparse.Namespace) -> int:
    start = _day(args.start) if args.start else date.today()
    with opened(args) as store, store.session() as session:
        calendar = working_calendar(session)
        overrides = calendar_overrides(session)
    days = [start.fromordinal(start.toordinal() + i) for i in range(args.days)]
    rows = [
        [
            d.isoformat(),
            "一二三四五六日"[d.weekday()],
            "工作日" if calendar.is_workday(d) else "休息",
            "本机设定" if d in overrides else "",
        ]
        for d in days
    ]
    if args.json:
        print_json([{"date": r[0], "workday": r[2] == "工作日", "local": bool(r[3])} for r in rows])
    else:
        print_table(["日期", "星期", "", "来源"], rows)
        for warning in calendar.unknown_year_warnings():
            print(f"注意：{warning}")
    return 0


def add_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    codes = sub.add_parser("codes", help="代码表").add_subparsers(dest="action", metavar="操作")
    p = codes.add_parser("list", help="列出代码表，或列出某个代码表的全部代码")
    p.add_argument("table", nargs="?")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_codes_list)
    p = codes.add_parser("set", help="在本机可修改的代码表中新增、改名或停用代码")
    p.add_argument("table")
    p.add_argument("code")
    p.add_argument("label", nargs="?")
    p.add_argument("--parent")
    p.add_argument("--retire", action="store_true", help="停用此代码")
    p.set_defaults(func=cmd_codes_set)

    cal = sub.add_parser("calendar", help="工作日历").add_subparsers(dest="action", metavar="操作")
    p = cal.add_parser("set", help="把某一天设为工作日或休息日（覆盖全国统一安排）")
    p.add_argument("date")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--workday", action="store_true")
    group.add_argument("--holiday", action="store_true")
    group.add_argument("--clear", action="store_true", help="取消本机设定")
    p.add_argument("--note")
    p.set_defaults(func=cmd_calendar_set)
    p = cal.add_parser("show", help="显示若干天的工作日安排")
    p.add_argument("--start", help="起始日期（默认今天）")
    p.add_argument("--days", type=int, default=14)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_calendar_show)
