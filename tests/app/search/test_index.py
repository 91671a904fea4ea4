"""The search index: repair, consistency checks, VACUUM safety and migration 0002 up and down."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, text

from app.search import index_problems, rebuild_index, search_persons
from app.store import Store, migrate
from app.store.models import Person
from tests.app.search.conftest import Known

SAVED_AT = datetime(2026, 1, 1)


def _names(store: Store, query: str) -> list[str]:
    with store.session() as session:
        return [hit.name for hit in search_persons(session, query)]


def test_index_problems_and_rebuild(store: Store, people: dict[str, Known]) -> None:
    with store.session() as session:
        assert index_problems(session) == []
        session.execute(text("DELETE FROM person_fts WHERE rowid IN (SELECT fts_rowid FROM person_search LIMIT 2)"))
        session.execute(text("INSERT INTO person_search (person_id, name, masked_id) VALUES ('no-such', '某', '*')"))
    with store.session() as session:
        problems = index_problems(session)
        assert problems and all(isinstance(p, str) and "索引" in p for p in problems)
        assert rebuild_index(session) == len(people)
    with store.session() as session:
        assert index_problems(session) == []
    assert set(_names(store, "zs")) == {"张三", "章珊", "张三丰"}


def test_rebuild_skips_tombstoned_persons(store: Store, people: dict[str, Known]) -> None:
    with store.session() as session:
        session.execute(text("UPDATE person SET deleted = 1 WHERE id = :id"), {"id": people["lisi"].id})
        assert index_problems(session)  # a Core update bypasses the hook: the check notices
        assert rebuild_index(session) == len(people) - 1
    assert _names(store, "李四") == []


def test_vacuum_does_not_mix_up_persons(store: Store, people: dict[str, Known]) -> None:
    store.engine.dispose()
    with store.engine.connect() as conn:
        conn.exec_driver_sql("COMMIT")  # the engine opens a transaction; VACUUM needs none
        conn.exec_driver_sql("VACUUM")
    for key, known in people.items():
        with store.session() as session:
            hits = search_persons(session, known.doc_number)
        assert [hit.id for hit in hits] == [known.id], key
    assert _names(store, "单雄信") == ["单雄信"]


def test_migration_0002_down_and_up_with_data(store: Store, people: dict[str, Known]) -> None:
    migrate.downgrade(store.engine, "0001")
    with store.engine.connect() as conn:
        tables = {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
    assert not {name for name in tables if name.startswith(("person_fts", "person_search"))}
    with store.engine.begin() as conn:  # a person saved by a program that had no search index yet
        conn.execute(insert(Person).values(
            id="legacy-1", version=1, updated_at=SAVED_AT, deleted=False, name="龙某某",
            doc_type="resident_id", doc_number="520102198805050011", created_at=SAVED_AT,
        ))
    migrate.upgrade(store.engine)
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    assert _names(store, "龙某某") == ["龙某某"]
    assert _names(store, "lmm") == ["龙某某"]
    with store.session() as session:
        assert index_problems(session) == []
        count = session.execute(text("SELECT count(*) FROM person_search")).scalar_one()
    assert count == len(people) + 1
