"""What the 工作台 shows: today's work, deadlines, follow-ups and drafts, as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.calendar import WorkingCalendar
from app.catalog.model import FOLLOW_UP_KINDS
from app.store.models import Case, FollowUp, Person
from app.workflow import OPEN_STATES, CaseSummary, State
from app.workflow.cases import summarize


@dataclass(frozen=True)
class DashboardLine:
    kind: str  # case | follow_up
    id: str
    title: str
    subtitle: str
    due_on: date | None
    days_left: int | None


@dataclass(frozen=True)
class Dashboard:
    today_cases: tuple[DashboardLine, ...]
    due_soon: tuple[DashboardLine, ...]
    overdue: tuple[DashboardLine, ...]
    follow_ups_due: tuple[DashboardLine, ...]
    drafts: tuple[DashboardLine, ...]
    online: tuple[DashboardLine, ...] = ()  # 网上申请待受理, oldest first


def _names(session: Session, person_ids: set[str]) -> dict[str, str]:
    if not person_ids:
        return {}
    rows = session.execute(select(Person.id, Person.name).where(Person.id.in_(person_ids)))
    return {pid: name for pid, name in rows}


def build_dashboard(
    session: Session,
    today: date,
    calendar: WorkingCalendar,
    item_names: dict[str, str],
    *,
    soon_days: int = 2,
    limit: int = 200,
) -> Dashboard:
    horizon = calendar.add_working_days(today, soon_days)
    open_states = [s.value for s in OPEN_STATES]
    live = Case.deleted.is_(False)
    todays = [
        summarize(c)
        for c in session.scalars(
            select(Case).where(live, Case.accepted_on == today).order_by(Case.created_at.desc()).limit(limit)
        )
    ]
    soon = [
        summarize(c)
        for c in session.scalars(
            select(Case)
            .where(live, Case.state.in_(open_states), Case.due_on >= today, Case.due_on <= horizon)
            .order_by(Case.due_on)
            .limit(limit)
        )
    ]
    late = [
        summarize(c)
        for c in session.scalars(
            select(Case)
            .where(live, Case.state.in_(open_states), Case.due_on < today)
            .order_by(Case.due_on)
            .limit(limit)
        )
    ]
    drafts = [
        summarize(c)
        for c in session.scalars(
            select(Case).where(live, Case.state == State.DRAFT.value).order_by(Case.created_at.desc()).limit(limit)
        )
    ]
    online = [
        summarize(c)
        for c in session.scalars(
            select(Case).where(live, Case.state == State.RECEIVED_ONLINE.value).order_by(Case.created_at).limit(limit)
        )
    ]
    follows = list(
        session.scalars(
            select(FollowUp)
            .where(FollowUp.deleted.is_(False), FollowUp.done_on.is_(None), FollowUp.due_on <= horizon)
            .order_by(FollowUp.due_on)
            .limit(limit)
        )
    )
    names = _names(
        session,
        {c.person_id for c in todays + soon + late + drafts + online if c.person_id}
        | {f.person_id for f in follows if f.person_id},
    )

    def case_line(c: CaseSummary) -> DashboardLine:
        left = calendar.working_days_between(today, c.due_on) if c.due_on else None
        who = names.get(c.person_id or "", "")
        return DashboardLine(
            "case",
            c.id,
            f"{item_names.get(c.item_code, c.item_code)} · {who}".strip(" ·"),
            f"{c.case_no} · {c.state_label}",
            c.due_on,
            left,
        )

    follow_lines = tuple(
        DashboardLine(
            "follow_up",
            f.id,
            f"{FOLLOW_UP_KINDS.get(f.kind, f.kind)} · {names.get(f.person_id or '', '')}",
            "已超期" if f.due_on < today else "待办",
            f.due_on,
            calendar.working_days_between(today, f.due_on),
        )
        for f in follows
    )
    return Dashboard(
        tuple(map(case_line, todays)),
        tuple(map(case_line, soon)),
        tuple(map(case_line, late)),
        follow_lines,
        tuple(map(case_line, drafts)),
        tuple(map(case_line, online)),
    )
