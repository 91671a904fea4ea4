"""One helper for every UI action that touches the store.

    Operation(ctx, parent, job).success(show).failure(show_error).run()

The job runs on the single DB worker; success or failure comes back on the GUI thread. Anything
that takes longer than 200 ms shows a busy cursor and a status-bar message until it ends.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.errors import show_error

BUSY_AFTER_MS = 200


def _sink_alive(sink: Callable[[str], None] | None) -> bool:
    """A status-bar label's setText outlives its window in this global; check the label still exists."""
    if sink is None:
        return False
    owner = getattr(sink, "__self__", None)
    return owner is None or shiboken6.isValid(owner)


class BusyIndicator(QObject):
    """Counts running operations; shows the busy cursor only while at least one runs > 200 ms."""

    def __init__(self) -> None:
        super().__init__()
        self.running = 0
        self.message_sink: Callable[[str], None] | None = None

    def start(self, label: str) -> Callable[[], None]:
        self.running += 1
        shown = False

        def show() -> None:
            nonlocal shown
            if not finished:
                shown = True
                QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
                if self.message_sink and _sink_alive(self.message_sink):
                    self.message_sink(label)

        finished = False
        QTimer.singleShot(BUSY_AFTER_MS, show)

        def stop() -> None:
            nonlocal finished
            finished = True
            self.running -= 1
            if shown:
                QGuiApplication.restoreOverrideCursor()
                if self.message_sink and self.running == 0 and _sink_alive(self.message_sink):
                    self.message_sink("")

        return stop


BUSY = BusyIndicator()


class Operation:
    def __init__(self, ctx: AppContext, parent: QWidget | None, job: Callable[[], Any], label: str = "正在处理……"):
        self._ctx, self._parent, self._job, self._label = ctx, parent, job, label
        self._on_success: Callable[[Any], None] = lambda _result: None
        self._on_failure: Callable[[BaseException], None] = lambda error: show_error(self._parent, error)

    def success(self, callback: Callable[[Any], None]) -> Operation:
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Operation:
        self._on_failure = callback
        return self

    def run(self) -> None:
        stop = BUSY.start(self._label)

        def ok(result: Any) -> None:
            stop()
            self._on_success(result)

        def bad(error: BaseException) -> None:
            stop()
            self._on_failure(error)

        self._ctx.submit(self._job, ok, bad)
