"""Unsent local edits meet platform changes: rebase when the fields differ, conflict when they clash.

Two workstations of one station against the real platform. "Offline" edits are simply edits made
before the workstation's next round.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from app.errors import UserError
from app.store import Store
from app.store.models import Case, CaseEvent, OutboxEntry, Person
from sync.client.cli import run as cli_run
from sync.client.conflicts import list_conflicts, resolve_conflict
from sync.client.credentials import platform_api
from sync.client.pull import pull
from sync.client.status import RECORD_STATE_LABELS, record_sync_states
from sync.server import admin
from sync.server.harness import PlatformHarness
from tests.sync.client.conftest import FAST, add_persons, edit, local_records, person, platform_records


@pytest.fixture
def pair(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> tuple[Store, Store, str]:
    """Two workstations that both have the same synced person."""
    one, two = enrolled("pc1"), enrolled("pc2")
    [pid] = add_persons(one, 1)
    assert sync_round(one).ok and sync_round(two).ok
    return one, two, pid


def _pull_only(store: Store) -> Any:
    api = platform_api(store, tuning=FAST)
    try:
        return pull(store, api, page_limit=100, should_stop=threading.Event().is_set)
    finally:
        api.close()


def _states(store: Store, entity_id: str) -> list[str]:
    with store.session() as session:
        return list(session.scalars(select(OutboxEntry.state).where(OutboxEntry.entity_id == entity_id)))


def test_sync_client_round_rebases_edits_of_different_fields(
    platform: PlatformHarness, pair: tuple[Store, Store, str], sync_round: Callable[..., Any]
) -> None:
    one, two, pid = pair
    edit(one, Person, pid, phone="13900000001")
    assert sync_round(one).ok
    edit(two, Person, pid, note="二号机备注")
    report = sync_round(two)
    assert report.ok and report.rebased == 1 and report.conflicts == 0, report
    assert sync_round(one).ok
    assert (
        person(one, pid)
        == person(two, pid)
        == {
            "name": person(one, pid)["name"],
            "phone": "13900000001",
            "note": "二号机备注",
            "deleted": False,
        }
    )
    assert local_records(one) == local_records(two) == platform_records(platform)


def test_sync_client_pull_never_overwrites_unsent_edits(
    platform: PlatformHarness, pair: tuple[Store, Store, str], sync_round: Callable[..., Any]
) -> None:
    one, two, pid = pair
    edit(one, Person, pid, phone="13900000001")
    assert sync_round(one).ok
    edit(two, Person, pid, note="尚未上传")
    stats = _pull_only(two)  # the change arrives while two's edit is still unsent
    assert stats.rebased == 1
    assert person(two, pid)["phone"] == "13900000001" and person(two, pid)["note"] == "尚未上传"
    assert "pending" in _states(two, pid)
    assert sync_round(two).ok and sync_round(one).ok
    assert local_records(one) == local_records(two) == platform_records(platform)


def test_sync_client_pull_records_a_conflict_for_the_same_field(
    platform: PlatformHarness, pair: tuple[Store, Store, str], sync_round: Callable[..., Any]
) -> None:
    one, two, pid = pair
    edit(one, Person, pid, phone="13900000001")
    assert sync_round(one).ok
    edit(two, Person, pid, phone="13700000002", note="二号机")
    stats = _pull_only(two)
    assert stats.conflicts == 1
    assert person(two, pid)["phone"] == "13700000002"  # untouched
    assert "conflict" in _states(two, pid)
    with two.session() as session:
        [view] = list_conflicts(session)
    assert view.origin == "pull" and view.disputed == ("phone",)
    by_name = {f.name: f for f in view.fields}
    assert by_name["phone"].local == "13700000002" and by_name["phone"].server == "13900000001"
    assert not by_name["note"].disputed

    # Held until staff decide: a round pushes nothing for this person.
    report = sync_round(two)
    assert report.ok and report.conflicts == 1
    assert platform_records(platform)[("person", pid)]["phone"] == "13900000001"

    with two.session() as session:
        resolve_conflict(session, view.id, {"phone": "server"}, "staff-2")
    assert sync_round(two).ok and sync_round(one).ok
    expected = {"phone": "13900000001", "note": "二号机"}
    for store in (one, two):
        assert {k: person(store, pid)[k] for k in expected} == expected
    assert local_records(one) == local_records(two) == platform_records(platform)


def test_sync_client_push_conflict_is_resolved_field_by_field_on_both_sides(
    platform: PlatformHarness, pair: tuple[Store, Store, str], sync_round: Callable[..., Any]
) -> None:
    one, two, pid = pair
    edit(one, Person, pid, phone="13900000001", note="一号机")
    assert sync_round(one).ok
    edit(two, Person, pid, phone="13700000002", note="二号机", hukou_address="贵阳市云岩区")
    report = sync_round(two)  # push answers "conflict" with the clashing fields
    assert report.ok and report.new_conflicts == 1 and report.conflicts == 1
    with two.session() as session:
        [view] = list_conflicts(session)
    assert view.origin == "push" and set(view.disputed) == {"phone", "note"}

    with two.session() as session, pytest.raises(UserError, match="note"):
        resolve_conflict(session, view.id, {"phone": "local"}, "staff-2")
    with two.session() as session:
        resolve_conflict(session, view.id, {"phone": "local", "note": "server"}, "staff-2")
    assert sync_round(two).ok and sync_round(one).ok
    merged = {"phone": "13700000002", "note": "一号机"}
    for store in (one, two):
        assert {k: person(store, pid)[k] for k in merged} == merged
    assert platform_records(platform)[("person", pid)]["hukou_address"] == "贵阳市云岩区"
    assert local_records(one) == local_records(two) == platform_records(platform)


def test_sync_client_deletion_against_an_edit_is_a_conflict(
    platform: PlatformHarness, pair: tuple[Store, Store, str], sync_round: Callable[..., Any]
) -> None:
    one, two, pid = pair
    edit(one, Person, pid, deleted=True)
    assert sync_round(one).ok
    edit(two, Person, pid, phone="13700000002")
    report = sync_round(two)
    assert report.conflicts == 1
    with two.session() as session:
        [view] = list_conflicts(session)
    assert "deleted" in view.disputed and view.server_deleted
    with two.session() as session:
        resolve_conflict(session, view.id, dict.fromkeys(view.disputed, "local"), "staff-2")  # keep the person
    assert sync_round(two).ok and sync_round(one).ok
    assert person(one, pid)["deleted"] is False and person(one, pid)["phone"] == "13700000002"
    assert local_records(one) == local_records(two) == platform_records(platform)


def test_sync_client_conflicts_cli_lists_and_resolves(
    platform: PlatformHarness, pair: tuple[Store, Store, str], sync_round: Callable[..., Any], capsys: Any
) -> None:
    one, two, pid = pair
    edit(one, Person, pid, phone="13900000001")
    assert sync_round(one).ok
    edit(two, Person, pid, phone="13700000002")
    assert sync_round(two).conflicts == 1
    root = str(two.data_dir.root)
    assert cli_run(["--data-dir", root, "conflicts", "list", "--json"]) == 0
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["disputed"] == ["phone"]
    assert cli_run(["--data-dir", root, "conflicts", "resolve", listed["id"], "--take", "phone=bogus"]) == 1
    assert "phone=bogus" in capsys.readouterr().err
    assert cli_run(["--data-dir", root, "conflicts", "resolve", listed["id"], "--take", "phone=server"]) == 0
    assert cli_run(["--data-dir", root, "conflicts", "list"]) == 0
    assert "没有待处理的冲突" in capsys.readouterr().out
    assert person(two, pid)["phone"] == "13900000001"


def test_sync_client_platform_decision_flows_back(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    store = enrolled()
    [pid] = add_persons(store, 1)
    with store.session() as session:
        case = Case(
            case_no="520102001-20260302-T0001",
            item_code="unemployment_registration",
            item_version=1,
            subject_kind="person",
            person_id=pid,
            state="in_review",
        )
        session.add(case)
        session.flush()
        case_id = case.id
    assert sync_round(store).ok
    admin.case_command(platform.db, case_id, "approve")
    report = sync_round(store)
    assert report.ok and report.pulled == 2
    with store.session() as session:
        assert session.get(Case, case_id).state == "completed"  # type: ignore[union-attr]
        events = session.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id)).all()
        assert [e.action for e in events] == ["approve"]
    assert local_records(store) == platform_records(platform)


def test_sync_client_per_record_states_for_lists(
    platform: PlatformHarness, pair: tuple[Store, Store, str], sync_round: Callable[..., Any]
) -> None:
    one, two, pid = pair
    [fresh, bad] = add_persons(two, 2, seed=5)
    edit(two, Person, bad, doc_number="520102199001011230")
    assert sync_round(two).quarantined == 1
    edit(one, Person, pid, phone="13900000001")
    assert sync_round(one).ok
    edit(two, Person, pid, phone="13700000002")
    assert sync_round(two).conflicts == 1
    edit(two, Person, fresh, note="刚改")
    with two.session() as session:
        states = record_sync_states(session, "person", [pid, fresh, bad, "unknown"])
    assert states == {pid: "conflict", fresh: "pending", bad: "rejected", "unknown": "synced"}
    assert RECORD_STATE_LABELS[states[pid]] == "有冲突待处理"
