"""Qt's own strings are Chinese too: a dialog's standard buttons never say "Save" or "Cancel"."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from ui.i18n import install_translator


def test_standard_buttons_are_chinese(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translator(app)
    standard = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(standard.Save | standard.Cancel | standard.Ok)
    qtbot.addWidget(box)
    texts = {button.text().replace("&", "") for button in box.buttons()}
    assert texts.isdisjoint({"Save", "Cancel", "OK"}), texts
    assert any("保存" in text for text in texts), texts
    assert any("取消" in text for text in texts), texts
