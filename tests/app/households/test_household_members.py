"""Changing a household's members: add, remove (tombstoned with reason), relation; status and episodes follow."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import select

from app.auth import StaffInfo
from app.errors import NotFound, ValidationFailed
from app.households import (
    CLEARED_BY_MEMBER_CHANGE,
    HouseholdError,
    MemberInput,
    add_household,
    add_member,
    change_relation,
    clear_zero_employment,
    household_detail,
    person_household_id,
    remove_member,
    zero_employment_list,
)
from app.persons import create_person
from app.persons.model import PersonInput
from app.store import Store
from app.store.models import AuditEntry, Household, HouseholdMember, OutboxEntry, Person
from app.store.models_households import ZeroEmploymentEpisode
from app.validation import synthetic_resident_id

ON = date(2026, 11, 25)
LATER = date(2026, 12, 10)


def _person(session, rng: random.Random, birth: date, gender: str = "1", status: str | None = None) -> str:  # type: ignore[no-untyped-def]
    doc = synthetic_resident_id(rng, region="522701", birth=birth, gender=gender)
    person_id, _ = create_person(session, None, PersonInput(name="成员测试", doc_type="resident_id", doc_number=doc,
                                                            gender=gender, birth_date=birth))
    if status:
        session.get(Person, person_id).employment_status = status
    return person_id


@pytest.fixture
def homes(store: Store) -> dict[str, str]:
    """Two households and two persons without one:

    Z: father 46 unemployed (户主), mother 43 unemployed, child 10    → zero-employment, listed on ON
    E: grandfather 50 unemployed (户主), grandson 25 employed         → 一户一人以上就业, not listed
    worker: 30, employed, no household; newborn: born 2026-10-01, no household
    """
    rng = random.Random(11)
    ids: dict[str, str] = {}
    with store.session() as session:
        ids["father"] = _person(session, rng, date(1980, 3, 1), "1", "unemployed")
        ids["mother"] = _person(session, rng, date(1983, 7, 1), "2")
        ids["child"] = _person(session, rng, date(2016, 5, 1), "1")
        ids["Z"] = add_household(session, None, [MemberInput(ids["father"], "01"), MemberInput(ids["mother"], "02"),
                                                 MemberInput(ids["child"], "03")], on=ON)
        ids["grandfather"] = _person(session, rng, date(1976, 4, 1), "1", "unemployed")
        ids["grandson"] = _person(session, rng, date(2001, 6, 1), "1", "employed")
        ids["E"] = add_household(session, None, [MemberInput(ids["grandfather"], "01"),
                                                 MemberInput(ids["grandson"], "06")], on=ON)
        ids["worker"] = _person(session, rng, date(1996, 1, 1), "2", "employed")
        ids["newborn"] = _person(session, rng, date(2026, 10, 1), "2")
    return ids


def _member_id(session, household_id: str, person_id: str) -> str:  # type: ignore[no-untyped-def]
    return session.scalar(select(HouseholdMember.id).where(HouseholdMember.household_id == household_id,
                                                           HouseholdMember.person_id == person_id))


def _episodes(session, household_id: str) -> list[tuple[date, date | None, str | None, str | None]]:  # type: ignore[no-untyped-def]
    rows = session.scalars(select(ZeroEmploymentEpisode).where(ZeroEmploymentEpisode.household_id == household_id)
                           .order_by(ZeroEmploymentEpisode.since, ZeroEmploymentEpisode.cleared_on))
    return [(e.since, e.cleared_on, e.cleared_via, e.cleared_person_id) for e in rows]


def _audit(session, action: str) -> list[AuditEntry]:  # type: ignore[no-untyped-def]
    return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)))


def test_employed_member_joining_clears_the_listed_household(
    store: Store, homes: dict[str, str], staff: dict[str, StaffInfo]
) -> None:
    clerk = staff["clerk"].id
    with store.session() as session:
        assert _episodes(session, homes["Z"]) == [(ON, None, None, None)]
        member_id = add_member(session, clerk, homes["Z"], homes["worker"], "02", LATER)
    with store.session() as session:
        # hand-checked: the worker (30, employed) is the household's first employed laborer → cleared on LATER
        assert _episodes(session, homes["Z"]) == [(ON, LATER, CLEARED_BY_MEMBER_CHANGE, homes["worker"])]
        household = session.get(Household, homes["Z"])
        assert household.zero_employment_cleared_on == LATER
        detail = household_detail(session, clerk, homes["Z"], LATER)
        assert (detail.laborers, detail.employed, detail.zero_employment) == (3, 1, False)
        assert detail.open_episode is None
        assert detail.episodes[0].cleared_via == "member_change"
        assert detail.episodes[0].note == "新加入的成员已就业"
        assert homes["worker"] in {m.person_id for m in detail.members}
        assert zero_employment_list(session, LATER) == []
        cleared = zero_employment_list(session, LATER, include_cleared=True)
        assert [(r.household_id, r.cleared_via) for r in cleared] == [(homes["Z"], "member_change")]
        assert person_household_id(session, homes["worker"]) == homes["Z"]
        member = session.get(HouseholdMember, member_id)
        assert (member.relation, member.joined_on, member.able_to_work) == ("02", LATER, True)
        added = _audit(session, "household.member_add")
        assert [(a.actor_id, a.entity_id, a.detail) for a in added] == [
            (clerk, homes["Z"], {"member": homes["worker"], "relation": "02"})]
        [cleared_entry] = _audit(session, "household.zero_cleared")
        assert cleared_entry.detail["via"] == "member_change"
        assert cleared_entry.detail["person"] == homes["worker"]
        outbox = session.scalars(select(OutboxEntry).where(OutboxEntry.entity_id == member_id)).all()
        assert [(o.entity, o.op) for o in outbox] == [("household_member", "upsert")]
        assert outbox[0].payload["joined_on"] == LATER.isoformat()
        assert session.scalar(select(OutboxEntry.op).where(OutboxEntry.entity == "zero_employment_episode")
                              .order_by(OutboxEntry.seq.desc()).limit(1)) == "upsert"


def test_removing_the_only_employed_member_lists_the_household(
    store: Store, homes: dict[str, str], staff: dict[str, StaffInfo]
) -> None:
    clerk = staff["clerk"].id
    with store.session() as session:
        assert _episodes(session, homes["E"]) == []
        member_id = _member_id(session, homes["E"], homes["grandson"])
        remove_member(session, clerk, member_id, "moved_out", LATER, note="去广东务工落户", left_on=date(2026, 12, 1))
    with store.session() as session:
        # grandfather 50, unemployed, is now the only laborer: zero-employment from LATER
        assert _episodes(session, homes["E"]) == [(LATER, None, None, None)]
        assert session.get(Household, homes["E"]).zero_employment_since == LATER
        detail = household_detail(session, clerk, homes["E"], LATER)
        assert [m.person_id for m in detail.members] == [homes["grandfather"]]
        assert (detail.laborers, detail.employed, detail.zero_employment) == (1, 0, True)
        assert detail.open_episode is not None and detail.open_episode.since == LATER
        [former] = detail.former
        assert (former.person_id, former.relation, former.left_on, former.reason, former.reason_label, former.note) == (
            homes["grandson"], "06", date(2026, 12, 1), "moved_out", "迁出", "去广东务工落户")
        assert person_household_id(session, homes["grandson"]) is None
        member = session.get(HouseholdMember, member_id)
        assert member is not None and member.deleted  # tombstoned, never deleted
        [entry] = _audit(session, "household.member_remove")
        assert entry.detail == {"member": homes["grandson"], "reason": "moved_out", "left_on": "2026-12-01"}
        assert "去广东" not in str(entry.detail)
        listed = _audit(session, "household.zero_listed")
        assert [a.entity_id for a in listed][-1] == homes["E"]
        last = session.scalars(select(OutboxEntry).where(OutboxEntry.entity_id == member_id)
                               .order_by(OutboxEntry.seq.desc())).first()
        assert last is not None and last.op == "delete"
        assert (last.payload["left_reason"], last.payload["left_on"], last.payload["deleted"]) == (
            "moved_out", "2026-12-01", True)


def test_last_laborer_leaving_takes_the_household_off_the_list(
    store: Store, homes: dict[str, str], staff: dict[str, StaffInfo]
) -> None:
    clerk = staff["clerk"].id
    with store.session() as session:
        remove_member(session, clerk, _member_id(session, homes["Z"], homes["mother"]), "married_out", LATER)
        assert _episodes(session, homes["Z"]) == [(ON, None, None, None)]  # the father is still a laborer
        remove_member(session, clerk, _member_id(session, homes["Z"], homes["child"]), "other", LATER,
                      note="随母亲迁走")
        # the father (户主) is the last member: he may leave, the household has no laborer any more
        remove_member(session, clerk, _member_id(session, homes["Z"], homes["father"]), "died", LATER)
    with store.session() as session:
        assert _episodes(session, homes["Z"]) == [(ON, LATER, "member_change", None)]
        detail = household_detail(session, clerk, homes["Z"], LATER)
        assert detail.members == () and not detail.zero_employment
        assert detail.episodes[0].note == "成员变动后家庭已无劳动力"
        assert sorted((f.reason, f.note or "") for f in detail.former) == [
            ("died", ""), ("married_out", ""), ("other", "随母亲迁走")]
        assert zero_employment_list(session, LATER) == []


def test_a_listed_household_whose_member_found_work_earlier_stays_listed(
    store: Store, homes: dict[str, str], staff: dict[str, StaffInfo]
) -> None:
    """The change did not end the zero employment (a member's work did, not yet cleared): the clerk clears it."""
    clerk = staff["clerk"].id
    with store.session() as session:
        session.get(Person, homes["mother"]).employment_status = "employed"
        add_member(session, clerk, homes["Z"], homes["newborn"], "03", LATER)
        assert _episodes(session, homes["Z"]) == [(ON, None, None, None)]
        clear_zero_employment(session, clerk, homes["Z"], person_id=homes["mother"], via="public_welfare",
                              cleared_on=LATER, on=LATER)
        assert _episodes(session, homes["Z"]) == [(ON, LATER, "public_welfare", homes["mother"])]
        # the employed mother marries out: zero-employment again, a new episode opens
        remove_member(session, clerk, _member_id(session, homes["Z"], homes["mother"]), "married_out", LATER)
        assert _episodes(session, homes["Z"]) == [(ON, LATER, "public_welfare", homes["mother"]),
                                                  (LATER, None, None, None)]


def test_one_household_per_person(store: Store, homes: dict[str, str], staff: dict[str, StaffInfo]) -> None:
    clerk = staff["clerk"].id
    with store.session() as session:
        with pytest.raises(HouseholdError, match=r"另一户家庭的成员.*移出成员"):
            add_member(session, clerk, homes["Z"], homes["grandson"], "05", LATER)
        with pytest.raises(HouseholdError, match="已是本户成员"):
            add_member(session, clerk, homes["Z"], homes["child"], "03", LATER)
        with pytest.raises(NotFound, match=r"人员.*新建"):
            add_member(session, clerk, homes["Z"], "no-such-person", "03", LATER)
        with pytest.raises(ValidationFailed, match="请选择与户主关系"):
            add_member(session, clerk, homes["Z"], homes["worker"], "", LATER)
        with pytest.raises(ValidationFailed, match="代码表"):
            add_member(session, clerk, homes["Z"], homes["worker"], "42", LATER)
        with pytest.raises(ValidationFailed, match="已有户主"):
            add_member(session, clerk, homes["Z"], homes["worker"], "01", LATER)
        assert _audit(session, "household.member_add") == []
        # moved out of E, the grandson may join Z
        remove_member(session, clerk, _member_id(session, homes["E"], homes["grandson"]), "moved_out", LATER)
        add_member(session, clerk, homes["Z"], homes["grandson"], "05", LATER)
        assert person_household_id(session, homes["grandson"]) == homes["Z"]


def test_a_former_member_comes_back(store: Store, homes: dict[str, str], staff: dict[str, StaffInfo]) -> None:
    clerk = staff["clerk"].id
    with store.session() as session:
        member_id = _member_id(session, homes["E"], homes["grandson"])
        remove_member(session, clerk, member_id, "moved_out", LATER)
        again = add_member(session, clerk, homes["E"], homes["grandson"], "06", LATER)
        assert again == member_id
        member = session.get(HouseholdMember, member_id)
        assert (member.deleted, member.left_on, member.left_reason) == (False, None, None)
        detail = household_detail(session, clerk, homes["E"], LATER)
        assert detail.former == ()
        # the return ends the zero employment the departure caused
        assert _episodes(session, homes["E"]) == [(LATER, LATER, "member_change", homes["grandson"])]


def test_the_head_rule(store: Store, homes: dict[str, str], staff: dict[str, StaffInfo]) -> None:
    clerk = staff["clerk"].id
    with store.session() as session:
        father = _member_id(session, homes["Z"], homes["father"])
        mother = _member_id(session, homes["Z"], homes["mother"])
        with pytest.raises(HouseholdError, match=r"户主不能直接移出.*修改关系"):
            remove_member(session, clerk, father, "died", LATER)
        with pytest.raises(HouseholdError, match="户主的关系不能直接修改"):
            change_relation(session, clerk, father, "02", LATER)
        with pytest.raises(ValidationFailed, match="为原户主选择"):
            change_relation(session, clerk, mother, "01", LATER)
        with pytest.raises(ValidationFailed, match="只能有一名户主"):
            change_relation(session, clerk, mother, "01", LATER, former_head_relation="01")
        assert _audit(session, "household.member_relation") == []
        change_relation(session, clerk, mother, "01", LATER, former_head_relation="02")
        household = session.get(Household, homes["Z"])
        assert household.head_person_id == homes["mother"]
        assert session.get(HouseholdMember, father).relation == "02"
        entries = _audit(session, "household.member_relation")
        assert sorted(str(e.detail) for e in entries) == sorted(
            [str({"member": homes["father"], "relation": "02"}), str({"member": homes["mother"], "relation": "01"})])
        remove_member(session, clerk, father, "died", LATER)
        detail = household_detail(session, clerk, homes["Z"], LATER)
        assert detail.head_name == "成员测试"
        assert {m.person_id: m.relation for m in detail.members} == {homes["mother"]: "01", homes["child"]: "03"}
        # a plain correction
        change_relation(session, clerk, _member_id(session, homes["Z"], homes["child"]), "06", LATER)
        assert session.get(HouseholdMember, _member_id(session, homes["Z"], homes["child"])).relation == "06"
        outbox = session.scalars(select(OutboxEntry.entity).where(OutboxEntry.entity_id == mother)).all()
        assert outbox.count("household_member") >= 2


def test_removal_needs_a_reason(store: Store, homes: dict[str, str], staff: dict[str, StaffInfo]) -> None:
    clerk = staff["clerk"].id
    with store.session() as session:
        child = _member_id(session, homes["Z"], homes["child"])
        with pytest.raises(ValidationFailed, match="移出原因"):
            remove_member(session, clerk, child, "", LATER)
        with pytest.raises(ValidationFailed, match="写明原因"):
            remove_member(session, clerk, child, "other", LATER, note="  ")
        with pytest.raises(ValidationFailed, match="不能晚于今天"):
            remove_member(session, clerk, child, "moved_out", LATER, left_on=date(2026, 12, 11))
        with pytest.raises(ValidationFailed, match="200"):
            remove_member(session, clerk, child, "other", LATER, note="长" * 201)
        assert not session.get(HouseholdMember, child).deleted
        worker = add_member(session, clerk, homes["Z"], homes["worker"], "99", LATER)
        with pytest.raises(ValidationFailed, match="不能早于此人加入本户的日期（2026-12-10）"):
            remove_member(session, clerk, worker, "moved_out", LATER, left_on=ON)
        remove_member(session, clerk, child, "moved_out", LATER)
        with pytest.raises(NotFound, match="已被移出"):
            remove_member(session, clerk, child, "moved_out", LATER)
