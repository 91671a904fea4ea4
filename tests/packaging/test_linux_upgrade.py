"""Upgrade safety: a store written by an earlier program (schema 0004) is opened by the current one.

There is no tagged release yet, so the "previous version" is a fixture store made the way that version
made it: migrations applied only up to 0004 and rows written with the SQL of that schema (not with today's
models). Opening it with the current program — exactly what the installed bundle does at start — must
keep every row and leave a verified pre-migration backup.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path
from random import Random
from typing import Any

import sqlalchemy as sa

from app.store import DataDir, migrate, open_store
from app.store import keys as store_keys
from app.store.backup import list_backups
from app.store.engine import make_engine
from app.validation.synthetic import synthetic_name, synthetic_resident_id

OLD_REVISION = "0004"


def _filler(column: sa.Column[Any]) -> Any:
    kind = column.type
    if isinstance(kind, sa.Boolean):
        return False
    if isinstance(kind, sa.Integer):
        return 1
    if isinstance(kind, sa.DateTime):
        return datetime(2026, 3, 1, 9, 0)
    if isinstance(kind, sa.Date):
        return date(2026, 3, 1)
    if isinstance(kind, sa.JSON):
        return {}
    return "x"


def insert_old_way(conn: sa.Connection, table: sa.Table, values: dict[str, Any]) -> None:
    """Rows as the 0004 program wrote them: its own columns, every required one filled."""
    row = dict(values)
    for column in table.columns:
        autoincrement = column.primary_key and isinstance(column.type, sa.Integer)
        if column.name not in row and not column.nullable and column.server_default is None and not autoincrement:
            row[column.name] = _filler(column)
    conn.execute(table.insert().values(**row))


def make_old_store(data_dir: DataDir, people: list[tuple[str, str]]) -> None:
    data_dir.ensure()
    info = store_keys.StoreInfo(store_id=str(uuid.uuid4()))
    key = store_keys.create_key(info.store_id)
    info.write(data_dir.store_info)
    engine = make_engine(data_dir.db, key)
    try:
        migrate.upgrade(engine, OLD_REVISION)
        meta = sa.MetaData()
        meta.reflect(engine)
        now = datetime(2026, 3, 1, 9, 0)
        with engine.begin() as conn:
            insert_old_way(
                conn,
                meta.tables["station"],
                {"id": str(uuid.uuid4()), "code": "520102001", "name": "旧版测试站", "device_id": str(uuid.uuid4())},
            )
            for name, number in people:
                insert_old_way(
                    conn,
                    meta.tables["person"],
                    {
                        "id": str(uuid.uuid4()),
                        "name": name,
                        "doc_type": "resident_id",
                        "doc_number": number,
                        "created_at": now,
                        "updated_at": now,
                        "version": 1,
                        "deleted": False,
                    },
                )
            insert_old_way(conn, meta.tables["setting"], {"key": "cfg:idle_lock_minutes", "value": "7"})
    finally:
        engine.dispose()


def test_store_from_schema_0004_opens_without_loss_and_with_backup(tmp_path: Path) -> None:
    rng = Random(4)
    people = [(synthetic_name(rng), synthetic_resident_id(rng)) for _ in range(25)]
    data_dir = DataDir(tmp_path / "station")
    make_old_store(data_dir, people)
    before = data_dir.db.stat().st_size

    store = open_store(data_dir)  # what the newer program does when it starts
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision() != OLD_REVISION
        with store.engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT name, doc_number FROM person ORDER BY doc_number")).all()
            station = conn.execute(sa.text("SELECT code, name FROM station")).one()
            setting = conn.execute(sa.text("SELECT value FROM setting WHERE key='cfg:idle_lock_minutes'")).scalar()
        assert {tuple(r) for r in rows} == set(people)
        assert tuple(station) == ("520102001", "旧版测试站")
        assert setting == "7"
        assert store.integrity_check() == []

        from app.search import search_persons

        with store.session() as session:
            found = search_persons(session, people[0][1])
        assert found, "the migrated person must be findable by ID number"

        pre = [b for b in list_backups(data_dir.backups) if b.reason == "pre-migration"]
        assert len(pre) == 1
        store.verify_backup(pre[0].path)
        assert pre[0].path.stat().st_size >= before // 2
    finally:
        store.close()

    # The backup is the old store as it was: schema 0004 with all its rows.
    key = store_keys.load_key(store_keys.StoreInfo.read(data_dir.store_info).store_id)
    engine = make_engine(pre[0].path, key)
    try:
        assert migrate.current_revision(engine) == OLD_REVISION
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM person")).scalar() == len(people)
    finally:
        engine.dispose()
