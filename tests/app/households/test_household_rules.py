"""Working age, laborers and household status, against hand-computed cases."""

from __future__ import annotations

from datetime import date

import pytest

from app.households.rules import (
    HouseholdStatus,
    MemberFacts,
    add_months,
    birth_bounds,
    household_status,
    is_working_age,
    retirement_age_months,
    settlement_figures,
)

ON = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("birth", "gender", "months"),
    [
        (date(1964, 12, 31), "1", 720),  # before the reform: 60
        (date(1965, 1, 1), "1", 721),  # first group: +1 month
        (date(1965, 4, 30), "1", 721),
        (date(1965, 5, 1), "1", 722),  # next group of four months: +2
        (date(1976, 12, 31), "1", 756),  # 143 months since 1965-01: 143 // 4 + 1 = 36 → 63
        (date(1990, 6, 1), "1", 756),  # capped at 63
        (date(1969, 12, 31), "2", 660),  # women 55 before the reform
        (date(1970, 9, 1), "2", 663),  # 8 months since 1970-01: 8 // 4 + 1 = 3
        (date(1980, 1, 1), None, 756),  # unknown gender: men's ages
    ],
)
def test_retirement_age(birth: date, gender: str | None, months: int) -> None:
    assert retirement_age_months(birth, gender) == months


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2000, 2, 29), 12) == date(2001, 2, 28)
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 3, 15), -15) == date(2024, 12, 15)


def test_working_age_edges() -> None:
    # 16 on the 16th birthday.
    assert is_working_age(date(2010, 11, 25), "1", ON)
    assert not is_working_age(date(2010, 11, 26), "1", ON)
    # Man born 1966-06-26: 17 months since 1965-01 → 60 years 5 months → leaves on 2026-11-26.
    assert is_working_age(date(1966, 6, 26), "1", ON)
    assert not is_working_age(date(1966, 6, 25), "1", ON)
    # Woman born 1971-06-26: 17 months since 1970-01 → 55 years 5 months → leaves on 2026-11-26.
    assert is_working_age(date(1971, 6, 26), "2", ON)
    assert not is_working_age(date(1971, 6, 25), "2", ON)
    assert not is_working_age(date(1968, 1, 1), "2", ON)  # a woman of 58 is past working age
    assert is_working_age(date(1968, 1, 1), "1", ON)  # a man of 58 is not
    assert is_working_age(None, "1", ON) and not is_working_age(None, "1", ON, fallback=False)


def test_birth_bounds_agree_with_the_rule() -> None:
    for gender in ("1", "2", None):
        low, high = birth_bounds(gender, ON)
        assert is_working_age(low, gender, ON) and is_working_age(high, gender, ON)
        assert not is_working_age(date.fromordinal(low.toordinal() - 1), gender, ON)
        assert not is_working_age(date.fromordinal(high.toordinal() + 1), gender, ON)
    assert birth_bounds("1", ON) == (date(1966, 6, 26), date(2010, 11, 25))
    assert birth_bounds("2", ON) == (date(1971, 6, 26), date(2010, 11, 25))
    # 29 February: on 2028-02-29 someone born 2012-02-29 has turned 16.
    assert birth_bounds("1", date(2028, 2, 29))[1] == date(2012, 2, 29)


def _m(pid: str, birth: date | None, *, gender: str = "1", able: bool = True, status: str | None = None,
       flag: bool = True) -> MemberFacts:
    return MemberFacts(pid, birth, gender, able, flag, status)


def test_household_status_cases() -> None:
    # Parents of working age, unemployed; a grandmother of 70; a child of 10: zero-employment.
    family = [
        _m("father", date(1980, 3, 1)),
        _m("mother", date(1983, 7, 1), gender="2", status="unemployed"),
        _m("grandmother", date(1956, 1, 1), gender="2", status="employed"),  # past working age: not counted
        _m("child", date(2016, 5, 1)),
    ]
    status = household_status(family, ON)
    assert status == HouseholdStatus(members=4, laborers=2, employed=0)
    assert status.zero_employment and not status.one_employed
    # The mother finds work: one employed, no longer zero-employment.
    family[1] = _m("mother", date(1983, 7, 1), gender="2", status="employed")
    status = household_status(family, ON)
    assert (status.laborers, status.employed, status.zero_employment, status.one_employed) == (2, 1, False, True)
    # Unable to work does not count as a laborer: a household of one disabled adult has no laborer.
    alone = household_status([_m("x", date(1990, 1, 1), able=False)], ON)
    assert (alone.laborers, alone.zero_employment, alone.one_employed) == (0, False, False)
    # Unknown birth date: the member row's flag decides.
    assert household_status([_m("y", None, flag=False)], ON).laborers == 0
    assert household_status([_m("y", None, flag=True)], ON).zero_employment
    # An employment-form code counts as employed (灵活就业 "03").
    assert household_status([_m("z", date(1990, 1, 1), status="03")], ON).one_employed


def test_settlement_figures_by_hand() -> None:
    households = [
        HouseholdStatus(4, 2, 1),  # meets 一户一人以上
        HouseholdStatus(3, 2, 0),  # zero-employment
        HouseholdStatus(2, 0, 0),  # no laborer
        HouseholdStatus(5, 3, 3),
    ]
    figures = settlement_figures("s", households)
    assert (figures.households, figures.households_with_labor, figures.laborers, figures.employed) == (4, 3, 7, 4)
    assert (figures.households_one_employed, figures.zero_employment_households) == (2, 1)
    assert figures.employment_rate == pytest.approx(4 / 7)
    assert figures.one_employed_rate == pytest.approx(2 / 3)
    assert settlement_figures("e", []).employment_rate is None
