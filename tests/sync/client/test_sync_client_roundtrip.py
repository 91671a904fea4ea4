"""Push and pull against the real reference platform on 127.0.0.1: two workstations of one station."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from app.store import Store
from app.store.models import OutboxEntry, Person
from sync.client import state
from sync.client.api import PlatformApi
from sync.client.credentials import platform_api
from sync.client.push import next_batch
from sync.client.quarantine import discard, list_quarantined, retry
from sync.protocol.push import PushRequest
from sync.server.harness import PlatformHarness
from sync.server.models import Mutation, RecordVersion
from tests.sync.client.conftest import FAST, add_persons, edit, local_records, platform_records


def _outbox(store: Store) -> dict[str, int]:
    with store.session() as session:
        rows = session.execute(select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state))
        return {s: n for s, n in rows}


def test_sync_client_fifty_changes_reach_a_second_workstation(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    one, two = enrolled("pc1"), enrolled("pc2")
    ids = add_persons(one, 25)  # 25 persons + their 25 identity documents = 50 changes
    assert _outbox(one) == {"pending": 50}

    report = sync_round(one)
    assert report.ok, report.error
    assert (report.pushed, report.pending, report.quarantined, report.conflicts) == (50, 0, 0, 0)
    assert _outbox(one) == {"done": 50}
    with one.session() as session:
        synced = session.scalars(select(Person).where(Person.id.in_(ids))).all()
        assert all(p.server_version == 1 and p.version == 1 for p in synced)

    report = sync_round(two)
    assert report.ok, report.error
    assert report.pulled == 50
    assert local_records(one) == local_records(two) == platform_records(platform)
    assert _outbox(two) == {}  # pulled rows queue nothing

    # A second round on either side changes nothing.
    again = sync_round(one)
    assert (again.pushed, again.pulled) == (0, 0)


def test_sync_client_a_resent_batch_is_stored_once(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    store = enrolled()
    add_persons(store, 5)
    # The batch reaches the platform but the answer is lost (the program died before recording it).
    api: PlatformApi = platform_api(store, tuning=FAST)
    batch = next_batch(store, 100, 1_000_000)
    api.push(PushRequest(items=[b.item for b in batch]))
    api.close()
    assert _outbox(store) == {"pending": 10}

    report = sync_round(store)
    assert report.ok, report.error
    assert (report.pushed, report.duplicates) == (0, 10)
    assert _outbox(store) == {"done": 10}
    with platform.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Mutation)) == 10
        assert session.scalar(select(func.count()).select_from(RecordVersion)) == 10
    assert local_records(store) == platform_records(platform)


def test_sync_client_rejected_change_is_quarantined_and_the_rest_go_through(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    store = enrolled()
    first, second, third = add_persons(store, 3)
    # A bad ID number slipped in (e.g. an old import); the platform checks the checksum and refuses it.
    edit(store, Person, second, doc_number="520102199001011230", note="核对")
    edit(store, Person, third, note="第三人")

    report = sync_round(store)
    assert report.ok, report.error
    assert report.new_quarantined == 1 and report.quarantined == 1
    assert report.pending == 0
    with store.session() as session:
        [item] = list_quarantined(session)
    assert item.entity == "person" and item.entity_id == second
    assert "证件号码" in item.reason and "invalid_field" in item.reason
    on_platform = platform_records(platform)
    assert on_platform[("person", third)]["note"] == "第三人"
    assert on_platform[("person", first)]["name"]

    # Staff fix the record: the new change is accepted and settles the quarantined one.
    with platform.db.read() as session:
        good = on_platform[("person", second)]["doc_number"]
    edit(store, Person, second, doc_number=good)
    report = sync_round(store)
    assert report.ok and report.quarantined == 0, report.error
    assert platform_records(platform)[("person", second)]["note"] == "核对"


def test_sync_client_quarantine_retry_and_discard(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    store = enrolled()
    one, two = add_persons(store, 2)
    assert sync_round(store).ok
    edit(store, Person, one, doc_number="520102199001011230")
    edit(store, Person, two, doc_number="520102199001011220", phone="13800000000")
    report = sync_round(store)
    assert report.quarantined == 2
    with store.session() as session:
        items = {q.entity_id: q.id for q in list_quarantined(session)}
    with store.session() as session:
        discard(session, items[one], "staff-1")
    with store.session() as session:
        assert session.get(Person, one).doc_number == platform_records(platform)[("person", one)]["doc_number"]  # type: ignore[union-attr]
    # Retry sends the current state again (still wrong: refused again, with its reason).
    with store.session() as session:
        new_id = retry(session, items[two], "staff-1")
    assert new_id
    report = sync_round(store)
    assert report.quarantined == 1 and report.new_quarantined == 1
    assert local_records(store)[("person", one)] == platform_records(platform)[("person", one)]


def test_sync_client_cursor_is_saved_with_each_page(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    one, two = enrolled("pc1"), enrolled("pc2")
    add_persons(one, 30)
    assert sync_round(one).ok
    report = sync_round(two, page_limit=7)
    assert report.ok and report.pulled == 60
    with two.session() as session:
        cursor = state.get_int(session, state.CURSOR)
    with platform.db.read() as session:
        from sync.server.models import Record

        assert cursor == session.scalar(select(func.max(Record.seq)))
    assert local_records(two) == platform_records(platform)
