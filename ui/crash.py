"""Unhandled errors in the desktop program: logged (without personal data) and apologised for in Chinese.

``install_crash_handler`` replaces ``sys.excepthook`` (errors in Qt slots and the GUI thread) and
``threading.excepthook`` (worker threads). The traceback goes to the rotating log in the data folder
(``app.logsetup``; ID numbers, phones and SQL parameters are removed there); the user sees an apology
that says their saved data is safe and where the log is, and the program carries on.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger("fuwutai.crash")


def current_log_file() -> Path:
    """The log file in use; before the data folder is known, the per-user data folder's (or a temp) log."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    from app.logsetup import configure_logging
    from app.store import DataDir, resolve_data_dir

    try:
        return configure_logging(DataDir(resolve_data_dir(None)).logs)
    except OSError:
        return configure_logging(Path(tempfile.gettempdir()) / "fuwutai-logs")


def apology_text(log_file: Path) -> str:
    return QCoreApplication.translate(
        "Crash",
        "很抱歉，程序出现了意外错误。\n\n"
        "已经保存的数据不受影响；刚才正在填写、尚未保存的内容可能需要重新填写。\n\n"
        "错误经过已记录在日志文件中（不含个人信息）：\n{path}\n\n"
        "建议保存手头工作后重新启动程序。如果再次出现，请把这个日志文件，"
        "或运行“fuwutai doctor --bundle 诊断包.zip”生成的诊断包，交给县级信息技术人员。",
    ).format(path=log_file)


class _Notifier(QObject):
    crashed = Signal(str)


class CrashHandler:
    def __init__(self, app: QApplication | None, show: Callable[[str], None] | None = None) -> None:
        self.app = app
        self.showing = False
        self.count = 0
        self._show = show or self._message_box
        self._notifier = _Notifier()
        self._notifier.crashed.connect(self._on_crash, Qt.ConnectionType.QueuedConnection)
        self._previous: Any = None
        self._previous_thread: Any = None

    def install(self) -> None:
        self._previous, self._previous_thread = sys.excepthook, threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook = self._previous
            threading.excepthook = self._previous_thread

    def record(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> Path:
        path = current_log_file()
        log.critical("未处理的错误 / unhandled exception (%s)", kind.__name__, exc_info=(kind, value, tb))
        for handler in logging.getLogger().handlers:
            handler.flush()
        return path

    def excepthook(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            if self._previous is not None:
                self._previous(kind, value, tb)
            return
        self.count += 1
        path = self.record(kind, value, tb)
        # Queued: the apology shows from the event loop on the GUI thread, whichever thread failed.
        self._notifier.crashed.emit(str(path))

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    @Slot(str)
    def _on_crash(self, path: str) -> None:
        if self.showing:  # one apology at a time; further errors are logged
            return
        self.showing = True
        try:
            self._show(apology_text(Path(path)))
        finally:
            self.showing = False

    def _message_box(self, text: str) -> None:
        if self.app is None:
            sys.stderr.write(text + "\n")
            return
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Crash", "程序出错"), text)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()


_installed: CrashHandler | None = None


def install_crash_handler(app: QApplication | None) -> CrashHandler:
    global _installed  # noqa: PLW0603  (one hook per process, like sys.excepthook itself)
    if _installed is not None:
        _installed.uninstall()
    _installed = CrashHandler(app)
    _installed.install()
    return _installed
