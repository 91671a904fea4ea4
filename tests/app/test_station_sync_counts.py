"""The status bar's outbox counts: exact, or stopped at a cap."""

from __future__ import annotations

from sqlalchemy import insert

from app.station import station_status, sync_counts
from app.store import Store
from app.store.models import OutboxEntry


def _queue(store: Store, state: str, count: int) -> None:
    rows = [
        {"id": f"{state}-{n}", "entity": "person", "entity_id": f"p-{n}", "op": "upsert", "version": 1,
         "payload": {}, "state": state}
        for n in range(count)
    ]
    with store.session() as session:
        session.execute(insert(OutboxEntry), rows)


def test_sync_counts_exact_and_capped(store: Store) -> None:
    with store.session() as session:
        base_pending, base_rejected = sync_counts(session)
    _queue(store, "pending", 30)
    _queue(store, "rejected", 3)
    _queue(store, "done", 5)
    with store.session() as session:
        assert sync_counts(session) == (base_pending + 30, base_rejected + 3)
        pending, rejected = sync_counts(session, cap=10)
    assert pending == 11  # more than the cap: the caller shows "10+"
    assert rejected == min(11, base_rejected + 3)
    status = station_status(store)
    assert (status.pending_sync, status.rejected_sync) == (base_pending + 30, base_rejected + 3)
