"""What the clerk sees while typing: ID errors, rows appearing, required marks, submit errors."""

from __future__ import annotations

from random import Random

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.catalog import FORM_KEY, Catalog
from app.refdata import CodeTable
from app.validation import synthetic_resident_id
from ui.forms import FormView, IdDocumentEditor

from .conftest import Keyboard, MakeForm


def _error_text(view: FormView, key: str) -> str:
    row = view.rows[key]
    return row.error.text() if row.error.isVisibleTo(view) else ""


def test_a_bad_id_number_shows_the_chinese_error_as_it_is_typed(
    qtbot: QtBot, shown_form: FormView, keyboard: Keyboard
) -> None:
    good = synthetic_resident_id(Random(3), region="520102")
    wrong_check = good[:-1] + ("0" if good[-1] != "0" else "1")
    shown_form.editor("id_doc").focus_target().setFocus()
    keyboard.expect("id_doc").type(wrong_check)
    qtbot.waitUntil(lambda: "校验码" in _error_text(shown_form, "id_doc"))
    assert shown_form.rows["id_doc"].error.text().startswith("身份证号码")  # no repeated "证件号码："

    keyboard.press(Qt.Key.Key_Backspace).type(good[-1])
    qtbot.waitUntil(lambda: _error_text(shown_form, "id_doc") == "")


def test_the_check_follows_the_document_type(qtbot: QtBot, shown_form: FormView) -> None:
    editor = shown_form.editor("id_doc")
    assert isinstance(editor, IdDocumentEditor)
    editor.number.setText("H12345678")
    qtbot.waitUntil(lambda: _error_text(shown_form, "id_doc") != "")
    editor.doc_type.setCurrentIndex(editor.doc_type.findData("hkmo_permit"))
    qtbot.waitUntil(lambda: _error_text(shown_form, "id_doc") == "")
    assert shown_form.values()["id_doc"] == {"doc_type": "hkmo_permit", "number": "H12345678"}


def test_visible_if_shows_and_hides_a_row_as_values_change(qtbot: QtBot, shown_form: FormView) -> None:
    row = shown_form.rows["disability_level"]
    assert not shown_form.is_visible("disability_level") and row.isHidden() and row.label.isHidden()
    shown_form.editor("health").set_value("61")  # 视力残疾
    qtbot.waitUntil(row.isVisible)
    assert shown_form.is_visible("disability_level") and row.label.isVisible()
    assert shown_form.is_required("disability_level") and "*" in row.label.text()
    shown_form.editor("health").set_value("10")  # 健康
    qtbot.waitUntil(row.isHidden)
    assert not shown_form.is_required("disability_level")


def test_a_chain_of_conditions_hides_together(qtbot: QtBot, catalog: Catalog, make_form: MakeForm) -> None:
    view = make_form(catalog.get("follow_up_visit"))
    view.show()
    reached = view.editor("reached")
    reached.set_value(True)
    view.editor("employed_now").set_value(True)
    qtbot.waitUntil(lambda: view.is_visible("employment_form"))
    reached.set_value(False)
    qtbot.waitUntil(lambda: not view.is_visible("employment_form"))
    assert not view.is_visible("employed_now")


def test_required_if_marks_the_label(qtbot: QtBot, shown_form: FormView) -> None:
    label = shown_form.rows["training_types"].label
    shown_form.editor("training_intention").set_value(True)
    qtbot.waitUntil(lambda: shown_form.is_visible("training_types"))
    assert shown_form.is_required("training_types") and "*" in label.text()
    shown_form.editor("training_intention").set_value(False)
    qtbot.waitUntil(lambda: not shown_form.is_visible("training_types"))


def test_material_required_if_follows_the_form(
    catalog: Catalog, code_tables: dict[str, CodeTable], make_form: MakeForm
) -> None:
    definition = catalog.get("employment_registration")
    conditional = next(m for m in definition.materials if m.required_if is not None and not m.required)
    view = make_form(definition)
    assert not view.materials.is_required(conditional.key)
    # Find a value of the condition's field that makes it true, using the field's code table.
    assert conditional.required_if is not None
    field_key = next(iter(conditional.required_if.names))
    for entry in code_tables[view.editor(field_key).field.code_table or ""]:
        view.set_values({field_key: entry.code})
        if view.materials.is_required(conditional.key):
            break
    assert view.materials.is_required(conditional.key)
    assert "必须提供" in view.materials.boxes[conditional.key].text()
    assert conditional.name in view.missing_materials()


def test_show_errors_puts_messages_under_fields_and_focuses_the_first(qtbot: QtBot, shown_form: FormView) -> None:
    shown_form.set_values({"name": "李梅"})
    result = shown_form.validate()
    assert not result.ok
    qtbot.waitUntil(lambda: shown_form.focused_key() == "gender")
    assert shown_form.rows["gender"].error.text() == "此项必填，请填写后再保存。"
    assert shown_form.rows["gender"].error.isVisibleTo(shown_form)
    assert not shown_form.rows["name"].error.isVisibleTo(shown_form)

    shown_form.show_errors({FORM_KEY: ["请至少选择一项。"], "disability_level": ["残疾等级：隐藏字段的消息"]})
    assert shown_form.banner.isVisibleTo(shown_form)
    assert "请至少选择一项。" in shown_form.banner.text() and "隐藏字段的消息" in shown_form.banner.text()
    assert not shown_form.rows["gender"].error.isVisibleTo(shown_form)

    shown_form.show_errors({"phone": ["联系电话：号码不对。"]})
    qtbot.waitUntil(lambda: shown_form.focused_key() == "phone")
    shown_form.editor("phone").set_value("19900001234")  # editing the field clears its submitted error
    assert not shown_form.rows["phone"].error.isVisibleTo(shown_form)
    shown_form.clear_errors()
    assert not shown_form.banner.isVisibleTo(shown_form)


def test_read_card_button_and_f2_ask_for_the_card(qtbot: QtBot, shown_form: FormView, keyboard: Keyboard) -> None:
    editor = shown_form.editor("id_doc")
    assert isinstance(editor, IdDocumentEditor)
    with qtbot.waitSignal(shown_form.readCardRequested, check_params_cb=lambda key: key == "id_doc"):
        qtbot.mouseClick(editor.read_card, Qt.MouseButton.LeftButton)
    shown_form.editor("name").focus_target().setFocus()
    keyboard.expect("name")
    with qtbot.waitSignal(shown_form.readCardRequested, check_params_cb=lambda key: key == "id_doc"):
        keyboard.press(Qt.Key.Key_F2)
    editor.focus_target().setFocus()
    keyboard.expect("id_doc")
    with qtbot.waitSignal(shown_form.readCardRequested, check_params_cb=lambda key: key == "id_doc"):
        keyboard.press(Qt.Key.Key_F2)
