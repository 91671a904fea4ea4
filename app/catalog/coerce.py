"""Turning what a form holds into the stored shape of each field type.

Only the shape is checked here (a real date, at most two decimals, a list of sha256 refs …).
Identifier checks that need app.validation, and code tables, are applied by app.catalog.forms.
Messages omit the field label; the caller prefixes it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from app.catalog.model import FieldDef

DEFAULT_MAX_LENGTH = {"text": 200, "textarea": 4000}
MONEY_MAX_INTEGER_DIGITS = 12
_MONEY = re.compile(r"-?\d+(\.\d+)?")
_INTEGER = re.compile(r"-?\d{1,15}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_CENT = Decimal("0.01")


@dataclass(frozen=True)
class Coerced:
    value: object
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


def _fail(message: str) -> Coerced:
    return Coerced(None, (message,))


def is_empty(field: FieldDef, raw: object) -> bool:
    """Nothing entered. A flag set to false is a value; an unsigned commitment is not."""
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if field.type == "commitment":
        return raw is False
    if field.type == "id_document" and isinstance(raw, Mapping):
        number = raw.get("number")
        return number is None or (isinstance(number, str) and not number.strip())
    if isinstance(raw, Mapping | list | tuple | set | frozenset):
        return len(raw) == 0
    return False


def resolve_date_bound(bound: object, today: date) -> date | None:
    if bound == "today":
        return today
    if isinstance(bound, str):
        try:
            return date.fromisoformat(bound)
        except ValueError:
            return None
    return None


def parse_money(raw: object) -> Decimal | str:
    """The amount, or a message saying what is wrong with it."""
    if isinstance(raw, bool):
        return "应填写金额数字，不能是“是/否”。"
    if isinstance(raw, int | Decimal):
        amount = Decimal(raw)
    elif isinstance(raw, float):
        amount = Decimal(repr(raw))
    elif isinstance(raw, str):
        text = raw.strip()
        if text.endswith("元"):
            text = text[:-1].strip()
        if not _MONEY.fullmatch(text):
            return f"“{raw}”不是有效的金额，请只填数字（如 1800 或 1800.50），不要加逗号或其他文字。"
        amount = Decimal(text)
    else:
        return "应填写金额数字。"
    if not amount.is_finite():
        return "应填写金额数字。"
    # Size first: quantize() needs the digits to fit the decimal context.
    if amount.adjusted() >= MONEY_MAX_INTEGER_DIGITS:
        return "金额过大，请核对。"
    cents = amount.quantize(_CENT)
    if cents != amount:
        return "金额最多保留两位小数（到分），请修改。"
    return cents


def parse_number_bound(raw: object) -> int | Decimal | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, int):
        return raw
    parsed = parse_money(raw)
    return parsed if isinstance(parsed, Decimal) else None


def _coerce_text(field: FieldDef, raw: object) -> Coerced:
    if not isinstance(raw, str):
        return _fail("应填写文字。")
    text = raw.strip()
    limit = field.max_length or DEFAULT_MAX_LENGTH.get(field.type)
    if limit is not None and len(text) > limit:
        return _fail(f"最多 {limit} 个字，现在有 {len(text)} 个字，请精简。")
    if field.pattern is not None and not re.fullmatch(field.pattern, text):
        hint = f"（{field.help}）" if field.help else ""
        return _fail(f"“{text}”的格式不符合要求{hint}，请核对后重新填写。")
    return Coerced(text)


def _coerce_date(field: FieldDef, raw: object, today: date) -> Coerced:
    if isinstance(raw, datetime):
        value = raw.date()
    elif isinstance(raw, date):
        value = raw
    elif isinstance(raw, str) and _ISO_DATE.fullmatch(raw.strip()):
        try:
            value = date.fromisoformat(raw.strip())
        except ValueError:
            return _fail(f"“{raw.strip()}”不是真实存在的日期，请核对年月日。")
    else:
        return _fail("日期格式不正确，请按“2024-05-01”的格式填写。")
    low = resolve_date_bound(field.min, today)
    high = resolve_date_bound(field.max, today)
    if low is not None and value < low:
        return _fail(f"不能早于{'今天' if field.min == 'today' else low.isoformat()}，请核对。")
    if high is not None and value > high:
        return _fail(f"不能晚于{'今天' if field.max == 'today' else high.isoformat()}，请核对。")
    return Coerced(value.isoformat())


def _coerce_integer(field: FieldDef, raw: object) -> Coerced:
    if isinstance(raw, bool):
        return _fail("应填写整数。")
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, str) and _INTEGER.fullmatch(raw.strip()):
        value = int(raw.strip())
    else:
        return _fail(f"“{raw}”不是整数，请只填数字。")
    return _check_range(field, value, str(value))


def _coerce_money(field: FieldDef, raw: object) -> Coerced:
    parsed = parse_money(raw)
    if isinstance(parsed, str):
        return _fail(parsed)
    if field.min is None and parsed < 0:
        return _fail("金额不能为负数。")
    return _check_range(field, parsed, f"{parsed}")


def _check_range(field: FieldDef, value: int | Decimal, stored: str) -> Coerced:
    low = field.min if isinstance(field.min, int | Decimal) else None
    high = field.max if isinstance(field.max, int | Decimal) else None
    if low is not None and value < low:
        return _fail(f"不能小于 {low}。")
    if high is not None and value > high:
        return _fail(f"不能大于 {high}。")
    return Coerced(stored if isinstance(value, Decimal) else value)


def _string_list(raw: object) -> list[str] | None:
    if isinstance(raw, str) or not isinstance(raw, Sequence | set | frozenset):
        return None
    items: list[str] = []
    for item in raw:
        if not isinstance(item, str):
            return None
        text = item.strip()
        if text and text not in items:
            items.append(text)
    return items


def _check_count(field: FieldDef, items: list[str], noun: str) -> Coerced:
    low = field.min if isinstance(field.min, int) else None
    high = field.max if isinstance(field.max, int) else None
    if low is not None and len(items) < low:
        return _fail(f"至少需要 {low} 个{noun}，现在有 {len(items)} 个。")
    if high is not None and len(items) > high:
        return _fail(f"最多 {high} 个{noun}，现在有 {len(items)} 个。")
    return Coerced(items)


def _coerce_codes(field: FieldDef, raw: object) -> Coerced:
    items = _string_list(raw)
    if items is None:
        return _fail("应为代码列表，请从列表中选择。")
    return _check_count(field, items, "选项")


def _coerce_attachments(field: FieldDef, raw: object) -> Coerced:
    items = _string_list(raw)
    if items is None:
        return _fail("附件记录格式不正确，请重新上传扫描件。")
    lowered = [item.lower() for item in items]
    if any(not _SHA256.fullmatch(item) for item in lowered):
        return _fail("附件记录不是有效的文件指纹（sha256），请重新上传扫描件。")
    return _check_count(field, lowered, "附件")


def _coerce_code(raw: object) -> Coerced:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return Coerced(str(raw))
    if not isinstance(raw, str):
        return _fail("应从列表中选择一项。")
    return Coerced(raw.strip())


def _coerce_id_document(raw: object) -> Coerced:
    if not isinstance(raw, Mapping):
        return _fail("请选择证件类型并填写证件号码。")
    doc_type = raw.get("doc_type")
    number = raw.get("number")
    if not isinstance(doc_type, str) or not doc_type.strip():
        return _fail("请先选择证件类型。")
    if not isinstance(number, str):
        return _fail("证件号码应为文字。")
    return Coerced({"doc_type": doc_type.strip(), "number": number.strip()})


def _coerce_bool(raw: object, field: FieldDef) -> Coerced:
    if isinstance(raw, bool):
        return Coerced(raw)
    if field.type == "commitment":
        return _fail("请确认申请人是否已在书面承诺上签字。")
    return _fail("请选择“是”或“否”。")


def coerce_value(field: FieldDef, raw: object, today: date) -> Coerced:
    """The stored form of a non-empty value: JSON-friendly (dates ISO, money a 2-decimal string)."""
    kind = field.type
    if kind in ("text", "textarea"):
        return _coerce_text(field, raw)
    if kind in ("phone", "admin_division"):
        return Coerced(raw.strip()) if isinstance(raw, str) else _fail("应填写数字号码。")
    if kind == "date":
        return _coerce_date(field, raw, today)
    if kind == "integer":
        return _coerce_integer(field, raw)
    if kind == "money":
        return _coerce_money(field, raw)
    if kind == "code":
        return _coerce_code(raw)
    if kind == "multi_code":
        return _coerce_codes(field, raw)
    if kind == "attachment":
        return _coerce_attachments(field, raw)
    if kind == "id_document":
        return _coerce_id_document(raw)
    return _coerce_bool(raw, field)


def expression_value(field: FieldDef, stored: object) -> object:
    """What a condition sees: money as a number, everything else as stored."""
    if field.type == "money" and isinstance(stored, str):
        try:
            return Decimal(stored)
        except InvalidOperation:
            return None
    return stored
