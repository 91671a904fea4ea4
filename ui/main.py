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
    if "--self-test" in args:  # installed-program check (ui/selftest.py); never touches real data
        from ui.selftest import run_self_test

        sys.exit(run_self_test(args))
    command = _command(args)
    if (command is not None and command not in GUI_COMMANDS) or (
        command is None and any(a in {"-h", "--help"} for a in args)
    ):
        from app.cli import card_commands
        from app.cli.main import run
        from sync.client.card_services import PlatformCardAuthenticator, store_api_factory
        from sync.client.cli import add_parsers as sync_parsers

        card_commands.use_online_authentication(lambda store: PlatformCardAuthenticator(store_api_factory(store)))
        sys.exit(run(args, extensions=(sync_parsers,)))
    from ui.app import run_gui

    sys.exit(run_gui(args, demo=command == "demo"))
