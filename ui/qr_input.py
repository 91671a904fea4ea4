"""A QR scanner in keyboard mode types into whatever has focus: notice the scan anywhere in the window.

An application-wide event filter feeds every key press to ``WedgeDetector`` (pure, in app.cards.qr).
When a burst turns out to be a scan, the field that received it is put back as it was when the burst
began and ``scanned`` is emitted with a token, verified through the platform when a verifier
is available, otherwise kept "to verify" with a message saying so. The platform call runs on a thread
of its own (``verifying`` is emitted at once so the window can say so); the GUI never waits on the
network. The code itself is never logged.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

log = logging.getLogger(__name__)


def _text_part(widget: QWidget | None) -> QWidget | None:
    """The widget that holds the typed text: an editable combo box's (the code pickers) is its line edit."""
    if isinstance(widget, QComboBox) and widget.isEditable() and widget.lineEdit() is not None:
        return widget.lineEdit()
    return widget


@dataclass
class _FieldState:
    """What a text field held, and where its cursor was, when a key burst began.

    A scan is taken back by putting this back, not by deleting "as many characters as were scanned":
    a validator, a length limit or a cursor in mid-text changes what a burst leaves in a field, and the
    clerk's own text must come through untouched."""

    widget: QWidget
    text: str
    cursor: int
    rich: bool = False

    @staticmethod
    def of(widget: QWidget | None) -> _FieldState | None:
        widget = _text_part(widget)
        if isinstance(widget, QLineEdit):
            return _FieldState(widget, widget.text(), widget.cursorPosition())
        if isinstance(widget, QPlainTextEdit):
            return _FieldState(widget, widget.toPlainText(), widget.textCursor().position())
        if isinstance(widget, QTextEdit):
            return _FieldState(widget, widget.toHtml(), widget.textCursor().position(), rich=True)
        return None

    def restore(self, widget: QWidget | None) -> None:
        widget = _text_part(widget)
        if widget is not self.widget:
            return
        if isinstance(widget, QLineEdit):
            if widget.text() != self.text:
                widget.setText(self.text)
            widget.setCursorPosition(self.cursor)
        elif isinstance(widget, QPlainTextEdit | QTextEdit):
            current = widget.toHtml() if self.rich and isinstance(widget, QTextEdit) else widget.toPlainText()
            if current != self.text:
                if self.rich and isinstance(widget, QTextEdit):
                    widget.setHtml(self.text)
                else:
                    widget.setPlainText(self.text)
            cursor = widget.textCursor()
            cursor.setPosition(min(self.cursor, len(widget.toPlainText())))
            widget.setTextCursor(cursor)


class QrScanFilter(QObject):
    scanned = Signal(object)  # app.cards.QrToken after verification (or marked to verify)
    verifying = Signal()  # a scan was noticed and is being checked with the platform

    def __init__(self, verifier: Any = None) -> None:
        super().__init__()
        from app.cards import WedgeDetector

        self.detector = WedgeDetector()
        self.verifier = verifier
        self._pool: ThreadPoolExecutor | None = None
        self._before: _FieldState | None = None

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
        now = time.monotonic()
        if self.detector.starts_burst(now):
            # The field as the clerk left it, before what may be a scanner's burst lands in it.
            self._before = _FieldState.of(focus)
        scan = self.detector.feed(key, now)
        if scan is None:
            return False
        if self._before is not None:
            self._before.restore(QApplication.focusWidget())
            self._before = None
        self._deliver(scan)
        return True  # the Enter that ended a scan must not submit a form

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
        self._pool.submit(self._verify, token, verifier)

    def _verify(self, token: Any, verifier: Any) -> None:  # runs on the qr-verify thread
        from dataclasses import replace

        from app.cards.qr import TO_VERIFY_MESSAGE, verify_token

        try:
            checked = verify_token(token, verifier)
        except Exception as exc:  # noqa: BLE001 - a failure of ours must not lose the scanned code
            log.error("QR verification failed: %s", type(exc).__name__)
            checked = replace(token, state="to_verify", message=TO_VERIFY_MESSAGE)
        self.scanned.emit(checked)


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
