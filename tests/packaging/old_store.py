"""A store written by an earlier program (schema 0004), made the way that version made it.

No tagged release has an older schema (v0.1.0 has today's), so the "previous version" is a fixture store: migrations
applied only up to 0004 and rows written with the SQL of that schema (not with today's models). Used by
``test_linux_upgrade.py`` on Linux, and run as a script by the Windows build's own Python under Wine for
``test_windows_installer.py`` (the key then goes into that prefix's Windows credential store, where the
installed program looks for it):

    python old_store.py DATA_DIR PEOPLE.json      # PEOPLE.json: [[name, id number], ...]
"""

from __future__ import annotations

import json
import sys
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any

if __name__ == "__main__":  # run by a bare interpreter: the repository's packages are not on its path
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import sqlalchemy as sa

from app.store import DataDir, migrate
from app.store import keys as store_keys
from app.store.engine import make_engine

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


if __name__ == "__main__":
    folder, people_file = Path(sys.argv[1]), Path(sys.argv[2])
    make_old_store(DataDir(folder), [(name, number) for name, number in json.loads(people_file.read_text("utf-8"))])
    print(f"schema {OLD_REVISION} store written to {folder}")
