"""Member changes made offline (added, moved out with a reason, relation corrected) reach a second workstation."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select

from app.households import (
    MemberInput,
    add_household,
    add_member,
    change_relation,
    household_detail,
    remove_member,
)
from app.persons import create_person
from app.persons.model import PersonInput
from app.store import Store
from app.store.models import HouseholdMember, Person
from app.validation import synthetic_resident_id
from sync.server.harness import PlatformHarness
from tests.sync.client.conftest import local_records, platform_records

ON = date(2026, 11, 25)


def test_sync_client_member_changes_round_trip(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    one, two = enrolled("pc1"), enrolled("pc2")
    rng = random.Random(8)
    with one.session() as session:
        people = [create_person(session, None, PersonInput("同步成员", "resident_id", synthetic_resident_id(
            rng, birth=date(1985 + i, 1, 1), gender="1")))[0] for i in range(3)]
        session.get(Person, people[2]).employment_status = "employed"
        household_id = add_household(session, None, [MemberInput(people[0], "01"), MemberInput(people[1], "03")],
                                     on=ON)
    assert sync_round(one).ok
    assert sync_round(two).ok
    with one.session() as session:
        add_member(session, None, household_id, people[2], "02", ON)  # clears the episode (成员变动)
        child = session.scalar(select(HouseholdMember.id).where(HouseholdMember.person_id == people[1]))
        remove_member(session, None, child, "married_out", ON, note="嫁到外县")
        spouse = session.scalar(select(HouseholdMember.id).where(HouseholdMember.person_id == people[2]))
        change_relation(session, None, spouse, "99", ON)
    report = sync_round(one)
    assert report.ok, report.error
    assert (report.pending, report.quarantined) == (0, 0)
    assert sync_round(two).ok
    with two.session() as session:
        detail = household_detail(session, None, household_id, ON)
        assert {m.person_id: m.relation for m in detail.members} == {people[0]: "01", people[2]: "99"}
        assert [(f.person_id, f.reason, f.note) for f in detail.former] == [(people[1], "married_out", "嫁到外县")]
        assert [(e.cleared_on, e.cleared_via) for e in detail.episodes] == [(ON, "member_change")]
    assert local_records(one) == local_records(two) == platform_records(platform)
