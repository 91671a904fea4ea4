"""Every migration up and down with data in the tables; head equals the models."""

from __future__ import annotations

import secrets
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text

from app.store import migrate
from app.store.engine import make_engine
from app.store.models import Base


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def test_head_matches_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.db", secrets.token_hex(32))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    # FTS5 shadow tables belong to the search migration, not the ORM models.
    diff = [d for d in diff if not (d[0] == "remove_table" and d[1].name.startswith("person_"))]
    assert diff == []
    engine.dispose()


def test_each_step_up_and_down_with_data(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.db", secrets.token_hex(32))
    revisions = _revisions()
    for i, rev in enumerate(revisions):
        migrate.upgrade(engine, rev)
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO person (id, version, updated_at, deleted, name, doc_type, doc_number, created_at) "
                    "VALUES (:id, 1, '2026-01-01 00:00:00', 0, '迁移测试', 'resident_id', :doc, '2026-01-01 00:00:00')"
                ),
                {"id": f"p-{rev}", "doc": f"D{i:017d}"},
            )
        down_to = revisions[i - 1] if i else "base"
        if down_to != "base":
            migrate.downgrade(engine, down_to)
            migrate.upgrade(engine, rev)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM person")).scalar() == i + 1
    migrate.downgrade(engine, "base")
    with engine.connect() as conn:
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))}
    assert tables <= {"alembic_version"}
    migrate.upgrade(engine)
    engine.dispose()
