"""validate_form: required and conditional fields, type coercion, identifiers, code tables."""

from __future__ import annotations

import functools
from datetime import date
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog import Catalog, ItemDefinition, load_bundled_catalog, validate_form
from app.catalog.forms import FORM_KEY
from app.catalog.schema import parse_definition
from app.validation import synthetic_mobile, synthetic_resident_id, synthetic_uscc

TODAY = date(2026, 1, 5)
RNG = Random(20260105)
ID_52 = synthetic_resident_id(RNG, birth=date(1973, 4, 2), gender="2")
ID_14 = synthetic_resident_id(RNG, birth=date(2011, 8, 1))
MOBILE = synthetic_mobile(RNG)
USCC = synthetic_uscc(RNG)
CODE_TABLES = {
    "gender": {"1", "2"},
    "ethnic": {"01", "06", "09"},
    "hukou_type": {"01", "02"},
    "education": {"71", "21"},
    "health": {"10", "60", "64"},
    "unemployment_cause": {"01", "02"},
    "occupation_major": {"4", "6"},
    "training_type": {"01", "02"},
    "person_tag": {"04", "11"},
    "doc_type": {"resident_id", "ss_card", "hkmo_permit"},
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_bundled_catalog()


@pytest.fixture(scope="module")
def unemployment(catalog: Catalog) -> ItemDefinition:
    return catalog.get("unemployment_registration")


def yang(**changes: object) -> dict[str, object]:
    """杨女士 from scenario 1 (synthetic identity)."""
    data: dict[str, object] = {
        "name": "杨某某",
        "gender": "2",
        "id_doc": {"doc_type": "ss_card", "number": ID_52.lower()},
        "ethnic": "09",
        "hukou_type": "01",
        "education": "71",
        "health": "10",
        "hukou_address": "贵州省某县某镇某村",
        "residence_address": "贵州省某县某镇某村",
        "residence_division": "520123",
        "phone": f"{MOBILE[:3]} {MOBILE[3:7]} {MOBILE[7:]}",
        "registration_division": "520123",
        "unemployed_since": "2025-12-20",
        "unemployment_cause": "02",
        "previous_employer": "某采石场",
        "claims_ui_benefit": False,
        "training_intention": True,
        "training_types": ["01"],
        "expected_wage": "2500.5",
        "truth_commitment": True,
    }
    data.update(changes)
    return data


def test_valid_unemployment_registration(unemployment: ItemDefinition) -> None:
    result = validate_form(unemployment, yang(), code_tables=CODE_TABLES, today=TODAY)
    assert result.ok, result.errors
    assert result.errors == {}
    normalized = result.normalized
    assert normalized["id_doc"] == {"doc_type": "ss_card", "number": ID_52.upper()}
    assert normalized["phone"] == MOBILE
    assert normalized["expected_wage"] == "2500.50"
    assert normalized["unemployed_since"] == "2025-12-20"
    assert normalized["previous_employer"] == "某采石场"
    assert normalized["entrepreneurship_intention"] is False  # default applied
    assert "disability_level" not in normalized
    assert "disability_level" in result.hidden


def test_missing_required_fields_name_their_labels(unemployment: ItemDefinition) -> None:
    data = yang(unemployment_cause="  ", truth_commitment=False)
    del data["phone"]
    result = validate_form(unemployment, data, today=TODAY)
    assert not result.ok
    assert result.errors["phone"] == ["联系电话：此项必填，请填写后再保存。"]
    assert result.errors["unemployment_cause"] == ["失业原因：此项必填，请填写后再保存。"]
    assert result.errors["truth_commitment"][0].startswith("书面承诺：须由申请人本人阅读并签字确认")
    assert "phone" not in result.normalized


def test_hidden_field_is_dropped_from_normalized(unemployment: ItemDefinition) -> None:
    result = validate_form(unemployment, yang(unemployment_cause="01", training_intention=False), today=TODAY)
    assert result.ok, result.errors
    assert "previous_employer" not in result.normalized
    assert "training_types" not in result.normalized
    assert {"previous_employer", "previous_occupation", "training_types"} <= result.hidden


def test_hidden_field_errors_do_not_count(unemployment: ItemDefinition) -> None:
    result = validate_form(unemployment, yang(training_intention=False, training_types="not a list"), today=TODAY)
    assert result.ok, result.errors


def test_required_if(unemployment: ItemDefinition) -> None:
    result = validate_form(unemployment, yang(health="64"), today=TODAY)
    assert result.errors == {"disability_level": ["残疾等级：根据已填写的内容，此项必须填写，请补充。"]}
    fixed = validate_form(unemployment, yang(health="64", disability_level="2"), today=TODAY)
    assert fixed.ok and fixed.normalized["disability_level"] == 2
    too_high = validate_form(unemployment, yang(health="64", disability_level=5), today=TODAY)
    assert too_high.errors["disability_level"] == ["残疾等级：不能大于 4。"]
    result = validate_form(unemployment, yang(training_types=[]), today=TODAY)
    assert "意向培训类型" in result.errors["training_types"][0]


def test_id_number_errors_come_from_app_validation(unemployment: ItemDefinition) -> None:
    wrong = ID_52[:-1] + ("0" if ID_52[-1] != "0" else "1")
    result = validate_form(unemployment, yang(id_doc={"doc_type": "resident_id", "number": wrong}), today=TODAY)
    [message] = result.errors["id_doc"]
    assert message.startswith("证件号码：") and "校验" in message
    no_type = validate_form(unemployment, yang(id_doc={"number": ID_52}), today=TODAY)
    assert no_type.errors["id_doc"] == ["证件号码：请先选择证件类型。"]
    permit = validate_form(unemployment, yang(id_doc={"doc_type": "hkmo_permit", "number": "H1234567"}), today=TODAY)
    assert permit.errors["id_doc"][0].startswith("证件号码：")


def test_phone_goes_through_mobile_validation(unemployment: ItemDefinition) -> None:
    result = validate_form(unemployment, yang(phone="0851-5555555"), today=TODAY)
    assert result.errors["phone"][0].startswith("联系电话：手机号码应为以1开头的11位数字")


def test_types_are_coerced_or_explained(unemployment: ItemDefinition) -> None:
    result = validate_form(
        unemployment,
        yang(unemployed_since="2025-02-30", expected_wage="12.345", claims_ui_benefit="否", name=5),
        today=TODAY,
    )
    assert result.errors["unemployed_since"] == ["失业时间：“2025-02-30”不是真实存在的日期，请核对年月日。"]
    assert result.errors["expected_wage"] == ["期望月工资（元）：金额最多保留两位小数（到分），请修改。"]
    assert result.errors["claims_ui_benefit"] == ["是否申领失业保险金：请选择“是”或“否”。"]
    assert result.errors["name"] == ["姓名：应填写文字。"]
    future = validate_form(unemployment, yang(unemployed_since="2026-02-01"), today=TODAY)
    assert future.errors["unemployed_since"] == ["失业时间：不能晚于今天，请核对。"]


def test_code_tables_are_checked_only_when_given(unemployment: ItemDefinition) -> None:
    data = yang(ethnic="99", id_doc={"doc_type": "passport", "number": "E12345678"})
    assert "ethnic" not in validate_form(unemployment, data, today=TODAY).errors
    result = validate_form(unemployment, data, code_tables=CODE_TABLES, today=TODAY)
    assert result.errors["ethnic"] == ["民族：代码“99”不在代码表中，请从列表中重新选择。"]
    assert "证件号码：代码“passport”不在代码表中" in result.errors["id_doc"][0]
    tables = {k: v for k, v in CODE_TABLES.items() if k != "ethnic"}
    partial = validate_form(unemployment, data, code_tables=tables, today=TODAY)
    assert "缺少代码表“ethnic”" in partial.warnings["ethnic"][0]


def test_unknown_keys_are_warned_and_ignored(unemployment: ItemDefinition) -> None:
    result = validate_form(unemployment, yang(mystery="x"), today=TODAY)
    assert result.ok
    assert "mystery" not in result.normalized
    assert "mystery" in result.warnings


def test_item_checks_use_age_from_the_id_number(unemployment: ItemDefinition) -> None:
    child = validate_form(unemployment, yang(id_doc={"doc_type": "resident_id", "number": ID_14}), today=TODAY)
    assert child.errors["id_doc"] == ["申请人未满16周岁，不在劳动年龄内，不能办理本事项。"]
    senior_id = synthetic_resident_id(RNG, birth=date(1960, 1, 1))
    senior = validate_form(unemployment, yang(id_doc={"doc_type": "resident_id", "number": senior_id}), today=TODAY)
    assert senior.ok
    assert any("60周岁" in w for w in senior.warnings["id_doc"])


def test_form_level_check_is_filed_under_the_form_key(catalog: Catalog) -> None:
    item = catalog.get("entrepreneurship_service")
    data = {
        "name": "王某",
        "gender": "1",
        "id_doc": {"doc_type": "resident_id", "number": ID_52},
        "phone": MOBILE,
        "education": "21",
    }
    result = validate_form(item, data, today=TODAY)
    assert result.errors == {FORM_KEY: ["请至少选择一项申请的创业服务。"]}
    assert result.messages() == ["请至少选择一项申请的创业服务。"]


def test_recruitment_with_startup_commitment(catalog: Catalog) -> None:
    item = catalog.get("recruitment_registration")
    data: dict[str, object] = {
        "employer_name": "某县某农民专业合作社",
        "is_startup": True,
        "contact_name": "张某",
        "contact_phone": MOBILE,
        "post_name": "采摘工",
        "occupation": "5",
        "headcount": 15,
        "requirements": "身体健康，能适应户外作业。",
        "wage_min": 2800,
        "wage_max": "3500",
        "employment_type": "季节性用工",
        "work_division": "522601",
        "work_address": "某镇某村基地",
        "valid_until": "2026-03-01",
        "site_visit_date": "2026-01-04",
    }
    result = validate_form(item, data, today=TODAY)
    assert result.errors == {"site_visit_record": ["工作人员调查情况：根据已填写的内容，此项必须填写，请补充。"]}
    data["site_visit_record"] = "已实地查看基地，负责人身份已核实。"
    result = validate_form(item, data, today=TODAY)
    assert result.ok, result.errors
    assert result.normalized["wage_min"] == "2800.00"
    established = validate_form(item, {**data, "is_startup": False}, today=TODAY)
    assert established.errors["uscc"] == ["统一社会信用代码：根据已填写的内容，此项必须填写，请补充。"]
    assert "site_visit_record" not in established.normalized
    with_uscc = validate_form(item, {**data, "is_startup": False, "uscc": USCC}, today=TODAY)
    assert with_uscc.ok, with_uscc.errors
    bad = validate_form(item, {**data, "is_startup": False, "uscc": USCC[:-1] + "I"}, today=TODAY)
    assert bad.errors["uscc"][0].startswith("统一社会信用代码：")
    reversed_wage = validate_form(item, {**data, "wage_min": "4000"}, today=TODAY)
    assert reversed_wage.errors["wage_max"] == ["月工资上限：不能低于下限，请核对。"]


def test_follow_up_visit_chain_of_visibility(catalog: Catalog) -> None:
    item = catalog.get("follow_up_visit")
    base = {"name": "杨某某", "id_doc": {"doc_type": "resident_id", "number": ID_52}, "visit_method": "电话"}
    not_reached = validate_form(item, {**base, "reached": False, "employment_form": "01"}, today=TODAY)
    assert not_reached.errors == {"not_reached_reason": ["未联系上原因：根据已填写的内容，此项必须填写，请补充。"]}
    # employed_now is hidden, so employment_form (visible only when employed_now) is hidden too.
    assert {"employed_now", "employment_form"} <= not_reached.hidden
    assert not_reached.normalized["visit_date"] == TODAY.isoformat()  # default "today"
    employed = validate_form(
        item, {**base, "reached": True, "employed_now": True, "employment_form": "03"}, today=TODAY
    )
    assert employed.ok, employed.errors
    assert "失业登记注销" in employed.warnings["employed_now"][0]


def _one_field(field: dict[str, object]) -> ItemDefinition:
    doc = {
        "code": "probe", "version": 1, "name": "探针", "category": "测试", "subject": "person",
        "description": "测试", "fields": [field], "materials": [], "deadline": None,
    }
    definition, problems = parse_definition(doc, "probe.v1.json")
    assert definition is not None, problems
    return definition


@pytest.mark.parametrize(
    ("field", "value", "normalized", "error"),
    [
        ({"type": "money"}, "1800", "1800.00", None),
        ({"type": "money"}, "1800元", "1800.00", None),
        ({"type": "money"}, 99.9, "99.90", None),
        ({"type": "money"}, "-1", None, "金额不能为负数。"),
        ({"type": "money"}, "1,800", None, "不要加逗号"),
        ({"type": "money"}, "1" * 13, None, "金额过大"),
        ({"type": "money", "min": "-100"}, "-1", "-1.00", None),
        ({"type": "integer", "min": 1}, "0", None, "不能小于 1。"),
        ({"type": "integer"}, "3.5", None, "不是整数"),
        ({"type": "integer"}, True, None, "应填写整数"),
        ({"type": "date", "min": "2024-01-01"}, "2023-12-31", None, "不能早于2024-01-01"),
        ({"type": "date"}, date(2024, 5, 1), "2024-05-01", None),
        ({"type": "date"}, "2024/05/01", None, "2024-05-01"),
        ({"type": "multi_code", "table": "t", "max": 2}, ["a", "b", "a"], ["a", "b"], None),
        ({"type": "multi_code", "table": "t", "max": 1}, ["a", "b"], None, "最多 1 个选项"),
        ({"type": "attachment"}, ["A" * 64], ["a" * 64], None),
        ({"type": "attachment"}, ["abc"], None, "sha256"),
        ({"type": "text", "max_length": 3}, "四个字符", None, "最多 3 个字"),
        ({"type": "text", "pattern": "[0-9]{4}"}, "12a4", None, "格式不符合要求"),
        ({"type": "admin_division"}, "52012", None, "6位（县级）"),
        ({"type": "admin_division"}, "520123001", "520123001", None),
        ({"type": "flag"}, False, False, None),
        ({"type": "code", "table": "t"}, 1, "1", None),
        ({"type": "id_document"}, "110105194912310021", None, "请选择证件类型并填写证件号码"),
    ],
)
def test_field_types(
    field: dict[str, object], value: object, normalized: object, error: str | None
) -> None:
    definition = _one_field({"key": "v", "label": "值", **field})
    result = validate_form(definition, {"v": value}, today=TODAY)
    if error is None:
        assert result.ok, result.errors
        assert result.normalized["v"] == normalized
    else:
        assert not result.ok
        [message] = result.errors["v"]
        assert message.startswith("值：") and error in message, message


_any_value = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20), st.dates(),
        st.decimals(), st.sampled_from(["01", "02", "2025-01-01", "1800.5", ID_52, MOBILE, USCC, "today"]),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.fixed_dictionaries({"doc_type": st.sampled_from(["resident_id", "ss_card", "x"]), "number": children}),
    ),
    max_leaves=4,
)


@functools.cache
def _bundled() -> Catalog:
    return load_bundled_catalog()


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_any_form_data_gives_messages_never_exceptions(data: st.DataObject) -> None:
    item = data.draw(st.sampled_from(_bundled().items()))
    keys = st.sampled_from([*item.field_keys, "unknown_key"])
    form = data.draw(st.dictionaries(keys, _any_value, max_size=12))
    result = validate_form(item, form, code_tables=CODE_TABLES, today=TODAY)
    assert result.ok == (not result.errors)
    assert set(result.normalized) <= set(item.field_keys) - result.hidden
    assert all(isinstance(m, str) and m for messages in result.errors.values() for m in messages)
