#!/usr/bin/env python3
"""Write resources/calendar/cn_workdays.json from PyPI `chinesecalendar` (installed in the venv).

For every year the package knows, the file lists the official holidays that fall on Monday–Friday and
the make-up workdays (调休) that fall on Saturday or Sunday; every other day is a workday exactly when it
is Monday–Friday. The app reads only this file (format 1), so it never depends on chinesecalendar's
internals, and the platform can push a newer file in the same format.

Only the package's public `is_workday` is used. Rerun after upgrading chinesecalendar each November:
  .venv/bin/pip install -U chinesecalendar && .venv/bin/python scripts/gen_calendar.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
from pathlib import Path
from typing import Any

import chinese_calendar

FORMAT = 1
FIRST_CANDIDATE_YEAR = 1990
LAST_CANDIDATE_YEAR = 2100
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "resources" / "calendar" / "cn_workdays.json"


def year_is_known(year: int) -> bool:
    try:
        chinese_calendar.is_workday(dt.date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def known_years() -> list[int]:
    years = [y for y in range(FIRST_CANDIDATE_YEAR, LAST_CANDIDATE_YEAR + 1) if year_is_known(y)]
    if not years or years != list(range(years[0], years[-1] + 1)):
        raise SystemExit(f"chinesecalendar 的已知年份不连续或为空：{years}")
    return years


def build_table() -> dict[str, Any]:
    holidays: list[str] = []
    workdays: list[str] = []
    years = known_years()
    day = dt.date(years[0], 1, 1)
    end = dt.date(years[-1], 12, 31)
    while day <= end:
        weekday = day.weekday() < 5
        working = bool(chinese_calendar.is_workday(day))
        if weekday and not working:
            holidays.append(day.isoformat())
        elif working and not weekday:
            workdays.append(day.isoformat())
        day += dt.timedelta(days=1)
    return {
        "format": FORMAT,
        "source": f"chinesecalendar {importlib.metadata.version('chinesecalendar')}",
        "years": years,
        "holidays": holidays,
        "workdays": workdays,
    }


def render(table: dict[str, Any]) -> str:
    """One year per line in the date lists, so a new year shows up as a small diff."""

    def by_year(dates: list[str]) -> str:
        rows: dict[str, list[str]] = {}
        for iso in dates:
            rows.setdefault(iso[:4], []).append(json.dumps(iso))
        return "[\n" + ",\n".join(" " + ", ".join(row) for row in rows.values()) + "\n]"

    return (
        "{\n"
        f'"format": {table["format"]},\n'
        f'"source": {json.dumps(table["source"])},\n'
        f'"years": {json.dumps(table["years"])},\n'
        f'"holidays": {by_year(table["holidays"])},\n'
        f'"workdays": {by_year(table["workdays"])}\n'
        "}\n"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    table = build_table()
    text = render(table)
    if json.loads(text) != table:
        raise SystemExit("生成的日历文件与数据不一致（内部错误）。")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(
        f"{args.out}: {table['source']}, {table['years'][0]}–{table['years'][-1]}, "
        f"{len(table['holidays'])} weekday holidays, {len(table['workdays'])} weekend workdays"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
