"""Keeping the person search index in step with the ``person`` table.

Three writers, all inside the caller's transaction so the index commits or rolls back with the data:

* :mod:`app.search.hook` re-indexes every Person inserted, renamed, re-numbered or tombstoned
  through the ORM, all of one flush together with :func:`update_index` (a few statements per flush,
  not per person: a pulled page of a thousand persons is one flush);
* :func:`bulk_index` is called by the importer for the persons it inserts with Core statements, and
  :func:`update_index` by the sync client for the persons a pulled page inserts with Core statements;
* :func:`rebuild_index` drops and refills the whole index, for repair (``fuwutai doctor``).

Core ``UPDATE person`` statements bypass the hook; whoever writes one calls :func:`reindex_person`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import NamedTuple

from sqlalchemy import Connection, exc
from sqlalchemy.orm import Session

from app.privacy import mask_id
from app.search.schema import CREATE_FTS
from app.search.terms import index_terms

REBUILD_PAGE = 5_000
_LOOKUP_CHUNK = 500  # well under SQLite's limit of bound parameters

_INSERT_FTS = "INSERT INTO person_fts (rowid, name, pinyin, initials, phone_rev) VALUES (?, ?, ?, ?, ?)"
_MAP_COLUMNS = "fts_rowid, person_id, name, masked_id, gender, birth_date, phone_tail"
_INSERT_MAP = f"INSERT INTO person_search ({_MAP_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)"


class IndexedPerson(NamedTuple):
    """What the index needs of a person (``birth_date`` as a date or its ISO text)."""

    id: str
    name: str
    doc_number: str
    gender: str | None
    birth_date: date | str | None
    phone: str | None


def _fts_row(rowid: int, person: IndexedPerson) -> tuple[int, str, str, str, str]:
    terms = index_terms(person.name, person.phone)
    return (rowid, terms.name, terms.pinyin, terms.initials, terms.phone_rev)


def _map_row(rowid: int, person: IndexedPerson) -> tuple[object, ...]:
    birth = person.birth_date.isoformat() if isinstance(person.birth_date, date) else person.birth_date
    digits = "".join(char for char in person.phone or "" if char.isdigit())
    return (rowid, person.id, person.name, mask_id(person.doc_number), person.gender, birth, digits[-4:] or None)


def reindex_person(conn: Connection, person: IndexedPerson) -> None:
    """Index one live person (new or changed), replacing any row it had."""
    row = conn.exec_driver_sql("SELECT fts_rowid FROM person_search WHERE person_id = ?", (person.id,)).first()
    if row is None:
        rowid = int(conn.exec_driver_sql("SELECT COALESCE(MAX(fts_rowid), 0) + 1 FROM person_search").scalar_one())
    else:
        rowid = int(row[0])
        conn.exec_driver_sql("DELETE FROM person_fts WHERE rowid = ?", (rowid,))
        conn.exec_driver_sql("DELETE FROM person_search WHERE fts_rowid = ?", (rowid,))
    conn.exec_driver_sql(_INSERT_MAP, _map_row(rowid, person))
    conn.exec_driver_sql(_INSERT_FTS, _fts_row(rowid, person))


def unindex_person(conn: Connection, person_id: str) -> None:
    """Remove a tombstoned person from the index (searches never return tombstoned persons)."""
    row = conn.exec_driver_sql("SELECT fts_rowid FROM person_search WHERE person_id = ?", (person_id,)).first()
    if row is None:
        return
    conn.exec_driver_sql("DELETE FROM person_fts WHERE rowid = ?", (row[0],))
    conn.exec_driver_sql("DELETE FROM person_search WHERE fts_rowid = ?", (row[0],))


def update_index(conn: Connection, live: Sequence[IndexedPerson], gone: Iterable[str] = ()) -> None:
    """Re-index many persons at once: ``live`` ones (new or changed) replace any rows they had,
    ``gone`` ones (tombstoned) lose theirs. One look-up per 500 persons and one executemany per
    table, whatever the count. A person already indexed keeps its FTS rowid; new ones are numbered
    after the current maximum (the caller's transaction holds the write lock: it has written them).
    """
    latest = {person.id: person for person in live}  # the last state of a person wins
    removed = [person_id for person_id in dict.fromkeys(gone) if person_id not in latest]
    ids = [*latest, *removed]
    if not ids:
        return
    existing: dict[str, int] = {}
    for start in range(0, len(ids), _LOOKUP_CHUNK):
        part = ids[start : start + _LOOKUP_CHUNK]
        marks = ", ".join("?" * len(part))
        rows = conn.exec_driver_sql(
            f"SELECT person_id, fts_rowid FROM person_search WHERE person_id IN ({marks})", tuple(part)
        )
        existing.update((str(person_id), int(rowid)) for person_id, rowid in rows)
    if existing:
        old = [(rowid,) for rowid in existing.values()]
        conn.exec_driver_sql("DELETE FROM person_fts WHERE rowid = ?", old)
        conn.exec_driver_sql("DELETE FROM person_search WHERE fts_rowid = ?", old)
    if not latest:
        return
    top = int(conn.exec_driver_sql("SELECT COALESCE(MAX(fts_rowid), 0) FROM person_search").scalar_one())
    numbered: list[tuple[int, IndexedPerson]] = []
    for person in latest.values():
        rowid = existing.get(person.id)
        if rowid is None:
            top += 1
            rowid = top
        numbered.append((rowid, person))
    conn.exec_driver_sql(_INSERT_MAP, [_map_row(rowid, person) for rowid, person in numbered])
    conn.exec_driver_sql(_INSERT_FTS, [_fts_row(rowid, person) for rowid, person in numbered])


def bulk_index(conn: Connection, persons: Sequence[IndexedPerson]) -> None:
    """Index persons not yet in the index, with one executemany per table.

    Rowids are handed out after the current maximum; the caller's transaction already holds the
    write lock (it has inserted the persons), so no other writer can take the same numbers.
    """
    if not persons:
        return
    start = int(conn.exec_driver_sql("SELECT COALESCE(MAX(fts_rowid), 0) FROM person_search").scalar_one())
    numbered = list(enumerate(persons, start=start + 1))
    conn.exec_driver_sql(_INSERT_MAP, [_map_row(rowid, person) for rowid, person in numbered])
    conn.exec_driver_sql(_INSERT_FTS, [_fts_row(rowid, person) for rowid, person in numbered])


def _live_pages(conn: Connection) -> Iterable[list[IndexedPerson]]:
    last = ""
    while True:
        page = [
            IndexedPerson(*row)
            for row in conn.exec_driver_sql(
                "SELECT id, name, doc_number, gender, birth_date, phone FROM person "
                "WHERE deleted = 0 AND id > ? ORDER BY id LIMIT ?",
                (last, REBUILD_PAGE),
            )
        ]
        if not page:
            return
        yield page
        last = page[-1].id


def populate_index(conn: Connection) -> int:
    """Index every live person into empty index tables; returns how many were indexed."""
    count = 0
    for page in _live_pages(conn):
        bulk_index(conn, page)
        count += len(page)
    return count


def rebuild_index(session: Session) -> int:
    """Drop and refill the index from the ``person`` table (repair). Returns the number indexed.

    The FTS table is dropped rather than emptied: that works even when its shadow tables are damaged,
    and is instant where deleting a million FTS rows one by one is not.
    """
    conn = session.connection()
    conn.exec_driver_sql("DROP TABLE IF EXISTS person_fts")
    conn.exec_driver_sql(CREATE_FTS)
    conn.exec_driver_sql("DELETE FROM person_search")
    return populate_index(conn)


def index_problems(session: Session) -> list[str]:
    """Problems found in the search index, as Chinese sentences; empty when it is in step.

    Any problem is repaired by :func:`rebuild_index`, which touches no person data.
    """
    conn = session.connection()
    problems: list[str] = []
    live = conn.exec_driver_sql("SELECT count(*) FROM person WHERE deleted = 0").scalar_one()
    mapped = conn.exec_driver_sql("SELECT count(*) FROM person_search").scalar_one()
    orphans = conn.exec_driver_sql(
        "SELECT count(*) FROM person_search s LEFT JOIN person p ON p.id = s.person_id "
        "WHERE p.id IS NULL OR p.deleted = 1"
    ).scalar_one()
    if orphans:
        problems.append(f"人员检索索引中有 {orphans} 条记录指向不存在或已删除的人员。")
    if live != mapped - orphans:
        problems.append(f"人员检索索引收录了 {mapped - orphans} 人，但现有人员为 {live} 人。")
    try:
        conn.exec_driver_sql("INSERT INTO person_fts (person_fts) VALUES ('integrity-check')")
    except exc.DatabaseError:
        problems.append("人员检索全文索引已损坏。")
    else:
        indexed = conn.exec_driver_sql("SELECT count(*) FROM person_fts").scalar_one()
        if indexed != mapped:
            problems.append(f"人员检索全文索引有 {indexed} 行，对照表有 {mapped} 行，两者不一致。")
    return problems
