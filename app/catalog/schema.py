"""Checking one definition document (a JSON object) and building its ItemDefinition.

Every problem is collected, not only the first, and each names the source and the path inside
it (``fields[3]（unemployment_cause）.table``), so the author fixes a definition in one pass.
The format is described in docs/catalog.md.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import cast

from app.catalog.coerce import coerce_value, is_empty, parse_number_bound
from app.catalog.expr import KEYWORDS, ExprError, Expression, parse
from app.catalog.model import (
    DAY_UNITS,
    FIELD_TYPES,
    FOLLOW_UP_KINDS,
    PRINT_TEMPLATES,
    REVIEW_KINDS,
    SUBJECTS,
    CommitmentOption,
    DeadlineRule,
    FieldDef,
    FollowUpKind,
    FollowUpRule,
    FormCheck,
    ItemDefinition,
    Limit,
    Material,
    Subject,
    Validity,
)
from app.validation import KINDS as VALIDATION_KINDS

SNAKE = re.compile(r"[a-z][a-z0-9_]*")
_PREFILL = re.compile(r"(person|employer|household|card|station)(\.[a-z][a-z0-9_]*)+")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

TOP_LEVEL_KEYS = frozenset(
    {
        "code", "version", "name", "category", "subject", "description", "fields", "materials",
        "deadline", "commitment", "review_required", "review_kind", "cancellable", "follow_ups",
        "print_templates", "validity", "limits", "checks", "must_not_require", "basis", "unconfirmed",
        "extras",
    }
)
FIELD_KEYS = frozenset(
    {
        "key", "label", "type", "required", "required_if", "visible_if", "table", "min", "max",
        "max_length", "pattern", "help", "default", "check", "prefill",
    }
)
_TABLE_TYPES = frozenset({"code", "multi_code", "id_document"})
_NUMBER_BOUND_TYPES = frozenset({"integer", "money"})
_COUNT_BOUND_TYPES = frozenset({"multi_code", "attachment"})
_LENGTH_TYPES = frozenset({"text", "textarea"})
# Sub-values a condition may read with a dot, per field type.
_MEMBERS: Mapping[str, frozenset[str]] = {"id_document": frozenset({"doc_type", "number"})}
LIMIT_UNITS = frozenset({"years", "months", "days", "yuan", "people", "times"})


class _Problems:
    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[str] = []

    def add(self, path: str, message: str) -> None:
        self.items.append(f"{self.source}：{path}：{message}" if path else f"{self.source}：{message}")


def _kind_of(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "布尔值"
    if isinstance(value, int | float):
        return "数字"
    if isinstance(value, str):
        return "字符串"
    if isinstance(value, list):
        return "数组"
    if isinstance(value, Mapping):
        return "对象"
    return type(value).__name__


def _unknown_keys(
    obj: Mapping[str, object], allowed: Collection[str], path: str, problems: _Problems
) -> None:
    for key in obj:
        if key not in allowed:
            hint = difflib.get_close_matches(str(key), list(allowed), n=1)
            suggestion = f"，是否想写“{hint[0]}”？" if hint else "。"
            problems.add(_join(path, str(key)), f"未知的属性“{key}”{suggestion}")


def _one_of(value: object, options: Collection[str]) -> bool:
    """Membership that cannot raise: a JSON list or object as the value is simply not an option."""
    return isinstance(value, str) and value in options


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _text(
    obj: Mapping[str, object],
    key: str,
    path: str,
    problems: _Problems,
    *,
    required: bool = True,
    default: str = "",
) -> str:
    value = obj.get(key)
    if value is None:
        if required:
            problems.add(_join(path, key), "缺少此属性，请填写。")
        return default
    if not isinstance(value, str):
        problems.add(_join(path, key), f"应为字符串，却是{_kind_of(value)}。")
        return default
    if required and not value.strip():
        problems.add(_join(path, key), "不能为空。")
    return value.strip()


def _flag(
    obj: Mapping[str, object], key: str, path: str, problems: _Problems, *, required: bool = False
) -> bool:
    value = obj.get(key)
    if value is None:
        if required:
            problems.add(_join(path, key), "缺少此属性，请填写 true 或 false。")
        return False
    if not isinstance(value, bool):
        problems.add(_join(path, key), f"应为 true 或 false，却是{_kind_of(value)}。")
        return False
    return value


def _positive_int(value: object, path: str, problems: _Problems, what: str) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        problems.add(path, f"{what}应为正整数，却是{_kind_of(value)}。")
        return None
    if value <= 0:
        problems.add(path, f"{what}必须大于 0，现在是 {value}。")
        return None
    return value


def _strings(value: object, path: str, problems: _Problems) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.add(path, f"应为字符串数组，却是{_kind_of(value)}。")
        return ()
    result: list[str] = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            problems.add(f"{path}[{index}]", "应为非空字符串。")
        else:
            result.append(item.strip())
    return tuple(result)


def _object(value: object, path: str, problems: _Problems) -> Mapping[str, object] | None:
    if not isinstance(value, Mapping):
        problems.add(path, f"应为对象，却是{_kind_of(value)}。")
        return None
    return cast(Mapping[str, object], value)


def _objects(value: object, path: str, problems: _Problems) -> list[Mapping[str, object] | None]:
    """Elements of an array of objects; None in place of each element that is not an object."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(path, f"应为数组，却是{_kind_of(value)}。")
        return []
    return [_object(item, f"{path}[{index}]", problems) for index, item in enumerate(value)]


def parse_rule(value: object, path: str, problems: _Problems) -> DeadlineRule | None:
    obj = _object(value, path, problems)
    if obj is None:
        return None
    _unknown_keys(obj, ("days", "unit"), path, problems)
    days = _positive_int(obj.get("days"), _join(path, "days"), problems, "期限天数")
    unit = obj.get("unit")
    if unit not in DAY_UNITS:
        problems.add(
            _join(path, "unit"), f"期限单位应为 working（工作日）或 calendar（自然日），却是“{unit}”。"
        )
        return None
    return DeadlineRule(days, unit) if days is not None else None


def _expression(value: object, path: str, problems: _Problems) -> Expression | None:
    if value is None:
        return None
    if not isinstance(value, str):
        problems.add(path, f"条件应为字符串表达式，却是{_kind_of(value)}。")
        return None
    try:
        return parse(value)
    except ExprError as error:
        problems.add(path, f"条件“{value}”有误：{error}")
        return None


class _Names:
    """Field keys and types, to check what conditions refer to."""

    def __init__(self, types: Mapping[str, str]) -> None:
        self.types = types

    def check(self, expression: Expression | None, path: str, problems: _Problems) -> None:
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


def _bound(field_type: str, value: object, path: str, problems: _Problems) -> int | Decimal | str | None:
    if value is None:
        return None
    if field_type in _COUNT_BOUND_TYPES:
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            problems.add(path, f"{field_type} 字段的 min/max 表示选择个数，应为非负整数。")
            return None
        return value
    if field_type == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            problems.add(path, f"整数字段的 min/max 应为整数，却是{_kind_of(value)}。")
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
    problems: _Problems,
    known_tables: Collection[str] | None,
) -> tuple[FieldDef | None, object, object]:
    """The field without its conditions (checked once every key is known), plus their raw text."""
    _unknown_keys(obj, FIELD_KEYS, path, problems)
    key = _text(obj, "key", path, problems)
    if key and not SNAKE.fullmatch(key):
        problems.add(_join(path, "key"), f"字段键“{key}”只能由小写英文字母、数字和下划线组成，且以字母开头。")
    elif key in KEYWORDS:
        problems.add(_join(path, "key"), f"“{key}”是条件表达式的保留字，不能用作字段键。")
    label = _text(obj, "label", path, problems)
    raw_type = obj.get("type")
    if raw_type not in FIELD_TYPES:
        names = "、".join(FIELD_TYPES)
        problems.add(_join(path, "type"), f"未知的字段类型“{raw_type}”，可用类型：{names}。")
        return None, None, None
    field_type = raw_type
    required = _flag(obj, "required", path, problems)
    help_text = _text(obj, "help", path, problems, required=False)

    table = obj.get("table")
    if table is not None and not isinstance(table, str):
        problems.add(_join(path, "table"), f"代码表名应为字符串，却是{_kind_of(table)}。")
        table = None
    if field_type in ("code", "multi_code") and not table:
        problems.add(_join(path, "table"), "代码类字段必须指定代码表（table）。")
    if table and field_type not in _TABLE_TYPES:
        problems.add(_join(path, "table"), f"{field_type} 类型的字段不使用代码表，请删除 table。")
    effective_table = table or ("doc_type" if field_type == "id_document" else None)
    table_known = known_tables is None or effective_table in known_tables
    if effective_table and field_type in _TABLE_TYPES and not table_known:
        hint = difflib.get_close_matches(effective_table, list(known_tables or ()), n=1)
        suggestion = f"，是否想写“{hint[0]}”？" if hint else "，请先在代码表中添加。"
        problems.add(_join(path, "table"), f"引用了不存在的代码表“{effective_table}”{suggestion}")

    low = _bound(field_type, obj.get("min"), _join(path, "min"), problems)
    high = _bound(field_type, obj.get("max"), _join(path, "max"), problems)
    if isinstance(low, int | Decimal) and isinstance(high, int | Decimal) and low > high:
        problems.add(path, f"min（{low}）大于 max（{high}）。")
    if isinstance(low, str) and isinstance(high, str) and "today" not in (low, high) and low > high:
        problems.add(path, f"min（{low}）晚于 max（{high}）。")

    max_length = obj.get("max_length")
    if max_length is not None:
        if field_type not in _LENGTH_TYPES:
            problems.add(_join(path, "max_length"), "只有 text、textarea 字段可以设置 max_length。")
            max_length = None
        else:
            max_length = _positive_int(max_length, _join(path, "max_length"), problems, "最大长度")

    pattern = obj.get("pattern")
    if pattern is not None:
        if field_type != "text" or not isinstance(pattern, str):
            problems.add(_join(path, "pattern"), "只有 text 字段可以设置 pattern，且应为字符串。")
            pattern = None
        else:
            try:
                re.compile(pattern)
            except re.error as error:
                problems.add(_join(path, "pattern"), f"正则表达式“{pattern}”无效：{error}。")
                pattern = None

    check = obj.get("check")
    if check is not None:
        if field_type != "text":
            problems.add(_join(path, "check"), "只有 text 字段可以设置 check。")
            check = None
        elif not _one_of(check, VALIDATION_KINDS):
            problems.add(
                _join(path, "check"),
                f"未知的校验类型“{check}”，可用：{'、'.join(sorted(VALIDATION_KINDS))}。",
            )
            check = None

    prefill = obj.get("prefill")
    if prefill is not None and (not isinstance(prefill, str) or not _PREFILL.fullmatch(prefill)):
        problems.add(
            _join(path, "prefill"),
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
    default = _default(built, obj.get("default"), _join(path, "default"), problems)
    return replace(built, default=default), obj.get("visible_if"), obj.get("required_if")


def _default(field: FieldDef, value: object, path: str, problems: _Problems) -> object:
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


def _fields(
    doc: Mapping[str, object], problems: _Problems, known_tables: Collection[str] | None
) -> tuple[tuple[FieldDef, ...], _Names]:
    raw_fields = doc.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        problems.add("fields", "应为至少包含一个字段的数组。")
        return (), _Names({})
    parsed: list[tuple[str, FieldDef, object, object]] = []
    seen: dict[str, int] = {}
    unusable: set[str] = set()
    for index, item in enumerate(raw_fields):
        key_hint = item.get("key") if isinstance(item, Mapping) else None
        path = f"fields[{index}]" + (f"（{key_hint}）" if isinstance(key_hint, str) else "")
        obj = _object(item, path, problems)
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
            problems.add(_join(path, "key"), f"字段键“{field.key}”重复（与 fields[{first}] 相同）。")
            continue
        if field.key:
            seen[field.key] = index
        parsed.append((path, field, visible_if, required_if))

    names = _Names({**dict.fromkeys(unusable, ""), **{field.key: field.type for _, field, _, _ in parsed}})
    fields: list[FieldDef] = []
    for path, field, raw_visible, raw_required in parsed:
        visible_if = _expression(raw_visible, _join(path, "visible_if"), problems)
        required_if = _expression(raw_required, _join(path, "required_if"), problems)
        names.check(visible_if, _join(path, "visible_if"), problems)
        names.check(required_if, _join(path, "required_if"), problems)
        if required_if is not None and field.required:
            problems.add(
                _join(path, "required_if"),
                "字段已设为必填（required: true），required_if 不起作用，请删除其一。",
            )
        fields.append(replace(field, visible_if=visible_if, required_if=required_if))
    for cycle in _visibility_cycles(fields):
        problems.add("fields", f"显示条件（visible_if）循环依赖：{' → '.join(cycle)}。")
    return tuple(fields), names


def _materials(doc: Mapping[str, object], problems: _Problems, names: _Names) -> tuple[Material, ...]:
    materials: list[Material] = []
    seen: set[str] = set()
    for index, obj in enumerate(_objects(doc.get("materials"), "materials", problems)):
        if obj is None:
            continue
        path = f"materials[{index}]"
        _unknown_keys(obj, ("key", "name", "required", "required_if", "note"), path, problems)
        key = _text(obj, "key", path, problems)
        if key and not SNAKE.fullmatch(key):
            problems.add(_join(path, "key"), f"材料键“{key}”只能由小写英文字母、数字和下划线组成。")
        if key in seen:
            problems.add(_join(path, "key"), f"材料键“{key}”重复。")
        seen.add(key)
        required_if = _expression(obj.get("required_if"), _join(path, "required_if"), problems)
        names.check(required_if, _join(path, "required_if"), problems)
        materials.append(
            Material(
                key=key,
                name=_text(obj, "name", path, problems),
                required=_flag(obj, "required", path, problems, required=True),
                note=_text(obj, "note", path, problems, required=False),
                required_if=required_if,
            )
        )
    return tuple(materials)


def _commitment(value: object, problems: _Problems) -> CommitmentOption | None:
    if value is None:
        return None
    obj = _object(value, "commitment", problems)
    if obj is None:
        return None
    _unknown_keys(obj, ("allowed", "text", "deadline"), "commitment", problems)
    allowed = _flag(obj, "allowed", "commitment", problems, required=True)
    text = _text(obj, "text", "commitment", problems, required=allowed)
    deadline_value = obj.get("deadline")
    deadline = None if deadline_value is None else parse_rule(deadline_value, "commitment.deadline", problems)
    return CommitmentOption(allowed=allowed, text=text, deadline=deadline)


def _follow_ups(doc: Mapping[str, object], problems: _Problems) -> tuple[FollowUpRule, ...]:
    rules: list[FollowUpRule] = []
    for index, obj in enumerate(_objects(doc.get("follow_ups"), "follow_ups", problems)):
        if obj is None:
            continue
        path = f"follow_ups[{index}]"
        _unknown_keys(obj, ("kind", "after", "repeat_months", "note"), path, problems)
        kind = obj.get("kind")
        if not _one_of(kind, FOLLOW_UP_KINDS):
            problems.add(_join(path, "kind"), f"未知的跟踪类型“{kind}”，可用：{'、'.join(FOLLOW_UP_KINDS)}。")
            continue
        after = None if obj.get("after") is None else parse_rule(obj["after"], _join(path, "after"), problems)
        repeat = obj.get("repeat_months")
        repeat_path = _join(path, "repeat_months")
        repeat_months = None if repeat is None else _positive_int(repeat, repeat_path, problems, "间隔月数")
        if kind == "monthly" and repeat is None:
            problems.add(path, "按月跟踪（monthly）必须设置 repeat_months。")
        if kind != "monthly" and obj.get("after") is None:
            problems.add(path, f"{FOLLOW_UP_KINDS[str(kind)]}（{kind}）必须设置 after（多少天后）。")
        rules.append(
            FollowUpRule(
                kind=cast(FollowUpKind, kind),
                after=after,
                repeat_months=repeat_months,
                note=_text(obj, "note", path, problems, required=False),
            )
        )
    return tuple(rules)


def _print_templates(doc: Mapping[str, object], problems: _Problems) -> tuple[str, ...]:
    names = _strings(doc.get("print_templates"), "print_templates", problems)
    for index, name in enumerate(names):
        if name not in PRINT_TEMPLATES:
            known = "、".join(f"{key}（{label}）" for key, label in PRINT_TEMPLATES.items())
            problems.add(f"print_templates[{index}]", f"未知的打印模板“{name}”，可用：{known}。")
    if len(set(names)) != len(names):
        problems.add("print_templates", "打印模板有重复。")
    return tuple(dict.fromkeys(names))


def _validity(value: object, problems: _Problems) -> Validity | None:
    if value is None:
        return None
    obj = _object(value, "validity", problems)
    if obj is None:
        return None
    _unknown_keys(obj, ("years", "months", "confirmed", "note"), "validity", problems)
    if ("years" in obj) == ("months" in obj):
        problems.add("validity", "有效期须设置 years 或 months 之一（只能设一个）。")
        return None
    unit = "years" if "years" in obj else "months"
    amount = _positive_int(obj[unit], _join("validity", unit), problems, "有效期")
    confirmed = _flag(obj, "confirmed", "validity", problems, required=True)
    note = _text(obj, "note", "validity", problems, required=False)
    if amount is None:
        return None
    return Validity(months=amount * 12 if unit == "years" else amount, confirmed=confirmed, note=note)


def _limits(value: object, problems: _Problems) -> tuple[Limit, ...]:
    limits: list[Limit] = []
    for index, obj in enumerate(_objects(value, "limits", problems)):
        if obj is None:
            continue
        path = f"limits[{index}]"
        _unknown_keys(obj, ("key", "label", "value", "unit", "confirmed", "note"), path, problems)
        key = _text(obj, "key", path, problems)
        raw_value = obj.get("value")
        number = parse_number_bound(raw_value)
        if number is None:
            problems.add(_join(path, "value"), f"限额应为数字，却是{_kind_of(raw_value)}。")
        unit = _text(obj, "unit", path, problems)
        if unit and unit not in LIMIT_UNITS:
            problems.add(_join(path, "unit"), f"未知的单位“{unit}”，可用：{'、'.join(sorted(LIMIT_UNITS))}。")
        limits.append(
            Limit(
                key=key,
                label=_text(obj, "label", path, problems),
                value=number if number is not None else 0,
                unit=unit,
                confirmed=_flag(obj, "confirmed", path, problems, required=True),
                note=_text(obj, "note", path, problems, required=False),
            )
        )
    return tuple(limits)


def _checks(value: object, problems: _Problems, names: _Names) -> tuple[FormCheck, ...]:
    checks: list[FormCheck] = []
    for index, obj in enumerate(_objects(value, "checks", problems)):
        if obj is None:
            continue
        path = f"checks[{index}]"
        _unknown_keys(obj, ("when", "message", "level", "field"), path, problems)
        when = _expression(obj.get("when"), _join(path, "when"), problems)
        if obj.get("when") is None:
            problems.add(_join(path, "when"), "缺少条件（when）。")
        names.check(when, _join(path, "when"), problems)
        message = _text(obj, "message", path, problems)
        level = obj.get("level", "error")
        if level not in ("error", "warning"):
            problems.add(_join(path, "level"), "级别应为 error（阻止保存）或 warning（提示）。")
        target = obj.get("field")
        if target is not None and not _one_of(target, names.types):
            problems.add(_join(path, "field"), f"字段“{target}”未定义。")
        if when is not None and level in ("error", "warning"):
            checks.append(
                FormCheck(
                    when=when,
                    message=message,
                    level=level,
                    field=target if isinstance(target, str) else None,
                )
            )
    return tuple(checks)


def _freeze(value: object) -> object:
    if isinstance(value, Mapping):
        return MappingProxyType({str(key): _freeze(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(item) for item in value)
    return value


def parse_definition(
    doc: object, source: str, known_tables: Collection[str] | None = None
) -> tuple[ItemDefinition | None, list[str]]:
    """The definition (None if it is unusable) and every problem found, each naming ``source``."""
    problems = _Problems(source)
    if not isinstance(doc, Mapping):
        problems.add("", f"定义应为 JSON 对象，却是{_kind_of(doc)}。")
        return None, problems.items
    doc = cast(Mapping[str, object], doc)
    _unknown_keys(doc, TOP_LEVEL_KEYS, "", problems)

    code = _text(doc, "code", "", problems)
    if code and not SNAKE.fullmatch(code):
        problems.add("code", f"事项代码“{code}”只能由小写英文字母、数字和下划线组成。")
    version = _positive_int(doc.get("version"), "version", problems, "版本号")
    name = _text(doc, "name", "", problems)
    category = _text(doc, "category", "", problems)
    subject = doc.get("subject")
    if subject not in SUBJECTS:
        problems.add("subject", f"服务对象应为 person、employer 或 household，却是“{subject}”。")
    description = _text(doc, "description", "", problems)

    fields, names = _fields(doc, problems, known_tables)
    materials = _materials(doc, problems, names)

    if "deadline" not in doc:
        problems.add("deadline", "缺少办结时限；即时办结请写 null。")
    deadline = None if doc.get("deadline") is None else parse_rule(doc["deadline"], "deadline", problems)
    commitment = _commitment(doc.get("commitment"), problems)
    review_required = _flag(doc, "review_required", "", problems)
    review_kind = doc.get("review_kind")
    if review_kind is not None:
        if not _one_of(review_kind, REVIEW_KINDS):
            problems.add("review_kind", "审核方式应为 review（审核）或 verification（核验）。")
        elif not review_required:
            problems.add("review_kind", "设置了审核方式，但 review_required 不是 true。")
    cancellable = _flag(doc, "cancellable", "", problems)
    follow_ups = _follow_ups(doc, problems)
    print_templates = _print_templates(doc, problems)
    if "commitment" in print_templates and (commitment is None or not commitment.allowed):
        problems.add("print_templates", "要打印承诺书（commitment），但本事项不允许书面承诺受理。")

    extras: dict[str, object] = {}
    free = doc.get("extras")
    if free is not None:
        free_obj = _object(free, "extras", problems)
        if free_obj is not None:
            extras.update({str(key): _freeze(item) for key, item in free_obj.items()})
    validity = _validity(doc.get("validity"), problems)
    typed: dict[str, object] = {
        "validity": validity,
        "limits": _limits(doc.get("limits"), problems),
        "review_kind": review_kind if _one_of(review_kind, REVIEW_KINDS) else None,
        "checks": _checks(doc.get("checks"), problems, names),
        "must_not_require": _strings(doc.get("must_not_require"), "must_not_require", problems),
        "basis": _strings(doc.get("basis"), "basis", problems),
        "unconfirmed": _strings(doc.get("unconfirmed"), "unconfirmed", problems),
    }
    for key in typed:
        if key in extras:
            problems.add(f"extras.{key}", f"“{key}”是定义的正式属性，请写在顶层而不是 extras 中。")
    extras.update({key: value for key, value in typed.items() if value not in (None, ())})

    if problems.items or version is None:
        return None, problems.items
    return (
        ItemDefinition(
            code=code,
            version=version,
            name=name,
            category=category,
            subject=cast(Subject, subject),
            description=description,
            fields=fields,
            materials=materials,
            deadline=deadline,
            commitment=commitment,
            review_required=review_required,
            cancellable=cancellable,
            follow_ups=follow_ups,
            print_templates=print_templates,
            extras=MappingProxyType(extras),
        ),
        [],
    )
