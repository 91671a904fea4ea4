"""The per-record sync state of a list page is found through the ids, not by walking the waiting outbox.

With ``state IN (…)`` in the statement SQLite chose the ``(state, seq)`` index and read every waiting
entry: the 办件 list took 4-6 s to show on a store with millions of unsent entries. This checks the plan
SQLite picks for the statements ``record_sync_states`` runs, on a store with many waiting entries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import event

from app.store import Store
from sync.client.status import record_sync_states
from tests.sync.client.conftest import add_persons


def test_sync_states_of_a_page_use_the_entity_id_index(make_store: Callable[..., Store]) -> None:
    store = make_store()
    ids = add_persons(store, 300)
    statements: list[tuple[str, Any]] = []

    def seen(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        if "FROM outbox" in statement:
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        with store.session() as session:
            states = record_sync_states(session, "person", ids[:50])
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert set(states.values()) == {"pending"}
    assert statements
    with store.engine.connect() as connection:
        for statement, parameters in statements:
            rows = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            plan = " ".join(str(row[-1]) for row in rows)
            assert "ix_outbox_entity_id" in plan, plan
            assert "ix_outbox_state_seq" not in plan, plan
