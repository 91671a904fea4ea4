"""Households, settlements, laborer census and the 零就业家庭 list: validated, audited services.

Figures are computed in SQL with the working-age rule turned into birth-date ranges
(:func:`app.households.rules.birth_bounds`), so a settlement of thousands of households is counted in one
query; :mod:`app.households.rules` is the reference they are tested against.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, select
from sqlalchemy.orm import Session

from app import audit
from app.errors import NotFound, UserError, ValidationFailed
from app.households.model import (
    DESTINATIONS,
    POVERTY_KINDS,
    CensusInfo,
    CensusInput,
    EpisodeInfo,
    FormerMemberInfo,
    HouseholdDetail,
    HouseholdRow,
    MemberInfo,
    MemberInput,
    SettlementInput,
    SettlementRow,
)
from app.households.rules import (
    EMPLOYED,
    EMPLOYED_STATUSES,
    FEMALE,
    UNEMPLOYED,
    HouseholdStatus,
    MemberFacts,
    SettlementFigures,
    age_on,
    birth_bounds,
    household_status,
)
from app.refdata.local_tables import effective_code_tables
from app.store.models import Household, HouseholdMember, Person, Staff
from app.store.models_households import LaborerCensus, Settlement, SettlementHousehold, ZeroEmploymentEpisode
from app.store.page_cache import larger_page_cache

MAX_INCOME = 1_000_000


class HouseholdError(UserError):
    pass


# ---------------------------------------------------------------------------------------------- SQL rules


def _working_age(on: date) -> ColumnElement[bool]:
    male_low, male_high = birth_bounds(None, on)
    female_low, female_high = birth_bounds(FEMALE, on)
    return case(
        (Person.birth_date.is_(None), HouseholdMember.working_age),
        (Person.gender == FEMALE, Person.birth_date.between(female_low, female_high)),
        else_=Person.birth_date.between(male_low, male_high),
    )


def _laborer(on: date) -> ColumnElement[bool]:
    return and_(HouseholdMember.able_to_work.is_(True), _working_age(on))


def _employed() -> ColumnElement[bool]:
    return Person.employment_status.in_(sorted(EMPLOYED_STATUSES))


def _status_query(on: date) -> Select[str, int, Any, Any]:
    """Per household: (household_id, members, laborers, employed laborers)."""
    laborer = _laborer(on)
    return (
        select(
            HouseholdMember.household_id.label("household_id"),
            func.count().label("members"),
            func.sum(case((laborer, 1), else_=0)).label("laborers"),
            func.sum(case((and_(laborer, _employed()), 1), else_=0)).label("employed"),
        )
        .join(Person, Person.id == HouseholdMember.person_id)
        .where(HouseholdMember.deleted.is_(False), Person.deleted.is_(False))
        .group_by(HouseholdMember.household_id)
    )


def household_statuses(
    session: Session, on: date, household_ids: Iterable[str] | None = None
) -> dict[str, HouseholdStatus]:
    query = _status_query(on)
    if household_ids is not None:
        ids = list(household_ids)
        result: dict[str, HouseholdStatus] = {}
        for start in range(0, len(ids), 500):
            chunk = query.where(HouseholdMember.household_id.in_(ids[start:start + 500]))
            result.update({row[0]: HouseholdStatus(row[1], row[2] or 0, row[3] or 0) for row in session.execute(chunk)})
        return result
    return {row[0]: HouseholdStatus(row[1], row[2] or 0, row[3] or 0) for row in session.execute(query)}


# ---------------------------------------------------------------------------------------------- settlements


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def create_settlement(session: Session, actor_id: str | None, data: SettlementInput) -> str:
    name = _clean(data.name)
    if not name:
        raise ValidationFailed({"name": ["请填写安置点名称。"]})
    if len(name) > 100:
        raise ValidationFailed({"name": ["安置点名称不能超过 100 个字。"]})
    clash = session.scalar(select(Settlement.id).where(Settlement.name == name, Settlement.deleted.is_(False)))
    if clash:
        raise ValidationFailed({"name": [f"已有名为“{name}”的安置点，请换一个名称或直接打开它。"]})
    division = _clean(data.division_code)
    if division and (not division.isdigit() or len(division) not in (6, 9, 12)):
        raise ValidationFailed({"division_code": ["行政区划代码应为 6、9 或 12 位数字。"]})
    settlement = Settlement(name=name, division_code=division, address=_clean(data.address), note=_clean(data.note))
    session.add(settlement)
    session.flush()
    audit.record(session, actor_id, "settlement.create", "settlement", settlement.id, {})
    return settlement.id


def _live_settlement(session: Session, settlement_id: str) -> Settlement:
    settlement = session.get(Settlement, settlement_id)
    if settlement is None or settlement.deleted:
        raise NotFound("找不到该安置点，可能已被删除。请刷新列表后重试。")
    return settlement


def _figures_query(on: date, settlement_id: str) -> Select[Any, Any, Any, Any, Any]:
    """One settlement's figures, driven from its households (settlement → members → persons by index)."""
    sub = (
        _status_query(on)
        .join(SettlementHousehold, SettlementHousehold.household_id == HouseholdMember.household_id)
        .where(SettlementHousehold.settlement_id == settlement_id, SettlementHousehold.deleted.is_(False))
        .subquery()
    )
    return select(
        func.sum(case((sub.c.laborers > 0, 1), else_=0)),
        func.sum(sub.c.laborers),
        func.sum(sub.c.employed),
        func.sum(case((sub.c.employed > 0, 1), else_=0)),
        func.sum(case((and_(sub.c.laborers > 0, sub.c.employed == 0), 1), else_=0)),
    )


def _household_counts(session: Session, settlement_id: str | None) -> dict[str, int]:
    query = (
        select(SettlementHousehold.settlement_id, func.count())
        .where(SettlementHousehold.deleted.is_(False))
        .group_by(SettlementHousehold.settlement_id)
    )
    if settlement_id is not None:
        query = query.where(SettlementHousehold.settlement_id == settlement_id)
    return {row[0]: row[1] for row in session.execute(query)}


def _listed_zero_counts(session: Session) -> dict[str, int]:
    query = (
        select(SettlementHousehold.settlement_id, func.count())
        .join(ZeroEmploymentEpisode, ZeroEmploymentEpisode.household_id == SettlementHousehold.household_id)
        .where(SettlementHousehold.deleted.is_(False), ZeroEmploymentEpisode.deleted.is_(False),
               ZeroEmploymentEpisode.cleared_on.is_(None))
        .group_by(SettlementHousehold.settlement_id)
    )
    return {row[0]: row[1] for row in session.execute(query)}


def _figures(session: Session, on: date, settlement_id: str | None) -> dict[str, SettlementFigures]:
    """Figures per settlement: one indexed query each (a query over all of them at once made SQLite scan
    every member and look each person up in random order: 8 s at 50,000 households)."""
    counts = _household_counts(session, settlement_id)
    found: dict[str, SettlementFigures] = {}
    for sid, total in counts.items():
        with_labor, laborers, employed, one, zero = session.execute(_figures_query(on, sid)).one()
        found[sid] = SettlementFigures(
            sid, total, int(with_labor or 0), int(laborers or 0), int(employed or 0), int(one or 0), int(zero or 0),
        )
    return found


def list_settlements(session: Session, on: date) -> list[SettlementRow]:
    with larger_page_cache(session):  # members' facts are looked up at random in the person index
        figures = _figures(session, on, None)
    listed = _listed_zero_counts(session)
    rows = []
    for s in session.scalars(select(Settlement).where(Settlement.deleted.is_(False)).order_by(Settlement.name)):
        rows.append(SettlementRow(
            s.id, s.name, s.division_code, s.address,
            figures.get(s.id) or SettlementFigures(s.id, 0, 0, 0, 0, 0, 0), listed.get(s.id, 0),
        ))
    return rows


def settlement_figures(session: Session, settlement_id: str, on: date) -> SettlementFigures:
    """The settlement's figures, with the census breakdown of its employed laborers."""
    _live_settlement(session, settlement_id)
    base = _figures(session, on, settlement_id).get(settlement_id) or SettlementFigures(settlement_id, 0, 0, 0, 0, 0, 0)
    laborer = _laborer(on)
    members = (
        select(HouseholdMember.person_id, _employed())
        .join(Person, Person.id == HouseholdMember.person_id)
        .join(SettlementHousehold, SettlementHousehold.household_id == HouseholdMember.household_id)
        .where(SettlementHousehold.settlement_id == settlement_id, SettlementHousehold.deleted.is_(False),
               HouseholdMember.deleted.is_(False), Person.deleted.is_(False), laborer)
    )
    employed_laborers: set[str] = set()
    laborers: set[str] = set()
    for person_id, employed in session.execute(members):
        laborers.add(person_id)
        if employed:
            employed_laborers.add(person_id)
    latest = _latest_census(session, settlement_id)
    counts = {"county": 0, "province": 0, "outside": 0, "aid_workshop": 0, "public_welfare_post": 0}
    censused = 0
    for person_id, (destination, workshop, welfare) in latest.items():
        if person_id in laborers:
            censused += 1
        if person_id not in employed_laborers:
            continue
        if destination in DESTINATIONS:
            counts[destination] += 1
        counts["aid_workshop"] += int(workshop)
        counts["public_welfare_post"] += int(welfare)
    return SettlementFigures(
        base.settlement_id, base.households, base.households_with_labor, base.laborers, base.employed,
        base.households_one_employed, base.zero_employment_households, counts["county"], counts["province"],
        counts["outside"], counts["aid_workshop"], counts["public_welfare_post"], censused,
    )


def _latest_census(session: Session, settlement_id: str) -> dict[str, tuple[str | None, bool, bool]]:
    rows = session.execute(
        select(LaborerCensus.person_id, LaborerCensus.destination, LaborerCensus.aid_workshop,
               LaborerCensus.public_welfare_post)
        .where(LaborerCensus.settlement_id == settlement_id, LaborerCensus.deleted.is_(False))
        .order_by(LaborerCensus.person_id, LaborerCensus.census_on, LaborerCensus.updated_at)
    )
    return {row[0]: (row[1], bool(row[2]), bool(row[3])) for row in rows}


def settlement_households(
    session: Session, settlement_id: str, on: date, *, actor_id: str | None = None
) -> list[HouseholdRow]:
    _live_settlement(session, settlement_id)
    links = session.execute(
        select(SettlementHousehold.household_id, SettlementHousehold.household_no, SettlementHousehold.origin_village,
               SettlementHousehold.poverty_kind, Person.name)
        .join(Household, Household.id == SettlementHousehold.household_id)
        .outerjoin(Person, Person.id == Household.head_person_id)
        .where(SettlementHousehold.settlement_id == settlement_id, SettlementHousehold.deleted.is_(False))
        .order_by(SettlementHousehold.household_no, SettlementHousehold.household_id)
    ).all()
    statuses = {
        row[0]: HouseholdStatus(row[1], row[2] or 0, row[3] or 0)
        for row in session.execute(
            _status_query(on)
            .join(SettlementHousehold, SettlementHousehold.household_id == HouseholdMember.household_id)
            .where(SettlementHousehold.settlement_id == settlement_id, SettlementHousehold.deleted.is_(False))
        )
    }
    open_since = _open_episodes(session, [row[0] for row in links])
    empty = HouseholdStatus(0, 0, 0)
    audit.record(session, actor_id, "settlement.view", "settlement", settlement_id, {"households": len(links)})
    return [
        HouseholdRow(hid, no, head, village, kind, st.members, st.laborers, st.employed, st.zero_employment,
                     open_since.get(hid))
        for hid, no, village, kind, head in links
        for st in (statuses.get(hid, empty),)
    ]


def _open_episodes(session: Session, household_ids: Sequence[str]) -> dict[str, date]:
    found: dict[str, date] = {}
    for start in range(0, len(household_ids), 500):
        found.update(dict(session.execute(
            select(ZeroEmploymentEpisode.household_id, ZeroEmploymentEpisode.since).where(
                ZeroEmploymentEpisode.household_id.in_(household_ids[start:start + 500]),
                ZeroEmploymentEpisode.cleared_on.is_(None), ZeroEmploymentEpisode.deleted.is_(False),
            )
        ).all()))
    return found


# ---------------------------------------------------------------------------------------------- households


def add_household(
    session: Session,
    actor_id: str | None,
    members: Sequence[MemberInput],
    *,
    head_person_id: str | None = None,
    settlement_id: str | None = None,
    household_no: str | None = None,
    origin_village: str | None = None,
    poverty_kind: str | None = None,
    moved_in_year: int | None = None,
    address: str | None = None,
    division_code: str | None = None,
    on: date | None = None,
) -> str:
    """A household with its members (and its settlement link); opens its zero-employment episode if due."""
    if not members:
        raise ValidationFailed({"members": ["家庭至少要有一名成员。"]})
    ids = [m.person_id for m in members]
    if len(set(ids)) != len(ids):
        raise ValidationFailed({"members": ["同一人不能在一户中出现两次。"]})
    taken = session.scalar(
        select(HouseholdMember.person_id).join(Household, Household.id == HouseholdMember.household_id)
        .where(HouseholdMember.person_id.in_(ids), HouseholdMember.deleted.is_(False), Household.deleted.is_(False))
        .limit(1)
    )
    if taken:
        raise ValidationFailed({"members": ["其中有成员已属于另一户家庭。请先在原家庭中移除该成员。"]})
    if poverty_kind is not None and poverty_kind not in POVERTY_KINDS:
        raise ValidationFailed({"poverty_kind": ["户类别只能是“脱贫户”或“监测户”，或不填。"]})
    settlement = _live_settlement(session, settlement_id) if settlement_id else None
    household = Household(
        head_person_id=head_person_id or ids[0], address=address, division_code=division_code,
        relocated=settlement is not None, settlement_name=settlement.name if settlement else None,
        origin_village=origin_village,
    )
    session.add(household)
    for m in members:
        household.members.append(HouseholdMember(person_id=m.person_id, relation=m.relation,
                                                 able_to_work=m.able_to_work))
    session.flush()
    if settlement is not None:
        session.add(SettlementHousehold(
            settlement_id=settlement.id, household_id=household.id, household_no=household_no,
            origin_village=origin_village, poverty_kind=poverty_kind, moved_in_year=moved_in_year,
        ))
    audit.record(session, actor_id, "household.create", "household", household.id, {"members": ids})
    if on is not None:
        refresh_household(session, household.id, on)
    return household.id


def _members(session: Session, household_id: str) -> list[tuple[HouseholdMember, Person]]:
    return list(session.execute(
        select(HouseholdMember, Person).join(Person, Person.id == HouseholdMember.person_id)
        .where(HouseholdMember.household_id == household_id, HouseholdMember.deleted.is_(False),
               Person.deleted.is_(False))
        .order_by(HouseholdMember.relation, Person.birth_date)
    ))


def _facts(member: HouseholdMember, person: Person) -> MemberFacts:
    return MemberFacts(person.id, person.birth_date, person.gender, member.able_to_work, member.working_age,
                       person.employment_status)


def _live_household(session: Session, household_id: str) -> Household:
    household = session.get(Household, household_id)
    if household is None or household.deleted:
        raise NotFound("找不到该家庭，可能已被删除。请刷新列表后重试。")
    return household


def _open_episode(session: Session, household_id: str) -> ZeroEmploymentEpisode | None:
    return session.scalar(
        select(ZeroEmploymentEpisode).where(
            ZeroEmploymentEpisode.household_id == household_id, ZeroEmploymentEpisode.cleared_on.is_(None),
            ZeroEmploymentEpisode.deleted.is_(False),
        ).order_by(ZeroEmploymentEpisode.since).limit(1)
    )


def refresh_household(session: Session, household_id: str, on: date) -> HouseholdStatus:
    """Recompute the status; a zero-employment household not yet listed goes on the list from ``on``.

    A listed household stays listed until it is cleared (:func:`clear_zero_employment`), even when a
    member has found work meanwhile: clearing records who and how.
    """
    household = _live_household(session, household_id)
    members = _members(session, household_id)
    for member, person in members:
        working_age = _facts(member, person).working_age(on)
        if person.birth_date is not None and member.working_age != working_age:
            member.working_age = working_age
    status = household_status((_facts(m, p) for m, p in members), on)
    if status.zero_employment and _open_episode(session, household_id) is None:
        session.add(ZeroEmploymentEpisode(household_id=household_id, since=on))
        household.zero_employment_since = on
        household.zero_employment_cleared_on = None
        audit.record(session, None, "household.zero_listed", "household", household_id, {"since": on.isoformat()})
    session.flush()
    return status


def refresh_all(session: Session, on: date) -> int:
    """Put every zero-employment household not yet listed on the list; returns how many were added."""
    statuses = household_statuses(session, on)
    listed = set(session.scalars(
        select(ZeroEmploymentEpisode.household_id).where(
            ZeroEmploymentEpisode.cleared_on.is_(None), ZeroEmploymentEpisode.deleted.is_(False))
    ))
    live = set(session.scalars(select(Household.id).where(Household.deleted.is_(False))))
    added = 0
    for household_id, status in statuses.items():
        if status.zero_employment and household_id not in listed and household_id in live:
            session.add(ZeroEmploymentEpisode(household_id=household_id, since=on))
            household = session.get(Household, household_id)
            assert household is not None
            household.zero_employment_since = on
            household.zero_employment_cleared_on = None
            added += 1
    session.flush()
    if added:
        audit.record(session, None, "household.zero_refresh", "household", None, {"listed": added})
    return added


def _census_info(row: LaborerCensus) -> CensusInfo:
    return CensusInfo(
        row.id, row.census_on, row.employed, row.destination, row.destination_division, row.work_form,
        row.employer_name, row.post, row.aid_workshop, row.public_welfare_post, row.monthly_income,
        row.not_employed_reason, row.verifier_name, row.verified_by, row.server_version == row.version,
    )


def latest_census(session: Session, person_id: str) -> CensusInfo | None:
    row = session.scalar(
        select(LaborerCensus).where(LaborerCensus.person_id == person_id, LaborerCensus.deleted.is_(False))
        .order_by(LaborerCensus.census_on.desc(), LaborerCensus.updated_at.desc()).limit(1)
    )
    return _census_info(row) if row is not None else None


def household_detail(session: Session, actor_id: str | None, household_id: str, on: date) -> HouseholdDetail:
    household = _live_household(session, household_id)
    link = session.scalar(select(SettlementHousehold).where(
        SettlementHousehold.household_id == household_id, SettlementHousehold.deleted.is_(False)))
    settlement = session.get(Settlement, link.settlement_id) if link is not None else None
    members = _members(session, household_id)
    infos: list[MemberInfo] = []
    for member, person in members:
        facts = _facts(member, person)
        working_age = facts.working_age(on)
        infos.append(MemberInfo(
            member.id, person.id, person.name, member.relation, person.gender,
            age_on(person.birth_date, on) if person.birth_date else None, working_age, member.able_to_work,
            facts.laborer(on), facts.employed(), person.employment_status, latest_census(session, person.id),
        ))
    infos.sort(key=lambda m: (m.relation or "99", -(m.age or 0)))
    status = household_status((_facts(m, p) for m, p in members), on)
    head = session.get(Person, household.head_person_id) if household.head_person_id else None
    names = dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(
        [e.cleared_person_id for e in _episodes(session, household_id) if e.cleared_person_id]))).all())
    episodes = tuple(
        EpisodeInfo(e.id, e.since, e.cleared_on, e.cleared_person_id, names.get(e.cleared_person_id or ""),
                    e.cleared_via, e.note)
        for e in _episodes(session, household_id)
    )
    audit.record(session, actor_id, "household.view", "household", household_id,
                 {"members": [m.person_id for m in infos]})
    return HouseholdDetail(
        household.id, head.name if head else None, household.address, settlement.id if settlement else None,
        settlement.name if settlement else household.settlement_name, link.household_no if link else None,
        (link.origin_village if link else None) or household.origin_village, link.poverty_kind if link else None,
        tuple(infos), status.laborers, status.employed, status.zero_employment, episodes,
        _former(session, household_id),
    )


def _former(session: Session, household_id: str) -> tuple[FormerMemberInfo, ...]:
    from app.households.members import former_members  # members builds on this module

    return former_members(session, household_id)


def _episodes(session: Session, household_id: str) -> list[ZeroEmploymentEpisode]:
    return list(session.scalars(
        select(ZeroEmploymentEpisode).where(ZeroEmploymentEpisode.household_id == household_id,
                                            ZeroEmploymentEpisode.deleted.is_(False))
        .order_by(ZeroEmploymentEpisode.since.desc())
    ))


def person_household_id(session: Session, person_id: str) -> str | None:
    return session.scalar(
        select(HouseholdMember.household_id).join(Household, Household.id == HouseholdMember.household_id)
        .where(HouseholdMember.person_id == person_id, HouseholdMember.deleted.is_(False),
               Household.deleted.is_(False)).limit(1)
    )


def set_able_to_work(session: Session, actor_id: str | None, member_id: str, able: bool, on: date) -> None:
    member = session.get(HouseholdMember, member_id)
    if member is None or member.deleted:
        raise NotFound("找不到该家庭成员，请刷新后重试。")
    if member.able_to_work != able:
        member.able_to_work = able
        audit.record(session, actor_id, "household.update", "household", member.household_id,
                     {"member": member.person_id, "fields": ["able_to_work"]})
    refresh_household(session, member.household_id, on)


# ---------------------------------------------------------------------------------------------- census


def _check_census(session: Session, data: CensusInput, on: date) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}

    def bad(key: str, message: str) -> None:
        errors.setdefault(key, []).append(message)

    if data.census_on > on:
        bad("census_on", "核实日期不能晚于今天。")
    if data.employed:
        if data.destination not in DESTINATIONS:
            bad("destination", "已就业的劳动力请选择就业去向（县内、省内县外或省外）。")
        forms = effective_code_tables(session).get("employment_form")
        if not data.work_form:
            bad("work_form", "请选择就业形式。")
        elif forms is not None and not forms.contains(data.work_form):
            bad("work_form", "就业形式不在代码表中，请从列表中选择。")
        if data.destination_division and (not data.destination_division.isdigit()
                                          or len(data.destination_division) not in (6, 9, 12)):
            bad("destination_division", "就业地区划代码应为 6、9 或 12 位数字，不清楚可不填。")
        if data.aid_workshop and data.public_welfare_post:
            bad("aid_workshop", "同一份工作不能既是帮扶车间又是公益性岗位，请只勾选一项。")
    elif data.aid_workshop or data.public_welfare_post or data.destination:
        bad("employed", "未就业的劳动力不填就业去向、帮扶车间或公益性岗位。请先勾选“已就业”。")
    if data.monthly_income is not None and not 0 <= data.monthly_income <= MAX_INCOME:
        bad("monthly_income", f"月收入应在 0 到 {MAX_INCOME} 元之间（按元填写整数）。")
    for key, limit in (("employer_name", 200), ("post", 100), ("not_employed_reason", 100), ("verifier_name", 50)):
        value = getattr(data, key)
        if value and len(value) > limit:
            bad(key, f"不能超过 {limit} 个字。")
    return errors


def record_census(session: Session, actor_id: str | None, data: CensusInput, on: date) -> str:
    """Record one census of a laborer; the person's employment status follows it. Returns the census id."""
    person = session.get(Person, data.person_id)
    if person is None or person.deleted:
        raise NotFound("找不到该人员，可能已被删除。请刷新后重试。")
    errors = _check_census(session, data, on)
    if errors:
        raise ValidationFailed(errors)
    household_id = person_household_id(session, person.id)
    settlement_id = None
    if household_id is not None:
        settlement_id = session.scalar(select(SettlementHousehold.settlement_id).where(
            SettlementHousehold.household_id == household_id, SettlementHousehold.deleted.is_(False)))
    verifier = _clean(data.verifier_name)
    if verifier is None and actor_id is not None:
        staff = session.get(Staff, actor_id)
        verifier = staff.display_name if staff else None
    employed = data.employed
    row = LaborerCensus(
        person_id=person.id, household_id=household_id, settlement_id=settlement_id, census_on=data.census_on,
        verified_by=actor_id, verifier_name=verifier, employed=employed,
        destination=data.destination if employed else None,
        destination_division=_clean(data.destination_division) if employed else None,
        work_form=data.work_form if employed else None,
        employer_name=_clean(data.employer_name) if employed else None,
        post=_clean(data.post) if employed else None,
        aid_workshop=data.aid_workshop, public_welfare_post=data.public_welfare_post,
        monthly_income=data.monthly_income, not_employed_reason=None if employed else _clean(data.not_employed_reason),
        note=_clean(data.note),
    )
    session.add(row)
    newest = latest_census(session, person.id)
    session.flush()
    if newest is None or newest.census_on <= data.census_on:
        status = EMPLOYED if employed else UNEMPLOYED
        if person.employment_status != status and not (employed and person.employment_status in EMPLOYED_STATUSES):
            person.employment_status = status
            audit.record(session, actor_id, "person.update", "person", person.id, {"fields": ["employment_status"]})
    audit.record(session, actor_id, "household.census", "person", person.id, {"census": row.id})
    if household_id is not None:
        refresh_household(session, household_id, on)
    return row.id
