"""values() / set_values(): the shape validate_form takes, round trips, and when `changed` fires."""

from __future__ import annotations

from random import Random

from pytestqt.qtbot import QtBot

from app.catalog import ItemDefinition, validate_form
from app.refdata import CodeTable
from app.validation import synthetic_mobile, synthetic_resident_id
from ui.forms import code_sets

from .conftest import TODAY, MakeForm

DIGEST = "a" * 64


def filled_values() -> dict[str, object]:
    return {
        "name": "李梅",
        "gender": "2",
        "id_doc": {"doc_type": "resident_id", "number": synthetic_resident_id(Random(11), region="520103")},
        "ethnic": "01",
        "political_status": "13",
        "hukou_type": "01",
        "education": "61",
        "health": "64",
        "disability_level": 3,
        "hukou_address": "贵州省贵阳市云岩区示例路 2 号",
        "residence_address": "贵州省贵阳市云岩区示例路 2 号",
        "residence_division": "520103",
        "phone": synthetic_mobile(Random(11)),
        "qualification": "电工 四级/中级工",
        "registration_division": "520102001",
        "unemployed_since": "2025-12-31",
        "unemployment_cause": "02",
        "previous_employer": "示例公司",
        "previous_occupation": "4",
        "claims_ui_benefit": True,
        "job_intention_occupation": "6",
        "job_intention": "贵阳市内 普工",
        "expected_wage": "3200.50",
        "training_intention": True,
        "training_types": ["01", "04"],
        "entrepreneurship_intention": False,
        "person_tags": ["02", "07"],
        "cause_analysis": "第一行\n第二行",
        "policy_recommendations": "推荐参加岗位技能提升培训。",
        "attachments": [DIGEST],
        "truth_commitment": True,
    }


def test_set_values_round_trips_and_validates(
    qtbot: QtBot, make_form: MakeForm, unemployment: ItemDefinition, code_tables: dict[str, CodeTable]
) -> None:
    view = make_form(unemployment)
    values = filled_values()
    with qtbot.assertNotEmitted(view.changed):
        view.set_values(values)
    assert view.values() == values
    result = validate_form(unemployment, view.values(), code_tables=code_sets(code_tables), today=TODAY)
    assert result.ok, result.errors
    assert view.is_visible("disability_level") and view.is_visible("previous_employer")

    # Reopening a draft in a fresh form gives the same values back.
    again = make_form(unemployment)
    again.set_values(result.normalized)
    assert validate_form(unemployment, again.values(), today=TODAY).normalized == result.normalized


def test_empty_form_values_and_defaults(make_form: MakeForm, unemployment: ItemDefinition) -> None:
    view = make_form(unemployment)
    values = view.values()
    assert values["name"] is None and values["id_doc"] is None and values["unemployed_since"] is None
    assert values["training_intention"] is False  # the definition's default
    assert values["claims_ui_benefit"] is None  # required flag without default: not answered yet
    assert values["training_types"] == [] and values["attachments"] == []
    assert values["truth_commitment"] is False

    view.set_values(filled_values())
    view.clear()
    assert view.values() == values


def test_changed_fires_on_user_edits_only(qtbot: QtBot, make_form: MakeForm, unemployment: ItemDefinition) -> None:
    view = make_form(unemployment)
    with qtbot.waitSignal(view.changed):
        view.editor("name").edit.setText("李")  # type: ignore[attr-defined]
    with qtbot.waitSignal(view.changed):
        view.materials.boxes["identity_document"].setChecked(True)
    with qtbot.assertNotEmitted(view.changed):
        view.set_checked_materials(["registration_form"])
    assert view.checked_materials() == ["registration_form"]


def test_unknown_codes_from_an_old_draft_are_kept_and_reported(
    make_form: MakeForm, unemployment: ItemDefinition, code_tables: dict[str, CodeTable]
) -> None:
    view = make_form(unemployment)
    view.set_values({"ethnic": "X9", "person_tags": ["01", "Z1"], "unemployed_since": "2025-02-30"})
    values = view.values()
    assert values["ethnic"] == "X9" and values["person_tags"] == ["01", "Z1"]
    assert values["unemployed_since"] is None
    assert "不是真实" not in view.rows["unemployed_since"].error.text()
    assert "无效" in view.rows["unemployed_since"].error.text()
    result = view.validate()
    assert "代码表中" in " ".join(result.errors["ethnic"])
