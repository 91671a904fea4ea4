"""Fuzzing the catalog loader and the form validator (issue 8, point 9).

Loader: arbitrary JSON documents, bundled definitions with one or more parts replaced by arbitrary JSON,
and files of arbitrary bytes. Each gives a definition or a :class:`CatalogError` whose problems are
Chinese sentences; nothing else may escape.

Form validator: every bundled definition plus one synthetic definition holding every field type
with bounds, fed arbitrary Python values per field (NaN, huge numbers, bytes, nested containers,
aware datetimes …). The result is always a :class:`FormResult` with Chinese messages, its normalized
data is JSON, and validating the normalized data again gives the same normalized data.

The everyday run is bounded; the ``slow`` variants try ten times as many cases. Case counts:
``--hypothesis-show-statistics`` (see docs/reliability.md).
"""

from __future__ import annotations

import copy
import functools
import json
import math
import re
import tempfile
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.catalog import (
    Catalog,
    CatalogError,
    FieldDef,
    ItemDefinition,
    load_bundled_catalog,
    load_catalog,
    validate_form,
)
from app.catalog.loader import bundled_catalog_dir, load_definition_file
from app.catalog.schema import parse_definition
from app.validation import synthetic_resident_id

CJK = re.compile(r"[\u4e00-\u9fff]")
TODAY = date(2026, 3, 2)
EVERYDAY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LARGER = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TABLES = ("doc_type", "gender", "education", "unemployment_cause", "t")

json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30), st.sampled_from(["today", "working", "calendar", "text", "code", "a.b", "x >= 1", ""]),
)
json_value = st.recursive(
    json_leaf,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def chinese(message: str) -> bool:
    return bool(CJK.search(message))


@functools.cache
def bundled_documents() -> tuple[tuple[str, str], ...]:
    """(file name, text) of every shipped definition."""
    return tuple((p.name, p.read_text(encoding="utf-8")) for p in sorted(bundled_catalog_dir().glob("*.json")))


@functools.cache
def bundled() -> Catalog:
    return load_bundled_catalog()


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place inside a JSON document (object keys and list indexes), the root excluded."""
    found: list[tuple[Any, ...]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found.append((*prefix, key))
        found.extend(_paths(item, (*prefix, key)))
    return found


def _mutate(doc: Any, path: tuple[Any, ...], replacement: Any, delete: bool) -> Any:
    doc = copy.deepcopy(doc)
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = replacement
    return doc


@st.composite
def mutated_bundled(draw: st.DrawFn) -> Any:
    _, text = draw(st.sampled_from(bundled_documents()))
    doc: Any = json.loads(text)
    for _ in range(draw(st.integers(0, 3))):
        paths = _paths(doc)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        doc = _mutate(doc, path, draw(json_value), draw(st.booleans()))
    return doc


def check_parse(doc: Any, known_tables: tuple[str, ...] | None) -> None:
    definition, problems = parse_definition(doc, "模糊测试", known_tables)
    event("document: loaded" if definition is not None else "document: refused (CatalogError problems)")
    if definition is None:
        assert problems, "a refused definition must say why"
    else:
        assert not problems
        assert isinstance(definition, ItemDefinition)
    assert all(isinstance(p, str) and chinese(p) for p in problems), problems
    # The catalog built from the same document agrees and raises only CatalogError.
    try:
        Catalog.from_documents([doc], known_tables=known_tables)
    except CatalogError as error:
        assert definition is None and chinese(str(error))
    else:
        assert definition is not None


# ---------------------------------------------------------------------------------------- loader


def _loader_documents(data: st.DataObject) -> None:
    doc = data.draw(st.one_of(json_value, mutated_bundled()), label="document")
    tables = data.draw(st.sampled_from([None, TABLES]), label="known_tables")
    check_parse(doc, tables)


@EVERYDAY
@given(st.data())
def test_fuzz_catalog_documents(data: st.DataObject) -> None:
    _loader_documents(data)


@pytest.mark.slow
@LARGER
@given(st.data())
def test_fuzz_catalog_documents_larger(data: st.DataObject) -> None:
    _loader_documents(data)


@st.composite
def file_bytes(draw: st.DrawFn, text: str) -> bytes:
    raw = text.encode("utf-8")
    kind = draw(st.sampled_from(["as is", "random", "truncated", "gbk", "utf16", "bom", "flipped", "empty", "nul"]))
    if kind == "as is":
        return raw
    if kind == "random":
        return draw(st.binary(max_size=400))
    if kind == "truncated":
        return raw[: draw(st.integers(0, len(raw)))]
    if kind == "gbk":
        return text.encode("gb18030")
    if kind == "utf16":
        return text.encode("utf-16")
    if kind == "bom":
        return b"\xef\xbb\xbf" + raw
    if kind == "flipped":
        at = draw(st.integers(0, len(raw) - 1))
        return raw[:at] + bytes([raw[at] ^ draw(st.integers(1, 255))]) + raw[at + 1:]
    if kind == "nul":
        return raw.replace(b'"', b"\x00", 1)
    return b""


def _loader_files(data: st.DataObject, tmp_path: Path) -> None:
    name, text = data.draw(st.sampled_from(bundled_documents()), label="file")
    raw = data.draw(file_bytes(text), label="bytes")
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = folder / name
    path.write_bytes(raw)
    try:
        definition = load_definition_file(path)
        event("file: loaded")
    except CatalogError as error:
        event("file: refused (CatalogError)")
        assert error.problems and all(chinese(p) for p in error.problems), error.problems
        definition = None
    try:
        catalog = load_catalog(folder)
    except CatalogError as error:
        assert definition is None and chinese(str(error))
    else:
        assert definition is not None and catalog.get(definition.code, definition.version) == definition


@settings(EVERYDAY, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_catalog_files(data: st.DataObject, tmp_path: Path) -> None:
    _loader_files(data, tmp_path)


@pytest.mark.slow
@settings(LARGER, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_fuzz_catalog_files_larger(data: st.DataObject, tmp_path: Path) -> None:
    _loader_files(data, tmp_path)


# ---------------------------------------------------------------------------------- form validator

ID_NUMBER = synthetic_resident_id(__import__("random").Random(8), birth=date(1990, 5, 17))
EVERY_TYPE = {
    "code": "every_type", "version": 1, "name": "全类型", "category": "测试", "subject": "person",
    "description": "每种字段类型各一个。", "deadline": None,
    "fields": [
        {"key": "t", "label": "文本", "type": "text", "max_length": 10, "pattern": "[0-9A-Z]*", "help": "大写"},
        {"key": "tc", "label": "核验文本", "type": "text", "check": "uscc"},
        {"key": "ta", "label": "多行", "type": "textarea", "max_length": 50},
        {"key": "doc", "label": "证件", "type": "id_document"},
        {"key": "d", "label": "日期", "type": "date", "min": "2000-01-01", "max": "today"},
        {"key": "dd", "label": "默认日期", "type": "date", "default": "today"},
        {"key": "c", "label": "代码", "type": "code", "table": "gender"},
        {"key": "mc", "label": "多选", "type": "multi_code", "table": "education", "min": 1, "max": 3},
        {"key": "ad", "label": "区划", "type": "admin_division"},
        {"key": "p", "label": "手机", "type": "phone"},
        {"key": "m", "label": "金额", "type": "money", "min": 0, "max": "99999.99"},
        {"key": "mn", "label": "负金额", "type": "money", "min": -100},
        {"key": "i", "label": "整数", "type": "integer", "min": -5, "max": 120, "default": 3},
        {"key": "f", "label": "是否", "type": "flag", "visible_if": "i > 0"},
        {"key": "a", "label": "附件", "type": "attachment", "max": 2, "required_if": "f == true"},
        {"key": "cm", "label": "承诺", "type": "commitment", "visible_if": "m >= 100"},
    ],
    "checks": [{"when": "i > 100 and d != null", "message": "整数太大时不能填日期。", "field": "i"}],
}
CODE_TABLES = {"gender": {"1", "2", "9"}, "education": {"10", "20", "90"}, "doc_type": {"resident_id", "ss_card"}}


@functools.cache
def every_type() -> ItemDefinition:
    definition, problems = parse_definition(EVERY_TYPE, "every_type")
    assert definition is not None, problems
    return definition


def _definitions() -> tuple[ItemDefinition, ...]:
    return (every_type(), *bundled().all_versions())


plausible = st.sampled_from([
    "", " ", "today", "2026-02-29", "2024-02-29", "1999-12-31", "2026-03-02", "9999-99-99", "0", "-1", "01", "1",
    "2", "9", "10", "20", "1800.5", "1800.555", "1,800", "1e3", "1800元", "１８００", "NaN", "Infinity", "-0.00",
    "13800138000", "+8613800138000", "520102", "520102001", "52010200100", "91520102MA6DKXXXXX",
    ID_NUMBER, ID_NUMBER.lower(), ID_NUMBER[:17] + "0", "a" * 64, "A" * 64, "0" * 63 + "g", "ＡＢ", "AB12",
    "=cmd|' /C calc'!A0", "\u202e\u0000\ufeff", "张三" * 3000,
])
scalar = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-(10**40), max_value=10**40), st.floats(),
    st.decimals(), st.decimals(allow_nan=True, allow_infinity=True), st.text(max_size=40), st.binary(max_size=8),
    st.dates(), st.datetimes(), st.datetimes(timezones=st.just(UTC)), plausible,
)
form_value = st.recursive(
    scalar,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.tuples(children, children),
        st.frozensets(st.sampled_from(["10", "20", "x"]), max_size=3),
        st.dictionaries(st.sampled_from(["doc_type", "number", "x"]), children, max_size=3),
        st.fixed_dictionaries({"doc_type": st.sampled_from(["resident_id", "ss_card", "passport", "", 1]),
                               "number": children}),
    ),
    max_leaves=6,
)


def _is_json(value: Any) -> bool:
    try:
        text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError):
        return False
    return bool(json.loads(text) == value)


def good_value(field: FieldDef) -> st.SearchStrategy[Any]:
    """A value the field type accepts (bounds permitting), so that many forms get past the shape checks."""
    table = sorted(CODE_TABLES.get(field.table or "", {"1"}))
    low = field.min if isinstance(field.min, int) else 1
    by_type: dict[str, Any] = {
        "text": "AB12" if field.pattern else "张三", "textarea": "情况说明",
        "id_document": {"doc_type": "resident_id", "number": ID_NUMBER}, "date": "2020-02-29", "code": table[0],
        "multi_code": table[: max(1, low)], "admin_division": "520102", "phone": "13800138000",
        "money": "1800.50", "integer": low if isinstance(field.min, int) else 30, "flag": True,
        "attachment": ["a" * 64], "commitment": True,
    }
    if field.check == "uscc":
        return st.none()
    return st.just(by_type[field.type])


@st.composite
def form_for(draw: st.DrawFn, item: ItemDefinition) -> dict[str, Any]:
    form: dict[str, Any] = {}
    for field in item.fields:
        choice = draw(st.integers(0, 5))
        if choice <= 2:
            form[field.key] = draw(good_value(field))
        elif choice <= 4:
            form[field.key] = draw(form_value)
    form.update(draw(st.dictionaries(st.sampled_from(["unknown_key", ""]), form_value, max_size=1)))
    return form


def _form(data: st.DataObject) -> None:
    item = data.draw(st.sampled_from(_definitions()), label="definition")
    form = data.draw(form_for(item), label="form")
    tables = data.draw(st.sampled_from([None, CODE_TABLES, {}]), label="code_tables")
    result = validate_form(item, form, code_tables=tables, today=TODAY)
    event("form: ok" if result.ok else "form: errors")
    assert result.ok == (not result.errors)
    assert set(result.normalized) <= set(item.field_keys) - result.hidden
    messages = [m for ms in (*result.errors.values(), *result.warnings.values()) for m in ms]
    assert all(isinstance(m, str) and chinese(m) for m in messages), messages
    assert _is_json(result.normalized), result.normalized
    for value in result.normalized.values():
        assert not (isinstance(value, float) and math.isnan(value))
    # What was stored reads back the same: the normalized data is a fixed point. (Fields left out are
    # given as cleared, None: a default fills only a field the form never had.)
    stored = {**dict.fromkeys(item.field_keys), **result.normalized}
    again = validate_form(item, stored, code_tables=tables, today=TODAY)
    assert again.normalized == result.normalized, (result.normalized, again.normalized, again.errors)
    if result.ok:
        assert again.ok, again.errors


@EVERYDAY
@given(st.data())
def test_fuzz_validate_form(data: st.DataObject) -> None:
    _form(data)


@pytest.mark.slow
@LARGER
@given(st.data())
def test_fuzz_validate_form_larger(data: st.DataObject) -> None:
    _form(data)


def test_every_type_definition_accepts_a_good_form() -> None:
    """The synthetic definition is usable: a correct form passes and is normalized."""
    form = {
        "t": "AB12", "tc": None, "doc": {"doc_type": "resident_id", "number": ID_NUMBER}, "d": "2020-02-29",
        "c": "1", "mc": ["10", "20"], "m": "1800.5", "i": "7", "f": True, "a": ["a" * 64], "cm": True,
        "when": datetime(2026, 1, 1),
    }
    result = validate_form(every_type(), form, code_tables=CODE_TABLES, today=TODAY)
    assert result.ok, result.errors
    assert result.normalized["m"] == "1800.50" and result.normalized["dd"] == TODAY.isoformat()
    assert Decimal(str(result.normalized["m"])) == Decimal("1800.5")


def test_a_definition_saved_with_a_utf8_bom_loads(tmp_path: Path) -> None:
    """Seen while fuzzing: Notepad's "UTF-8" (with BOM) was refused as a JSON syntax error at line 1."""
    name, text = bundled_documents()[0]
    (tmp_path / name).write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert load_definition_file(tmp_path / name) == bundled().get(name.split(".v")[0], 1)
    (tmp_path / name).write_bytes(text.encode("utf-16"))
    with pytest.raises(CatalogError, match="UTF-8"):
        load_definition_file(tmp_path / name)
