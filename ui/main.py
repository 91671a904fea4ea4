"""Composition root of the desktop program and the ``fuwutai`` console entry point.

Bare ``fuwutai`` (or ``fuwutai gui``) opens the desktop app on the station's data folder;
``fuwutai demo`` opens it on the embedded demo station; every other subcommand is the headless CLI
(``app.cli``), which never loads Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

GUI_COMMANDS = {"gui", "demo"}


def _command(argv: Sequence[str]) -> str | None:
    skip = False
    for token in argv:
        if skip:
            skip = False
            continue
        if token == "--data-dir":
            skip = True
            continue
        if token.startswith("-"):
            continue
        return token
    return None


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    command = _command(args)
    if command is not None and command not in GUI_COMMANDS:
        from app.cli.main import run

        sys.exit(run(args))
    if any(a in {"-h", "--help"} for a in args) and command is None:
        from app.cli.main import run

        sys.exit(run(args))
    from ui.app import run_gui

    sys.exit(run_gui(args, demo=command == "demo"))
