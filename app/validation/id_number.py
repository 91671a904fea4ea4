"""GB 11643-1999 citizen identity numbers: the algorithm shared by 居民身份证 and 港澳台居民居住证.

Layout: 6-digit region, YYYYMMDD birth date, 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from app.validation.text import ascii_upper, describe_chars

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"
_SEVENTEEN_DIGITS = re.compile(r"[0-9]{17}")
_FIFTEEN_DIGITS = re.compile(r"[0-9]{15}")
_ALLOWED = frozenset("0123456789xX")

# The standard's own example (440524188001010014) is born in 1880, so 1900 cannot be a hard limit;
# earlier than 1800 is certainly a typo, 1800-1899 is only suspicious.
EARLIEST_BIRTH_YEAR = 1800
SUSPICIOUS_BEFORE_YEAR = 1900

RETRY = "请核对证件号码后重新输入。"


def resident_id_check_char(first17: str) -> str:
    """The 18th character for 17 ASCII digits."""
    if not _SEVENTEEN_DIGITS.fullmatch(first17):
        raise ValueError(f"expected 17 ASCII digits, got {first17!r}")
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def upgrade_15_to_18(id15: str) -> str:
    """Legacy 15-digit number to 18 digits: century "19" inserted after the region, check appended."""
    if not _FIFTEEN_DIGITS.fullmatch(id15):
        raise ValueError(f"expected 15 ASCII digits, got {id15!r}")
    first17 = id15[:6] + "19" + id15[6:]
    return first17 + resident_id_check_char(first17)


@dataclass
class Findings:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    facts: dict[str, str] = field(default_factory=dict)


def format_errors(cleaned: str, *, label: str, lengths: tuple[int, ...]) -> list[str]:
    """Character set, length and position of X; empty when the number has the right shape."""
    illegal = "".join(char for char in cleaned if char not in _ALLOWED)
    if illegal:
        return [f"{label}中有不允许的字符{describe_chars(illegal)}：只能是数字，最后一位可以是X。{RETRY}"]
    if len(cleaned) not in lengths:
        expected = "18位（旧版身份证为15位）" if 15 in lengths else "18位"
        return [f"{label}应为{expected}，现在是{len(cleaned)}位。{RETRY}"]
    upper = ascii_upper(cleaned)
    if len(upper) == 15 and "X" in upper:
        return [f"15位旧版身份证号码全部是数字，不能有X。{RETRY}"]
    if "X" in upper[:-1]:
        return [f"{label}中的X只能出现在最后一位。{RETRY}"]
    return []


def check_birth_date(yyyymmdd: str, *, label: str, today: date, findings: Findings) -> date | None:
    try:
        birth = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        findings.errors.append(f"{label}中的出生日期“{yyyymmdd}”不是真实存在的日期。{RETRY}")
        return None
    if birth > today:
        findings.errors.append(f"{label}中的出生日期{birth.isoformat()}晚于今天。{RETRY}")
        return None
    if birth.year < EARLIEST_BIRTH_YEAR:
        findings.errors.append(
            f"{label}中的出生日期{birth.isoformat()}早于{EARLIEST_BIRTH_YEAR}年，不可能是本人的出生日期。{RETRY}"
        )
        return None
    if birth.year < SUSPICIOUS_BEFORE_YEAR:
        findings.warnings.append(
            f"{label}中的出生日期{birth.isoformat()}早于{SUSPICIOUS_BEFORE_YEAR}年，请与证件核对出生日期。"
        )
    return birth


def check_eighteen(number: str, *, label: str, today: date, findings: Findings) -> None:
    """Date and check character of a well-shaped, upper-cased 18-character number.

    Facts are filled only when both hold, so a wrong number never yields a believable birth date.
    """
    birth = check_birth_date(number[6:14], label=label, today=today, findings=findings)
    checksum_ok = resident_id_check_char(number[:17]) == number[17]
    if not checksum_ok:
        findings.errors.append(
            f"{label}的最后一位（校验码）与前17位对不上，通常是有数字输错或前后颠倒。{RETRY}"
        )
    if birth is not None and checksum_ok:
        findings.facts.update(
            birth_date=birth.isoformat(),
            gender="1" if int(number[16]) % 2 == 1 else "2",
            region=number[:6],
        )
