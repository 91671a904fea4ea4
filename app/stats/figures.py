"""The station's figures, computed with grouped queries (no per-record Python loops over big tables).

Definitions (the same in charts, tables and the Excel export):

- **登记数** per month: 失业登记 / 就业登记 cases accepted (受理) in that month, not 不予办理 or 撤回.
- **逾期办件**: open cases (已受理 / 待审核 / 待核验) whose deadline is before today.
- **回访完成** per month: follow-ups recorded as done in that month; **回访到期**: follow-ups due in it.
- **零就业家庭** at a month end: households whose time on the list began on or before that day and was
  not cleared by then (cleared on that day counts as cleared).
- **安置点就业率**: employed laborers / laborers of each settlement, from the latest census and the
  members' employment status, as of today (see ``app.households``).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Final

from sqlalchemy import ColumnElement, String, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.households.service import list_settlements
from app.stats.model import Drill, Headline, Point, Series, StationStats
from app.stats.periods import last_months, month_bounds, month_key
from app.store.models import Case, FollowUp, Person
from app.store.models_households import ZeroEmploymentEpisode
from app.store.page_cache import larger_page_cache
from app.workflow import OPEN_STATES, State

REGISTRATION_ITEMS: Final = {
    "unemployment_registration": "失业登记",
    "employment_registration": "就业登记",
}
NOT_COUNTED: Final = (State.DRAFT.value, State.REJECTED.value, State.WITHDRAWN.value)


def _month(column: ColumnElement[Any] | InstrumentedAttribute[Any]) -> ColumnElement[str]:
    # Dates are stored as ISO text in SQLite: the first seven characters are the month.
    return func.substr(column, 1, 7, type_=String)


def registrations_by_month(session: Session, months: tuple[str, ...]) -> tuple[Series, ...]:
    first, last = month_bounds(months[0])[0], month_bounds(months[-1])[1]
    month = _month(Case.accepted_on)
    rows = session.execute(
        select(Case.item_code, month, func.count())
        .where(
            Case.deleted.is_(False),
            Case.item_code.in_(REGISTRATION_ITEMS),
            Case.accepted_on >= first,
            Case.accepted_on <= last,
            Case.state.not_in(NOT_COUNTED),
        )
        .group_by(Case.item_code, month)
    ).all()
    counts: dict[tuple[str, str], int] = {(item, str(m)): n for item, m, n in rows}
    return tuple(
        Series(
            key=f"registrations:{item}",
            title=label,
            unit="件",
            points=tuple(
                Point(
                    m,
                    counts.get((item, m), 0),
                    Drill("registrations", f"{m} {label}", (("item", item), ("month", m))),
                )
                for m in months
            ),
        )
        for item, label in REGISTRATION_ITEMS.items()
    )


def overdue_by_item(session: Session, today: date, item_names: dict[str, str]) -> Series:
    rows = session.execute(
        select(Case.item_code, func.count())
        .where(Case.deleted.is_(False), Case.state.in_([s.value for s in OPEN_STATES]), Case.due_on < today)
        .group_by(Case.item_code)
        .order_by(func.count().desc(), Case.item_code)
    ).all()
    return Series(
        "overdue",
        "逾期办件",
        "件",
        tuple(
            Point(
                item_names.get(item, item),
                n,
                Drill(
                    "overdue", f"逾期办件：{item_names.get(item, item)}", (("item", item), ("today", today.isoformat()))
                ),
            )
            for item, n in rows
        ),
    )


def _follow_ups(
    session: Session,
    months: tuple[str, ...],
    column: ColumnElement[Any] | InstrumentedAttribute[Any],
    key: str,
    title: str,
) -> Series:
    first, last = month_bounds(months[0])[0], month_bounds(months[-1])[1]
    month = _month(column)
    rows = session.execute(
        select(month, func.count()).where(FollowUp.deleted.is_(False), column >= first, column <= last).group_by(month)
    ).all()
    counts = {str(m): n for m, n in rows}
    return Series(
        key,
        title,
        "次",
        tuple(Point(m, counts.get(m, 0), Drill(key, f"{m} {title}", (("month", m),))) for m in months),
    )


def zero_households_over_time(session: Session, months: tuple[str, ...], today: date) -> Series:
    first = month_bounds(months[0])[0]
    ends = [min(month_bounds(m)[1], today) for m in months]
    episodes = session.execute(
        select(ZeroEmploymentEpisode.since, ZeroEmploymentEpisode.cleared_on).where(
            ZeroEmploymentEpisode.deleted.is_(False),
            ZeroEmploymentEpisode.since <= ends[-1],
            (ZeroEmploymentEpisode.cleared_on.is_(None)) | (ZeroEmploymentEpisode.cleared_on > first),
        )
    ).all()
    counts = [0] * len(months)
    for since, cleared in episodes:
        for index, end in enumerate(ends):
            if since <= end and (cleared is None or cleared > end):
                counts[index] += 1
    return Series(
        "zero_households",
        "零就业家庭（月末在册）",
        "户",
        tuple(
            Point(m, counts[i], Drill("zero_households", f"{m} 月末在册零就业家庭", (("on", ends[i].isoformat()),)))
            for i, m in enumerate(months)
        ),
    )


def settlement_rates(session: Session, today: date) -> Series:
    points = []
    for row in list_settlements(session, today):
        rate = row.figures.employment_rate
        points.append(
            Point(
                row.name,
                round(rate * 100, 1) if rate is not None else 0.0,
                Drill("settlement_households", f"{row.name} 各户就业情况", (("settlement", row.id),)),
            )
        )
    return Series("settlement_rates", "安置点劳动力就业率", "%", tuple(points))


def station_stats(session: Session, today: date, item_names: dict[str, str], *, months: int = 12) -> StationStats:
    # The settlement figures look up every member's facts at random in the person index: ~800 ms with
    # the default page cache at 1,000,000 persons, ~230 ms with a larger one (benchmarks/bench_stats.py).
    with larger_page_cache(session):
        return _station_stats(session, today, item_names, months)


def _station_stats(session: Session, today: date, item_names: dict[str, str], months: int) -> StationStats:
    keys = last_months(today, months)
    registrations = registrations_by_month(session, keys)
    overdue = overdue_by_item(session, today, item_names)
    done = _follow_ups(session, keys, FollowUp.done_on, "follow_ups_done", "回访完成")
    due = _follow_ups(session, keys, FollowUp.due_on, "follow_ups_due", "回访到期")
    zero = zero_households_over_time(session, keys, today)
    rates = settlement_rates(session, today)
    this_month = month_key(today)
    persons = session.scalar(select(func.count()).select_from(Person).where(Person.deleted.is_(False))) or 0
    headlines = (
        Headline("persons", "在册人员", persons, "人"),
        *(
            Headline(
                f"month:{series.key}",
                f"本月{series.title}",
                series.points[-1].value,
                "件",
                series.points[-1].drill,
            )
            for series in registrations
        ),
        Headline(
            "overdue",
            "逾期办件",
            overdue.total,
            "件",
            Drill("overdue", "全部逾期办件", (("today", today.isoformat()),)),
        ),
        Headline("zero_households", "零就业家庭（在册）", zero.points[-1].value, "户", zero.points[-1].drill),
        Headline(
            "follow_ups_done",
            "本月完成回访",
            done.points[-1].value,
            "次",
            Drill("follow_ups_done", f"{this_month} 回访完成", (("month", this_month),)),
        ),
    )
    return StationStats(
        today=today,
        months=keys,
        headlines=headlines,
        registrations=registrations,
        settlement_rates=rates,
        zero_households=zero,
        overdue_by_item=overdue,
        follow_ups_done=done,
        follow_ups_due=due,
    )

