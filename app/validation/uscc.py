"""统一社会信用代码 (GB 32100-2015): 18 characters, MOD 31 check character."""

from __future__ import annotations

import re

from app.validation.id_number import RETRY
from app.validation.result import Result, failure, success
from app.validation.text import ascii_upper, clean, describe_chars, missing

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUES = {char: index for index, char in enumerate(CHARSET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# Letters left out of the charset because they look like digits; a clerk most often types O for 0.
_EXCLUDED_LETTERS = {"I": "1", "O": "0", "S": "5", "V": "", "Z": "2"}
_REGION = re.compile(r"[0-9]{6}")
_LABEL = "统一社会信用代码"


def uscc_check_char(first17: str) -> str:
    """The 18th character for the first 17 characters (upper-case, from CHARSET)."""
    if len(first17) != 17 or any(char not in _VALUES for char in first17):
        raise ValueError(f"expected 17 characters from {CHARSET}, got {first17!r}")
    total = sum(_VALUES[char] * weight for char, weight in zip(first17, _WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def _illegal_character_errors(code: str) -> list[str]:
    illegal = "".join(char for char in code if char not in _VALUES)
    if not illegal:
        return []
    excluded = [char for char in dict.fromkeys(illegal) if char in _EXCLUDED_LETTERS]
    others = "".join(char for char in illegal if char not in _EXCLUDED_LETTERS)
    errors: list[str] = []
    if excluded:
        hints = "、".join(
            f"{char}（是否应为数字{_EXCLUDED_LETTERS[char]}？）" if _EXCLUDED_LETTERS[char] else char
            for char in excluded
        )
        errors.append(f"{_LABEL}不使用字母I、O、S、V、Z，但号码中有{hints}。{RETRY}")
    if others:
        errors.append(
            f"{_LABEL}中有不允许的字符{describe_chars(others)}：只能是数字和大写字母"
            f"（不含I、O、S、V、Z）。{RETRY}"
        )
    return errors


def validate_uscc(value: str | None) -> Result:
    code = ascii_upper(clean(value or ""))
    if not code:
        return failure([missing(_LABEL)])
    errors = _illegal_character_errors(code)
    if errors:
        return failure(errors)
    if len(code) != 18:
        return failure([f"{_LABEL}应为18位，现在是{len(code)}位。{RETRY}"])
    if uscc_check_char(code[:17]) != code[17]:
        return failure(
            [f"{_LABEL}的最后一位（校验码）与前17位对不上，通常是有字符输错或前后颠倒。{RETRY}"]
        )
    warnings: list[str] = []
    if not _REGION.fullmatch(code[2:8]):
        warnings.append(f"{_LABEL}第3至8位应为6位数字的行政区划代码，现在是“{code[2:8]}”，请与营业执照核对。")
    return success(
        code,
        warnings=warnings,
        facts={"registration_authority": code[0], "org_type": code[1], "region": code[2:8]},
    )
