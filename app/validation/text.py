"""Input clean-up shared by every validator: what the counter clerk types is rarely tidy."""

from __future__ import annotations

import re
import unicodedata

# Full-width ASCII (U+FF01..U+FF5E) is what a Chinese IME produces when left in full-width mode.
_HALFWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_HALFWIDTH[0x3000] = 0x20  # ideographic space
_ASCII_UPPER = {code: code - 32 for code in range(ord("a"), ord("z") + 1)}
# Zero-width characters and BOMs ride along with copy-paste from web pages and spreadsheets.
_EDGE_JUNK = re.compile(r"^[\s\u200b-\u200d\u2060\ufeff]+|[\s\u200b-\u200d\u2060\ufeff]+$")
_INNER_SPACE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")


def to_halfwidth(value: str) -> str:
    return value.translate(_HALFWIDTH)


def ascii_upper(value: str) -> str:
    """Upper-case a-z only; str.upper() would turn e.g. 'ß' into 'SS' and shift positions."""
    return value.translate(_ASCII_UPPER)


def clean(value: str) -> str:
    """Full-width to ASCII and surrounding whitespace removed."""
    return _EDGE_JUNK.sub("", to_halfwidth(value))


def remove_spaces(value: str) -> str:
    return _INNER_SPACE.sub("", value)


def describe_char(char: str) -> str:
    if char.isspace():
        return "空格"
    if unicodedata.category(char)[0] in {"C", "Z"}:
        return f"不可见字符 U+{ord(char):04X}"
    return f"“{char}”"


def describe_chars(chars: str) -> str:
    """Distinct characters in order of first appearance, joined for a Chinese sentence."""
    seen: list[str] = []
    for char in chars:
        description = describe_char(char)
        if description not in seen:
            seen.append(description)
    return "、".join(seen)


def missing(label: str) -> str:
    return f"未填写{label}，请补充填写。"
