"""Loading definitions: every broken kind gives a clear Chinese problem naming file and path,
and all problems come together in one CatalogError."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.catalog import CatalogError, load_catalog, load_definition_file
from app.catalog.schema import parse_definition

TABLES = {
    "gender", "marital", "health", "ethnic", "education", "occupation_major", "industry_section",
    "hukou_type", "employment_form", "hardship_category", "unemployment_cause", "person_tag", "doc_type",
    "destination", "employer_kind", "key_industry", "training_type", "deregistration_reason", "campaign",
    "relation",
}


def minimal(**overrides: object) -> dict[str, object]:
    doc: dict[str, object] = {
        "code": "sample_item",
        "version": 1,
        "name": "示例事项",
        "category": "测试",
        "subject": "person",
        "description": "用于测试的事项。",
        "fields": [
            {"key": "name", "label": "姓名", "type": "text", "required": True},
            {"key": "cause", "label": "失业原因", "type": "code", "table": "unemployment_cause"},
            {"key": "detail", "label": "说明", "type": "textarea", "visible_if": 'cause == "02"'},
        ],
        "materials": [{"key": "id", "name": "居民身份证", "required": True}],
        "deadline": {"days": 3, "unit": "working"},
        "commitment": {"allowed": True, "text": "本人承诺所填信息真实。", "deadline": {"days": 7, "unit": "working"}},
        "review_required": False,
        "cancellable": True,
        "follow_ups": [{"kind": "contact", "after": {"days": 5, "unit": "working"}}],
        "print_templates": ["receipt", "commitment", "form"],
    }
    doc.update(overrides)
    return doc


def write(folder: Path, doc: object, name: str | None = None) -> Path:
    if name is None:
        assert isinstance(doc, dict)
        name = f"{doc['code']}.v{doc['version']}.json"
    path = folder / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def problems_of(doc: object, known_tables: set[str] | None = TABLES) -> list[str]:
    definition, problems = parse_definition(doc, "sample_item.v1.json", known_tables)
    assert (definition is None) == bool(problems)
    return problems


def test_minimal_definition_loads(tmp_path: Path) -> None:
    write(tmp_path, minimal())
    catalog = load_catalog(tmp_path, TABLES)
    item = catalog.get("sample_item")
    assert item.fields[2].visible_if is not None
    assert item.deadline is not None and item.deadline.describe() == "3个工作日"
    assert item.commitment is not None and item.commitment.deadline is not None
    assert item.commitment.deadline.days == 7


def with_field(field: dict[str, object], index: int = 1) -> dict[str, object]:
    doc = minimal()
    fields = copy.deepcopy(doc["fields"])
    assert isinstance(fields, list)
    fields[index] = field
    doc["fields"] = fields
    return doc


@pytest.mark.parametrize(
    ("doc", "path", "fragment"),
    [
        (
            with_field({"key": "cause", "label": "原因", "type": "txt"}),
            "fields[1]（cause）.type",
            "未知的字段类型“txt”",
        ),
        (with_field({"key": "name", "label": "重复", "type": "text"}), "fields[1]（name）.key", "重复"),
        (with_field({"key": "cause", "type": "text"}), "fields[1]（cause）.label", "缺少此属性"),
        (with_field({"key": "Cause", "label": "原因", "type": "text"}), "fields[1]（Cause）.key", "小写英文字母"),
        (with_field({"key": "and", "label": "原因", "type": "text"}), "fields[1]（and）.key", "保留字"),
        (
            with_field({"key": "cause", "label": "原因", "type": "code", "table": "unemploymant_cause"}),
            "fields[1]（cause）.table",
            "不存在的代码表“unemploymant_cause”，是否想写“unemployment_cause”",
        ),
        (with_field({"key": "cause", "label": "原因", "type": "code"}), "fields[1]（cause）.table", "必须指定代码表"),
        (
            with_field({"key": "cause", "label": "原因", "type": "text", "visible_if": "name =="}),
            "fields[1]（cause）.visible_if",
            "第 8 个字符处",
        ),
        (
            with_field({"key": "cause", "label": "原因", "type": "text", "required_if": "nmae == 1"}),
            "fields[1]（cause）.required_if",
            "未定义的字段“nmae”，是否想写“name”",
        ),
        (
            with_field({"key": "cause", "label": "原因", "type": "text", "visible_if": "name.number"}),
            "fields[1]（cause）.visible_if",
            "“name.number”无效",
        ),
        (
            with_field({"key": "cause", "label": "原因", "type": "text", "requird": True}),
            "fields[1]（cause）.requird",
            "未知的属性“requird”，是否想写“required”",
        ),
        (
            with_field({"key": "cause", "label": "原因", "type": "text", "pattern": "[0-9"}),
            "fields[1]（cause）.pattern",
            "正则表达式",
        ),
        (
            with_field({"key": "cause", "label": "原因", "type": "integer", "min": 5, "max": 1}),
            "fields[1]（cause）",
            "min（5）大于 max（1）",
        ),
        (
            with_field({"key": "cause", "label": "原因", "type": "money", "min": "1.234"}),
            "fields[1]（cause）.min",
            "两位小数",
        ),
        (
            with_field({"key": "cause", "label": "原因", "type": "date", "max": "2024-02-30"}),
            "fields[1]（cause）.max",
            "YYYY-MM-DD",
        ),
        (
            with_field({"key": "cause", "label": "原因", "type": "text", "check": "ussc"}),
            "fields[1]（cause）.check",
            "未知的校验类型",
        ),
        (
            with_field({"key": "cause", "label": "承诺", "type": "commitment", "default": True}),
            "fields[1]（cause）.default",
            "不能设置默认值",
        ),
        (
            with_field({"key": "cause", "label": "人数", "type": "integer", "default": "三"}),
            "fields[1]（cause）.default",
            "不是整数",
        ),
        (
            with_field({"key": "cause", "label": "原因", "type": "flag", "table": "gender"}),
            "fields[1]（cause）.table",
            "不使用代码表",
        ),
        (minimal(deadline={"days": 0, "unit": "working"}), "deadline.days", "必须大于 0"),
        (minimal(deadline={"days": 3, "unit": "workdays"}), "deadline.unit", "working（工作日）"),
        (minimal(deadline={"days": True, "unit": "working"}), "deadline.days", "正整数"),
        (minimal(commitment={"allowed": True, "text": ""}), "commitment.text", "不能为空"),
        (minimal(commitment=None), "print_templates", "不允许书面承诺"),
        (minimal(print_templates=["receipt", "reciept"]), "print_templates[1]", "未知的打印模板"),
        (minimal(subject="company"), "subject", "person、employer 或 household"),
        (minimal(version=0), "version", "必须大于 0"),
        (minimal(fields=[]), "fields", "至少包含一个字段"),
        (minimal(follow_ups=[{"kind": "monthly"}]), "follow_ups[0]", "repeat_months"),
        (minimal(follow_ups=[{"kind": "contact"}]), "follow_ups[0]", "after"),
        (minimal(follow_ups=[{"kind": "yearly"}]), "follow_ups[0].kind", "未知的跟踪类型"),
        (minimal(review_kind="verification"), "review_kind", "review_required"),
        (minimal(validity={"years": 2}), "validity.confirmed", "缺少此属性"),
        (minimal(validity={"years": 2, "months": 3, "confirmed": False}), "validity", "只能设一个"),
        (minimal(limits=[{"key": "k", "label": "上限", "value": "三年", "unit": "years", "confirmed": False}]),
         "limits[0].value", "应为数字"),
        (minimal(materials=[{"key": "id", "name": "身份证"}]), "materials[0].required", "缺少此属性"),
        (minimal(materials=[{"key": "id", "name": "身份证", "required": False, "required_if": "zzz"}]),
         "materials[0].required_if", "未定义的字段“zzz”"),
        (minimal(checks=[{"when": "name ==", "message": "x"}]), "checks[0].when", "有误"),
        (minimal(extras={"validity": 1}), "extras.validity", "正式属性"),
        (minimal(deadlin=None), "deadlin", "是否想写“deadline”"),
    ],
)
def test_each_broken_kind_names_file_path_and_problem(doc: dict[str, object], path: str, fragment: str) -> None:
    problems = problems_of(doc)
    assert any(p.startswith(f"sample_item.v1.json：{path}：") and fragment in p for p in problems), problems


def test_missing_deadline_must_be_explicit() -> None:
    doc = minimal()
    del doc["deadline"]
    assert any("即时办结请写 null" in p for p in problems_of(doc))


def test_visibility_cycles_are_reported() -> None:
    doc = minimal(
        fields=[
            {"key": "a", "label": "甲", "type": "flag", "visible_if": "b"},
            {"key": "b", "label": "乙", "type": "flag", "visible_if": "a"},
            {"key": "c", "label": "丙", "type": "flag", "visible_if": "c"},
        ]
    )
    problems = problems_of(doc)
    assert any("循环依赖：a → b → a" in p for p in problems), problems
    assert any("循环依赖：c → c" in p for p in problems), problems


def test_unknown_table_only_checked_when_tables_are_known() -> None:
    doc = with_field({"key": "cause", "label": "原因", "type": "code", "table": "no_such_table"})
    assert problems_of(doc, known_tables=None) == []
    assert problems_of(doc)


def test_id_document_uses_doc_type_table_by_default() -> None:
    doc = with_field({"key": "doc", "label": "证件号码", "type": "id_document"}, index=0)
    assert problems_of(doc) == []
    problems = problems_of(doc, known_tables=TABLES - {"doc_type"})
    assert any("“doc_type”" in p for p in problems)


def test_several_problems_in_several_files_come_together(tmp_path: Path) -> None:
    broken = minimal(deadline={"days": -1, "unit": "working"}, subject="nobody")
    fields = broken["fields"]
    assert isinstance(fields, list)
    fields.append({"key": "name", "type": "number"})
    write(tmp_path, broken)
    write(tmp_path, minimal(code="other_item", print_templates=["bill"]))
    (tmp_path / "syntax_error.v1.json").write_text('{"code": "x",', encoding="utf-8")
    write(tmp_path, minimal(code="named_wrongly"), name="named_right.v1.json")
    write(tmp_path, minimal(code="bad name"), name="loose.json")
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path, TABLES)
    problems = caught.value.problems
    text = str(caught.value)
    expected = [
        "sample_item.v1.json：deadline.days：期限天数必须大于 0",
        "sample_item.v1.json：subject：",
        "sample_item.v1.json：fields[3]（name）.label：缺少此属性",
        "sample_item.v1.json：fields[3]（name）.type：未知的字段类型“number”",
        "other_item.v1.json：print_templates[0]：未知的打印模板“bill”",
        "syntax_error.v1.json：第 1 行",
        "named_right.v1.json：文件名与内容不一致",
        "loose.json：文件名应为",
        "loose.json：code：事项代码“bad name”",
    ]
    for fragment in expected:
        assert any(fragment in p for p in problems), (fragment, problems)
    assert text.startswith(f"服务事项目录有 {len(problems)} 处问题")


def test_not_an_object_and_not_utf8(tmp_path: Path) -> None:
    write(tmp_path, [1, 2], name="sample_item.v1.json")
    (tmp_path / "gbk_item.v1.json").write_bytes('{"name": "失业登记"}'.encode("gbk"))
    with pytest.raises(CatalogError) as caught:
        load_catalog(tmp_path)
    assert any("应为 JSON 对象，却是数组" in p for p in caught.value.problems)
    assert any("gbk_item.v1.json：文件不是 UTF-8 编码" in p for p in caught.value.problems)


def test_empty_or_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="没有任何服务事项定义"):
        load_catalog(tmp_path)
    with pytest.raises(CatalogError, match="不存在"):
        load_catalog(tmp_path / "missing")


def test_load_single_file(tmp_path: Path) -> None:
    path = write(tmp_path, minimal())
    assert load_definition_file(path).ref == "sample_item.v1"
    bad = write(tmp_path, minimal(version=2, deadline={"days": 0, "unit": "calendar"}))
    with pytest.raises(CatalogError, match="必须大于 0"):
        load_definition_file(bad)


def test_extras_are_kept_read_only() -> None:
    definition, problems = parse_definition(
        minimal(extras={"marking": "书面承诺受理", "nested": {"list": [1, 2]}}), "x.json", TABLES
    )
    assert problems == []
    assert definition is not None
    assert definition.extras["marking"] == "书面承诺受理"
    nested = definition.extras["nested"]
    with pytest.raises(TypeError):
        nested["list"] = []  # type: ignore[index]


# ------------------------------------------------------------ robustness against any pushed document

_json = st.recursive(
    st.one_of(
        st.none(), st.booleans(), st.integers(-5, 10**6), st.floats(allow_nan=False), st.text(max_size=8),
        st.sampled_from(["text", "code", "working", "today", "receipt", "name", "a ==", "not name"]),
    ),
    lambda children: st.one_of(
        st.lists(children, max_size=3), st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found.extend(_paths(item, (*prefix, key)))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found.extend(_paths(item, (*prefix, index)))
    return found


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_mutated_definitions_give_problems_never_exceptions(data: st.DataObject) -> None:
    doc = minimal()
    path = data.draw(st.sampled_from(_paths(doc)[1:]))
    target: object = doc
    for step in path[:-1]:
        target = target[step]  # type: ignore[index]
    replacement = data.draw(_json)
    target[path[-1]] = replacement  # type: ignore[index]
    definition, problems = parse_definition(doc, "x.json", TABLES)
    assert (definition is None) == bool(problems)
    assert all(isinstance(p, str) and p.startswith("x.json：") for p in problems)


@settings(max_examples=100, deadline=None)
@given(_json)
def test_arbitrary_json_gives_problems_never_exceptions(doc: object) -> None:
    definition, problems = parse_definition(doc, "x.json", TABLES)
    assert definition is None and problems
