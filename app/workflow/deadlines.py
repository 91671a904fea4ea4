"""Due dates from an item's deadline rule and the working-day calendar."""

from __future__ import annotations

from datetime import date, timedelta

from app.calendar import WorkingCalendar
from app.catalog.model import DeadlineRule


def due_date(rule: DeadlineRule | None, accepted_on: date, calendar: WorkingCalendar) -> date | None:
    if rule is None:
        return None
    if rule.unit == "calendar":
        return accepted_on + timedelta(days=rule.days)
    return calendar.add_working_days(accepted_on, rule.days)


def working_days_left(due_on: date | None, today: date, calendar: WorkingCalendar) -> int | None:
    """Working days from today to the due date (negative when overdue); None without a deadline."""
    if due_on is None:
        return None
    return calendar.working_days_between(today, due_on)
