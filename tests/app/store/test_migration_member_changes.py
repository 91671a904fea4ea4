"""Migration 0010 (household member joined/left columns) up and down with members in the table."""

from __future__ import annotations

import secrets
from pathlib import Path

from sqlalchemy import inspect, text

from app.store import migrate
from app.store.engine import make_engine

ROW = "'2026-01-01 00:00:00'"


def _columns(engine, table: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {c["name"] for c in inspect(engine).get_columns(table)}


def test_0010_up_and_down_keeps_members(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "m.db", secrets.token_hex(32))
    migrate.upgrade(engine, "0009")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO person (id, version, updated_at, deleted, name, doc_type, doc_number, created_at) "
            f"VALUES ('p1', 1, {ROW}, 0, '迁移测试', 'resident_id', 'D1', {ROW})"))
        conn.execute(text(f"INSERT INTO household (id, version, updated_at, deleted, head_person_id, relocated) "
                          f"VALUES ('h1', 1, {ROW}, 0, 'p1', 0)"))
        conn.execute(text(
            "INSERT INTO household_member (id, version, updated_at, deleted, household_id, person_id, relation, "
            f"working_age, able_to_work) VALUES ('m1', 1, {ROW}, 0, 'h1', 'p1', '01', 1, 1)"))
    migrate.upgrade(engine, "0010")
    assert {"joined_on", "left_on", "left_reason", "left_note"} <= _columns(engine, "household_member")
    with engine.begin() as conn:
        conn.execute(text("UPDATE household_member SET deleted = 1, left_on = '2026-11-25', left_reason = 'died', "
                          "left_note = '说明' WHERE id = 'm1'"))
        row = conn.execute(text("SELECT relation, left_reason, left_on FROM household_member")).one()
    assert tuple(row) == ("01", "died", "2026-11-25")
    migrate.downgrade(engine, "0009")
    assert not {"joined_on", "left_on", "left_reason", "left_note"} & _columns(engine, "household_member")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT id, person_id, relation, deleted FROM household_member")).all() == [
            ("m1", "p1", "01", 1)]
        indexes = {r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'household_member'"))}
    assert {"ix_household_member_facts", "ix_household_member_household_id"} <= indexes
    migrate.upgrade(engine)
    assert "left_reason" in _columns(engine, "household_member")
    engine.dispose()
