"""Online applications through the change feed, 全省通办 look-ups and 联网核查, against the real reference platform."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from random import Random
from typing import Any

import pytest
import requests
from sqlalchemy import select

from app.auth import StaffInfo, authenticate
from app.catalog import load_bundled_catalog
from app.persons import PersonInput, create_person, find_by_document
from app.refdata.local_tables import working_calendar
from app.store import Store
from app.store.models import AuditEntry, Case, CaseEvent, OutboxEntry
from app.validation import synthetic_resident_id
from app.workflow import State, get_case, transition
from app.workflow.online_check import last_check, record_online_check
from sync.client.errors import SyncError
from sync.client.online import (
    OnlineServices,
    SessionNeeded,
    audit_lookup,
    import_person,
    not_checked,
    registration_check,
)
from sync.client.status import record_sync_states
from sync.protocol import Paths
from sync.server import admin
from sync.server.harness import PlatformHarness
from tests.sync.client.conftest import FAST, run_round
from tests.sync.conftest import STATION_A, STATION_B

PASSWORD = "online-pass-123"


def _form(doc_number: str) -> dict[str, Any]:
    return {
        "name": "网某某",
        "gender": "2",
        "id_doc": {"doc_type": "resident_id", "number": doc_number},
        "ethnic": "01",
        "hukou_type": "01",
        "education": "71",
        "health": "10",
        "hukou_address": "贵州省（演示地址）",
        "residence_address": "贵阳市南明区（演示地址）",
        "residence_division": "520102001",
        "phone": "19900001234",
        "registration_division": "520102001",
        "unemployed_since": "2026-08-01",
        "unemployment_cause": "02",
        "claims_ui_benefit": False,
        "training_intention": False,
        "truth_commitment": True,
    }


def _submit(platform: PlatformHarness, key: str, doc_number: str, station: str = STATION_A) -> dict[str, Any]:
    """The 就业帮 APP's side: one application through the platform's own endpoint."""
    body = {
        "application_id": str(uuid.uuid4()),
        "station_code": station,
        "item_code": "unemployment_registration",
        "item_version": 1,
        "applicant": {"name": "网某某", "doc_type": "resident_id", "doc_number": doc_number, "phone": "19900001234"},
        "form_data": _form(doc_number),
    }
    answer = requests.post(
        platform.url + Paths.ONLINE_APPLICATIONS, json=body, headers={"X-Fuwutai-App-Key": key}, timeout=30
    )
    assert answer.status_code == 201, answer.text
    return dict(answer.json())


def _clerk(platform: PlatformHarness, store: Store, username: str = "clerka") -> tuple[OnlineServices, StaffInfo]:
    """A station clerk who logged in online here (so the local account exists with the platform's id)."""
    platform.add_user(STATION_A, username, PASSWORD, "clerk", "测试经办")
    services = OnlineServices(store, tuning=FAST)
    services.login(username, PASSWORD)
    with store.session() as session:
        actor = authenticate(session, username, PASSWORD)
    return services, actor


def _platform_case(platform: PlatformHarness, case_id: str) -> dict[str, Any]:
    cases = {c["id"]: c for c in admin.export(platform.db, "case", STATION_A)}
    return dict(cases[case_id])


def test_online_application_is_accepted_at_the_counter_and_flows_back(
    platform: PlatformHarness, enrolled: Callable[..., Store]
) -> None:
    store = enrolled()
    key = platform.app_key()
    doc = synthetic_resident_id(Random(5), region="520102", birth=date(1980, 1, 2), gender="2")
    submitted = _submit(platform, key, doc)
    declined = _submit(platform, key, synthetic_resident_id(Random(6), region="520102", birth=date(1981, 1, 2)))
    services, actor = _clerk(platform, store)

    assert run_round(store).ok
    with store.session() as session:
        case = session.get(Case, submitted["case_id"])
        assert case is not None
        assert case.state == State.RECEIVED_ONLINE.value and case.channel == "online"
        assert case.accepted_on is None and case.due_on is None
        assert find_by_document(session, doc) == submitted["person_id"]
        assert record_sync_states(session, "case", [case.id]) == {case.id: "synced"}
        from app.dashboard import build_dashboard

        board = build_dashboard(session, date(2026, 3, 2), working_calendar(session), {})
        assert {line.id for line in board.online} == {submitted["case_id"], declined["case_id"]}

    catalog = load_bundled_catalog()
    accept_day = date(2026, 3, 2)
    with store.session() as session:
        summary = transition(
            session,
            actor,
            submitted["case_id"],
            "accept",
            catalog=catalog,
            calendar=working_calendar(session),
            on_commitment=True,  # the commitment deadline: 7 working days from the day the counter accepts
            today=accept_day,
        )
        assert summary.state == "accepted" and summary.accepted_on == accept_day and summary.due_on is not None
        transition(
            session,
            actor,
            declined["case_id"],
            "decline",
            catalog=catalog,
            calendar=working_calendar(session),
            reason="申请材料与本人不符",
            today=accept_day,
        )
    with store.session() as session:
        assert record_sync_states(session, "case", [submitted["case_id"]]) == {submitted["case_id"]: "pending"}

    report = run_round(store)
    assert report.ok, report.error
    with store.session() as session:
        rejected = session.scalars(select(OutboxEntry).where(OutboxEntry.state == "rejected")).all()
        assert not rejected, [r.last_error for r in rejected]
        assert record_sync_states(session, "case", [submitted["case_id"]]) == {submitted["case_id"]: "synced"}

    on_platform = _platform_case(platform, submitted["case_id"])
    assert on_platform["state"] == "accepted"
    assert on_platform["accepted_on"] == accept_day.isoformat()
    assert on_platform["due_on"] == summary.due_on.isoformat()  # type: ignore[union-attr]
    assert on_platform["handler_id"] == actor.id
    gone = _platform_case(platform, declined["case_id"])
    assert gone["state"] == "rejected" and gone["close_reason"] == "申请材料与本人不符"
    events = [e for e in admin.export(platform.db, "case_event", STATION_A) if e["case_id"] == submitted["case_id"]]
    assert {e["action"] for e in events} == {"submit_online", "accept"}
    services.close()


def test_lookup_finds_a_person_of_another_station_and_imports_it(
    platform: PlatformHarness, enrolled: Callable[..., Store]
) -> None:
    store_a = enrolled("pc-a", STATION_A)
    store_b = enrolled("pc-b", STATION_B)
    doc = synthetic_resident_id(Random(9), region="520103", birth=date(1975, 6, 1), gender="1")
    with store_b.session() as session:
        create_person(
            session, None, PersonInput(name="外某某", doc_type="resident_id", doc_number=doc, phone="19900004321")
        )
    assert run_round(store_b).ok
    services, actor = _clerk(platform, store_a)

    result = services.lookup(doc, "transfer", username="clerka")
    assert result.found and len(result.persons) == 1
    found = result.persons[0]
    assert found.station_code == STATION_B and found.name == "外某某"
    assert not hasattr(found, "phone")  # the scope rule: no phone or address crosses stations
    with store_a.session() as session:
        audit_lookup(session, actor.id, result)
        person_id = import_person(session, actor.id, found)
        assert import_person(session, actor.id, found) == person_id  # a second take returns the same person
    with store_a.session() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action.like("person.%_province"))).all()
        assert [e.action for e in entries] == ["person.lookup_province", "person.import_province"]
        assert all(doc not in str(e.detail) for e in entries)
        assert find_by_document(session, doc) == person_id

    missing = services.lookup(synthetic_resident_id(Random(10)), "transfer", username="clerka")
    assert not missing.found and missing.persons == () and missing.message
    services.close()


def test_registration_check_sees_a_registration_elsewhere(
    platform: PlatformHarness, enrolled: Callable[..., Store]
) -> None:
    store_a = enrolled("pc-a", STATION_A)
    key = platform.app_key()
    doc = synthetic_resident_id(Random(12), region="520103", birth=date(1990, 2, 3), gender="2")
    _submit(platform, key, doc, station=STATION_B)
    platform_cases = admin.export(platform.db, "case", STATION_B)
    admin.case_command(platform.db, platform_cases[0]["id"], "accept")
    services, actor = _clerk(platform, store_a)

    result = services.lookup(doc, "verify", username="clerka")
    check = registration_check(result, "unemployment_registration", STATION_A)
    assert check.record.outcome == "found" and len(check.same_item_elsewhere) == 1
    assert registration_check(result, "employment_registration", STATION_A).record.outcome == "clear"
    assert registration_check(result, "unemployment_registration", STATION_B).record.outcome == "clear"

    catalog = load_bundled_catalog()
    with store_a.session() as session:
        pid, _ = create_person(session, None, PersonInput(name="网某某", doc_type="resident_id", doc_number=doc))
        from app.workflow import create_case

        case_id = create_case(session, actor, catalog.get("unemployment_registration"), pid)
        record_online_check(session, actor, case_id, check.record)
        assert last_check(session, case_id) == "found"
        detail = get_case(session, actor, case_id)
        assert detail.events[-1].action == "online_check" and doc not in (detail.events[-1].note or "")
        record_online_check(session, actor, case_id, not_checked())
        assert last_check(session, case_id) == "not_checked"
        assert session.scalar(select(CaseEvent.note).where(CaseEvent.action == "online_check").limit(1))
    services.close()


def test_lookup_needs_a_session_and_the_network(
    platform: PlatformHarness, enrolled: Callable[..., Store], make_store: Callable[..., Store]
) -> None:
    store = enrolled()
    services = OnlineServices(store, tuning=FAST)
    with pytest.raises(SessionNeeded):
        services.lookup("520102199001011234")
    platform.add_user(STATION_A, "clerkb", PASSWORD)
    services.login("clerkb", PASSWORD)
    assert services.has_session("clerkb") and not services.has_session("someone")
    platform.stop()
    with pytest.raises(SyncError) as offline:
        services.lookup(synthetic_resident_id(Random(3)), username="clerkb")
    assert offline.value.kind == "offline" and "联网" in str(offline.value)
    services.close()

    lonely = OnlineServices(make_store("never-enrolled"), tuning=FAST)
    with pytest.raises(SyncError) as config:
        lonely.login("clerkb", PASSWORD)
    assert config.value.kind == "config" and "尚未接入" in str(config.value)
