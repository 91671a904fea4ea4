"""Keeping the person search index in step with the ``person`` table.

Three writers, all inside the caller's transaction so the index commits or rolls back with the data:

* :mod:`app.search.hook` re-indexes every Person inserted, renamed, re-numbered or tombstoned
  through the ORM (one row at a time: counter work);
* :func:`bulk_index` is called by the importer for the persons it inserts with Core statements;
* :func:`rebuild_index` drops and refills the whole index, for repair (``fuwutai doctor``).

Core ``UPDATE person`` statements bypass the hook; whoever writes one calls :func:`reindex_person`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, exc
from sqlalchemy.orm import Session

from app.search.schema import CREATE_FTS
from app.search.terms import index_terms

REBUILD_PAGE = 5_000

_INSERT_FTS = (
    "INSERT INTO person_fts (rowid, name, pinyin, initials, phone_rev) VALUES (?, ?, ?, ?, ?)"
)


def _fts_row(rowid: int, name: str, phone: str | None) -> tuple[int, str, str, str, str]:
    terms = index_terms(name, phone)
    return (rowid, terms.name, terms.pinyin, terms.initials, terms.phone_rev)


def reindex_person(conn: Connection, person_id: str, name: str, phone: str | None) -> None:
    """Index one live person (new or changed), replacing any row it had."""
    conn.exec_driver_sql(
        "INSERT INTO person_search (person_id) VALUES (?) ON CONFLICT (person_id) DO NOTHING",
        (person_id,),
    )
    rowid = conn.exec_driver_sql(
        "SELECT fts_rowid FROM person_search WHERE person_id = ?", (person_id,)
    ).scalar_one()
    conn.exec_driver_sql("DELETE FROM person_fts WHERE rowid = ?", (rowid,))
    conn.exec_driver_sql(_INSERT_FTS, _fts_row(rowid, name, phone))


def unindex_person(conn: Connection, person_id: str) -> None:
    """Remove a tombstoned person from the index (searches never return tombstoned persons)."""
    row = conn.exec_driver_sql(
        "SELECT fts_rowid FROM person_search WHERE person_id = ?", (person_id,)
    ).first()
    if row is None:
        return
    conn.exec_driver_sql("DELETE FROM person_fts WHERE rowid = ?", (row[0],))
    conn.exec_driver_sql("DELETE FROM person_search WHERE fts_rowid = ?", (row[0],))


def bulk_index(conn: Connection, persons: Sequence[tuple[str, str, str | None]]) -> None:
    """Index persons not yet in the index: (person_id, name, phone) each, in one executemany per table.

    Rowids are handed out after the current maximum; the caller's transaction already holds the
    write lock (it has inserted the persons), so no other writer can take the same numbers.
    """
    if not persons:
        return
    start = int(conn.exec_driver_sql("SELECT COALESCE(MAX(fts_rowid), 0) FROM person_search").scalar_one())
    conn.exec_driver_sql(
        "INSERT INTO person_search (fts_rowid, person_id) VALUES (?, ?)",
        [(start + offset, person[0]) for offset, person in enumerate(persons, start=1)],
    )
    conn.exec_driver_sql(
        _INSERT_FTS,
        [_fts_row(start + offset, name, phone) for offset, (_, name, phone) in enumerate(persons, start=1)],
    )


def _live_pages(conn: Connection) -> Iterable[list[tuple[str, str, str | None]]]:
    last = ""
    while True:
        page = [
            (str(row[0]), str(row[1]), row[2])
            for row in conn.exec_driver_sql(
                "SELECT id, name, phone FROM person WHERE deleted = 0 AND id > ? ORDER BY id LIMIT ?",
                (last, REBUILD_PAGE),
            )
        ]
        if not page:
            return
        yield page
        last = page[-1][0]


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
