"""Everything the person profile shows, gathered in one audited read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.persons.model import PersonDetail
from app.persons.service import get_person
from app.store.models import AuditEntry, Case, FollowUp, Household, HouseholdMember, Staff
from app.workflow.cases import CaseSummary, summarize


@dataclass(frozen=True)
class FollowUpInfo:
    id: str
    kind: str
    due_on: date
    done_on: date | None
    outcome: str | None


@dataclass(frozen=True)
class AuditLine:
    at: datetime
    actor: str
    action: str


@dataclass(frozen=True)
class PersonOverview:
    person: PersonDetail
    cases: tuple[CaseSummary, ...]
    follow_ups: tuple[FollowUpInfo, ...]
    household_id: str | None
    household_address: str | None
    recent_access: tuple[AuditLine, ...]


def person_overview(session: Session, actor_id: str | None, person_id: str) -> PersonOverview:
    detail = get_person(session, actor_id, person_id, purpose="profile")
    cases = tuple(
        summarize(c)
        for c in session.scalars(
            select(Case).where(Case.person_id == person_id, Case.deleted.is_(False)).order_by(Case.created_at.desc())
        )
    )
    follows = tuple(
        FollowUpInfo(f.id, f.kind, f.due_on, f.done_on, f.outcome)
        for f in session.scalars(
            select(FollowUp)
            .where(FollowUp.person_id == person_id, FollowUp.deleted.is_(False))
            .order_by(FollowUp.due_on)
        )
    )
    household = session.execute(
        select(Household.id, Household.address)
        .join(HouseholdMember, HouseholdMember.household_id == Household.id)
        .where(HouseholdMember.person_id == person_id, HouseholdMember.deleted.is_(False))
    ).first()
    staff_names = {sid: name for sid, name in session.execute(select(Staff.id, Staff.display_name))}
    access = tuple(
        AuditLine(e.at, staff_names.get(e.actor_id or "", e.actor_id or "系统"), e.action)
        for e in session.scalars(
            select(AuditEntry).where(AuditEntry.entity_id == person_id).order_by(AuditEntry.seq.desc()).limit(20)
        )
    )
    return PersonOverview(
        detail, cases, follows, household[0] if household else None, household[1] if household else None, access
    )
