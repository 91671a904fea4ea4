"""Changing who is in a household after it was registered: add a member, remove one, correct a relation.

Rules:

* A person belongs to at most one live household; a removed member may be added again (to any household).
* A member who leaves (迁出、婚出、死亡、其他) is never deleted: the row is tombstoned with ``left_on``,
  ``left_reason`` and ``left_note``, so every query of live members stays as it was and the household
  detail can list the former members. Adding a former member back to the same household revives the row
  (the table keeps one row per household and person); the audit trail keeps the earlier departure.
* The 户主 (relation ``01``, :attr:`Household.head_person_id`) cannot leave while other members remain,
  and cannot be given another relation directly: another member is made 户主 first, and the former head
  gets a new relation in the same step.
* The zero-employment status follows each change at once. When the change itself ends the household's
  zero employment (an employed laborer joins; the last laborer leaves), its open episode is closed as
  cleared "成员变动" (``member_change``) on the day, with the joining person when there is one: the
  动态清零 history says what happened instead of crediting an employment service. A listed household
  whose status had already changed before (a member found work but it was not cleared yet) stays listed
  for the clerk to clear with who and how. A change that makes the household zero-employment lists it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.errors import NotFound, ValidationFailed
from app.households.model import CLEARED_BY_MEMBER_CHANGE, LEAVE_REASONS, FormerMemberInfo
from app.households.rules import HouseholdStatus, household_status
from app.households.service import (
    HouseholdError,
    _facts,
    _live_household,
    _members,
    _open_episode,
    refresh_household,
)
from app.refdata.local_tables import effective_code_tables
from app.store.models import Household, HouseholdMember, Person

HEAD = "01"
MAX_NOTE = 200


def _status(session: Session, household_id: str, on: date) -> HouseholdStatus:
    return household_status((_facts(m, p) for m, p in _members(session, household_id)), on)


def _check_relation(session: Session, relation: str | None, key: str = "relation") -> str:
    relation = (relation or "").strip()
    if not relation:
        raise ValidationFailed({key: ["请选择与户主关系。"]})
    table = effective_code_tables(session).get("relation")
    if table is not None and not table.contains(relation):
        raise ValidationFailed({key: ["与户主关系不在代码表中，请从列表中选择。"]})
    return relation


def _live_member(session: Session, member_id: str) -> HouseholdMember:
    member = session.get(HouseholdMember, member_id)
    if member is None or member.deleted:
        raise NotFound("找不到该家庭成员，可能已被移出。请刷新后重试。")
    _live_household(session, member.household_id)
    return member


def _is_head(household: Household, member: HouseholdMember) -> bool:
    return member.relation == HEAD or member.person_id == household.head_person_id


def _live_head(session: Session, household: Household) -> HouseholdMember | None:
    return next((m for m, _p in _members(session, household.id) if _is_head(household, m)), None)


def _follow(
    session: Session,
    actor_id: str | None,
    household_id: str,
    before: HouseholdStatus,
    on: date,
    *,
    joined_person_id: str | None = None,
) -> HouseholdStatus:
    """Let the zero-employment status and episode follow a change of members (see the module docstring)."""
    after = _status(session, household_id, on)
    episode = _open_episode(session, household_id)
    if episode is not None and before.zero_employment and not after.zero_employment:
        if after.laborers == 0:
            note = "成员变动后家庭已无劳动力"
        elif joined_person_id is not None:
            note = "新加入的成员已就业"
        else:
            note = "成员变动后家庭已有就业劳动力"
        episode.cleared_on = max(on, episode.since)
        episode.cleared_person_id = joined_person_id if after.employed and joined_person_id else None
        episode.cleared_via = CLEARED_BY_MEMBER_CHANGE
        episode.cleared_by = actor_id
        episode.note = note
        household = _live_household(session, household_id)
        household.zero_employment_cleared_on = episode.cleared_on
        session.flush()
        audit.record(session, actor_id, "household.zero_cleared", "household", household_id,
                     {"episode": episode.id, "via": CLEARED_BY_MEMBER_CHANGE, "person": episode.cleared_person_id})
    return refresh_household(session, household_id, on)


def add_member(
    session: Session, actor_id: str | None, household_id: str, person_id: str, relation: str | None, on: date
) -> str:
    """Add a registered person to a household (born, married or moved in); returns the member id."""
    household = _live_household(session, household_id)
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise NotFound("找不到该人员，可能尚未登记或已被删除。请先在“人员”中新建此人，再添加到家庭。")
    relation = _check_relation(session, relation)
    rows = session.execute(
        select(HouseholdMember.household_id).join(Household, Household.id == HouseholdMember.household_id)
        .where(HouseholdMember.person_id == person_id, HouseholdMember.deleted.is_(False),
               Household.deleted.is_(False))
    ).scalars().all()
    if household_id in rows:
        raise HouseholdError("此人已是本户成员，无需再添加。")
    if rows:
        raise HouseholdError("此人已是另一户家庭的成员，一人只能属于一户。"
                             "请先打开原家庭，用“移出成员”登记其迁出或婚出，再添加到本户。")
    if relation == HEAD and _live_head(session, household) is not None:
        raise ValidationFailed({"relation": ["本户已有户主。请先按其他关系添加，再用“修改关系”把此人设为户主。"]})
    before = _status(session, household_id, on)
    member = session.scalar(select(HouseholdMember).where(
        HouseholdMember.household_id == household_id, HouseholdMember.person_id == person_id))
    if member is None:
        member = HouseholdMember(household_id=household_id, person_id=person_id, relation=relation,
                                 able_to_work=True, joined_on=on)
        session.add(member)
    else:  # a former member comes back: the one row per household and person is revived
        member.deleted = False
        member.relation = relation
        member.able_to_work = True
        member.joined_on = on
        member.left_on = member.left_reason = member.left_note = None
    if relation == HEAD or household.head_person_id is None or before.members == 0:
        household.head_person_id = person_id  # the new 户主, or the only member of an emptied household
    session.flush()
    audit.record(session, actor_id, "household.member_add", "household", household_id,
                 {"member": person_id, "relation": relation})
    _follow(session, actor_id, household_id, before, on, joined_person_id=person_id)
    return member.id


def remove_member(
    session: Session,
    actor_id: str | None,
    member_id: str,
    reason: str,
    on: date,
    *,
    note: str | None = None,
    left_on: date | None = None,
) -> None:
    """A member leaves the household (``reason`` one of :data:`LEAVE_REASONS`); the row is tombstoned."""
    member = _live_member(session, member_id)
    household = _live_household(session, member.household_id)
    note = (note or "").strip() or None
    left_on = left_on or on
    errors: dict[str, list[str]] = {}
    if reason not in LEAVE_REASONS:
        errors["reason"] = ["请选择移出原因（迁出、婚出、死亡或其他）。"]
    elif reason == "other" and note is None:
        errors["note"] = ["移出原因选“其他”时，请在说明中写明原因。"]
    if note is not None and len(note) > MAX_NOTE:
        errors.setdefault("note", []).append(f"说明不能超过 {MAX_NOTE} 个字。")
    if left_on > on:
        errors["left_on"] = ["移出日期不能晚于今天。"]
    elif member.joined_on is not None and left_on < member.joined_on:
        errors["left_on"] = [f"移出日期不能早于此人加入本户的日期（{member.joined_on.isoformat()}）。"]
    if errors:
        raise ValidationFailed(errors)
    others = [m for m, _p in _members(session, household.id) if m.id != member.id]
    if _is_head(household, member) and others:
        raise HouseholdError("户主不能直接移出：本户还有其他成员。请先用“修改关系”把另一名成员设为户主，再移出原户主。")
    before = _status(session, household.id, on)
    member.deleted = True
    member.left_on = left_on
    member.left_reason = reason
    member.left_note = note
    session.flush()
    audit.record(session, actor_id, "household.member_remove", "household", household.id,
                 {"member": member.person_id, "reason": reason, "left_on": left_on.isoformat()})
    _follow(session, actor_id, household.id, before, on)


def change_relation(
    session: Session,
    actor_id: str | None,
    member_id: str,
    relation: str,
    on: date,
    *,
    former_head_relation: str | None = None,
) -> None:
    """Correct a member's relation to the 户主; making a member 户主 needs the former head's new relation."""
    member = _live_member(session, member_id)
    household = _live_household(session, member.household_id)
    relation = _check_relation(session, relation)
    head = _live_head(session, household)
    changed: dict[str, str] = {}
    if head is not None and head.id == member.id:
        if relation != HEAD:
            raise HouseholdError("户主的关系不能直接修改。请选择另一名成员，把其关系改为“户主”，"
                                 "同时为原户主选择新的关系。")
    elif relation == HEAD and head is not None:
        if former_head_relation is None or not former_head_relation.strip():
            raise ValidationFailed({"former_head_relation": ["把该成员设为户主时，请为原户主选择新的与户主关系。"]})
        former = _check_relation(session, former_head_relation, "former_head_relation")
        if former == HEAD:
            raise ValidationFailed({"former_head_relation": ["一户只能有一名户主，请为原户主选择户主以外的关系。"]})
        if head.relation != former:
            head.relation = former
            changed[head.person_id] = former
    if member.relation != relation:
        member.relation = relation
        changed[member.person_id] = relation
    if relation == HEAD and household.head_person_id != member.person_id:
        household.head_person_id = member.person_id
    session.flush()
    for person_id, new in changed.items():
        audit.record(session, actor_id, "household.member_relation", "household", household.id,
                     {"member": person_id, "relation": new})
    refresh_household(session, household.id, on)


def former_members(session: Session, household_id: str) -> tuple[FormerMemberInfo, ...]:
    """Members who left the household, the latest departure first."""
    rows = session.execute(
        select(HouseholdMember, Person.name).join(Person, Person.id == HouseholdMember.person_id)
        .where(HouseholdMember.household_id == household_id, HouseholdMember.deleted.is_(True),
               HouseholdMember.left_on.is_not(None))
        .order_by(HouseholdMember.left_on.desc(), HouseholdMember.updated_at.desc())
    ).all()
    return tuple(
        FormerMemberInfo(m.id, m.person_id, name, m.relation, m.joined_on, m.left_on, m.left_reason, m.left_note)
        for m, name in rows
    )
