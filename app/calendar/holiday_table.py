"""The official holiday table (法定节假日与调休) as shipped in resources/calendar/ or pushed by the platform.

Format 1: {"format": 1, "source": "...", "years": [2004, ...], "holidays": [ISO dates on Monday–Friday
that are days off], "workdays": [ISO dates on Saturday/Sunday that are make-up workdays]}. Within a
listed year every other day is a workday exactly when it falls on Monday–Friday.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from app.refdata.resources import resource_path

FORMAT = 1
BUNDLED_FILE = ("calendar", "cn_workdays.json")


class HolidayTableError(ValueError):
    """A holiday table is unreadable or contradicts itself; the message says which file."""


@dataclass(frozen=True)
class HolidayTable:
    years: frozenset[int]
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str = ""

    def __post_init__(self) -> None:
        _check(self.years, self.holidays, self.workdays, "节假日表")

    def knows(self, year: int) -> bool:
        return year in self.years

    def is_workday(self, day: date) -> bool | None:
        """The official answer, or None when the table does not cover the day's year."""
        if day.year not in self.years:
            return None
        if day in self.holidays:
            return False
        return day in self.workdays or day.weekday() < 5

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "source": self.source,
            "years": sorted(self.years),
            "holidays": [d.isoformat() for d in sorted(self.holidays)],
            "workdays": [d.isoformat() for d in sorted(self.workdays)],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any], *, origin: str = "节假日表") -> HolidayTable:
        """Build from the JSON form; `origin` names the file or message in errors."""
        if data.get("format") != FORMAT:
            raise HolidayTableError(
                f"{origin} 的格式版本是 {data.get('format')!r}，本程序只认识 {FORMAT}。请升级程序。"
            )
        years = data.get("years")
        if not isinstance(years, list) or not all(isinstance(y, int) and 1900 < y < 2200 for y in years):
            raise HolidayTableError(f"{origin} 的 years 应为年份列表。")
        source = data.get("source", "")
        if not isinstance(source, str):
            raise HolidayTableError(f"{origin} 的 source 应为文字。")
        holidays = _dates(data.get("holidays"), "holidays", origin)
        workdays = _dates(data.get("workdays"), "workdays", origin)
        _check(frozenset(years), holidays, workdays, origin)  # here, so the message names the file
        return cls(frozenset(years), holidays, workdays, source)


def _check(years: frozenset[int], holidays: frozenset[date], workdays: frozenset[date], where: str) -> None:
    # Counting ranges relies on this shape: holidays only on weekdays, make-up days only on weekends.
    for day in sorted(holidays):
        if day.year not in years:
            raise HolidayTableError(f"{where}：假日 {day} 不在所列年份内。")
        if day.weekday() >= 5:
            raise HolidayTableError(f"{where}：假日 {day} 是周末；表中只应列出落在周一至周五的假日。")
    for day in sorted(workdays):
        if day.year not in years:
            raise HolidayTableError(f"{where}：调休上班日 {day} 不在所列年份内。")
        if day.weekday() < 5:
            raise HolidayTableError(f"{where}：调休上班日 {day} 不是周末；表中只应列出周末上班的日子。")


def _dates(raw: Any, key: str, origin: str) -> frozenset[date]:
    if not isinstance(raw, list):
        raise HolidayTableError(f"{origin} 缺少 {key} 列表。")
    days: set[date] = set()
    for item in raw:
        try:
            days.add(date.fromisoformat(item))
        except (TypeError, ValueError) as error:
            raise HolidayTableError(
                f"{origin} 的 {key} 中有无效日期 {item!r}（应为 YYYY-MM-DD）。"
            ) from error
    return frozenset(days)


def holiday_table(
    years: Iterable[int], holidays: Iterable[date], workdays: Iterable[date], source: str = ""
) -> HolidayTable:
    return HolidayTable(frozenset(years), frozenset(holidays), frozenset(workdays), source)


def load_holiday_table(path: Path) -> HolidayTable:
    origin = f"节假日表文件 {path}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise HolidayTableError(f"找不到{origin}。请重新安装程序或从平台同步日历。") from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HolidayTableError(f"无法读取{origin}：{error}。请重新安装程序或从平台同步日历。") from error
    if not isinstance(data, dict):
        raise HolidayTableError(f"{origin} 的内容应为对象。")
    return HolidayTable.from_json(data, origin=origin)


@cache
def bundled_holiday_table() -> HolidayTable:
    """The table shipped with the program (generated from chinesecalendar by scripts/gen_calendar.py)."""
    return load_holiday_table(resource_path(*BUNDLED_FILE))
