from __future__ import annotations

import pytest

from app.validation import resident_id_check_char, validate


def _with_check(first17: str) -> str:
    return first17 + resident_id_check_char(first17)


@pytest.mark.parametrize(("region", "area"), [("810000", "HK"), ("820000", "MO"), ("830000", "TW")])
def test_residence_permit_regions(region: str, area: str) -> None:
    number = _with_check(f"{region}19600229002")
    result = validate("residence_permit", number)
    assert result.ok
    assert result.normalized == number
    assert dict(result.facts) == {"birth_date": "1960-02-29", "gender": "2", "region": region, "area": area}


def test_residence_permit_lowercase_x() -> None:
    first17 = next(
        f"83000019800101{seq:03d}"
        for seq in range(1000)
        if resident_id_check_char(f"83000019800101{seq:03d}") == "X"
    )
    result = validate("residence_permit", first17 + "x")
    assert result.normalized == first17 + "X"


def test_residence_permit_rejects_mainland_region() -> None:
    result = validate("residence_permit", "11010519491231002X")
    assert not result.ok
    assert "不是港澳台居民居住证号码" in result.errors[0]


def test_residence_permit_checks_checksum_and_date() -> None:
    number = _with_check("81000019900101001")
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    assert "校验码" in validate("residence_permit", wrong).errors[0]
    assert "不是真实存在的日期" in validate("residence_permit", _with_check("81000019900230001")).errors[0]


def test_residence_permit_has_no_legacy_form() -> None:
    result = validate("residence_permit", "810000900101001")
    assert not result.ok
    assert "18位" in result.errors[0]


@pytest.mark.parametrize(
    ("raw", "normalized", "area"),
    [
        ("H12345678", "H12345678", "HK"),
        ("m12345678", "M12345678", "MO"),
        ("H1234567801", "H1234567801", "HK"),
        (" H 1234 5678 ", "H12345678", "HK"),
        ("Ｈ１２３４５６７８", "H12345678", "HK"),
    ],
)
def test_hkmo_permit_valid(raw: str, normalized: str, area: str) -> None:
    result = validate("hkmo_permit", raw)
    assert result.ok
    assert result.normalized == normalized
    assert result.facts["area"] == area


def test_hkmo_permit_issue_count_fact() -> None:
    assert validate("hkmo_permit", "H1234567803").facts["issue_count"] == "03"
    assert "issue_count" not in validate("hkmo_permit", "H12345678").facts


@pytest.mark.parametrize(
    "raw", ["T12345678", "H1234567", "H123456780", "H123456789012", "12345678", "H1234567A"]
)
def test_hkmo_permit_invalid(raw: str) -> None:
    result = validate("hkmo_permit", raw)
    assert not result.ok
    assert "H（香港）或M（澳门）" in result.errors[0]


def test_hkmo_permit_names_illegal_characters() -> None:
    assert "“-”" in validate("hkmo_permit", "H1234-5678").errors[0]


def test_tw_permit_lifelong_number() -> None:
    result = validate("tw_permit", " 12345678 ")
    assert result.ok
    assert result.normalized == "12345678"
    assert result.warnings == ()


@pytest.mark.parametrize("raw", ["1234567801", "12345678(01)", "12345678（1）", "12345678 (02)"])
def test_tw_permit_legacy_forms_are_warned_and_shortened(raw: str) -> None:
    result = validate("tw_permit", raw)
    assert result.ok
    assert result.normalized == "12345678"
    assert len(result.warnings) == 1
    assert "12345678" in result.warnings[0]


@pytest.mark.parametrize("raw", ["1234567", "123456789", "12345678(123)", "A1234567", "12345678()"])
def test_tw_permit_invalid(raw: str) -> None:
    result = validate("tw_permit", raw)
    assert not result.ok
    assert "8位数字" in result.errors[0]
