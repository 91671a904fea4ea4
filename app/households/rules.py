"""The rules of household employment status, as pure functions (no database).

**Working age (劳动年龄).** From the 16th birthday until the day the person reaches the statutory
retirement age. The retirement age follows the 全国人大常委会 decision of 2024-09-13 (gradual raise from
2025-01-01): men 60, raised by one month for every four months of birth from January 1965, up to 63;
women 55 (the 女干部 base: 劳动年龄 statistics use 16–54 for women), raised the same way from January
1970, up to 58. A person whose gender is unknown is counted with the men's ages. The parameters are the
constants below.

**Laborer (劳动力).** A household member of working age who is able to work (``able_to_work``). A member
whose birth date is unknown counts as of working age when the member row says so.

**Employed.** ``person.employment_status`` is one of :data:`EMPLOYED_STATUSES` (the census form and the
clearing of a zero-employment household write it; 就业登记 may too).

**零就业家庭.** A household with at least one laborer and no employed laborer. A household without any
laborer (老人户, 无劳动力户) is not a zero-employment household.

**一户一人以上就业.** A household with at least one laborer of whom at least one is employed.
"""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

MIN_WORKING_AGE_YEARS = 16
MALE_BASE_RETIREMENT_YEARS = 60
FEMALE_BASE_RETIREMENT_YEARS = 55
REFORM_STEP_MONTHS = 4  # one month later for every this many months of birth
REFORM_MAX_DELAY_MONTHS = 36
MALE_REFORM_FIRST_BIRTH = (1965, 1)
FEMALE_REFORM_FIRST_BIRTH = (1970, 1)
FEMALE = "2"

EMPLOYED = "employed"
UNEMPLOYED = "unemployed"
# employment_status values that count as employed; the employment_form codes (单位就业 … 新就业形态) too.
EMPLOYED_STATUSES: frozenset[str] = frozenset(
    {EMPLOYED, "flexible", "self_employed", "public_welfare", "01", "02", "03", "04", "05", "06"}
)


def is_employed(status: str | None) -> bool:
    return status in EMPLOYED_STATUSES


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months; the 29th–31st fall back to the month's last day (2000-02-29 + 12 → 2001-02-28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(index, 12)
    return date(year, month0 + 1, min(day.day, monthrange(year, month0 + 1)[1]))


def retirement_age_months(birth: date, gender: str | None) -> int:
    """The statutory retirement age, in months, of someone born on ``birth``."""
    female = gender == FEMALE
    base = (FEMALE_BASE_RETIREMENT_YEARS if female else MALE_BASE_RETIREMENT_YEARS) * 12
    first_year, first_month = FEMALE_REFORM_FIRST_BIRTH if female else MALE_REFORM_FIRST_BIRTH
    since = (birth.year - first_year) * 12 + (birth.month - first_month)
    if since < 0:
        return base
    return base + min(REFORM_MAX_DELAY_MONTHS, since // REFORM_STEP_MONTHS + 1)


def working_age_end(birth: date, gender: str | None) -> date:
    """The first day the person is no longer of working age (reaches retirement age)."""
    return add_months(birth, retirement_age_months(birth, gender))


def is_working_age(birth: date | None, gender: str | None, on: date, *, fallback: bool = True) -> bool:
    """Of working age on ``on``; ``fallback`` when the birth date is unknown."""
    if birth is None:
        return fallback
    return add_months(birth, MIN_WORKING_AGE_YEARS * 12) <= on < working_age_end(birth, gender)


def age_on(birth: date, on: date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def birth_bounds(gender: str | None, on: date) -> tuple[date, date]:
    """(earliest, latest) birth dates of working age on ``on``: ``earliest <= birth <= latest``.

    Working age is monotonic in the birth date (a later birth never retires earlier), so it is a range;
    the database figures use it as ``birth_date BETWEEN earliest AND latest``.
    """
    latest = add_months(on, -MIN_WORKING_AGE_YEARS * 12)
    while not is_working_age(latest, gender, on):  # 29 February
        latest = date.fromordinal(latest.toordinal() - 1)
    low = add_months(on, -(MALE_BASE_RETIREMENT_YEARS * 12 + REFORM_MAX_DELAY_MONTHS + 2))
    high = latest
    while low.toordinal() + 1 < high.toordinal():  # invariant: low is not of working age, high is
        middle = date.fromordinal((low.toordinal() + high.toordinal()) // 2)
        if is_working_age(middle, gender, on):
            high = middle
        else:
            low = middle
    return high, latest


@dataclass(frozen=True)
class MemberFacts:
    person_id: str
    birth_date: date | None
    gender: str | None
    able_to_work: bool
    working_age_flag: bool  # the member row's own flag, used when the birth date is unknown
    employment_status: str | None

    def working_age(self, on: date) -> bool:
        return is_working_age(self.birth_date, self.gender, on, fallback=self.working_age_flag)

    def laborer(self, on: date) -> bool:
        return self.able_to_work and self.working_age(on)

    def employed(self) -> bool:
        return is_employed(self.employment_status)


@dataclass(frozen=True)
class HouseholdStatus:
    members: int
    laborers: int
    employed: int  # employed laborers

    @property
    def zero_employment(self) -> bool:
        return self.laborers > 0 and self.employed == 0

    @property
    def one_employed(self) -> bool:
        """Meets 一户一人以上就业."""
        return self.employed > 0


def household_status(members: Iterable[MemberFacts], on: date) -> HouseholdStatus:
    count = laborers = employed = 0
    for member in members:
        count += 1
        if member.laborer(on):
            laborers += 1
            if member.employed():
                employed += 1
    return HouseholdStatus(count, laborers, employed)


@dataclass(frozen=True)
class SettlementFigures:
    settlement_id: str
    households: int
    households_with_labor: int
    laborers: int
    employed: int
    households_one_employed: int  # 一户一人以上就业
    zero_employment_households: int
    county: int = 0  # employed laborers by latest census destination: 县内
    province: int = 0  # 省内县外
    outside: int = 0  # 省外
    aid_workshop: int = 0  # 帮扶车间
    public_welfare_post: int = 0  # 公益性岗位
    censused: int = 0  # laborers with at least one census

    @property
    def employment_rate(self) -> float | None:
        """Employed laborers / laborers, or None when there is no laborer."""
        return self.employed / self.laborers if self.laborers else None

    @property
    def one_employed_rate(self) -> float | None:
        return self.households_one_employed / self.households_with_labor if self.households_with_labor else None


def settlement_figures(settlement_id: str, households: Iterable[HouseholdStatus]) -> SettlementFigures:
    """Figures from the households' statuses (the reference the database query is tested against)."""
    total = with_labor = laborers = employed = one = zero = 0
    for status in households:
        total += 1
        laborers += status.laborers
        employed += status.employed
        if status.laborers:
            with_labor += 1
        if status.one_employed:
            one += 1
        if status.zero_employment:
            zero += 1
    return SettlementFigures(settlement_id, total, with_labor, laborers, employed, one, zero)
