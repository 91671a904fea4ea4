"""Small checkers shared by the definition schema: each records a problem instead of raising.

A problem reads ``<source>：<path>：<message>``; the path names where in the document it is.
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping
from typing import cast

from app.catalog.model import DAY_UNITS, DeadlineRule


class Problems:
    """Every problem found in one source, in the order found."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.items: list[str] = []

    def add(self, path: str, message: str) -> None:
        self.items.append(f"{self.source}：{path}：{message}" if path else f"{self.source}：{message}")


def kind_of(value: object) -> str:
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


def unknown_keys(
    obj: Mapping[str, object], allowed: Collection[str], path: str, problems: Problems
) -> None:
    for key in obj:
        if key not in allowed:
            hint = difflib.get_close_matches(str(key), list(allowed), n=1)
            suggestion = f"，是否想写“{hint[0]}”？" if hint else "。"
            problems.add(join(path, str(key)), f"未知的属性“{key}”{suggestion}")


def one_of(value: object, options: Collection[str]) -> bool:
    """Membership that cannot raise: a JSON list or object as the value is simply not an option."""
    return isinstance(value, str) and value in options


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def text_attr(
    obj: Mapping[str, object],
    key: str,
    path: str,
    problems: Problems,
    *,
    required: bool = True,
    default: str = "",
) -> str:
    value = obj.get(key)
    if value is None:
        if required:
            problems.add(join(path, key), "缺少此属性，请填写。")
        return default
    if not isinstance(value, str):
        problems.add(join(path, key), f"应为字符串，却是{kind_of(value)}。")
        return default
    if required and not value.strip():
        problems.add(join(path, key), "不能为空。")
    return value.strip()


def flag_attr(
    obj: Mapping[str, object], key: str, path: str, problems: Problems, *, required: bool = False
) -> bool:
    value = obj.get(key)
    if value is None:
        if required:
            problems.add(join(path, key), "缺少此属性，请填写 true 或 false。")
        return False
    if not isinstance(value, bool):
        problems.add(join(path, key), f"应为 true 或 false，却是{kind_of(value)}。")
        return False
    return value


def positive_int(value: object, path: str, problems: Problems, what: str) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        problems.add(path, f"{what}应为正整数，却是{kind_of(value)}。")
        return None
    if value <= 0:
        problems.add(path, f"{what}必须大于 0，现在是 {value}。")
        return None
    return value


def strings(value: object, path: str, problems: Problems) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.add(path, f"应为字符串数组，却是{kind_of(value)}。")
        return ()
    result: list[str] = []
    for index, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            problems.add(f"{path}[{index}]", "应为非空字符串。")
        else:
            result.append(item.strip())
    return tuple(result)


def as_object(value: object, path: str, problems: Problems) -> Mapping[str, object] | None:
    if not isinstance(value, Mapping):
        problems.add(path, f"应为对象，却是{kind_of(value)}。")
        return None
    return cast(Mapping[str, object], value)


def as_objects(value: object, path: str, problems: Problems) -> list[Mapping[str, object] | None]:
    """Elements of an array of objects; None in place of each element that is not an object."""
    if value is None:
        return []
    if not isinstance(value, list):
        problems.add(path, f"应为数组，却是{kind_of(value)}。")
        return []
    return [as_object(item, f"{path}[{index}]", problems) for index, item in enumerate(value)]


def parse_rule(value: object, path: str, problems: Problems) -> DeadlineRule | None:
    obj = as_object(value, path, problems)
    if obj is None:
        return None
    unknown_keys(obj, ("days", "unit"), path, problems)
    days = positive_int(obj.get("days"), join(path, "days"), problems, "期限天数")
    unit = obj.get("unit")
    if unit not in DAY_UNITS:
        problems.add(
            join(path, "unit"), f"期限单位应为 working（工作日）或 calendar（自然日），却是“{unit}”。"
        )
        return None
    return DeadlineRule(days, unit) if days is not None else None


