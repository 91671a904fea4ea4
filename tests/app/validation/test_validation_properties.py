from __future__ import annotations

from collections.abc import Callable
from datetime import date
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric as stdnum_ric
from stdnum.cn import uscc as stdnum_uscc

from app.validation import (
    KINDS,
    resident_id_check_char,
    synthetic_resident_id,
    synthetic_uscc,
    upgrade_15_to_18,
    uscc_check_char,
    validate,
)
from app.validation.uscc import CHARSET

ID_CHARS = "0123456789X"
seeds = st.integers(min_value=0, max_value=2**32)
birth_dates = st.dates(min_value=date(1800, 1, 1), max_value=date.today())
genders = st.sampled_from(["1", "2"])
regions = st.from_regex(r"[1-8][0-9]{5}", fullmatch=True)
# Inputs close to real identifiers reach deeper branches than arbitrary text does.
near_miss_text = st.text(alphabet="0123456789xXHMhmABOIS()（）+-—  \u3000０１９ＸｘＯ\u200b\t", max_size=24)


@settings(deadline=None)
@given(seeds, regions, birth_dates, genders)
def test_synthetic_resident_id_validates_to_itself(seed: int, region: str, birth: date, gender: str) -> None:
    number = synthetic_resident_id(Random(seed), region=region, birth=birth, gender=gender)
    result = validate("resident_id", number)
    assert result.ok, result.errors
    assert result.normalized == number
    assert result.facts["birth_date"] == birth.isoformat()
    assert result.facts["gender"] == gender
    assert result.facts["region"] == region


@settings(deadline=None)
@given(seeds, birth_dates)
def test_every_single_character_substitution_is_caught(seed: int, birth: date) -> None:
    # MOD 11-2: every weight is non-zero mod 11 and digits differ by less than 11, so the sum moves.
    number = synthetic_resident_id(Random(seed), birth=birth)
    for position, original in enumerate(number):
        for replacement in ID_CHARS:
            if replacement == original:
                continue
            changed = number[:position] + replacement + number[position + 1 :]
            assert not validate("resident_id", changed).ok, changed


@settings(deadline=None)
@given(seeds, st.integers(min_value=0, max_value=15))
def test_adjacent_transposition_in_first_17_is_caught(seed: int, position: int) -> None:
    number = synthetic_resident_id(Random(seed))
    first, second = number[position], number[position + 1]
    if first == second:
        return
    swapped = number[:position] + second + first + number[position + 2 :]
    assert not validate("resident_id", swapped).ok


@settings(deadline=None)
@given(st.from_regex(r"[0-9]{17}", fullmatch=True))
def test_resident_id_check_char_matches_python_stdnum(first17: str) -> None:
    # stdnum expects the whole 18-character number and ignores its last character.
    assert resident_id_check_char(first17) == stdnum_ric.calc_check_digit(first17 + "?")


@settings(deadline=None)
@given(regions, st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)), st.integers(0, 999))
def test_legacy_upgrade_round_trip(region: str, birth: date, sequence: int) -> None:
    id15 = f"{region}{birth:%y%m%d}{sequence:03d}"
    upgraded = upgrade_15_to_18(id15)
    assert upgraded[:6] + upgraded[8:17] == id15
    assert upgraded[6:14] == f"{birth:%Y%m%d}"
    result = validate("resident_id", id15)
    assert result.ok
    assert result.normalized == upgraded
    assert validate("resident_id", upgraded).normalized == upgraded


@settings(deadline=None)
@given(
    seeds, birth_dates, st.sampled_from([str.lower, str.upper]), st.sampled_from(["", " ", "\u3000", "\t"])
)
def test_case_and_padding_do_not_change_the_normalised_id(
    seed: int, birth: date, case: Callable[[str], str], padding: str
) -> None:
    number = synthetic_resident_id(Random(seed), birth=birth)
    assert validate("resident_id", padding + case(number) + padding).normalized == number


@settings(deadline=None)
@given(seeds)
def test_synthetic_uscc_validates_and_lowercase_normalises(seed: int) -> None:
    code = synthetic_uscc(Random(seed))
    assert validate("uscc", code).normalized == code
    assert validate("uscc", code.lower()).normalized == code


@settings(deadline=None)
@given(st.text(alphabet=CHARSET, min_size=17, max_size=17))
def test_uscc_check_char_matches_python_stdnum(first17: str) -> None:
    assert uscc_check_char(first17) == stdnum_uscc.calc_check_digit(first17)


@settings(deadline=None)
@given(st.text(alphabet=CHARSET, min_size=17, max_size=17), st.integers(0, 17), st.sampled_from(CHARSET))
def test_every_single_uscc_substitution_is_caught(first17: str, position: int, replacement: str) -> None:
    code = first17 + uscc_check_char(first17)
    if code[position] == replacement:
        return
    changed = code[:position] + replacement + code[position + 1 :]
    assert not validate("uscc", changed).ok


@settings(deadline=None, max_examples=300)
@given(st.sampled_from(sorted(KINDS)), st.one_of(st.none(), st.text(), near_miss_text))
def test_validate_never_raises_and_is_idempotent(kind: str, value: str | None) -> None:
    result = validate(kind, value)
    assert result.ok == (not result.errors)
    assert all(isinstance(message, str) and message for message in (*result.errors, *result.warnings))
    if result.ok:
        assert result.normalized is not None
        again = validate(kind, result.normalized)
        assert again.ok
        assert again.normalized == result.normalized
        assert again.facts == result.facts
    else:
        assert dict(result.facts) == {}
