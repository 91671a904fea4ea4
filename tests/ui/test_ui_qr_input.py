"""A keyboard-wedge scan typed into a focused field is noticed, taken back out, and kept "to verify"."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QRegularExpression, Qt
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
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


PHONE = r"[0-9+\- ]{0,20}"


def _scan_into(qtbot: QtBot, monkeypatch: Any, field: Any, code: str) -> list[Any]:
    """A scanner's burst (10 ms between keys, Enter at the end) typed into ``field`` with the filter on."""
    from ui import qr_input

    clock = iter(1000 + x * 0.01 for x in range(10_000))
    monkeypatch.setattr(qr_input.time, "monotonic", lambda: next(clock))
    detector = qr_input.QrScanFilter()
    detector.install()
    tokens: list[Any] = []
    detector.scanned.connect(tokens.append)
    try:
        for ch in code:
            _press(field, ord(ch.upper()) if ch.isalpha() else ord(ch), ch)
        _press(field, Qt.Key.Key_Return)
    finally:
        QApplication.instance().removeEventFilter(detector)
    return tokens


@pytest.mark.parametrize(
    ("prepare", "before", "cursor"),
    [
        # a phone field: its validator refuses most scanned characters
        (lambda f: f.setValidator(QRegularExpressionValidator(QRegularExpression(PHONE))), "13800001111", 11),
        # a field near its length limit
        (lambda f: f.setMaxLength(12), "5201021988", 10),
        # the cursor in mid-text: the scan lands in the middle
        (lambda f: None, "贵州省贵阳市南明区", 3),
    ],
)
def test_a_scan_never_costs_the_clerk_their_text(
    qtbot: QtBot, monkeypatch: Any, prepare: Any, before: str, cursor: int
) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    prepare(field)
    field.setText(before)
    field.setCursorPosition(cursor)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=5_000)
    tokens = _scan_into(qtbot, monkeypatch, field, "QR7F3A9C2E41")
    assert len(tokens) == 1 and tokens[0].code == "QR7F3A9C2E41"
    assert field.text() == before and field.cursorPosition() == cursor


def test_a_scan_into_a_text_box_is_taken_back(qtbot: QtBot, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    box = QPlainTextEdit()
    qtbot.addWidget(box)
    box.setPlainText("入户走访情况：\n家中两人务工")
    cursor = box.textCursor()
    cursor.setPosition(7)
    box.setTextCursor(cursor)
    box.show()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=5_000)
    tokens = _scan_into(qtbot, monkeypatch, box, "QR7F3A9C2E41")
    assert len(tokens) == 1
    assert box.toPlainText() == "入户走访情况：\n家中两人务工" and box.textCursor().position() == 7


def test_a_scan_into_a_code_picker_is_taken_back(qtbot: QtBot, monkeypatch: Any) -> None:
    """The forms' code pickers are editable combo boxes: the scan lands in their line edit."""
    from PySide6.QtWidgets import QComboBox

    box = QComboBox()
    qtbot.addWidget(box)
    box.setEditable(True)
    box.addItems(["汉族", "苗族", "布依族"])
    box.setEditText("苗")
    box.show()
    box.setFocus()
    qtbot.waitUntil(box.hasFocus, timeout=5_000)
    target = QApplication.focusWidget()
    tokens = _scan_into(qtbot, monkeypatch, target, "QR7F3A9C2E41")
    assert len(tokens) == 1 and box.currentText() == "苗"
