"""Mainland mobile numbers."""

from __future__ import annotations

import re

from app.validation.result import Result, failure, success
from app.validation.text import clean, describe_chars, missing, remove_spaces

_LABEL = "手机号码"
_MOBILE = re.compile(r"1[3-9][0-9]{9}")
# Separators people type or paste: ASCII and typographic hyphens and dashes.
_SEPARATORS = re.compile(r"[-\u2010-\u2015\u2212]")
_COUNTRY_PREFIX = re.compile(r"^(?:\+86|0086)")


def validate_mobile(value: str | None) -> Result:
    number = _SEPARATORS.sub("", remove_spaces(clean(value or "")))
    if not number:
        return failure([missing(_LABEL)])
    number = _COUNTRY_PREFIX.sub("", number, count=1)
    if _MOBILE.fullmatch(number):
        return success(number)
    illegal = "".join(char for char in number if not "0" <= char <= "9")
    if illegal:
        detail = f"，号码中有不允许的字符{describe_chars(illegal)}"
    elif len(number) != 11:
        detail = f"，现在是{len(number)}位"
    else:
        detail = ""
    hint = "如果这是固定电话，请不要填在手机号码栏。" if number.startswith("0") else ""
    return failure([f"{_LABEL}应为以1开头的11位数字（第二位是3至9）{detail}。{hint}请核对后重新输入。"])
