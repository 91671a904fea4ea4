"""Upgrade safety: a store written by an earlier program (schema 0004) is opened by the current one.

The first tagged release (v0.1.0) already has today's schema, so the "previous version" is a fixture
store made the way the 0004 program made it (``old_store.py``). Opening it with the current program
(exactly what the installed bundle does at start) must keep every row and leave a verified
pre-migration backup.
"""

from __future__ import annotations

from pathlib import Path
from random import Random

import sqlalchemy as sa

from app.store import DataDir, migrate, open_store
from app.store import keys as store_keys
from app.store.backup import list_backups
from app.store.engine import make_engine
from app.validation.synthetic import synthetic_name, synthetic_resident_id
from tests.packaging.old_store import OLD_REVISION, make_old_store


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
