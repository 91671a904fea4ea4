"""Type-specific editors: dates, code pickers, money, phone, attachments, commitment."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.catalog import Catalog, ItemDefinition
from ui.forms import AttachmentEditor, CodeEditor, CommitmentEditor, DateEditor, FormView, MoneyEditor

from .conftest import Keyboard, MakeForm


@pytest.mark.parametrize("typed", ["20250301", "2025-3-1", "2025-03-01", "2025/3/1"])
def test_a_date_is_typed_in_any_usual_way(shown_form: FormView, keyboard: Keyboard, typed: str) -> None:
    shown_form.editor("unemployed_since").focus_target().setFocus()
    keyboard.expect("unemployed_since").type(typed).tab()
    keyboard.expect("unemployment_cause")
    assert shown_form.values()["unemployed_since"] == "2025-03-01"


def test_a_date_can_be_emptied_and_tab_passes_an_empty_date(shown_form: FormView, keyboard: Keyboard) -> None:
    editor = shown_form.editor("unemployed_since")
    assert isinstance(editor, DateEditor)
    editor.set_value("2024-02-29")
    assert editor.edit.text() == "2024-02-29"
    editor.focus_target().setFocus()
    keyboard.expect("unemployed_since").press(Qt.Key.Key_Delete)
    assert shown_form.values()["unemployed_since"] is None and editor.edit.text().strip() == ""
    keyboard.tab().expect("unemployment_cause")
    assert editor.edit.calendarPopup()


def test_code_picker_finds_by_part_of_the_label_or_by_code(
    qtbot: QtBot, shown_form: FormView, keyboard: Keyboard
) -> None:
    editor = shown_form.editor("unemployment_cause")
    assert isinstance(editor, CodeEditor)
    editor.focus_target().setFocus()
    keyboard.expect("unemployment_cause").type("转失业").tab()
    assert shown_form.values()["unemployment_cause"] == "02"
    assert editor.combo.currentText() == "就业转失业"

    editor.focus_target().setFocus()
    editor.combo.lineEdit().selectAll()
    keyboard.expect("unemployment_cause").type("06").tab()  # the code itself
    assert shown_form.values()["unemployment_cause"] == "06"

    editor.focus_target().setFocus()
    editor.combo.lineEdit().selectAll()
    keyboard.expect("unemployment_cause").type("没有这项")
    qtbot.waitUntil(lambda: "请从列表中选择" in shown_form.rows["unemployment_cause"].error.text())
    assert shown_form.values()["unemployment_cause"] is None
    completer = editor.combo.completer()
    assert completer is not None and completer.filterMode() == Qt.MatchFlag.MatchContains


def test_money_accepts_two_decimals_and_is_tidied(shown_form: FormView, keyboard: Keyboard) -> None:
    editor = shown_form.editor("expected_wage")
    assert isinstance(editor, MoneyEditor)
    editor.focus_target().setFocus()
    keyboard.expect("expected_wage").type("1800.567").type("元").tab()  # the third decimal and 元 are refused
    assert shown_form.values()["expected_wage"] == "1800.56"
    editor.set_value(2500)
    assert shown_form.values()["expected_wage"] == "2500.00"


def test_phone_is_checked_as_typed(qtbot: QtBot, shown_form: FormView, keyboard: Keyboard) -> None:
    shown_form.editor("phone").focus_target().setFocus()
    keyboard.expect("phone").type("1380000")
    qtbot.waitUntil(lambda: "11位" in shown_form.rows["phone"].error.text())
    keyboard.type("0000")
    qtbot.waitUntil(lambda: not shown_form.rows["phone"].error.isVisibleTo(shown_form))


def test_an_added_file_is_hashed_and_announced(qtbot: QtBot, shown_form: FormView, tmp_path: Path) -> None:
    editor = shown_form.editor("attachments")
    assert isinstance(editor, AttachmentEditor)
    scan = tmp_path / "身份证正面.png"
    scan.write_bytes(b"\x89PNG synthetic scan")
    expected = hashlib.sha256(scan.read_bytes()).hexdigest()
    with qtbot.waitSignal(shown_form.attachmentAdded) as blocker:
        assert editor.add_file(scan) == expected
    assert blocker.args == [str(scan), expected]
    assert shown_form.values()["attachments"] == [expected]
    assert editor.list.item(0).text() == "身份证正面.png"

    with qtbot.assertNotEmitted(shown_form.attachmentAdded):
        editor.add_file(scan)  # the same file again is not added twice
    assert editor.list.count() == 1

    assert editor.add_file(tmp_path / "missing.png") is None
    assert "无法读取文件" in shown_form.rows["attachments"].error.text()

    editor.list.setCurrentRow(0)
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert shown_form.values()["attachments"] == []


def test_attachment_limit(qtbot: QtBot, make_form: MakeForm, catalog: Catalog, tmp_path: Path) -> None:
    definition: ItemDefinition = catalog.get("unemployment_registration")
    view = make_form(definition)
    editor = view.editor("attachments")
    assert isinstance(editor, AttachmentEditor)
    limit = editor.field.max
    assert isinstance(limit, int)
    view.set_values({"attachments": [f"{index:064x}" for index in range(limit)]})
    assert not editor.add_button.isEnabled()
    extra = tmp_path / "extra.pdf"
    extra.write_bytes(b"%PDF synthetic")
    assert editor.add_file(extra) is None
    assert str(limit) in view.rows["attachments"].error.text()


def test_commitment_shows_the_item_text_and_the_signed_box(shown_form: FormView, unemployment: ItemDefinition) -> None:
    editor = shown_form.editor("truth_commitment")
    assert isinstance(editor, CommitmentEditor)
    assert unemployment.commitment is not None
    assert editor.text_label is not None and editor.text_label.text() == unemployment.commitment.text
    assert editor.signed.text() == "申请人已签署书面承诺"
    editor.signed.setChecked(True)
    assert shown_form.values()["truth_commitment"] is True
