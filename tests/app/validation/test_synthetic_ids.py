from __future__ import annotations

import re
from datetime import date, timedelta
from random import Random
from typing import Literal

import pytest

from app.validation import (
    synthetic_mobile,
    synthetic_name,
    synthetic_residence_permit,
    synthetic_resident_id,
    synthetic_uscc,
    validate,
)


def test_same_seed_same_output() -> None:
    makers = (synthetic_resident_id, synthetic_uscc, synthetic_mobile, synthetic_name)
    for make in makers:
        assert make(Random(7)) == make(Random(7))
    assert synthetic_residence_permit(Random(7), "HK") == synthetic_residence_permit(Random(7), "HK")


def test_resident_id_respects_arguments() -> None:
    number = synthetic_resident_id(Random(1), region="522601", birth=date(1975, 8, 31), gender="2")
    facts = validate("resident_id", number).facts
    assert dict(facts) == {"birth_date": "1975-08-31", "gender": "2", "region": "522601"}


def test_resident_id_defaults() -> None:
    for seed in range(50):
        result = validate("resident_id", synthetic_resident_id(Random(seed)))
        assert result.ok
        assert result.facts["region"] == "520102"
        assert "1950-01-01" <= result.facts["birth_date"] <= "2005-12-31"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"region": "52010"}, "region"),
        ({"gender": "0"}, "gender"),
        ({"birth": date.today() + timedelta(days=1)}, "future"),
    ],
)
def test_resident_id_rejects_bad_arguments(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        synthetic_resident_id(Random(0), **kwargs)  # type: ignore[arg-type]


def test_residence_permit_areas() -> None:
    areas: tuple[Literal["HK", "MO", "TW"], ...] = ("HK", "MO", "TW")
    for area in areas:
        result = validate("residence_permit", synthetic_residence_permit(Random(3), area))
        assert result.ok
        assert result.facts["area"] == area
    with pytest.raises(ValueError, match="area"):
        synthetic_residence_permit(Random(3), "CN")  # type: ignore[arg-type]


def test_uscc_and_mobile_are_valid() -> None:
    for seed in range(50):
        assert validate("uscc", synthetic_uscc(Random(seed))).ok
        mobile = synthetic_mobile(Random(seed))
        assert re.fullmatch(r"1990000\d{4}", mobile)
        assert validate("mobile", mobile).ok


def test_names() -> None:
    names = {synthetic_name(Random(seed)) for seed in range(200)}
    assert all(2 <= len(name) <= 3 for name in names)
    assert {len(name) for name in names} == {2, 3}
    assert all(re.fullmatch(r"[\u4e00-\u9fff]+", name) for name in names)
