"""Deterministic, obviously fake identifiers and names for tests and demos (never real people's data)."""

from __future__ import annotations

import re
from datetime import date, timedelta
from random import Random
from typing import Literal

from app.validation.id_number import resident_id_check_char
from app.validation.uscc import uscc_check_char

_REGION = re.compile(r"[0-9]{6}")
_EARLIEST_BIRTH = date(1950, 1, 1)
_LATEST_BIRTH = date(2005, 12, 31)
_PERMIT_REGIONS = {"HK": "810000", "MO": "820000", "TW": "830000"}
# A handful of Guizhou county codes so synthetic enterprises look local.
_USCC_REGIONS = ("520102", "520103", "520111", "520201", "520302", "520402", "520502", "522601")
_ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁郑谢宋唐韩冯邓曹彭"
_GIVEN_CHARS = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红梅辉鑫波宇浩婷雪琳晨阳佳欣"


def _random_birth(rng: Random) -> date:
    span = (_LATEST_BIRTH - _EARLIEST_BIRTH).days
    return _EARLIEST_BIRTH + timedelta(days=rng.randint(0, span))


def _sequence(rng: Random, gender: str | None) -> str:
    if gender is None:
        gender = rng.choice("12")
    if gender not in {"1", "2"}:
        raise ValueError(f"gender must be '1' (male), '2' (female) or None, got {gender!r}")
    # Odd sequence numbers are male, even female (GB 11643).
    base = rng.randint(0, 498)
    return f"{2 * base + (1 if gender == '1' else 2):03d}"


def synthetic_resident_id(
    rng: Random, *, region: str = "520102", birth: date | None = None, gender: str | None = None
) -> str:
    """An 18-digit number with a valid check character and a real, past birth date."""
    if not _REGION.fullmatch(region):
        raise ValueError(f"region must be 6 ASCII digits, got {region!r}")
    if birth is None:
        birth = _random_birth(rng)
    if birth > date.today():
        raise ValueError(f"birth date {birth.isoformat()} is in the future")
    first17 = f"{region}{birth:%Y%m%d}{_sequence(rng, gender)}"
    return first17 + resident_id_check_char(first17)


def synthetic_residence_permit(rng: Random, area: Literal["HK", "MO", "TW"]) -> str:
    if area not in _PERMIT_REGIONS:
        raise ValueError(f"area must be HK, MO or TW, got {area!r}")
    return synthetic_resident_id(rng, region=_PERMIT_REGIONS[area])


def _organization_code(rng: Random) -> str:
    """Nine characters: 8 digits and the GB 11714 check character, as embedded in a USCC."""
    body = "".join(rng.choice("0123456789") for _ in range(8))
    total = sum(int(digit) * weight for digit, weight in zip(body, _ORG_CODE_WEIGHTS, strict=True))
    remainder = 11 - total % 11
    check = {10: "X", 11: "0"}.get(remainder, str(remainder))
    return body + check


def synthetic_uscc(rng: Random) -> str:
    """A company (registration authority 9 = market regulator, type 1 = enterprise) in Guizhou."""
    first17 = "91" + rng.choice(_USCC_REGIONS) + _organization_code(rng)
    return first17 + uscc_check_char(first17)


def synthetic_mobile(rng: Random) -> str:
    """199 0000 xxxx: a block that reads as made-up on a screen."""
    return f"1990000{rng.randint(0, 9999):04d}"


def synthetic_name(rng: Random) -> str:
    given = "".join(rng.choice(_GIVEN_CHARS) for _ in range(rng.randint(1, 2)))
    return rng.choice(_SURNAMES) + given
