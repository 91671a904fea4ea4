"""The bundled table against chinesecalendar itself, so a regeneration is checked."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest

from app.calendar.holiday_table import (
    HolidayTable,
    HolidayTableError,
    bundled_holiday_table,
    holiday_table,
    load_holiday_table,
)
from app.calendar.working_days import WorkingCalendar


def _chinesecalendar_knows(year: int) -> bool:
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def test_bundled_years_are_the_years_chinesecalendar_knows() -> None:
    table = bundled_holiday_table()
    assert table.source == f"chinesecalendar {chinese_calendar.__version__}"
    known = [year for year in range(1995, 2040) if _chinesecalendar_knows(year)]
    assert sorted(table.years) == known
    assert min(known) == 2004 and max(known) >= 2026


def test_bundled_table_matches_chinesecalendar_day_by_day() -> None:
    calendar = WorkingCalendar(bundled_holiday_table())
    table = bundled_holiday_table()
    day, end = date(min(table.years), 1, 1), date(max(table.years), 12, 31)
    mismatches = []
    while day <= end:
        if calendar.is_workday(day) != chinese_calendar.is_workday(day):
            mismatches.append(day)
        day += timedelta(days=1)
    assert mismatches == []
    assert calendar.unknown_years == frozenset()


def test_to_json_round_trips(tmp_path: Path) -> None:
    table = bundled_holiday_table()
    path = tmp_path / "t.json"
    path.write_text(json.dumps(table.to_json()), encoding="utf-8")
    assert load_holiday_table(path) == table


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"format": 2}, "只认识 1"),
        ({"holidays": ["2026-10-03"]}, "是周末"),  # a Saturday: only weekday holidays are listed
        ({"workdays": ["2026-10-09"]}, "不是周末"),
        ({"holidays": ["2030-10-01"]}, "不在所列年份内"),
        ({"holidays": ["2026-13-01"]}, "无效日期"),
        ({"years": "2026"}, "years"),
    ],
)
def test_wrong_tables_are_refused_naming_the_file(
    tmp_path: Path, changes: dict[str, object], message: str
) -> None:
    data: dict[str, object] = {
        "format": 1,
        "source": "test",
        "years": [2026],
        "holidays": ["2026-10-01"],
        "workdays": ["2026-10-10"],
    }
    data.update(changes)
    path = tmp_path / "cal.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(HolidayTableError, match=message) as caught:
        load_holiday_table(path)
    assert str(path) in str(caught.value)


def test_tables_built_in_code_are_checked_too() -> None:
    table = holiday_table([2026], [date(2026, 10, 1)], [date(2026, 10, 10)], "test")
    assert isinstance(table, HolidayTable)
    assert table.is_workday(date(2026, 10, 1)) is False
    assert table.is_workday(date(2026, 10, 10)) is True
    assert table.is_workday(date(2027, 1, 4)) is None
    with pytest.raises(HolidayTableError, match="是周末"):
        holiday_table([2026], [date(2026, 10, 3)], [])
