"""A QR scanner in keyboard mode types into whatever has focus: notice the scan anywhere in the window.

An application-wide event filter feeds every key press to ``WedgeDetector`` (pure, in app.cards.qr).
When a burst turns out to be a scan, the scanned characters are taken back out of the field that
received them and ``scanned`` is emitted with a token, verified through the platform when a verifier
is available, otherwise kept "to verify" with a message saying so. The code itself is never logged.
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit, QWidget


class QrScanFilter(QObject):
    scanned = Signal(object)  # app.cards.QrToken after verification (or marked to verify)

    def __init__(self, verifier: Any = None) -> None:
        super().__init__()
        from app.cards import WedgeDetector

        self.detector = WedgeDetector()
        self.verifier = verifier

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

        self.scanned.emit(verify_token(token_from_scan(scan), self.verifier))
