from __future__ import annotations

import pytest

from app.validation import uscc_check_char, validate


@pytest.mark.parametrize(
    ("code", "region"),
    [("91110108551385082Q", "110108"), ("91350100M000100Y43", "350100"), ("91110000600037341L", "110000")],
)
def test_published_valid_examples(code: str, region: str) -> None:
    result = validate("uscc", code)
    assert result.ok
    assert result.normalized == code
    assert result.warnings == ()
    assert dict(result.facts) == {"registration_authority": "9", "org_type": "1", "region": region}


def test_published_invalid_example() -> None:
    result = validate("uscc", "91350100M000100Y4A")
    assert not result.ok
    assert len(result.errors) == 1
    assert "校验码" in result.errors[0]
    assert "请核对" in result.errors[0]


def test_lowercase_and_fullwidth_are_normalised() -> None:
    assert validate("uscc", " 91350100m000100y43 ").normalized == "91350100M000100Y43"
    assert validate("uscc", "９１３５０１００Ｍ０００１００Ｙ４３").normalized == "91350100M000100Y43"


@pytest.mark.parametrize(("letter", "digit"), [("O", "0"), ("I", "1"), ("S", "5"), ("Z", "2")])
def test_excluded_letters_are_named_with_a_hint(letter: str, digit: str) -> None:
    result = validate("uscc", f"91350100M{letter}00100Y43")
    assert not result.ok
    assert "I、O、S、V、Z" in result.errors[0]
    assert f"{letter}（是否应为数字{digit}？）" in result.errors[0]


def test_excluded_letter_v_is_named() -> None:
    result = validate("uscc", "91350100MV00100Y43")
    assert "中有V" in result.errors[0]


def test_other_illegal_characters_are_named() -> None:
    result = validate("uscc", "91350100M-00100Y43")
    assert not result.ok
    assert "“-”" in result.errors[0]


@pytest.mark.parametrize("code", ["91350100M000100Y4", "91350100M000100Y433"])
def test_wrong_length(code: str) -> None:
    result = validate("uscc", code)
    assert not result.ok
    assert f"现在是{len(code)}位" in result.errors[0]


def test_non_numeric_region_is_only_a_warning() -> None:
    first17 = "9135A100M000100Y4"
    result = validate("uscc", first17 + uscc_check_char(first17))
    assert result.ok
    assert len(result.warnings) == 1
    assert "行政区划代码" in result.warnings[0]


def test_check_char_helper() -> None:
    assert uscc_check_char("91350100M000100Y4") == "3"
    assert uscc_check_char("91110108551385082") == "Q"


@pytest.mark.parametrize("bad", ["91350100M000100Y", "91350100m000100Y4", "91350100O000100Y4"])
def test_check_char_helper_rejects_malformed_input(bad: str) -> None:
    with pytest.raises(ValueError, match="17 characters"):
        uscc_check_char(bad)
