"""Month arithmetic for follow-ups, validity periods and placement durations."""

from __future__ import annotations

import calendar
from datetime import date


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (clamped to the month's last day: 01-31 + 1 month = 02-28/29)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def months_covered(start: date, end: date) -> int:
    """Whole or started months from ``start`` to ``end`` inclusive (2026-01-01..2026-12-31 is 12)."""
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + end.month - start.month
    if add_months(start, months) <= end:
        months += 1
    return max(months, 1)
