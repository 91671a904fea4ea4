"""A QR scanner in keyboard mode types into whatever has focus: notice the scan anywhere in the window.

An application-wide event filter feeds every key press to ``WedgeDetector`` (pure, in app.cards.qr).
When a burst turns out to be a scan, the scanned characters are taken back out of the field that
received them and ``scanned`` is emitted with a token, verified through the platform when a verifier
is available, otherwise kept "to verify" with a message saying so. The platform call runs on a thread
of its own (``verifying`` is emitted at once so the window can say so); the GUI never waits on the
network. The code itself is never logged.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


class QrScanFilter(QObject):
    scanned = Signal(object)  # app.cards.QrToken after verification (or marked to verify)
    verifying = Signal()  # a scan was noticed and is being checked with the platform

    def __init__(self, verifier: Any = None) -> None:
        super().__init__()
        from app.cards import WedgeDetector

        self.detector = WedgeDetector()
        self.verifier = verifier
        self._pool: ThreadPoolExecutor | None = None

    def close(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def install(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        # One key press reaches the filter once per object in its delivery chain (window, focus widget,
        # parents it propagates to); count it once, where it is delivered to the focused widget.
        focus = QApplication.focusWidget()
        if watched is not focus and not (focus is None and isinstance(watched, QWidget) and watched.isWindow()):
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            key = "Enter"
        else:
            key = event.text() if event.text() and event.text().isprintable() else f"<{event.key()}>"
        scan = self.detector.feed(key, time.monotonic())
        if scan is None:
            return False
        self._take_back(scan.length)
        self._deliver(scan)
        return True  # the Enter that ended a scan must not submit a form

    @staticmethod
    def _take_back(length: int) -> None:
        widget = QApplication.focusWidget()
        if isinstance(widget, QLineEdit):
            text = widget.text()
            widget.setText(text[:-length] if len(text) >= length else "")
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            cursor = widget.textCursor()
            for _ in range(length):
                cursor.deletePreviousChar()

    def _deliver(self, scan: Any) -> None:
        from app.cards import verify_token
        from app.cards.qr import token_from_scan

        token = token_from_scan(scan)
        if self.verifier is None:
            self.scanned.emit(verify_token(token, None))
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="qr-verify")
        self.verifying.emit()
        verifier = self.verifier
        # The signal is emitted on the worker thread; Qt queues it to receivers on the GUI thread.
        self._pool.submit(lambda: self.scanned.emit(verify_token(token, verifier)))


def deliver_scan(ctx: Any, window: Any, token: Any) -> None:
    """Where a scanned 电子社保卡 code goes.

    A case form that is open takes it (the code is kept on the case, verified or "to verify"); else a
    verified holder is looked up like a card read on the 人员 page; else the clerk is told what happened.
    """
    from PySide6.QtCore import QCoreApplication

    from ui.pages.case_editor import CaseEditor

    editors = [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseEditor) and w.isVisible()]
    active = QApplication.activeModalWidget() or QApplication.activeWindow()
    editor = active if isinstance(active, CaseEditor) else (editors[-1] if len(editors) == 1 else None)
    if editor is not None:
        editor.attach_qr(token)
        return
    if token.state == "verified" and token.holder is not None:
        window.statusBar().showMessage(
            QCoreApplication.translate("QrInput", "电子社保卡核验通过，正在查找此人……"), 15_000
        )
        page = window.show_page("persons")
        page.use_identity(token.holder)
        return
    text = token.message or ""
    if token.state == "to_verify":
        text += QCoreApplication.translate(
            "QrInput", "如正在为此人办理业务，请打开办件表单后再扫描，二维码会随办件记为“待核验”。"
        )
    window.statusBar().showMessage(text, 20_000)
