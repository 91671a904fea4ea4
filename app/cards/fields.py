"""Validation at the edge: every backend hands raw strings here and gets a checked ``CardRecord`` back.

Whatever a reader, a vendor library or a card returns is untrusted. Each field is trimmed, checked for
length and characters, dates are parsed, and the 社会保障号码 (which is the 公民身份号码) must pass
``validate("resident_id", ...)``. A failure raises ``CardDataInvalid`` naming the field, never its value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date

from app.cards.errors import CardDataInvalid
from app.cards.record import FIELD_LABELS, CardRecord, Source
from app.validation import validate

_DATE_SEPARATED = re.compile(r"([0-9]{4})[-./]([0-9]{1,2})[-./]([0-9]{1,2})")
_DATE_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_NO_DATE = frozenset({"", "00000000", "0000-00-00"})
LONG_TERM = frozenset({"长期", "长期有效"})

# field: (maximum length in characters, allowed pattern or None for free text)
_TEXT_RULES: Mapping[str, tuple[int, re.Pattern[str] | None]] = {
    "region_code": (6, re.compile(r"[0-9]{6}")),
    "card_id": (32, re.compile(r"[0-9A-Z]+")),
    "atr": (66, re.compile(r"[0-9A-F]+")),
    "spec_version": (8, re.compile(r"[0-9A-Za-z.]+")),
    "terminal_no": (16, re.compile(r"[0-9A-Za-z]+")),
    "device_no": (32, re.compile(r"[0-9A-Za-z_-]+")),
    "name": (50, None),
    "ethnic": (2, re.compile(r"[0-9]{2}")),
    "address": (80, None),
    "issuer": (40, None),
}
_UPPER = frozenset({"card_id", "atr"})
_GENDER_WORDS = {"男": "1", "女": "2", "1": "1", "2": "2", "0": "0", "9": "9"}
_STRIP = " \t\r\n\0\u3000"


def _label(field: str) -> str:
    return FIELD_LABELS.get(field, field)


def _text(field: str, value: str) -> str:
    max_len, pattern = _TEXT_RULES[field]
    text = value.strip(_STRIP)
    if field in _UPPER:
        text = text.replace(" ", "").upper()
    if not text:
        return ""
    if len(text) > max_len:
        raise CardDataInvalid(f"{_label(field)}超过 {max_len} 个字符")
    if any(unicodedata.category(ch) in {"Cc", "Cf", "Cs", "Co", "Cn"} for ch in text):
        raise CardDataInvalid(f"{_label(field)}中有不可显示的字符")
    if pattern is not None and not pattern.fullmatch(text):
        raise CardDataInvalid(f"{_label(field)}的格式不正确")
    return text


def parse_card_date(field: str, value: str) -> date | None:
    """YYYYMMDD or YYYY-MM-DD (also . or /). Empty or all zeros means "not given"."""
    text = value.strip(_STRIP)
    if text in _NO_DATE:
        return None
    match = _DATE_COMPACT.fullmatch(text) or _DATE_SEPARATED.fullmatch(text)
    if match is None:
        raise CardDataInvalid(f"{_label(field)}的格式不正确")
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise CardDataInvalid(f"{_label(field)}不是真实的日期") from None


def checked_ss_number(value: str) -> str | None:
    text = value.strip(_STRIP)
    if not text:
        return None
    if len(text) > 18:
        raise CardDataInvalid("社会保障号码超过 18 个字符")
    result = validate("resident_id", text)
    if not result.ok or result.normalized is None:
        raise CardDataInvalid("社会保障号码校验不通过")
    return result.normalized


def checked_card_number(value: str) -> str:
    text = value.strip(_STRIP)
    if not text:
        return ""
    result = validate("ss_card_number", text)
    if not result.ok or result.normalized is None:
        raise CardDataInvalid("卡号格式不正确（应为 9 位字母或数字）")
    return result.normalized


def build_record(
    raw: Mapping[str, str],
    *,
    source: Source,
    required: tuple[str, ...] = (),
    notice: str | None = None,
) -> CardRecord:
    """Check raw text fields (keys as in ``CardRecord``) and build the record.

    ``required`` lists the fields this kind of read must deliver; a missing one is ``CardDataInvalid``.
    """
    unknown = set(raw) - set(FIELD_LABELS)
    if unknown:
        raise ValueError(f"unknown card fields: {sorted(unknown)}")
    values: dict[str, object] = {}
    for field, value in raw.items():
        if field == "ss_number":
            values[field] = checked_ss_number(value)
        elif field == "card_number":
            values[field] = checked_card_number(value)
        elif field in {"issued_on", "valid_until", "birth_date", "id_valid_from"}:
            values[field] = parse_card_date(field, value)
        elif field == "id_valid_to":
            values[field] = None if value.strip(_STRIP) in LONG_TERM else parse_card_date(field, value)
        elif field == "gender":
            text = value.strip(_STRIP)
            if text and text not in _GENDER_WORDS:
                raise CardDataInvalid("性别代码不正确")
            values[field] = _GENDER_WORDS.get(text)
        elif field in _TEXT_RULES:
            text = _text(field, value)
            values[field] = (text or None) if field in {"name", "ethnic", "address", "issuer"} else text
        else:
            raise ValueError(f"field {field} cannot be given as raw text")
    for field in required:
        if not values.get(field):
            raise CardDataInvalid(f"缺少{_label(field)}")
    return CardRecord(**values, source=source, notice=notice)  # type: ignore[arg-type]
