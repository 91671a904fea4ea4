"""Time in one place, so tests and the workflow agree on 'now' and 'today'."""

from __future__ import annotations

from datetime import UTC, date, datetime


def utcnow() -> datetime:
    """Naive UTC timestamp (SQLite stores no zone; everything stored is UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def today() -> date:
    """The counter's calendar day (local time of the workstation)."""
    return date.today()
