from __future__ import annotations

import pytest

from app.validation import validate


@pytest.mark.parametrize(
    "raw",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+8613800138000",
        "+86 138 0013 8000",
        "008613800138000",
        "＋８６ １３８００１３８０００",
        "138\u20140013\u20148000",
    ],
)
def test_mobile_accepted_forms(raw: str) -> None:
    result = validate("mobile", raw)
    assert result.ok
    assert result.normalized == "13800138000"


@pytest.mark.parametrize(
    "raw", ["12800138000", "1380013800", "138001380001", "23800138000", "86 13800138000"]
)
def test_mobile_rejected(raw: str) -> None:
    result = validate("mobile", raw)
    assert not result.ok
    assert "11位数字" in result.errors[0]


def test_mobile_landline_gets_a_hint() -> None:
    result = validate("mobile", "0851-85551234")
    assert not result.ok
    assert "固定电话" in result.errors[0]


def test_mobile_illegal_characters_named() -> None:
    assert "“O”" in validate("mobile", "138OO138000").errors[0]


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [("A12345678", "A12345678"), (" a1234567b ", "A1234567B"), ("123456789", "123456789")],
)
def test_ss_card_number_accepted(raw: str, normalized: str) -> None:
    assert validate("ss_card_number", raw).normalized == normalized


@pytest.mark.parametrize("raw", ["A1234567", "A123456789", "11010519491231002X"])
def test_ss_card_number_wrong_length(raw: str) -> None:
    result = validate("ss_card_number", raw)
    assert not result.ok
    assert "9位" in result.errors[0]


def test_ss_card_number_illegal_characters() -> None:
    result = validate("ss_card_number", "A1234-567")
    assert not result.ok
    assert "“-”" in result.errors[0]


@pytest.mark.parametrize(
    ("raw", "level"),
    [
        ("520102", "county"),
        ("520102001", "township"),
        ("520102033001", "village"),
        ("５２０１０２", "county"),
    ],
)
def test_admin_division_levels(raw: str, level: str) -> None:
    result = validate("admin_division", raw)
    assert result.ok
    assert result.facts["level"] == level
    assert result.warnings == ()


@pytest.mark.parametrize("raw", ["5201", "5201020", "52010200", "5201020010", "52010200100", "5201020010011"])
def test_admin_division_wrong_length(raw: str) -> None:
    result = validate("admin_division", raw)
    assert not result.ok
    assert f"现在是{len(raw)}位" in result.errors[0]


def test_admin_division_non_digits() -> None:
    assert "只能是数字" in validate("admin_division", "52O102").errors[0]


def test_admin_division_unknown_province_is_warning() -> None:
    result = validate("admin_division", "990102")
    assert result.ok
    assert "“99”" in result.warnings[0]


def test_guizhou_division_looked_up_in_bundled_list() -> None:
    from app.validation import validate

    known = validate("admin_division", "520102001")
    assert known.ok and known.warnings == () and known.facts["full_name"].endswith("五里冲街道")
    unknown = validate("admin_division", "520102999")
    assert unknown.ok and any("不在本机的贵州省区划表中" in w for w in unknown.warnings)
    elsewhere = validate("admin_division", "110105")
    assert elsewhere.ok and elsewhere.warnings == ()
