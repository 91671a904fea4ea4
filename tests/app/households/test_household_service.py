"""Households, census, settlement figures and the 零就业家庭 list in a real store, against hand-computed cases."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import func, select

from app.auth import StaffInfo
from app.errors import ValidationFailed
from app.households import (
    CensusInput,
    HouseholdError,
    MemberInput,
    SettlementInput,
    add_household,
    clear_zero_employment,
    create_settlement,
    household_detail,
    list_settlements,
    record_census,
    refresh_all,
    settlement_figures,
    settlement_households,
    zero_employment_list,
)
from app.households.rules import MemberFacts, household_status
from app.households.service import household_statuses
from app.persons import create_person
from app.persons.model import PersonInput
from app.store import Store
from app.store.models import HouseholdMember, OutboxEntry, Person
from app.validation import synthetic_resident_id

ON = date(2026, 11, 25)


def _person(session, rng: random.Random, birth: date, gender: str = "1", status: str | None = None) -> str:  # type: ignore[no-untyped-def]
    doc = synthetic_resident_id(rng, region="522701", birth=birth, gender=gender)
    person_id, _ = create_person(session, None, PersonInput(name="测试人员", doc_type="resident_id", doc_number=doc,
                                                            gender=gender, birth_date=birth))
    if status:
        session.get(Person, person_id).employment_status = status
    return person_id


@pytest.fixture
def settlement(store: Store, staff: dict[str, StaffInfo]) -> dict[str, str]:
    """Three households in one settlement plus one outside:

    A: father 46 unemployed, mother 43 unemployed, child 10        → 2 laborers, 0 employed: zero-employment
    B: husband 36 employed, wife 31 unable to work                 → 1 laborer, 1 employed: 一户一人以上
    C: a widow of 70                                               → no laborer
    D (not relocated): son 30 unemployed                           → zero-employment, not in the settlement
    """
    rng = random.Random(6)
    ids: dict[str, str] = {}
    with store.session() as session:
        sid = create_settlement(session, staff["clerk"].id, SettlementInput("幸福社区安置点", "522701"))
        ids["settlement"] = sid
        ids["father"] = _person(session, rng, date(1980, 3, 1), "1", "unemployed")
        ids["mother"] = _person(session, rng, date(1983, 7, 1), "2")
        ids["child"] = _person(session, rng, date(2016, 5, 1), "1")
        ids["A"] = add_household(session, None, [MemberInput(ids["father"], "01"), MemberInput(ids["mother"], "02"),
                                                 MemberInput(ids["child"], "03")],
                                 settlement_id=sid, household_no="001", origin_village="甲村", on=ON)
        ids["husband"] = _person(session, rng, date(1990, 1, 1), "1", "employed")
        ids["wife"] = _person(session, rng, date(1995, 1, 1), "2")
        ids["B"] = add_household(session, None, [MemberInput(ids["husband"], "01"),
                                                 MemberInput(ids["wife"], "02", able_to_work=False)],
                                 settlement_id=sid, household_no="002", on=ON)
        ids["widow"] = _person(session, rng, date(1956, 2, 1), "2")
        ids["C"] = add_household(session, None, [MemberInput(ids["widow"], "01")], settlement_id=sid,
                                 household_no="003", on=ON)
        ids["son"] = _person(session, rng, date(1996, 8, 1), "1")
        ids["D"] = add_household(session, None, [MemberInput(ids["son"], "01")], on=ON)
    return ids


def test_figures_by_hand(store: Store, settlement: dict[str, str]) -> None:
    with store.session() as session:
        figures = settlement_figures(session, settlement["settlement"], ON)
        assert (figures.households, figures.households_with_labor, figures.laborers, figures.employed) == (3, 2, 3, 1)
        assert (figures.households_one_employed, figures.zero_employment_households) == (1, 1)
        assert figures.employment_rate == pytest.approx(1 / 3)
        [row] = list_settlements(session, ON)
        assert row.figures.laborers == 3 and row.listed_zero == 1
        rows = {r.household_no: r for r in settlement_households(session, settlement["settlement"], ON)}
        assert (rows["001"].laborers, rows["001"].employed, rows["001"].zero_employment) == (2, 0, True)
        assert rows["001"].listed_since == ON and rows["002"].listed_since is None
        assert (rows["003"].members, rows["003"].laborers) == (1, 0)


def test_sql_statuses_match_the_rule(store: Store, settlement: dict[str, str]) -> None:
    with store.session() as session:
        sql = household_statuses(session, ON)
        for household_id, status in sql.items():
            facts = [
                MemberFacts(p.id, p.birth_date, p.gender, m.able_to_work, m.working_age, p.employment_status)
                for m, p in session.execute(
                    select(HouseholdMember, Person).join(Person, Person.id == HouseholdMember.person_id)
                    .where(HouseholdMember.household_id == household_id))
            ]
            assert household_status(facts, ON) == status


def test_zero_list_and_census_and_clearing(store: Store, settlement: dict[str, str],
                                           staff: dict[str, StaffInfo]) -> None:
    clerk = staff["clerk"].id
    with store.session() as session:
        listed = zero_employment_list(session, ON)
        assert {r.household_id for r in listed} == {settlement["A"], settlement["D"]}
        row_a = next(r for r in listed if r.household_id == settlement["A"])
        assert (row_a.laborers, row_a.employed, row_a.since) == (2, 0, ON)
        # The mother is censused as employed in a 帮扶车间 in the county.
        record_census(session, clerk, CensusInput(settlement["mother"], ON, True, destination="county",
                                                  work_form="01", employer_name="扶贫车间", aid_workshop=True,
                                                  monthly_income=2600), ON)
        assert session.get(Person, settlement["mother"]).employment_status == "employed"
        figures = settlement_figures(session, settlement["settlement"], ON)
        assert (figures.employed, figures.zero_employment_households, figures.households_one_employed) == (2, 0, 2)
        assert (figures.county, figures.aid_workshop, figures.censused) == (1, 1, 1)
        # Still listed until cleared, now shown as clearable.
        row_a = next(r for r in zero_employment_list(session, ON) if r.household_id == settlement["A"])
        assert row_a.employed == 1 and row_a.cleared_on is None
        clear_zero_employment(session, clerk, settlement["A"], person_id=settlement["mother"], via="aid_workshop",
                              cleared_on=ON, on=ON)
        assert {r.household_id for r in zero_employment_list(session, ON)} == {settlement["D"]}
        everything = zero_employment_list(session, ON, include_cleared=True)
        cleared = next(r for r in everything if r.household_id == settlement["A"])
        assert (cleared.cleared_on, cleared.cleared_via) == (ON, "aid_workshop")
        assert cleared.cleared_person_name == "测试人员"
        detail = household_detail(session, clerk, settlement["A"], ON)
        assert detail.open_episode is None and detail.episodes[0].cleared_via == "aid_workshop"
        mother = next(m for m in detail.members if m.person_id == settlement["mother"])
        assert mother.census is not None and mother.census.aid_workshop and mother.census.verifier_name == "测试clerk"
        # Mother loses her job: census says unemployed → household listed again (a new episode).
        record_census(session, clerk, CensusInput(settlement["mother"], ON, False, not_employed_reason="车间停工"), ON)
        again = [r for r in zero_employment_list(session, ON) if r.household_id == settlement["A"]]
        assert len(again) == 1 and again[0].cleared_on is None
        # Everything is queued for sync.
        entities = set(session.scalars(select(OutboxEntry.entity).where(OutboxEntry.state == "pending")))
        assert {"settlement", "settlement_household", "laborer_census", "zero_employment_episode"} <= entities


def test_clearing_rules(store: Store, settlement: dict[str, str], staff: dict[str, StaffInfo]) -> None:
    clerk = staff["clerk"].id
    with store.session() as session:
        with pytest.raises(HouseholdError):  # B is not listed
            clear_zero_employment(session, clerk, settlement["B"], person_id=settlement["husband"], via="referral",
                                  cleared_on=ON, on=ON)
        with pytest.raises(ValidationFailed) as err:  # the child is not a laborer
            clear_zero_employment(session, clerk, settlement["A"], person_id=settlement["child"], via="referral",
                                  cleared_on=ON, on=ON)
        assert "person_id" in err.value.errors
        with pytest.raises(ValidationFailed) as err:
            clear_zero_employment(session, clerk, settlement["A"], person_id=settlement["father"], via="nonsense",
                                  cleared_on=date(2027, 1, 1), on=ON)
        assert {"via", "cleared_on"} <= set(err.value.errors)
        with pytest.raises(ValidationFailed):  # a member must be named while the household has laborers
            clear_zero_employment(session, clerk, settlement["A"], person_id=None, via="other", cleared_on=ON, on=ON,
                                  note="x")
        clear_zero_employment(session, clerk, settlement["A"], person_id=settlement["father"], via="public_welfare",
                              cleared_on=ON, on=ON)
        assert session.get(Person, settlement["father"]).employment_status == "employed"


def test_census_validation(store: Store, settlement: dict[str, str], staff: dict[str, StaffInfo]) -> None:
    with store.session() as session:
        with pytest.raises(ValidationFailed) as err:
            record_census(session, None, CensusInput(settlement["father"], date(2027, 1, 1), True, destination="moon",
                                                     work_form="77", aid_workshop=True, public_welfare_post=True,
                                                     monthly_income=-5), ON)
        assert {"census_on", "destination", "work_form", "aid_workshop", "monthly_income"} <= set(err.value.errors)
        with pytest.raises(ValidationFailed) as err:
            record_census(session, None, CensusInput(settlement["father"], ON, False, destination="county"), ON)
        assert "employed" in err.value.errors
        # An older census does not override a newer one's status.
        record_census(session, None, CensusInput(settlement["son"], ON, True, destination="outside", work_form="03"),
                      ON)
        record_census(session, None, CensusInput(settlement["son"], date(2026, 1, 5), False), ON)
        assert session.get(Person, settlement["son"]).employment_status == "employed"


def test_refresh_all_lists_each_zero_household_once(store: Store, settlement: dict[str, str]) -> None:
    with store.session() as session:
        assert refresh_all(session, ON) == 0  # add_household already listed A and D
        session.get(Person, settlement["husband"]).employment_status = "unemployed"
        assert refresh_all(session, ON) == 1
        assert refresh_all(session, ON) == 0
        from app.store.models_households import ZeroEmploymentEpisode

        assert session.scalar(select(func.count()).select_from(ZeroEmploymentEpisode)) == 3


def test_validation_of_settlement_and_household(store: Store, settlement: dict[str, str]) -> None:
    with store.session() as session:
        with pytest.raises(ValidationFailed):
            create_settlement(session, None, SettlementInput("幸福社区安置点"))
        with pytest.raises(ValidationFailed):
            create_settlement(session, None, SettlementInput(" "))
        with pytest.raises(ValidationFailed):  # the son already belongs to D
            add_household(session, None, [MemberInput(settlement["son"])])


def test_field_mode_needs_no_network(store: Store, settlement: dict[str, str], staff: dict[str, StaffInfo],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Offline for days: census, clearing, figures and lists work with every network connection refused."""
    import socket

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError("network is off in field mode")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    clerk = staff["clerk"].id
    with store.session() as session:
        record_census(session, clerk, CensusInput(settlement["father"], ON, True, destination="outside",
                                                  work_form="01"), ON)
        clear_zero_employment(session, clerk, settlement["A"], person_id=settlement["father"], via="labor_export",
                              cleared_on=ON, on=ON)
        assert settlement_figures(session, settlement["settlement"], ON).outside == 1
        assert len(zero_employment_list(session, ON)) == 1
        assert session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "pending"))
