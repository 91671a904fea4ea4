"""Checking the ``fields`` of a definition, their conditions included."""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from app.catalog.coerce import coerce_value, is_empty, parse_number_bound
from app.catalog.expr import KEYWORDS, ExprError, Expression, parse
from app.catalog.model import FIELD_TYPES, FieldDef
from app.catalog.schema_checks import (
    Problems,
    as_object,
    flag_attr,
    join,
    kind_of,
    one_of,
    positive_int,
    text_attr,
    unknown_keys,
)
from app.validation import KINDS as VALIDATION_KINDS

SNAKE = re.compile(r"[a-z][a-z0-9_]*")
_PREFILL = re.compile(r"(person|employer|household|card|station)(\.[a-z][a-z0-9_]*)+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
FIELD_KEYS = frozenset(
    {
        "key", "label", "type", "required", "required_if", "visible_if", "table", "min", "max",
        "max_length", "pattern", "help", "default", "check", "prefill",
    }
)
_TABLE_TYPES = frozenset({"code", "multi_code", "id_document"})
_COUNT_BOUND_TYPES = frozenset({"multi_code", "attachment"})
_LENGTH_TYPES = frozenset({"text", "textarea"})
# Sub-values a condition may read with a dot, per field type.
_MEMBERS: Mapping[str, frozenset[str]] = {"id_document": frozenset({"doc_type", "number"})}


def expression(value: object, path: str, problems: Problems) -> Expression | None:
    if value is None:
        return None
    if not isinstance(value, str):
        problems.add(path, f"条件应为字符串表达式，却是{kind_of(value)}。")
        return None
    try:
        return parse(value)
    except ExprError as error:
        problems.add(path, f"条件“{value}”有误：{error}")
        return None


class Names:
    """Field keys and types, to check what conditions refer to."""

    def __init__(self, types: Mapping[str, str]) -> None:
        self.types = types

    def check(self, expression: Expression | None, path: str, problems: Problems) -> None:
        if expression is None:
            return
        for name in expression.references:
            head = name.path[0]
            field_type = self.types.get(head)
            if field_type is None:
                hint = difflib.get_close_matches(head, list(self.types), n=1)
                suggestion = f"，是否想写“{hint[0]}”？" if hint else "，请检查拼写或先定义该字段。"
                problems.add(path, f"条件“{expression.source}”引用了未定义的字段“{head}”{suggestion}")
                continue
            members = _MEMBERS.get(field_type, frozenset())
            if len(name.path) > 2 or (len(name.path) == 2 and name.path[1] not in members):
                allowed = "、".join(sorted(members)) or "无"
                problems.add(
                    path,
                    f"条件“{expression.source}”中的“{'.'.join(name.path)}”无效：字段“{head}”可用的子属性：{allowed}。",
                )


def _bound(field_type: str, value: object, path: str, problems: Problems) -> int | Decimal | str | None:
    if value is None:
        return None
    if field_type in _COUNT_BOUND_TYPES:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            problems.add(path, f"{field_type} 字段的 min/max 表示选择个数，应为非负整数。")
            return None
        return value
    if field_type == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            problems.add(path, f"整数字段的 min/max 应为整数，却是{kind_of(value)}。")
            return None
        return value
    if field_type == "money":
        number = parse_number_bound(value)
        if number is None:
            problems.add(path, "金额字段的 min/max 应为最多两位小数的数字。")
        return number
    if field_type == "date":
        if value == "today":
            return "today"
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                date.fromisoformat(value)
            except ValueError:
                pass
            else:
                return value
        problems.add(path, "日期字段的 min/max 应为“today”或 YYYY-MM-DD 格式的日期。")
        return None
    problems.add(path, f"{field_type} 类型的字段不支持 min/max。")
    return None


def _field(
    obj: Mapping[str, object],
    path: str,
    problems: Problems,
    known_tables: Collection[str] | None,
) -> tuple[FieldDef | None, object, object]:
    """The field without its conditions (checked once every key is known), plus their raw text."""
    unknown_keys(obj, FIELD_KEYS, path, problems)
    key = text_attr(obj, "key", path, problems)
    if key and not SNAKE.fullmatch(key):
        problems.add(join(path, "key"), f"字段键“{key}”只能由小写英文字母、数字和下划线组成，且以字母开头。")
    elif key in KEYWORDS:
        problems.add(join(path, "key"), f"“{key}”是条件表达式的保留字，不能用作字段键。")
    label = text_attr(obj, "label", path, problems)
    raw_type = obj.get("type")
    if raw_type not in FIELD_TYPES:
        names = "、".join(FIELD_TYPES)
        problems.add(join(path, "type"), f"未知的字段类型“{raw_type}”，可用类型：{names}。")
        return None, None, None
    field_type = raw_type
    required = flag_attr(obj, "required", path, problems)
    help_text = text_attr(obj, "help", path, problems, required=False)

    table = obj.get("table")
    if table is not None and not isinstance(table, str):
        problems.add(join(path, "table"), f"代码表名应为字符串，却是{kind_of(table)}。")
        table = None
    if field_type in ("code", "multi_code") and not table:
        problems.add(join(path, "table"), "代码类字段必须指定代码表（table）。")
    if table and field_type not in _TABLE_TYPES:
        problems.add(join(path, "table"), f"{field_type} 类型的字段不使用代码表，请删除 table。")
    effective_table = table or ("doc_type" if field_type == "id_document" else None)
    table_known = known_tables is None or effective_table in known_tables
    if effective_table and field_type in _TABLE_TYPES and not table_known:
        hint = difflib.get_close_matches(effective_table, list(known_tables or ()), n=1)
        suggestion = f"，是否想写“{hint[0]}”？" if hint else "，请先在代码表中添加。"
        problems.add(join(path, "table"), f"引用了不存在的代码表“{effective_table}”{suggestion}")

    low = _bound(field_type, obj.get("min"), join(path, "min"), problems)
    high = _bound(field_type, obj.get("max"), join(path, "max"), problems)
    if isinstance(low, int | Decimal) and isinstance(high, int | Decimal) and low > high:
        problems.add(path, f"min（{low}）大于 max（{high}）。")
    if isinstance(low, str) and isinstance(high, str) and "today" not in (low, high) and low > high:
        problems.add(path, f"min（{low}）晚于 max（{high}）。")

    max_length = obj.get("max_length")
    if max_length is not None:
        if field_type not in _LENGTH_TYPES:
            problems.add(join(path, "max_length"), "只有 text、textarea 字段可以设置 max_length。")
            max_length = None
        else:
            max_length = positive_int(max_length, join(path, "max_length"), problems, "最大长度")

    pattern = obj.get("pattern")
    if pattern is not None:
        if field_type != "text" or not isinstance(pattern, str):
            problems.add(join(path, "pattern"), "只有 text 字段可以设置 pattern，且应为字符串。")
            pattern = None
        else:
            try:
                re.compile(pattern)
            except re.error as error:
                problems.add(join(path, "pattern"), f"正则表达式“{pattern}”无效：{error}。")
                pattern = None

    check = obj.get("check")
    if check is not None:
        if field_type != "text":
            problems.add(join(path, "check"), "只有 text 字段可以设置 check。")
            check = None
        elif not one_of(check, VALIDATION_KINDS):
            problems.add(
                join(path, "check"),
                f"未知的校验类型“{check}”，可用：{'、'.join(sorted(VALIDATION_KINDS))}。",
            )
            check = None

    prefill = obj.get("prefill")
    if prefill is not None and (not isinstance(prefill, str) or not _PREFILL.fullmatch(prefill)):
        problems.add(
            join(path, "prefill"),
            "预填来源应形如“person.name”（person、employer、household、card 或 station 开头）。",
        )
        prefill = None

    built = FieldDef(
        key=key,
        label=label,
        type=field_type,
        required=required,
        table=table if isinstance(table, str) and table else None,
        min=low,
        max=high,
        max_length=max_length if isinstance(max_length, int) else None,
        pattern=pattern if isinstance(pattern, str) else None,
        help=help_text,
        check=check if isinstance(check, str) else None,
        prefill=prefill if isinstance(prefill, str) else None,
    )
    default = _default(built, obj.get("default"), join(path, "default"), problems)
    return replace(built, default=default), obj.get("visible_if"), obj.get("required_if")


def _default(field: FieldDef, value: object, path: str, problems: Problems) -> object:
    if value is None:
        return None
    if field.type == "id_document":
        problems.add(path, "证件字段不能设置默认值。")
        return None
    if field.type == "commitment":
        problems.add(path, "书面承诺必须由申请人本人签字确认，不能设置默认值。")
        return None
    if field.type == "date" and value == "today":
        return "today"
    if is_empty(field, value):
        problems.add(path, "默认值为空，请删除 default。")
        return None
    coerced = coerce_value(field, value, date.today())
    if not coerced.ok:
        problems.add(path, f"默认值不符合字段类型：{'；'.join(coerced.errors)}")
        return None
    return coerced.value


def _visibility_cycles(fields: Sequence[FieldDef]) -> list[list[str]]:
    graph = {
        field.key: sorted(field.visible_if.names) if field.visible_if is not None else [] for field in fields
    }
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def visit(key: str, trail: list[str]) -> None:
        state[key] = 1
        for nxt in graph.get(key, []):
            if nxt not in graph:
                continue
            if state.get(nxt) == 1:
                cycles.append([*trail[trail.index(nxt):], nxt])
            elif state.get(nxt) is None:
                visit(nxt, [*trail, nxt])
        state[key] = 2

    for key in graph:
        if state.get(key) is None:
            visit(key, [key])
    return cycles


def parse_fields(
    doc: Mapping[str, object], problems: Problems, known_tables: Collection[str] | None
) -> tuple[tuple[FieldDef, ...], Names]:
    raw_fields = doc.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        problems.add("fields", "应为至少包含一个字段的数组。")
        return (), Names({})
    parsed: list[tuple[str, FieldDef, object, object]] = []
    seen: dict[str, int] = {}
    unusable: set[str] = set()
    for index, item in enumerate(raw_fields):
        key_hint = item.get("key") if isinstance(item, Mapping) else None
        path = f"fields[{index}]" + (f"（{key_hint}）" if isinstance(key_hint, str) else "")
        obj = as_object(item, path, problems)
        if obj is None:
            continue
        field, visible_if, required_if = _field(obj, path, problems, known_tables)
        if field is None:
            # Still a known key, so conditions naming it do not add a second, misleading problem.
            if isinstance(key_hint, str):
                unusable.add(key_hint)
            continue
        if field.key in seen:
            first = seen[field.key]
            problems.add(join(path, "key"), f"字段键“{field.key}”重复（与 fields[{first}] 相同）。")
            continue
        if field.key:
            seen[field.key] = index
        parsed.append((path, field, visible_if, required_if))

    names = Names({**dict.fromkeys(unusable, ""), **{field.key: field.type for _, field, _, _ in parsed}})
    fields: list[FieldDef] = []
    for path, field, raw_visible, raw_required in parsed:
        visible_if = expression(raw_visible, join(path, "visible_if"), problems)
        required_if = expression(raw_required, join(path, "required_if"), problems)
        names.check(visible_if, join(path, "visible_if"), problems)
        names.check(required_if, join(path, "required_if"), problems)
        if required_if is not None and field.required:
            problems.add(
                join(path, "required_if"),
                "字段已设为必填（required: true），required_if 不起作用，请删除其一。",
            )
        fields.append(replace(field, visible_if=visible_if, required_if=required_if))
    for cycle in _visibility_cycles(fields):
        problems.add("fields", f"显示条件（visible_if）循环依赖：{' → '.join(cycle)}。")
    return tuple(fields), names


