from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar
from hypothesis import assume, given
from hypothesis import strategies as st

from app.calendar import working_days
from app.calendar.holiday_table import bundled_holiday_table, holiday_table
from app.calendar.working_days import WorkingCalendar, add_working_days, default_calendar

WARNING_2027 = "2027年的法定节假日安排尚未更新，按周一至周五计算工作日，请同步或更新日历。"


def fresh() -> WorkingCalendar:
    return WorkingCalendar(bundled_holiday_table())


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def test_national_day_and_mid_autumn_2026_follow_chinesecalendar() -> None:
    calendar = fresh()
    for day in days(date(2026, 9, 18), date(2026, 10, 12)):
        assert calendar.is_workday(day) == chinese_calendar.is_workday(day), day
    assert not calendar.is_workday(date(2026, 10, 1))
    assert calendar.is_workday(date(2026, 9, 20))  # Sunday, make-up workday
    assert calendar.is_workday(date(2026, 10, 10))  # Saturday, make-up workday
    assert calendar.warning_for(date(2026, 10, 1)) is None


def test_spring_festival_2026() -> None:
    calendar = fresh()
    for day in days(date(2026, 2, 10), date(2026, 3, 2)):
        assert calendar.is_workday(day) == chinese_calendar.is_workday(day), day
    assert [d.isoformat() for d in days(date(2026, 2, 14), date(2026, 2, 28)) if calendar.is_workday(d)] == [
        "2026-02-14",
        "2026-02-24",
        "2026-02-25",
        "2026-02-26",
        "2026-02-27",
        "2026-02-28",
    ]


def test_seven_working_days_across_the_national_day_holiday() -> None:
    # Accepted on Friday 2026-09-25 (中秋, a day off): 09-28, 29, 30, 10-08, 09, Saturday 10-10, Monday 10-12.
    assert add_working_days(date(2026, 9, 25), 7) == date(2026, 10, 12)
    assert working_days.working_days_between(date(2026, 9, 25), date(2026, 10, 12)) == 7
    assert add_working_days(date(2026, 9, 30), 1) == date(2026, 10, 8)
    assert add_working_days(date(2026, 10, 12), -7) == date(2026, 9, 24)
    assert add_working_days(date(2026, 10, 1), 0) == date(2026, 10, 1)


def test_local_overrides_win() -> None:
    table = bundled_holiday_table()
    calendar = WorkingCalendar(
        table, {date(2026, 10, 12): False, date(2026, 10, 11): True, date(2026, 10, 7): True}
    )
    assert not calendar.is_workday(date(2026, 10, 12))
    assert calendar.is_workday(date(2026, 10, 11))
    assert calendar.is_workday(date(2026, 10, 7))
    # 10-07 now counts: 09-28, 29, 30, 10-07, 08, 09, 10.
    assert calendar.add_working_days(date(2026, 9, 25), 7) == date(2026, 10, 10)
    # Without overrides (09-25, 10-13] has 8 workdays; +10-07, +10-11 (Sunday), -10-12.
    assert calendar.working_days_between(date(2026, 9, 25), date(2026, 10, 13)) == 9
    assert WorkingCalendar(table).working_days_between(date(2026, 9, 25), date(2026, 10, 13)) == 8
    assert calendar.with_overrides({}).is_workday(date(2026, 10, 12))


def test_unknown_year_falls_back_to_monday_to_friday_with_a_warning() -> None:
    calendar = fresh()
    assert calendar.unknown_years == frozenset()
    assert calendar.is_workday(date(2027, 1, 1))  # a Friday; the real New Year's Day is not known yet
    assert not calendar.is_workday(date(2027, 1, 2))
    assert calendar.unknown_years == {2027}
    assert calendar.warning_for(date(2027, 3, 1)) == WARNING_2027
    assert calendar.unknown_year_warnings() == [WARNING_2027]
    assert calendar.add_working_days(date(2026, 12, 30), 3) == date(2027, 1, 4)
    assert (
        calendar.warning_for(date(2003, 5, 1))
        == "2003年的法定节假日安排未收录，按周一至周五计算工作日，结果可能不准确。"
    )


def test_range_counts_record_unknown_years_and_overrides_still_apply() -> None:
    calendar = WorkingCalendar(bundled_holiday_table(), {date(2028, 1, 3): False})
    assert calendar.working_days_between(date(2027, 12, 31), date(2028, 1, 7)) == 4
    assert calendar.unknown_years == {2028}
    assert calendar.add_working_days(date(2028, 1, 1), 1) == date(2028, 1, 4)


def test_module_level_helpers_use_the_bundled_table() -> None:
    assert default_calendar() is default_calendar()
    assert default_calendar().table == bundled_holiday_table()
    assert working_days.is_workday(date(2026, 9, 20))


# ---------------------------------------------------------------- properties

dates = st.dates(min_value=date(2003, 6, 1), max_value=date(2028, 6, 30))
steps = st.integers(min_value=-60, max_value=60)
CALENDAR = fresh()


@given(dates, st.integers(min_value=1, max_value=60))
def test_result_is_a_later_workday_and_the_count_comes_back(day: date, n: int) -> None:
    result = CALENDAR.add_working_days(day, n)
    assert result > day
    assert CALENDAR.is_workday(result)
    assert CALENDAR.working_days_between(day, result) == n
    assert CALENDAR.add_working_days(day, n + 1) > result


@given(dates, steps)
def test_negative_steps_come_back_from_a_workday(day: date, n: int) -> None:
    start = CALENDAR.add_working_days(day, 1)  # a workday
    result = CALENDAR.add_working_days(start, n)
    assert CALENDAR.working_days_between(start, result) == n
    assert CALENDAR.add_working_days(result, -n) == start


@given(dates, dates, dates)
def test_counting_is_antisymmetric_and_additive(a: date, b: date, c: date) -> None:
    ab, bc, ac = (CALENDAR.working_days_between(x, y) for x, y in ((a, b), (b, c), (a, c)))
    assert ab == -CALENDAR.working_days_between(b, a)
    assert ab + bc == ac


@given(
    st.dates(min_value=date(2026, 6, 1), max_value=date(2027, 3, 31)),
    st.integers(min_value=0, max_value=120),
    st.dictionaries(
        st.dates(min_value=date(2026, 9, 1), max_value=date(2027, 2, 28)), st.booleans(), max_size=8
    ),
)
def test_fast_count_equals_counting_day_by_day(start: date, length: int, overrides: dict[date, bool]) -> None:
    # Around the end of the table: holidays, make-up days, overrides and the unknown year 2027 together.
    calendar = WorkingCalendar(bundled_holiday_table(), overrides)
    end = start + timedelta(days=length)
    slow = sum(calendar.is_workday(d) for d in days(start + timedelta(days=1), end))
    assert calendar.working_days_between(start, end) == slow


@given(st.dates(min_value=date(2004, 3, 1), max_value=date(2026, 9, 30)), steps)
def test_agrees_with_chinesecalendar_find_workday(day: date, n: int) -> None:
    # find_workday(n, d) for n >= 0 first moves to a workday on or after d, then takes n steps.
    assume(n < 0 or chinese_calendar.is_workday(day))
    assert CALENDAR.add_working_days(day, n) == chinese_calendar.find_workday(n, day)


def test_a_synthetic_table_without_holidays_is_plain_monday_to_friday() -> None:
    calendar = WorkingCalendar(holiday_table([2030], [], []))
    assert calendar.add_working_days(date(2030, 1, 4), 1) == date(2030, 1, 7)  # Friday -> Monday
    assert calendar.unknown_years == frozenset()
