"""Station statistics as plain data: every figure carries the query that lists the records behind it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Drill:
    """Which records make up a figure: ``kind`` names the list, ``params`` its filter (hashable)."""

    kind: str  # registrations | overdue | follow_ups_done | follow_ups_due | zero_households | settlement_laborers
    title: str
    params: tuple[tuple[str, str], ...] = ()

    def param(self, name: str) -> str | None:
        return dict(self.params).get(name)


@dataclass(frozen=True)
class Point:
    label: str
    value: float
    drill: Drill | None = None


@dataclass(frozen=True)
class Series:
    key: str
    title: str
    unit: str  # 件 | 户 | 人 | %
    points: tuple[Point, ...]

    @property
    def total(self) -> float:
        return sum(p.value for p in self.points)


@dataclass(frozen=True)
class Headline:
    key: str
    title: str
    value: float
    unit: str
    drill: Drill | None = None


@dataclass(frozen=True)
class StationStats:
    today: date
    months: tuple[str, ...]  # "2026-01" …, oldest first
    headlines: tuple[Headline, ...]
    registrations: tuple[Series, ...]  # 失业登记 / 就业登记 accepted per month
    settlement_rates: Series  # employment rate per settlement, %
    zero_households: Series  # households on the 零就业家庭 list at each month end
    overdue_by_item: Series  # open cases past their deadline, per item
    follow_ups_done: Series  # follow-ups recorded per month
    follow_ups_due: Series  # follow-ups falling due per month
    notes: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class DrillRow:
    """One record behind a figure; ``opens`` says what the UI opens for it (``case``/``person``/``household``)."""

    opens: str
    id: str
    title: str
    subtitle: str
    when: date | None = None
