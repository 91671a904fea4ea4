"""A whole 失业登记 filled with the keyboard alone, then checked by the catalog's validate_form."""

from __future__ import annotations

from datetime import date
from random import Random

from PySide6.QtCore import Qt

from app.catalog import ItemDefinition, validate_form
from app.refdata import CodeTable
from app.validation import synthetic_mobile, synthetic_resident_id
from ui.forms import FormView, code_sets

from .conftest import TODAY, Keyboard

Key = Qt.Key


def test_unemployment_registration_filled_by_keyboard_passes_validate_form(
    shown_form: FormView, keyboard: Keyboard, unemployment: ItemDefinition, code_tables: dict[str, CodeTable]
) -> None:
    view = shown_form
    id_number = synthetic_resident_id(Random(7), region="520102", birth=date(1990, 5, 17), gender="2")
    phone = synthetic_mobile(Random(7))
    view.editor("name").focus_target().setFocus(Qt.FocusReason.TabFocusReason)

    k = keyboard
    k.expect("name").type("李梅").tab()
    k.expect("gender").type("女").tab()
    k.expect("id_doc").tab()  # document type: 居民身份证 is already chosen
    k.expect("id_doc").type(id_number).tab()
    k.expect("ethnic").type("汉").tab()  # the one label containing 汉 is picked on leaving
    k.expect("political_status").tab()
    k.expect("hukou_type").type("农业户口").tab()
    k.expect("education").type("普通高中毕业").tab()
    k.expect("health").type("健康").tab()
    k.expect("hukou_address").type("贵州省贵阳市南明区五里冲街道示例路 1 号").tab()
    k.expect("residence_address").type("贵州省贵阳市南明区五里冲街道示例路 1 号").tab()
    k.expect("residence_division").type("贵阳市").tab().type("南明区").tab().tab()  # township left empty
    k.expect("phone").type(phone).tab()
    k.expect("qualification").tab()
    k.expect("registration_division").type("贵阳").tab().type("南明").tab().type("五里冲街道").tab().tab()
    k.expect("unemployed_since").type("2025-3-1").tab()
    k.expect("unemployment_cause").type("就业转失业").tab()
    k.expect("previous_employer").type("贵阳示例商贸有限公司").tab()  # shown because the cause is 02
    k.expect("previous_occupation").tab()
    k.expect("claims_ui_benefit").press(Key.Key_Right).press(Key.Key_Space).tab()  # 否
    k.expect("job_intention_occupation").tab()
    k.expect("job_intention").tab()
    k.expect("expected_wage").type("2500").tab()
    k.expect("training_intention").press(Key.Key_Left).press(Key.Key_Space).tab()  # 是 shows the next field
    k.expect("training_types").press(Key.Key_Space).tab()  # 岗前培训
    k.expect("entrepreneurship_intention").tab()
    k.expect("person_tags").press(Key.Key_Down).press(Key.Key_Space).tab()  # 农民工
    k.expect("cause_analysis").type("原单位经营困难裁员，有餐饮服务经验。").tab()
    k.expect("policy_recommendations").tab()
    k.expect("attachments").tab()  # 添加文件… (the empty list and 移除所选 are not Tab stops)
    k.expect("truth_commitment").press(Key.Key_Space).tab()
    for _material in view.definition.materials:
        assert view.focused_key() is None  # now in the materials checklist
        k.press(Key.Key_Space).tab()

    values = view.values()
    result = validate_form(unemployment, values, code_tables=code_sets(code_tables), today=TODAY)
    assert result.ok, result.errors
    normalized = result.normalized
    assert normalized["name"] == "李梅"
    assert normalized["gender"] == "2"
    assert normalized["id_doc"] == {"doc_type": "resident_id", "number": id_number}
    assert normalized["ethnic"] == "01"
    assert normalized["education"] == "61"
    assert normalized["residence_division"] == "520102"
    assert normalized["registration_division"] == "520102001"
    assert normalized["phone"] == phone
    assert normalized["unemployed_since"] == "2025-03-01"
    assert normalized["unemployment_cause"] == "02"
    assert normalized["previous_employer"] == "贵阳示例商贸有限公司"
    assert normalized["claims_ui_benefit"] is False
    assert normalized["expected_wage"] == "2500.00"
    assert normalized["training_intention"] is True
    assert normalized["training_types"] == ["01"]
    assert normalized["person_tags"] == ["02"]
    assert normalized["truth_commitment"] is True
    assert view.missing_materials() == []
    assert view.checked_materials() == [material.key for material in unemployment.materials]
