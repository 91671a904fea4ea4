"""Working-day calendar: official holidays and make-up workdays, local overrides, unknown-year fallback."""

from app.calendar.holiday_table import (
    HolidayTable,
    HolidayTableError,
    bundled_holiday_table,
    holiday_table,
    load_holiday_table,
)
from app.calendar.working_days import (
    WorkingCalendar,
    add_working_days,
    default_calendar,
    is_workday,
    working_days_between,
)

__all__ = [
    "HolidayTable",
    "HolidayTableError",
    "WorkingCalendar",
    "add_working_days",
    "bundled_holiday_table",
    "default_calendar",
    "holiday_table",
    "is_workday",
    "load_holiday_table",
    "working_days_between",
]
