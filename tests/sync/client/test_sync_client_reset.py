"""Reset orders: re-pull everything from the platform without losing unsent local edits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, select

from app.store import Store
from app.store.models import Person
from sync.client import state
from sync.server import admin
from sync.server.harness import PlatformHarness
from sync.server.models import Device, Record, RecordVersion, UniqueKey
from tests.sync.client.conftest import add_persons, edit, local_records, person, platform_records


def test_sync_client_reset_repulls_everything_and_keeps_local_edits(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    store = enrolled()
    kept, lost, restored = add_persons(store, 3)
    assert sync_round(store).ok

    # The platform was restored from an older backup: one record is gone, another has older content.
    with platform.db.write() as session:
        session.execute(delete(Record).where(Record.entity_id == lost))
        session.execute(delete(UniqueKey).where(UniqueKey.entity_id == lost))
        session.execute(delete(RecordVersion).where(RecordVersion.entity_id == lost))
        record = session.scalars(select(Record).where(Record.entity_id == restored)).one()
        record.payload = {**record.payload, "note": "备份中的旧备注"}
    assert admin.order_reset(platform.db, "520102001") == 1
    edit(store, Person, kept, phone="13600000003")  # made before the reset arrives, still unsent

    report = sync_round(store)
    assert report.ok and report.reset, report.error
    assert person(store, kept)["phone"] == "13600000003"  # the local edit survived and went up
    assert person(store, restored)["note"] == "备份中的旧备注"  # the platform's copy wins without local edits
    on_platform = platform_records(platform)
    assert ("person", lost) in on_platform  # the record the platform lost was sent again
    assert on_platform[("person", kept)]["phone"] == "13600000003"
    assert local_records(store) == on_platform
    with platform.db.read() as session:
        assert all(not d.reset_pending for d in session.scalars(select(Device)))
    with store.session() as session:
        assert state.get(session, state.RESET_PENDING) is None
    again = sync_round(store)
    assert again.ok and not again.reset and again.pushed == 0


def test_sync_client_interrupted_reset_resumes(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    one, two = enrolled("pc1"), enrolled("pc2")
    add_persons(one, 20)
    assert sync_round(one).ok and sync_round(two).ok
    admin.order_reset(platform.db, "520102001")

    pages = []

    def stop_after_first_page(progress: Any) -> None:
        if progress.phase == "pull" and progress.done:
            pages.append(progress.done)
            cancel.set()

    import threading

    cancel = threading.Event()
    report = sync_round(two, page_limit=5, progress=stop_after_first_page, cancel=cancel)
    assert not report.ok and report.error_kind == "cancelled"
    with two.session() as session:
        assert state.get(session, state.RESET_PENDING) == "1"
        assert state.get_int(session, state.CURSOR) > 0
    report = sync_round(two, page_limit=5)
    assert report.ok and report.reset, report.error
    assert local_records(two) == platform_records(platform)
