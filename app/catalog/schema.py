"""Checking one definition document (a JSON object) and building its ItemDefinition.

Every problem is collected, not only the first, and each names the source and the path inside
it (``fields[3]（unemployment_cause）.table``), so the author fixes a definition in one pass.
Fields are checked by app.catalog.schema_fields. The format is described in docs/catalog.md.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from types import MappingProxyType
from typing import cast

from app.catalog.coerce import parse_number_bound
from app.catalog.model import (
    FOLLOW_UP_KINDS,
    PRINT_TEMPLATES,
    REVIEW_KINDS,
    SUBJECTS,
    CommitmentOption,
    FollowUpKind,
    FollowUpRule,
    FormCheck,
    ItemDefinition,
    Limit,
    Material,
    Subject,
    Validity,
)
from app.catalog.schema_checks import (
    Problems,
    as_object,
    as_objects,
    flag_attr,
    join,
    kind_of,
    one_of,
    parse_rule,
    positive_int,
    strings,
    text_attr,
    unknown_keys,
)
from app.catalog.schema_fields import SNAKE, Names, expression, parse_fields

TOP_LEVEL_KEYS = frozenset(
    {
        "code", "version", "name", "category", "subject", "description", "fields", "materials",
        "deadline", "commitment", "review_required", "review_kind", "cancellable", "follow_ups",
        "print_templates", "validity", "limits", "checks", "must_not_require", "basis", "unconfirmed",
        "extras",
    }
)
LIMIT_UNITS = frozenset({"years", "months", "days", "yuan", "people", "times"})


def _materials(doc: Mapping[str, object], problems: Problems, names: Names) -> tuple[Material, ...]:
    materials: list[Material] = []
    seen: set[str] = set()
    for index, obj in enumerate(as_objects(doc.get("materials"), "materials", problems)):
        if obj is None:
            continue
        path = f"materials[{index}]"
        unknown_keys(obj, ("key", "name", "required", "required_if", "note"), path, problems)
        key = text_attr(obj, "key", path, problems)
        if key and not SNAKE.fullmatch(key):
            problems.add(join(path, "key"), f"材料键“{key}”只能由小写英文字母、数字和下划线组成。")
        if key in seen:
            problems.add(join(path, "key"), f"材料键“{key}”重复。")
        seen.add(key)
        required_if = expression(obj.get("required_if"), join(path, "required_if"), problems)
        names.check(required_if, join(path, "required_if"), problems)
        materials.append(
            Material(
                key=key,
                name=text_attr(obj, "name", path, problems),
                required=flag_attr(obj, "required", path, problems, required=True),
                note=text_attr(obj, "note", path, problems, required=False),
                required_if=required_if,
            )
        )
    return tuple(materials)


def _commitment(value: object, problems: Problems) -> CommitmentOption | None:
    if value is None:
        return None
    obj = as_object(value, "commitment", problems)
    if obj is None:
        return None
    unknown_keys(obj, ("allowed", "text", "deadline"), "commitment", problems)
    allowed = flag_attr(obj, "allowed", "commitment", problems, required=True)
    text = text_attr(obj, "text", "commitment", problems, required=allowed)
    deadline_value = obj.get("deadline")
    deadline = None if deadline_value is None else parse_rule(deadline_value, "commitment.deadline", problems)
    return CommitmentOption(allowed=allowed, text=text, deadline=deadline)


def _follow_ups(doc: Mapping[str, object], problems: Problems) -> tuple[FollowUpRule, ...]:
    rules: list[FollowUpRule] = []
    for index, obj in enumerate(as_objects(doc.get("follow_ups"), "follow_ups", problems)):
        if obj is None:
            continue
        path = f"follow_ups[{index}]"
        unknown_keys(obj, ("kind", "after", "repeat_months", "note"), path, problems)
        kind = obj.get("kind")
        if not one_of(kind, FOLLOW_UP_KINDS):
            problems.add(join(path, "kind"), f"未知的跟踪类型“{kind}”，可用：{'、'.join(FOLLOW_UP_KINDS)}。")
            continue
        after = None if obj.get("after") is None else parse_rule(obj["after"], join(path, "after"), problems)
        repeat = obj.get("repeat_months")
        repeat_path = join(path, "repeat_months")
        repeat_months = None if repeat is None else positive_int(repeat, repeat_path, problems, "间隔月数")
        if kind == "monthly" and repeat is None:
            problems.add(path, "按月跟踪（monthly）必须设置 repeat_months。")
        if kind != "monthly" and obj.get("after") is None:
            problems.add(path, f"{FOLLOW_UP_KINDS[str(kind)]}（{kind}）必须设置 after（多少天后）。")
        rules.append(
            FollowUpRule(
                kind=cast(FollowUpKind, kind),
                after=after,
                repeat_months=repeat_months,
                note=text_attr(obj, "note", path, problems, required=False),
            )
        )
    return tuple(rules)


def _print_templates(doc: Mapping[str, object], problems: Problems) -> tuple[str, ...]:
    names = strings(doc.get("print_templates"), "print_templates", problems)
    for index, name in enumerate(names):
        if name not in PRINT_TEMPLATES:
            known = "、".join(f"{key}（{label}）" for key, label in PRINT_TEMPLATES.items())
            problems.add(f"print_templates[{index}]", f"未知的打印模板“{name}”，可用：{known}。")
    if len(set(names)) != len(names):
        problems.add("print_templates", "打印模板有重复。")
    return tuple(dict.fromkeys(names))


def _validity(value: object, problems: Problems) -> Validity | None:
    if value is None:
        return None
    obj = as_object(value, "validity", problems)
    if obj is None:
        return None
    unknown_keys(obj, ("years", "months", "confirmed", "note"), "validity", problems)
    if ("years" in obj) == ("months" in obj):
        problems.add("validity", "有效期须设置 years 或 months 之一（只能设一个）。")
        return None
    unit = "years" if "years" in obj else "months"
    amount = positive_int(obj[unit], join("validity", unit), problems, "有效期")
    confirmed = flag_attr(obj, "confirmed", "validity", problems, required=True)
    note = text_attr(obj, "note", "validity", problems, required=False)
    if amount is None:
        return None
    return Validity(months=amount * 12 if unit == "years" else amount, confirmed=confirmed, note=note)


def _limits(value: object, problems: Problems) -> tuple[Limit, ...]:
    limits: list[Limit] = []
    for index, obj in enumerate(as_objects(value, "limits", problems)):
        if obj is None:
            continue
        path = f"limits[{index}]"
        unknown_keys(obj, ("key", "label", "value", "unit", "confirmed", "note"), path, problems)
        key = text_attr(obj, "key", path, problems)
        raw_value = obj.get("value")
        number = parse_number_bound(raw_value)
        if number is None:
            problems.add(join(path, "value"), f"限额应为数字，却是{kind_of(raw_value)}。")
        unit = text_attr(obj, "unit", path, problems)
        if unit and unit not in LIMIT_UNITS:
            problems.add(join(path, "unit"), f"未知的单位“{unit}”，可用：{'、'.join(sorted(LIMIT_UNITS))}。")
        limits.append(
            Limit(
                key=key,
                label=text_attr(obj, "label", path, problems),
                value=number if number is not None else 0,
                unit=unit,
                confirmed=flag_attr(obj, "confirmed", path, problems, required=True),
                note=text_attr(obj, "note", path, problems, required=False),
            )
        )
    return tuple(limits)


def _checks(value: object, problems: Problems, names: Names) -> tuple[FormCheck, ...]:
    checks: list[FormCheck] = []
    for index, obj in enumerate(as_objects(value, "checks", problems)):
        if obj is None:
            continue
        path = f"checks[{index}]"
        unknown_keys(obj, ("when", "message", "level", "field"), path, problems)
        when = expression(obj.get("when"), join(path, "when"), problems)
        if obj.get("when") is None:
            problems.add(join(path, "when"), "缺少条件（when）。")
        names.check(when, join(path, "when"), problems)
        message = text_attr(obj, "message", path, problems)
        level = obj.get("level", "error")
        if level not in ("error", "warning"):
            problems.add(join(path, "level"), "级别应为 error（阻止保存）或 warning（提示）。")
        target = obj.get("field")
        if target is not None and not one_of(target, names.types):
            problems.add(join(path, "field"), f"字段“{target}”未定义。")
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
    problems = Problems(source)
    if not isinstance(doc, Mapping):
        problems.add("", f"定义应为 JSON 对象，却是{kind_of(doc)}。")
        return None, problems.items
    doc = cast(Mapping[str, object], doc)
    unknown_keys(doc, TOP_LEVEL_KEYS, "", problems)

    code = text_attr(doc, "code", "", problems)
    if code and not SNAKE.fullmatch(code):
        problems.add("code", f"事项代码“{code}”只能由小写英文字母、数字和下划线组成。")
    version = positive_int(doc.get("version"), "version", problems, "版本号")
    name = text_attr(doc, "name", "", problems)
    category = text_attr(doc, "category", "", problems)
    subject = doc.get("subject")
    if subject not in SUBJECTS:
        problems.add("subject", f"服务对象应为 person、employer 或 household，却是“{subject}”。")
    description = text_attr(doc, "description", "", problems)

    fields, names = parse_fields(doc, problems, known_tables)
    materials = _materials(doc, problems, names)

    if "deadline" not in doc:
        problems.add("deadline", "缺少办结时限；即时办结请写 null。")
    deadline = None if doc.get("deadline") is None else parse_rule(doc["deadline"], "deadline", problems)
    commitment = _commitment(doc.get("commitment"), problems)
    review_required = flag_attr(doc, "review_required", "", problems)
    review_kind = doc.get("review_kind")
    if review_kind is not None:
        if not one_of(review_kind, REVIEW_KINDS):
            problems.add("review_kind", "审核方式应为 review（审核）或 verification（核验）。")
        elif not review_required:
            problems.add("review_kind", "设置了审核方式，但 review_required 不是 true。")
    cancellable = flag_attr(doc, "cancellable", "", problems)
    follow_ups = _follow_ups(doc, problems)
    print_templates = _print_templates(doc, problems)
    if "commitment" in print_templates and (commitment is None or not commitment.allowed):
        problems.add("print_templates", "要打印承诺书（commitment），但本事项不允许书面承诺受理。")

    extras: dict[str, object] = {}
    free = doc.get("extras")
    if free is not None:
        free_obj = as_object(free, "extras", problems)
        if free_obj is not None:
            extras.update({str(key): _freeze(item) for key, item in free_obj.items()})
    validity = _validity(doc.get("validity"), problems)
    typed: dict[str, object] = {
        "validity": validity,
        "limits": _limits(doc.get("limits"), problems),
        "review_kind": review_kind if one_of(review_kind, REVIEW_KINDS) else None,
        "checks": _checks(doc.get("checks"), problems, names),
        "must_not_require": strings(doc.get("must_not_require"), "must_not_require", problems),
        "basis": strings(doc.get("basis"), "basis", problems),
        "unconfirmed": strings(doc.get("unconfirmed"), "unconfirmed", problems),
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
