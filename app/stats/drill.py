"""The records behind a figure: click a number, see the rows (names shown, ID numbers masked)."""

from __future__ import annotations

from datetime import date
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import today as local_today
from app.households.service import settlement_households
from app.privacy import mask_id
from app.stats.figures import NOT_COUNTED, REGISTRATION_ITEMS
from app.stats.model import Drill, DrillRow
from app.stats.periods import month_bounds
from app.store.models import Case, FollowUp, Household, Person
from app.store.models_households import ZeroEmploymentEpisode
from app.workflow import OPEN_STATES, STATE_LABELS, State

LIMIT: Final = 5000


class DrillError(ValueError):
    pass


def _iso(value: str | None, what: str) -> date:
    try:
        return date.fromisoformat(value or "")
    except ValueError as exc:
        raise DrillError(f"统计明细的{what}不正确，请重新打开统计页面。") from exc


def _person_label(name: str | None, number: str | None) -> str:
    return f"{name or '（无姓名）'}  {mask_id(number)}" if number else (name or "")


def _case_rows(session: Session, where: list[object], item_names: dict[str, str]) -> list[DrillRow]:
    query = (
        select(Case, Person.name, Person.doc_number)
        .outerjoin(Person, Person.id == Case.person_id)
        .where(Case.deleted.is_(False), *where)  # type: ignore[arg-type]
        .order_by(Case.accepted_on, Case.case_no)
        .limit(LIMIT)
    )
    rows = []
    for case, name, number in session.execute(query):
        label = STATE_LABELS.get(State(case.state), case.state)
        due = f"  期限 {case.due_on}" if case.due_on else ""
        rows.append(
            DrillRow(
                "case",
                case.id,
                f"{case.case_no}  {_person_label(name, number)}",
                f"{item_names.get(case.item_code, case.item_code)}  {label}{due}",
                case.accepted_on,
            )
        )
    return rows


def drill_rows(session: Session, drill: Drill, item_names: dict[str, str]) -> list[DrillRow]:
    """At most ``LIMIT`` rows, in a stable order."""
    kind = drill.kind
    if kind == "registrations":
        item = drill.param("item") or ""
        if item not in REGISTRATION_ITEMS:
            raise DrillError("统计明细的事项不正确，请重新打开统计页面。")
        first, last = month_bounds(drill.param("month") or "")
        return _case_rows(
            session,
            [
                Case.item_code == item,
                Case.accepted_on >= first,
                Case.accepted_on <= last,
                Case.state.not_in(NOT_COUNTED),
            ],
            item_names,
        )
    if kind == "overdue":
        today = _iso(drill.param("today"), "日期")
        where: list[object] = [Case.state.in_([s.value for s in OPEN_STATES]), Case.due_on < today]
        if drill.param("item"):
            where.append(Case.item_code == drill.param("item"))
        return _case_rows(session, where, item_names)
    if kind in ("follow_ups_done", "follow_ups_due"):
        first, last = month_bounds(drill.param("month") or "")
        column = FollowUp.done_on if kind == "follow_ups_done" else FollowUp.due_on
        query = (
            select(FollowUp, Person.name, Person.doc_number)
            .outerjoin(Person, Person.id == FollowUp.person_id)
            .where(FollowUp.deleted.is_(False), column >= first, column <= last)
            .order_by(column, FollowUp.id)
            .limit(LIMIT)
        )
        from app.catalog.model import FOLLOW_UP_KINDS

        return [
            DrillRow(
                "person" if follow.person_id else "case",
                follow.person_id or follow.case_id or "",
                _person_label(name, number),
                f"{FOLLOW_UP_KINDS.get(follow.kind, follow.kind)}  到期 {follow.due_on}"
                + (f"  已于 {follow.done_on} 完成" if follow.done_on else "  未完成"),
                follow.done_on or follow.due_on,
            )
            for follow, name, number in session.execute(query)
            if follow.person_id or follow.case_id
        ]
    if kind == "zero_households":
        on = _iso(drill.param("on"), "日期")
        listed = (
            select(ZeroEmploymentEpisode, Household.address, Person.name, Person.doc_number)
            .join(Household, Household.id == ZeroEmploymentEpisode.household_id)
            .outerjoin(Person, Person.id == Household.head_person_id)
            .where(
                ZeroEmploymentEpisode.deleted.is_(False),
                ZeroEmploymentEpisode.since <= on,
                (ZeroEmploymentEpisode.cleared_on.is_(None)) | (ZeroEmploymentEpisode.cleared_on > on),
            )
            .order_by(ZeroEmploymentEpisode.since, ZeroEmploymentEpisode.id)
            .limit(LIMIT)
        )
        return [
            DrillRow(
                "household",
                episode.household_id,
                f"户主 {_person_label(name, number)}",
                f"{address or ''}  {episode.since} 起在册"
                + (f"，{episode.cleared_on} 清零" if episode.cleared_on else ""),
                episode.since,
            )
            for episode, address, name, number in session.execute(listed)
        ]
    if kind == "settlement_households":
        settlement_id = drill.param("settlement") or ""
        today = local_today()
        return [
            DrillRow(
                "household",
                row.household_id,
                f"{row.household_no or ''} 户主 {row.head_name or '（未登记）'}",
                f"劳动力 {row.laborers} 人，已就业 {row.employed} 人" + ("，零就业" if row.zero_employment else ""),
            )
            for row in settlement_households(session, settlement_id, today)
        ][:LIMIT]
    raise DrillError(f"未知的统计明细“{kind}”，请重新打开统计页面。")
