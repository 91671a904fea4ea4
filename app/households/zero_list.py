"""The 零就业家庭 list and 动态清零: which households are listed, and taking one off with how and when.

Listing and clearing read the same household status as the rest of :mod:`app.households.service`
(one SQL rule for working age and employment), which this module builds on.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from app import audit
from app.errors import ValidationFailed
from app.households.model import CLEAR_VIA, ZeroRow
from app.households.rules import EMPLOYED, EMPLOYED_STATUSES, HouseholdStatus, household_status
from app.households.service import (
    HouseholdError,
    _clean,
    _facts,
    _live_household,
    _members,
    _open_episode,
    _status_query,
    household_statuses,
)
from app.store.models import Household, HouseholdMember, Person
from app.store.models_households import Settlement, SettlementHousehold, ZeroEmploymentEpisode


def clear_zero_employment(
    session: Session,
    actor_id: str | None,
    household_id: str,
    *,
    person_id: str | None,
    via: str,
    cleared_on: date,
    on: date,
    note: str | None = None,
) -> None:
    """Take a household off the list (动态清零): which member found work, through what service, when.

    The member must be a laborer of the household; their employment status becomes employed. Without a
    member (``person_id`` None) the household may only be cleared when it has no laborer any more, with a note.
    """
    _live_household(session, household_id)
    episode = _open_episode(session, household_id)
    if episode is None:
        raise HouseholdError("该家庭不在零就业家庭名单中，无需清零。请刷新列表。")
    errors: dict[str, list[str]] = {}
    if via not in CLEAR_VIA:
        errors["via"] = ["请选择实现就业的途径。"]
    if cleared_on > on:
        errors.setdefault("cleared_on", []).append("清零日期不能晚于今天。")
    if cleared_on < episode.since:
        errors.setdefault("cleared_on", []).append(
            f"清零日期不能早于列入名单的日期（{episode.since.isoformat()}）。")
    members = _members(session, household_id)
    if person_id is None:
        if household_status((_facts(m, p) for m, p in members), on).laborers:
            errors["person_id"] = ["请选择实现就业的家庭成员。"]
        elif not _clean(note):
            errors["note"] = ["家庭已无劳动力时清零，请在备注中写明原因。"]
    else:
        match = next(((m, p) for m, p in members if p.id == person_id), None)
        if match is None:
            errors["person_id"] = ["所选人员不是该家庭的成员。"]
        elif not _facts(*match).laborer(on):
            errors["person_id"] = ["所选成员不在劳动年龄内或无劳动能力，不能作为清零的就业人员。"]
    if errors:
        raise ValidationFailed(errors)
    if person_id is not None:
        person = session.get(Person, person_id)
        assert person is not None
        if person.employment_status not in EMPLOYED_STATUSES:
            person.employment_status = EMPLOYED
            audit.record(session, actor_id, "person.update", "person", person.id, {"fields": ["employment_status"]})
    episode.cleared_on = cleared_on
    episode.cleared_person_id = person_id
    episode.cleared_via = via
    episode.cleared_by = actor_id
    episode.note = _clean(note)
    household = _live_household(session, household_id)
    household.zero_employment_cleared_on = cleared_on
    session.flush()
    audit.record(session, actor_id, "household.zero_cleared", "household", household_id,
                 {"episode": episode.id, "via": via, "person": person_id})


def zero_employment_list(
    session: Session, on: date, *, include_cleared: bool = False, settlement_id: str | None = None
) -> list[ZeroRow]:
    """The 零就业家庭 list: open episodes (oldest first), and cleared ones too when asked."""
    cleared_person = Person.__table__.alias("cleared_person")
    query = (
        select(ZeroEmploymentEpisode, Household.address, Household.settlement_name, Person.name,
               Settlement.name, cleared_person.c.name)
        .join(Household, Household.id == ZeroEmploymentEpisode.household_id)
        .outerjoin(Person, Person.id == Household.head_person_id)
        .outerjoin(SettlementHousehold, and_(SettlementHousehold.household_id == Household.id,
                                             SettlementHousehold.deleted.is_(False)))
        .outerjoin(Settlement, Settlement.id == SettlementHousehold.settlement_id)
        .outerjoin(cleared_person, cleared_person.c.id == ZeroEmploymentEpisode.cleared_person_id)
        .where(ZeroEmploymentEpisode.deleted.is_(False), Household.deleted.is_(False))
        .order_by(ZeroEmploymentEpisode.cleared_on.is_not(None), ZeroEmploymentEpisode.since,
                  ZeroEmploymentEpisode.id)
    )
    if not include_cleared:
        query = query.where(ZeroEmploymentEpisode.cleared_on.is_(None))
    if settlement_id is not None:
        query = query.where(SettlementHousehold.settlement_id == settlement_id)
    rows = session.execute(query).all()
    open_ids = [row[0].household_id for row in rows if row[0].cleared_on is None]
    statuses = household_statuses(session, on, open_ids) if len(open_ids) < 5_000 else _listed_statuses(session, on)
    empty = HouseholdStatus(0, 0, 0)
    result = []
    for episode, address, settlement_name, head, settlement, cleared_name in rows:
        status = statuses.get(episode.household_id, empty)
        result.append(ZeroRow(
            episode.id, episode.household_id, head, settlement or settlement_name, address, episode.since,
            ((episode.cleared_on or on) - episode.since).days, episode.cleared_on, episode.cleared_via,
            cleared_name, status.laborers, status.employed,
        ))
    return result


def _listed_statuses(session: Session, on: date) -> dict[str, HouseholdStatus]:
    query = _status_query(on).join(
        ZeroEmploymentEpisode, ZeroEmploymentEpisode.household_id == HouseholdMember.household_id
    ).where(ZeroEmploymentEpisode.cleared_on.is_(None), ZeroEmploymentEpisode.deleted.is_(False))
    return {row[0]: HouseholdStatus(row[1], row[2] or 0, row[3] or 0) for row in session.execute(query)}
