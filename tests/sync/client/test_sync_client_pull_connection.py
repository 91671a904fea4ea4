"""The pull's own connection: batched flushes while it lasts, the store's durability settings after."""

from __future__ import annotations

from collections.abc import Callable

from app.store import Store
from sync.client.pull import PULL_CACHE_KIB, PULL_CHECKPOINT_PAGES, pull_connection

FULL, NORMAL = 2, 1


def _pragma(raw: object, name: str) -> int:
    return int(raw.execute(f"PRAGMA {name}").fetchone()[0])  # type: ignore[attr-defined]


def test_pull_connection_batches_flushes_then_puts_durability_back(make_store: Callable[..., Store]) -> None:
    store = make_store()
    with store.engine.connect() as connection:
        raw = connection.connection.driver_connection
        before = {name: _pragma(raw, name) for name in ("synchronous", "cache_size", "wal_autocheckpoint")}
    assert before["synchronous"] == FULL

    with pull_connection(store) as connection:
        raw = connection.connection.driver_connection
        assert _pragma(raw, "synchronous") == NORMAL
        assert _pragma(raw, "cache_size") == -PULL_CACHE_KIB
        assert _pragma(raw, "wal_autocheckpoint") == PULL_CHECKPOINT_PAGES
        connection.exec_driver_sql("CREATE TABLE pull_probe (n INTEGER)")
        connection.exec_driver_sql("INSERT INTO pull_probe VALUES (1)")
        connection.commit()

    # The same pooled connection serves counter work afterwards: every setting is the store's again.
    assert {name: _pragma(raw, name) for name in before} == before
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT n FROM pull_probe").scalar_one() == 1
