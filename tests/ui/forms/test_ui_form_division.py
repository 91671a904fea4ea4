"""The 市州 / 县 / 乡镇 / 村 cascade: each level lists the children of the one above."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from app.catalog import ItemDefinition
from app.refdata import CodeTable, DivisionIndex
from ui.forms import DivisionEditor, FormView

from .conftest import Keyboard


def _codes(combo: QComboBox) -> list[str]:
    return [str(combo.itemData(index)) for index in range(1, combo.count())]


def _editor(view: FormView) -> DivisionEditor:
    editor = view.editor("residence_division")
    assert isinstance(editor, DivisionEditor)
    return editor


def test_choosing_each_level_fills_the_next(qtbot: QtBot, shown_form: FormView, divisions: DivisionIndex) -> None:
    editor = _editor(shown_form)
    combos = editor.combos
    assert _codes(combos["prefecture"]) == [d.code for d in divisions.children("520000")]
    assert not combos["county"].isEnabled() and editor.value() is None

    combos["prefecture"].set_code("520100")
    qtbot.waitUntil(combos["county"].isEnabled)
    assert _codes(combos["county"]) == [d.code for d in divisions.children("520100")]
    assert editor.value() == "520100"

    combos["county"].set_code("520102")
    combos["township"].set_code("520102001")
    qtbot.waitUntil(combos["village"].isEnabled)
    village = divisions.children("520102001")[0]
    combos["village"].set_code(village.code)
    assert shown_form.values()["residence_division"] == village.code

    # Another prefecture: the lower levels are emptied and disabled, the value is the prefecture.
    combos["prefecture"].set_code("520300")
    qtbot.waitUntil(lambda: not combos["township"].isEnabled())
    assert combos["township"].code() is None and combos["village"].code() is None
    assert _codes(combos["county"]) == [d.code for d in divisions.children("520300")]
    assert editor.value() == "520300"


def test_set_value_opens_the_whole_path(shown_form: FormView, divisions: DivisionIndex) -> None:
    editor = _editor(shown_form)
    village = divisions.children("520102001")[1]
    shown_form.set_values({"residence_division": village.code})
    assert [editor.combos[level].currentText() for level in ("prefecture", "county", "township", "village")] == [
        "贵阳市",
        "南明区",
        "五里冲街道",
        village.name,
    ]
    assert editor.value() == village.code
    shown_form.set_values({"residence_division": "520102"})
    assert editor.combos["township"].code() is None and editor.combos["township"].isEnabled()
    assert not editor.combos["village"].isEnabled()
    assert editor.value() == "520102"
    shown_form.set_values({"residence_division": None})
    assert editor.value() is None and not editor.combos["county"].isEnabled()


def test_an_unknown_code_is_kept_and_explained(shown_form: FormView) -> None:
    shown_form.set_values({"residence_division": "529999"})
    assert shown_form.values()["residence_division"] == "529999"
    assert "529999" in shown_form.rows["residence_division"].error.text()


def test_typing_part_of_a_name_picks_it(qtbot: QtBot, shown_form: FormView, keyboard: Keyboard) -> None:
    editor = _editor(shown_form)
    editor.combos["prefecture"].setFocus()
    keyboard.expect("residence_division").type("黔东南").tab()
    qtbot.waitUntil(lambda: editor.combos["prefecture"].code() == "522600")
    keyboard.type("凯里").tab()
    qtbot.waitUntil(lambda: editor.value() == "522601")
    keyboard.type("不存在的地名")
    qtbot.waitUntil(lambda: "不是列表中的地名" in shown_form.rows["residence_division"].error.text())


def test_a_missing_village_file_is_explained_and_townships_still_work(
    qtbot: QtBot, unemployment: ItemDefinition, code_tables: dict[str, CodeTable], tmp_path: Path
) -> None:
    from app.refdata import load_divisions, resource_path

    index = load_divisions(resource_path("divisions", "guizhou.json"), villages_path=tmp_path / "missing.json")
    view = FormView(unemployment, code_tables, index)
    qtbot.addWidget(view)
    view.set_values({"residence_division": "520102001"})
    assert view.values()["residence_division"] == "520102001"
    assert "找不到" in view.rows["residence_division"].error.text()
