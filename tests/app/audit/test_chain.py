from __future__ import annotations

from sqlalchemy import select, text

from app import audit
from app.audit import AuditEvent
from app.store import Store
from app.store.models import AuditEntry


def _fill(store: Store, n: int = 5) -> None:
    with store.session() as session:
        for i in range(n):
            audit.record(session, "actor", "person.view", "person", f"p{i}", {"purpose": "test"})


def _problems(store: Store) -> list[str]:
    with store.session() as session:
        return audit.verify(session)


def test_intact_chain(store: Store) -> None:
    _fill(store)
    with store.session() as session:
        audit.append_rows(session, None, [AuditEvent("person.import", "person", f"q{i}") for i in range(100)])
    assert _problems(store) == []


def test_changed_entry_detected(store: Store) -> None:
    _fill(store)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET entity_id = 'other' WHERE seq = 3"))
    assert any("第 3 条的内容被改动" in p for p in _problems(store))


def test_removed_entry_detected(store: Store) -> None:
    _fill(store)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE seq = 2"))
    assert any("缺失" in p for p in _problems(store))


def test_removed_tail_detected(store: Store) -> None:
    _fill(store)
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entry WHERE seq = 5"))
    assert any("截断" in p for p in _problems(store))


def test_reordered_entries_detected(store: Store) -> None:
    _fill(store)
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET seq = 100 WHERE seq = 2"))
        conn.execute(text("UPDATE audit_entry SET seq = 2 WHERE seq = 4"))
        conn.execute(text("UPDATE audit_entry SET seq = 4 WHERE seq = 100"))
    assert any("不衔接" in p for p in _problems(store))


def test_rehashed_forgery_of_one_entry_still_breaks_next_link(store: Store) -> None:
    _fill(store)
    with store.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.seq == 2)).one()
        entry.detail = {"purpose": "forged"}
        entry.hash = audit.chain.entry_hash(
            entry.prev_hash,
            entry.id,
            entry.at,
            entry.actor_id,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.detail,
        )
    assert any("第 3 条与前一条不衔接" in p for p in _problems(store))
