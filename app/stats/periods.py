"""Calendar months as the statistics count them."""

from __future__ import annotations

import calendar
from datetime import date


def month_key(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def last_months(today: date, count: int) -> tuple[str, ...]:
    """``count`` months ending with today's, oldest first."""
    year, month = today.year, today.month
    keys: list[str] = []
    for _ in range(count):
        keys.append(f"{year:04d}-{month:02d}")
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return tuple(reversed(keys))


def month_bounds(key: str) -> tuple[date, date]:
    """First and last day of a ``YYYY-MM`` month."""
    try:
        year, month = (int(part) for part in key.split("-"))
        last = calendar.monthrange(year, month)[1]
        return date(year, month, 1), date(year, month, last)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"月份“{key}”格式不正确，应为 YYYY-MM，例如 2026-11。") from exc
