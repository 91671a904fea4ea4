"""``fuwutai-platform``: the reference provincial platform's admin command (built out by the sync issue)."""

from __future__ import annotations

import argparse
import sys


def main() -> None:
    parser = argparse.ArgumentParser(prog="fuwutai-platform", description="参考省级平台（同步协议的参考实现）")
    parser.add_argument("command", nargs="?", help="serve | station | token | user | publish | export")
    args = parser.parse_args()
    print("参考省级平台尚未包含在此版本中；同步功能完成后可用“fuwutai-platform serve”启动。", file=sys.stderr)
    sys.exit(2 if args.command else 0)
