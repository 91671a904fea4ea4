"""Working days (工作日) for time limits such as 失业登记 "3 working days".

A day is a workday when a local override says so; otherwise the official holiday table decides for the
years it covers; for any other year Monday–Friday are workdays, the year is remembered in
`unknown_years` and `warning_for` returns a message the screen should show. Nothing here raises for an
unknown year: a stale table must never stop the counter.

Conventions (the start day itself is never counted):
- `add_working_days(start, n)` is the date of the n-th working day after `start`; n = 0 gives `start`
  unchanged (even on a day off); negative n walks back the same way, giving the |n|-th working day
  before `start`. Example: an application accepted on Friday 2026-09-25 (itself 中秋 holiday) with a
  7-working-day limit: 09-28, 09-29, 09-30, then 10-01..10-07 off, 10-08, 10-09, Saturday 10-10
  (make-up workday), Monday 10-12: the deadline is 2026-10-12.
- `working_days_between(a, b)` counts the working days in (a, b] when b >= a, and is
  `-working_days_between(b, a)` when b < a. So it is antisymmetric and additive, and
  `working_days_between(d, add_working_days(d, n)) == n` for every n >= 0 (for n < 0 when d itself is
  a workday).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from datetime import date, timedelta
from functools import cache
from types import MappingProxyType

from app.calendar.holiday_table import HolidayTable, bundled_holiday_table

_NO_OVERRIDES: Mapping[date, bool] = MappingProxyType({})
_ONE_DAY = timedelta(days=1)


def _weekdays_up_to(ordinal: int) -> int:
    """Monday–Friday days in [0001-01-01, ordinal]; date ordinal 1 is a Monday."""
    weeks, rest = divmod(ordinal, 7)
    return 5 * weeks + min(rest, 5)


class WorkingCalendar:
    def __init__(self, table: HolidayTable, overrides: Mapping[date, bool] = _NO_OVERRIDES) -> None:
        self.table = table
        self.overrides: Mapping[date, bool] = MappingProxyType(dict(overrides))
        self._unknown_years: set[int] = set()
        self._holiday_ordinals = sorted(d.toordinal() for d in table.holidays)
        self._workday_ordinals = sorted(d.toordinal() for d in table.workdays)
        self._override_days = sorted(self.overrides)

    @property
    def unknown_years(self) -> frozenset[int]:
        """Years for which Monday–Friday had to be assumed so far."""
        return frozenset(self._unknown_years)

    def with_overrides(self, overrides: Mapping[date, bool]) -> WorkingCalendar:
        return WorkingCalendar(self.table, overrides)

    def is_workday(self, day: date) -> bool:
        override = self.overrides.get(day)
        if override is not None:
            return override
        return self._base_is_workday(day)

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (before it for negative n); see the module docstring."""
        step = _ONE_DAY if n >= 0 else -_ONE_DAY
        remaining = abs(n)
        day = start
        while remaining:
            day += step
            if self.is_workday(day):
                remaining -= 1
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b], negated when b < a; see the module docstring."""
        if b < a:
            return -self.working_days_between(b, a)
        if a == b:
            return 0
        self._note_unknown_years(a + _ONE_DAY, b)
        lo, hi = a.toordinal(), b.toordinal()
        count = _weekdays_up_to(hi) - _weekdays_up_to(lo)
        count -= bisect_right(self._holiday_ordinals, hi) - bisect_right(self._holiday_ordinals, lo)
        count += bisect_right(self._workday_ordinals, hi) - bisect_right(self._workday_ordinals, lo)
        first = bisect_right(self._override_days, a)
        last = bisect_right(self._override_days, b)
        for day in self._override_days[first:last]:
            base = self._base_is_workday(day)
            if self.overrides[day] != base:
                count += 1 if self.overrides[day] else -1
        return count

    def warning_for(self, day: date) -> str | None:
        """A message for the screen when `day`'s year is not in the holiday table, else None."""
        return _year_warning(day.year, self.table)

    def unknown_year_warnings(self) -> list[str]:
        """Messages for every year that fell back to Monday–Friday so far (for a status bar)."""
        messages = (_year_warning(year, self.table) for year in sorted(self._unknown_years))
        return [message for message in messages if message is not None]

    def _base_is_workday(self, day: date) -> bool:
        official = self.table.is_workday(day)
        if official is not None:
            return official
        self._unknown_years.add(day.year)
        return day.weekday() < 5

    def _note_unknown_years(self, first: date, last: date) -> None:
        for year in range(first.year, last.year + 1):
            if not self.table.knows(year):
                self._unknown_years.add(year)


def _year_warning(year: int, table: HolidayTable) -> str | None:
    if table.knows(year):
        return None
    if table.years and year < min(table.years):
        return f"{year}年的法定节假日安排未收录，按周一至周五计算工作日，结果可能不准确。"
    return f"{year}年的法定节假日安排尚未更新，按周一至周五计算工作日，请同步或更新日历。"


@cache
def default_calendar() -> WorkingCalendar:
    """The bundled holiday table without local overrides (cached)."""
    return WorkingCalendar(bundled_holiday_table())


def is_workday(day: date) -> bool:
    return default_calendar().is_workday(day)


def add_working_days(day: date, n: int) -> date:
    return default_calendar().add_working_days(day, n)


def working_days_between(a: date, b: date) -> int:
    return default_calendar().working_days_between(a, b)
