"""``fuwutai-platform``: run and administer the reference provincial platform."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sync.protocol import CASE_TRANSITIONS, STREAMS
from sync.server.admin import ROLES, AdminError
from sync.server.db import DB_ENV, DEFAULT_DB_URL, Database

EXIT_USAGE = 2
EXIT_REFUSED = 1


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # argparse's own English errors, with a Chinese lead
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: 参数错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="fuwutai-platform",
        description="参考省级平台：同步协议（docs/sync-protocol.md）的参考实现及其管理命令。",
    )
    parser.add_argument(
        "--db",
        default=None,
        help=f"数据库：SQLite 文件路径或 URL（如 postgresql+psycopg://用户@主机/库）。默认取环境变量 {DB_ENV}，"
        f"否则为 {DEFAULT_DB_URL}",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    # Every command also takes --db after its name (fuwutai-platform station add … --db x.db).
    db_option = _Parser(add_help=False)
    db_option.add_argument("--db", dest="db_sub", default=None, help="数据库（同上）")

    serve = sub.add_parser(
        "serve", help="启动平台服务", description="启动平台 HTTP 服务（Ctrl+C 停止）。", parents=[db_option]
    )
    serve.add_argument("--host", default="127.0.0.1", help="监听地址，默认 127.0.0.1（仅本机）")
    serve.add_argument("--port", type=int, default=8765, help="监听端口，默认 8765")
    serve.add_argument("--name", default="参考省级平台", help="平台名称（客户端连接检查时显示）")

    station = sub.add_parser("station", help="站点管理").add_subparsers(dest="action", metavar="操作")
    add = station.add_parser(
        "add", help="添加站点", description="添加一个服务站点（以行政区划代码标识）。", parents=[db_option]
    )
    add.add_argument("code", help="站点行政区划代码（6、9 或 12 位）")
    add.add_argument("name", help="站点名称，如 “某某镇劳动保障服务站”")
    station.add_parser("list", help="列出站点", parents=[db_option])

    token = sub.add_parser("token", help="登记令牌").add_subparsers(dest="action", metavar="操作")
    create = token.add_parser(
        "create", help="生成一次性登记令牌", description="生成工作站登记用的一次性令牌。", parents=[db_option]
    )
    create.add_argument("--station", required=True, help="站点代码")
    create.add_argument("--hours", type=int, default=72, help="有效小时数，默认 72")

    user = sub.add_parser("user", help="工作人员账号").add_subparsers(dest="action", metavar="操作")
    uadd = user.add_parser(
        "add", help="添加在线登录账号", description="添加工作人员在线登录账号。", parents=[db_option]
    )
    uadd.add_argument("username", help="用户名")
    uadd.add_argument("--station", required=True, help="所属站点代码")
    uadd.add_argument("--name", required=True, help="姓名（显示名）")
    uadd.add_argument(
        "--role", choices=ROLES, default="clerk", help="角色：clerk 经办、reviewer 审核、admin 站点管理员"
    )
    uadd.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码（否则交互输入）")

    publish = sub.add_parser(
        "publish",
        help="发布参考数据",
        description="发布参考数据的新版本（整体替换），各工作站下次同步时获取。",
        parents=[db_option],
    )
    publish.add_argument("stream", choices=STREAMS, help="数据类别")
    publish.add_argument("file", type=Path, help="JSON 文件（条目列表或含 entries 的对象），或定义文件所在文件夹")

    export = sub.add_parser(
        "export", help="导出记录（核对用）", description="以 JSON 打印平台上的记录。", parents=[db_option]
    )
    export.add_argument("kind", choices=("cases", "persons", "employers", "households", "postings"), help="记录类别")
    export.add_argument("--json", action="store_true", help="以 JSON 输出（默认即为 JSON）")
    export.add_argument("--station", default=None, help="只导出某个站点的记录")

    reset = sub.add_parser(
        "reset", help="下达重新同步指令", description="要求某站点所有工作站重新下载全部数据。", parents=[db_option]
    )
    reset.add_argument("--station", required=True, help="站点代码")

    device = sub.add_parser("device", help="设备管理").add_subparsers(dest="action", metavar="操作")
    revoke = device.add_parser(
        "revoke", help="注销设备", description="注销一台工作站，其凭据立即失效。", parents=[db_option]
    )
    revoke.add_argument("device_id", metavar="ID", help="设备编号")
    dlist = device.add_parser("list", help="列出设备", parents=[db_option])
    dlist.add_argument("--station", default=None, help="只列出某站点的设备")

    case = sub.add_parser("case", help="平台侧办件处理").add_subparsers(dest="action", metavar="操作")
    command = case.add_parser(
        "command",
        help="执行办件操作（如县级审核通过）",
        description="在平台上执行办件状态变更，结果经同步回到站点。",
        parents=[db_option],
    )
    command.add_argument("case_id", help="办件编号（记录 id）")
    command.add_argument("case_action", choices=sorted(CASE_TRANSITIONS), metavar="ACTION", help="操作，如 approve")
    command.add_argument("--note", default=None, help="备注或原因")

    qr = sub.add_parser("qr", help="电子社保卡二维码（测试、培训用）").add_subparsers(dest="action", metavar="操作")
    issue = qr.add_parser(
        "issue", help="签发测试二维码", description="签发一个测试用电子社保卡二维码令牌。", parents=[db_option]
    )
    issue.add_argument("--name", required=True, help="姓名")
    issue.add_argument("--doc-number", required=True, help="证件号码（请使用合成号码）")
    issue.add_argument("--doc-type", default="resident_id", help="证件类型，默认 resident_id")
    issue.add_argument("--card-number", default=None, help="社保卡卡号")
    issue.add_argument("--minutes", type=int, default=10, help="有效分钟数，默认 10")

    appointment = sub.add_parser("appointment", help="网上预约（就业帮 APP 替身）").add_subparsers(
        dest="action", metavar="操作"
    )
    book = appointment.add_parser(
        "book",
        help="登记一条网上预约",
        description="为站点登记一条网上预约，下次同步后出现在“今日预约”。",
        parents=[db_option],
    )
    book.add_argument("--station", required=True, help="站点代码")
    book.add_argument("--name", required=True, help="预约人姓名")
    book.add_argument("--day", required=True, type=date.fromisoformat, help="预约日期 YYYY-MM-DD")
    book.add_argument("--slot", default=None, help="时段，如 09:00-10:00")
    book.add_argument("--item", default=None, help="事项代码，如 job_seeking")
    book.add_argument("--doc-number", default=None, help="证件号码（请使用合成号码；站点已有此人时关联）")

    app_key = sub.add_parser("app-key", help="网上渠道密钥").add_subparsers(dest="action", metavar="操作")
    app_key.add_parser("create", help="生成网上渠道（就业帮 APP 替身）密钥", parents=[db_option])
    return parser


_EXPORT_ENTITIES = {
    "cases": "case",
    "persons": "person",
    "employers": "employer",
    "households": "household",
    "postings": "job_posting",
}


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("密码：")
    if first != getpass.getpass("再次输入密码："):
        raise AdminError("两次输入的密码不一致。")
    return first


def run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from sync.server import admin

    command = args.command
    if command is None:
        parser.print_help()
        return 0
    action = getattr(args, "action", None)
    if command in ("station", "token", "user", "device", "case", "qr", "app-key", "appointment") and action is None:
        parser.parse_args([command, "-h"])
    db = Database(getattr(args, "db_sub", None) or args.db)
    try:
        if command == "serve":
            from sync.server.runner import serve

            print(f"参考省级平台已启动：http://{args.host}:{args.port}（数据库 {db.engine.url!r}）", file=sys.stderr)
            serve(db, args.host, args.port, args.name)
        elif command == "station" and action == "add":
            admin.add_station(db, args.code, args.name)
            print(f"已添加站点 {args.code} {args.name}")
        elif command == "station":
            _print_json(admin.list_stations(db))
        elif command == "token":
            print(admin.create_enrol_token(db, args.station, hours=args.hours))
        elif command == "user":
            password = _read_password(args.password_stdin)
            admin.add_user(db, args.station, args.username, args.name, args.role, password)
            print(f"已添加账号 {args.username}（站点 {args.station}）")
        elif command == "publish":
            info = admin.publish(db, args.stream, args.file)
            print(f"已发布 {info.stream} 第 {info.version} 版，共 {info.total} 条")
        elif command == "export":
            _print_json(admin.export(db, _EXPORT_ENTITIES[args.kind], args.station))
        elif command == "reset":
            count = admin.order_reset(db, args.station)
            print(f"已向站点 {args.station} 的 {count} 台工作站下达重新同步指令")
        elif command == "device" and action == "revoke":
            admin.revoke_device(db, args.device_id)
            print(f"已注销设备 {args.device_id}")
        elif command == "device":
            _print_json(admin.list_devices(db, args.station))
        elif command == "case":
            _print_json(admin.case_command(db, args.case_id, args.case_action, args.note))
        elif command == "qr":
            person = {
                "name": args.name,
                "doc_type": args.doc_type,
                "doc_number": args.doc_number,
                "card_number": args.card_number,
            }
            print(admin.issue_qr(db, person, minutes=args.minutes))
        elif command == "app-key":
            print(admin.create_app_key(db))
        elif command == "appointment":
            from sync.server.appointment_service import book_online
            from sync.server.errors import ApiError

            try:
                appointment_id = book_online(
                    db,
                    args.station,
                    applicant_name=args.name,
                    day=args.day,
                    doc_number=args.doc_number,
                    item_code=args.item,
                    slot=args.slot,
                )
            except ApiError as error:
                raise AdminError(str(error.message)) from error
            print(f"已登记网上预约 {appointment_id}（站点 {args.station}，{args.day.isoformat()}）")
    except AdminError as error:
        print(f"fuwutai-platform: {error}", file=sys.stderr)
        return EXIT_REFUSED
    finally:
        db.dispose()
    return 0


def main(argv: Sequence[str] | None = None) -> None:
    parser = build_parser()
    args = parser.parse_args(argv)
    sys.exit(run(args, parser))
