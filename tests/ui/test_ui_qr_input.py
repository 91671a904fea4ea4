"""A keyboard-wedge scan typed into a focused field is noticed, taken back out, and kept "to verify"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot


def _press(widget: Any, key: int, text: str = "") -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text))


def test_fast_burst_is_a_scan_and_slow_typing_is_not(qtbot: QtBot, monkeypatch: Any) -> None:
    from ui import qr_input

    clock = iter(x * 0.01 for x in range(10_000))  # a scanner: 10 ms between keys
    monkeypatch.setattr(qr_input.time, "monotonic", lambda: next(clock))
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=5_000)
    detector = qr_input.QrScanFilter()
    detector.install()
    tokens: list[Any] = []
    detector.scanned.connect(tokens.append)
    try:
        field.setText("张")
        code = "QR7F3A9C2E41"
        for ch in code:
            _press(field, ord(ch.upper()) if ch.isalpha() else ord(ch), ch)
        _press(field, Qt.Key.Key_Return)
        assert len(tokens) == 1 and tokens[0].code == code and tokens[0].state == "to_verify"
        assert "联网核验" in tokens[0].message
        assert field.text() == "张"  # the line edit received the scanned characters; they were taken back out
        slow = iter(x * 0.2 for x in range(10_000))  # a person: 200 ms between keys
        monkeypatch.setattr(qr_input.time, "monotonic", lambda: next(slow))
        for ch in "abcdefghij":
            _press(field, ord(ch.upper()), ch)
        _press(field, Qt.Key.Key_Return)
        assert len(tokens) == 1
    finally:
        QApplication.instance().removeEventFilter(detector)
