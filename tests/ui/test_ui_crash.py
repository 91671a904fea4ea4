"""Crash handling: an unhandled error is logged without personal data and the user gets an apology."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.logsetup import configure_logging


def _clean_root_handlers(path: Path) -> None:
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None) == str(path):
            root.removeHandler(handler)
            handler.close()


def test_unhandled_error_is_logged_redacted_and_apologised(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.crash import CrashHandler

    log_file = configure_logging(tmp_path / "logs")
    shown: list[str] = []
    handler = CrashHandler(QApplication.instance(), show=shown.append)  # type: ignore[arg-type]
    handler.install()
    try:
        try:
            raise RuntimeError("保存 11010519491231002X 13812345678 失败 [parameters: ('王小明', 'x')]")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)

        def worker() -> None:
            raise ValueError("worker failed")

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    finally:
        handler.uninstall()
        _clean_root_handlers(log_file)
    text = log_file.read_text(encoding="utf-8")
    assert "RuntimeError" in text and "Traceback" in text and "ValueError: worker failed" in text
    for secret in ("11010519491231002X", "13812345678", "王小明"):
        assert secret not in text
    assert "很抱歉" in shown[0] and str(log_file) in shown[0]
    assert handler.count == 2


def test_keyboard_interrupt_is_not_a_crash(qtbot: QtBot) -> None:
    from ui.crash import CrashHandler

    shown: list[str] = []
    handler = CrashHandler(None, show=shown.append)
    previous: list[type[BaseException]] = []
    handler._previous = lambda kind, value, tb: previous.append(kind)
    handler.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert previous == [KeyboardInterrupt] and handler.count == 0
