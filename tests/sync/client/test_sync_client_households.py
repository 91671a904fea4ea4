"""Settlements, households, census and zero-employment episodes made offline reach a second workstation."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import func, select

from app.households import (
    CensusInput,
    MemberInput,
    SettlementInput,
    add_household,
    create_settlement,
    record_census,
    zero_employment_list,
)
from app.persons import create_person
from app.persons.model import PersonInput
from app.store import Store
from app.store.models import OutboxEntry
from app.store.models_households import LaborerCensus, Settlement, SettlementHousehold, ZeroEmploymentEpisode
from app.validation import synthetic_resident_id
from sync.server.harness import PlatformHarness
from tests.sync.client.conftest import local_records, platform_records

ON = date(2026, 11, 25)


def test_sync_client_household_records_round_trip(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    one, two = enrolled("pc1"), enrolled("pc2")
    rng = random.Random(5)
    with one.session() as session:
        settlement_id = create_settlement(session, None, SettlementInput("同步测试安置点", "520603"))
        people = [create_person(session, None, PersonInput("同步甲", "resident_id", synthetic_resident_id(
            rng, birth=date(1985, 1, 1), gender="1")))[0] for _ in range(2)]
        household_id = add_household(session, None, [MemberInput(people[0], "01"), MemberInput(people[1], "02")],
                                     settlement_id=settlement_id, household_no="001", on=ON)
        record_census(session, None, CensusInput(people[1], ON, False, not_employed_reason="照顾家庭"), ON)
        pending = set(session.scalars(select(OutboxEntry.entity).where(OutboxEntry.state == "pending")))
    assert {"settlement", "settlement_household", "laborer_census", "zero_employment_episode"} <= pending
    report = sync_round(one)
    assert report.ok, report.error
    assert (report.pending, report.quarantined) == (0, 0)
    report = sync_round(two)
    assert report.ok, report.error
    with two.session() as session:
        for model in (Settlement, SettlementHousehold, LaborerCensus, ZeroEmploymentEpisode):
            assert session.scalar(select(func.count()).select_from(model)) == 1, model
        assert [r.household_id for r in zero_employment_list(session, ON)] == [household_id]
    assert local_records(one) == local_records(two) == platform_records(platform)
