"""``fuwutai`` command line for IT staff and scripts.

Messages are Chinese; every listing command takes ``--json``; failures exit non-zero with a sentence
that says what to do, never a traceback (the traceback goes to the log file in the data folder).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import Any

from app.cli import card_commands, commands, refdata_commands
from app.cli.output import CliError, fail
from app.errors import UserError
from app.store.errors import StoreError

log = logging.getLogger("fuwutai.cli")


# A subcommand provider outside the core (e.g. sync) adds its parsers to the subcommand group.
Extension = Callable[[Any], None]


def build_parser(extensions: Sequence[Extension] = ()) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fuwutai", description="基层就业服务台 命令行工具")
    parser.add_argument("--data-dir", help="数据文件夹（默认取环境变量 FUWUTAI_HOME，否则为当前用户的应用数据文件夹）")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("init", help="初始化本站数据库")
    p.add_argument("--station-code", required=True, help="站点所在行政区划代码（乡镇 9 位或村 12 位）")
    p.add_argument("--station-name", required=True, help="站点名称")
    p.add_argument("--admin-user", help="同时创建的站点管理员用户名")
    p.add_argument("--admin-name", help="站点管理员姓名")
    p.add_argument("--admin-password", help="站点管理员密码（不填则交互输入或读取 FUWUTAI_ADMIN_PASSWORD）")
    p.set_defaults(func=commands.cmd_init)

    user = sub.add_parser("user", help="工作人员账号").add_subparsers(dest="action", metavar="操作")
    p = user.add_parser("add", help="添加账号")
    p.add_argument("username")
    p.add_argument("--name", required=True, help="工作人员姓名")
    p.add_argument("--role", required=True, choices=["clerk", "reviewer", "admin"], help="角色")
    p.add_argument("--password", help="密码（不填则交互输入或读取 FUWUTAI_PASSWORD）")
    p.set_defaults(func=commands.cmd_user_add)
    p = user.add_parser("list", help="列出账号")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_user_list)
    p = user.add_parser("passwd", help="重设密码")
    p.add_argument("username")
    p.add_argument("--password", help="新密码（不填则交互输入或读取 FUWUTAI_PASSWORD）")
    p.set_defaults(func=commands.cmd_user_passwd)

    person = sub.add_parser("person", help="人员").add_subparsers(dest="action", metavar="操作")
    p = person.add_parser("search", help="按证件号码、姓名、拼音、拼音首字母或手机尾号查询")
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_person_search)
    p = person.add_parser("show", help="查看人员详情（记入审计）")
    p.add_argument("key", help="人员编号或证件号码")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_person_show)

    imp = sub.add_parser("import", help="导入").add_subparsers(dest="what", metavar="类型")
    p = imp.add_parser("persons", help="导入人员花名册（.xlsx 或 .csv，模板见 docs/import-template.md）")
    p.add_argument("file")
    p.add_argument("--skip-invalid", action="store_true", help="跳过有错误的行，只导入正确的行")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_import_persons)

    exp = sub.add_parser("export", help="导出为 Excel")
    exp.add_argument("what", choices=["persons", "cases"])
    exp.add_argument("file")
    exp.set_defaults(func=commands.cmd_export)

    case = sub.add_parser("case", help="办件").add_subparsers(dest="action", metavar="操作")
    p = case.add_parser("list", help="列出办件")
    p.add_argument("--state", help="状态，如 accepted、completed")
    p.add_argument("--item", help="事项代码，如 unemployment_registration")
    p.add_argument("--overdue", action="store_true", help="只列出已超期的")
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_case_list)
    p = case.add_parser("show", help="查看办件")
    p.add_argument("key", help="办件编号或内部编号")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_case_show)

    p = sub.add_parser("backup", help="立即备份数据库（加密），或列出已有备份")
    p.add_argument("--list", action="store_true", help="列出已有备份")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_backup)

    p = sub.add_parser("restore", help="从备份恢复数据库（当前文件会保留在旁边）")
    p.add_argument("file", nargs="?", help="备份文件（默认最近一次备份）")
    p.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    p.set_defaults(func=commands.cmd_restore)

    p = sub.add_parser("doctor", help="检查数据库完整性、迁移、密钥库、审计链和磁盘空间")
    p.add_argument("--json", action="store_true")
    p.add_argument("--repair", action="store_true", help="发现查询索引不一致时重建索引")
    p.add_argument("--bundle", metavar="FILE.zip", help="另外生成诊断包（版本、配置、检查结果、日志；不含个人信息）")
    p.set_defaults(func=commands.cmd_doctor)

    refdata_commands.add_parsers(sub)
    card_commands.add_parsers(sub)
    for extend in extensions:
        extend(sub)

    p = sub.add_parser("status", help="显示本站状态")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=commands.cmd_status)
    return parser


def _chinese_safe_output() -> None:
    """Output piped on a Windows whose code page has no Chinese (cp1252) would crash on the first
    Chinese sentence, after the command's work was done: write UTF-8 there instead."""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "中文".encode(encoding)
        except (LookupError, UnicodeEncodeError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(encoding="utf-8")


def run(argv: Sequence[str] | None = None, extensions: Sequence[Extension] = ()) -> int:
    _chinese_safe_output()
    parser = build_parser(extensions)
    args = parser.parse_args(argv)
    if getattr(args, "func", None) is None:
        parser.print_help()
        return 2
    try:
        result: int = args.func(args)
        return result
    except CliError as exc:
        return fail(str(exc), exc.code)
    except (StoreError, UserError) as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("操作已取消。", 130)
    except Exception:
        log.exception("unexpected error in command %s", args.command)
        return fail(
            "发生意外错误，操作未完成，已保存的数据不受影响。"
            "详情已写入数据文件夹 logs 目录下的日志，请联系信息技术人员。"
        )


def main() -> None:
    sys.exit(run())
