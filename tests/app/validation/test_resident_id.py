from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.validation import resident_id_check_char, upgrade_15_to_18, validate
from app.validation.resident_id import validate_resident_id

RETRY = "请核对证件号码后重新输入"


@pytest.mark.parametrize(
    ("number", "birth_date", "gender", "region"),
    [
        ("11010519491231002X", "1949-12-31", "2", "110105"),
        ("360426199101010071", "1991-01-01", "1", "360426"),
        ("120103198806018241", "1988-06-01", "2", "120103"),
        ("440524188001010014", "1880-01-01", "1", "440524"),
    ],
)
def test_published_valid_examples(number: str, birth_date: str, gender: str, region: str) -> None:
    result = validate("resident_id", number)
    assert result.ok
    assert result.normalized == number
    assert result.errors == ()
    assert dict(result.facts) == {"birth_date": birth_date, "gender": gender, "region": region}


def test_published_valid_examples_after_1900_have_no_warnings() -> None:
    for number in ("11010519491231002X", "360426199101010071", "120103198806018241"):
        assert validate("resident_id", number).warnings == ()


def test_birth_before_1900_is_valid_but_warned() -> None:
    # The standard's own example; 1900 cannot be a hard limit.
    result = validate("resident_id", "440524188001010014")
    assert result.ok
    assert len(result.warnings) == 1
    assert "1900" in result.warnings[0]


def test_birth_before_1800_is_an_error() -> None:
    first17 = "52010217991231001"
    result = validate("resident_id", first17 + resident_id_check_char(first17))
    assert not result.ok
    assert "1800" in result.errors[0]


def test_published_invalid_example_names_check_digit_and_what_to_do() -> None:
    result = validate("resident_id", "360426199101010072")
    assert not result.ok
    assert result.normalized is None
    assert len(result.errors) == 1
    assert "校验码" in result.errors[0]
    assert RETRY in result.errors[0]
    assert dict(result.facts) == {}


def test_lowercase_x_is_normalised() -> None:
    result = validate("resident_id", "11010519491231002x")
    assert result.ok
    assert result.normalized == "11010519491231002X"


def test_fullwidth_digits_and_x_are_normalised() -> None:
    result = validate("resident_id", "１１０１０５１９４９１２３１００２ｘ")
    assert result.normalized == "11010519491231002X"
    result = validate("resident_id", "１１０１０５１９４９１２３１００２Ｘ")
    assert result.normalized == "11010519491231002X"


def test_surrounding_whitespace_is_stripped() -> None:
    assert validate("resident_id", " \t360426199101010071\u3000\n").normalized == "360426199101010071"


def test_inner_space_is_an_illegal_character() -> None:
    result = validate("resident_id", "360426 199101010071")
    assert not result.ok
    assert "空格" in result.errors[0]


def test_legacy_15_digit_number_is_upgraded_with_warning() -> None:
    result = validate("resident_id", "110105491231002")
    assert result.ok
    assert result.normalized == "11010519491231002X"
    assert any("15位" in warning and "11010519491231002X" in warning for warning in result.warnings)
    assert result.facts["birth_date"] == "1949-12-31"


def test_legacy_15_digit_number_with_impossible_date_is_rejected() -> None:
    result = validate("resident_id", "110105490230002")
    assert not result.ok
    assert "19490230" in result.errors[0]


def test_legacy_15_digit_number_cannot_contain_x() -> None:
    result = validate("resident_id", "11010549123100X")
    assert not result.ok
    assert "X" in result.errors[0]


@pytest.mark.parametrize("number", ["3604261991010100", "36042619910101007", "3604261991010100711"])
def test_wrong_length_is_named(number: str) -> None:
    result = validate("resident_id", number)
    assert not result.ok
    assert f"现在是{len(number)}位" in result.errors[0]
    assert "18位" in result.errors[0]
    assert RETRY in result.errors[0]


def test_illegal_characters_are_named() -> None:
    result = validate("resident_id", "3604261991O1010071")
    assert not result.ok
    assert "“O”" in result.errors[0]
    assert RETRY in result.errors[0]


def test_x_in_the_middle_is_rejected() -> None:
    result = validate("resident_id", "36042619910101X071")
    assert not result.ok
    assert "最后一位" in result.errors[0]


def test_impossible_date_is_named() -> None:
    first17 = "36042619910230007"
    result = validate("resident_id", first17 + resident_id_check_char(first17))
    assert not result.ok
    assert "19910230" in result.errors[0]
    assert "不是真实存在的日期" in result.errors[0]


def test_future_birth_date_is_rejected() -> None:
    tomorrow = date.today() + timedelta(days=1)
    first17 = f"520102{tomorrow:%Y%m%d}001"
    result = validate("resident_id", first17 + resident_id_check_char(first17))
    assert not result.ok
    assert "晚于今天" in result.errors[0]


def test_today_is_injectable_for_the_future_check() -> None:
    assert validate_resident_id("360426199101010071", today=date(1991, 1, 1)).ok
    assert not validate_resident_id("360426199101010071", today=date(1990, 12, 31)).ok


def test_unknown_province_is_only_a_warning() -> None:
    first17 = "99010219910101007"
    result = validate("resident_id", first17 + resident_id_check_char(first17))
    assert result.ok
    assert any("“99”" in warning for warning in result.warnings)


def test_finer_region_levels_are_not_checked() -> None:
    first17 = "52999919910101007"
    result = validate("resident_id", first17 + resident_id_check_char(first17))
    assert result.ok
    assert result.warnings == ()


def test_residence_permit_number_entered_as_resident_id_is_warned() -> None:
    first17 = "83000019910101007"
    result = validate("resident_id", first17 + resident_id_check_char(first17))
    assert result.ok
    assert any("居住证" in warning for warning in result.warnings)


def test_date_and_checksum_errors_are_both_reported() -> None:
    result = validate("resident_id", "360426199102310071")
    assert not result.ok
    assert len(result.errors) == 2


def test_check_char_helper() -> None:
    assert resident_id_check_char("11010519491231002") == "X"
    assert resident_id_check_char("36042619910101007") == "1"


@pytest.mark.parametrize(
    "bad",
    ["1101051949123100", "110105194912310021", "1101051949123100X", "１１０１０５１９４９１２３１００２"],
)
def test_check_char_helper_rejects_malformed_input(bad: str) -> None:
    with pytest.raises(ValueError, match="17 ASCII digits"):
        resident_id_check_char(bad)


def test_upgrade_helper() -> None:
    assert upgrade_15_to_18("110105491231002") == "11010519491231002X"


@pytest.mark.parametrize("bad", ["11010549123100", "11010549123100X", "11010519491231002X"])
def test_upgrade_helper_rejects_malformed_input(bad: str) -> None:
    with pytest.raises(ValueError, match="15 ASCII digits"):
        upgrade_15_to_18(bad)
