"""Disk full: SQLite's ``max_page_count`` is lowered on every connection of a real store.

Saves then fail with the store's Chinese disk-full message (a ``UserError``), nothing already saved is
damaged, nothing of the failed save is left behind, and saving works again once there is room. The
open case form keeping its content is checked with pytest-qt in ``test_rel_store_diskfull_form.py``.
Figures: docs/reliability.md.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, select

from app.auth import StaffInfo, create_staff
from app.errors import UserError
from app.store import DataDir, Store, create_store
from app.store.errors import DiskFullError

TODAY = date(2026, 3, 2)


def limit_pages(store: Store, extra_pages: int) -> int:
    """From now on every connection may grow the file by at most ``extra_pages`` pages; returns the cap.

    ``max_page_count`` is a per-connection setting, so it is applied on connect and the pool is emptied.
    """
    with store.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())
    cap = pages + extra_pages

    @event.listens_for(store.engine, "connect")
    def _cap(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.execute(f"PRAGMA max_page_count = {cap}")

    store.engine.dispose()
    store.__dict__["_page_cap"] = _cap
    return cap


def lift_limit(store: Store) -> None:
    event.remove(store.engine, "connect", store.__dict__.pop("_page_cap"))
    store.engine.dispose()


def fill_free_space(store: Store) -> None:
    """Use up every free page under the cap (``zz_filler``, made before the cap), so the next new page fails."""
    while True:
        try:
            with store.engine.begin() as conn:
                conn.exec_driver_sql("INSERT INTO zz_filler VALUES (zeroblob(2000))")
        except DiskFullError:
            return


def drop_filler(store: Store) -> None:
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS zz_filler")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = create_store(DataDir(tmp_path / "data"), "520102001", "测试街道就业服务站")
    yield s
    s.close()


@pytest.fixture
def clerk(store: Store) -> StaffInfo:
    with store.session() as session:
        return create_staff(session, "clerk1", "测试clerk", "clerk", "test-pass-123")


def save_case(store: Store, actor: StaffInfo, rng: random.Random) -> str:
    from app.calendar import default_calendar
    from app.catalog import load_bundled_catalog
    from app.persons import PersonInput, create_person
    from app.services.flows import accept_case
    from app.validation import synthetic_name, synthetic_resident_id
    from app.workflow import create_case
    from tests.reliability.test_rel_store_crash import _form

    catalog = load_bundled_catalog()
    doc = synthetic_resident_id(rng, region="520102", birth=date(rng.randint(1970, 2000), 5, 17), gender="1")
    name, phone = synthetic_name(rng), f"1990000{rng.randint(0, 9999):04d}"
    with store.session() as session:
        person_id, _ = create_person(
            session, actor.id, PersonInput(name=name, doc_type="resident_id", doc_number=doc, phone=phone)
        )
        case_id = create_case(
            session, actor, catalog.get("unemployment_registration"), person_id, _form(name, doc, phone), today=TODAY
        )
        accept_case(session, actor, case_id, catalog=catalog, calendar=default_calendar(), today=TODAY)
    return case_id


def snapshot(store: Store) -> dict[str, Any]:
    """Everything that must not change when a later save fails."""
    from app.store.models import AuditEntry, Case, OutboxEntry, Person

    with store.session() as session:
        return {
            "cases": {c.id: (c.state, c.case_no, dict(c.form_data or {})) for c in session.scalars(select(Case))},
            "persons": {p.id: (p.name, p.doc_number, p.phone) for p in session.scalars(select(Person))},
            "outbox": [(o.seq, o.entity, o.entity_id, o.version) for o in session.scalars(select(OutboxEntry))],
            "audit": [(a.seq, a.hash) for a in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))],
        }


def assert_sound(store: Store) -> None:
    from app import audit

    assert store.integrity_check() == []
    with store.session() as session:
        assert audit.verify(session) == []


def test_saves_fail_with_a_chinese_message_and_nothing_saved_is_damaged(store: Store, clerk: StaffInfo) -> None:
    rng = random.Random(8002)
    for _ in range(20):
        save_case(store, clerk, rng)
    before = snapshot(store)
    cap = limit_pages(store, extra_pages=8)
    # Save until the cap is reached: every save either commits whole or fails with the message.
    saved_under_cap: list[str] = []
    failures: list[DiskFullError] = []
    for _ in range(200):
        try:
            saved_under_cap.append(save_case(store, clerk, rng))
        except DiskFullError as exc:
            failures.append(exc)
            if len(failures) == 3:
                break
    assert len(failures) == 3, "the page cap was never reached"
    for failure in failures:
        assert isinstance(failure, UserError)
        assert "磁盘空间已满" in str(failure) and "没有保存" in str(failure) and "清理磁盘" in str(failure)
    with store.engine.connect() as conn:
        assert int(conn.exec_driver_sql("PRAGMA page_count").scalar_one()) <= cap
    assert_sound(store)
    after = snapshot(store)
    # Everything saved before is unchanged; the only new rows are the saves that fitted, each complete.
    assert {k: after["cases"][k] for k in before["cases"]} == before["cases"]
    assert {k: after["persons"][k] for k in before["persons"]} == before["persons"]
    assert after["outbox"][: len(before["outbox"])] == before["outbox"]
    assert after["audit"][: len(before["audit"])] == before["audit"]
    assert set(after["cases"]) == set(before["cases"]) | set(saved_under_cap)
    assert len(after["persons"]) == len(before["persons"]) + len(saved_under_cap)
    # The clerk frees space: the same store saves again, and is still sound.
    lift_limit(store)
    again = save_case(store, clerk, rng)
    assert again in snapshot(store)["cases"]
    assert_sound(store)
    print(
        f"\ndisk full: cap {cap} pages; {len(saved_under_cap)} saves fitted, then 3 refused with DiskFullError; "
        f"{len(before['cases'])} earlier cases intact; integrity_check ok; saving resumed after lifting the cap"
    )


def test_disk_full_during_a_small_update_is_classified_and_rolled_back(store: Store, clerk: StaffInfo) -> None:
    """Even a one-row change (a draft edit) that needs a new page fails cleanly, after free space is gone."""
    from app.catalog import load_bundled_catalog
    from app.store.models import Case
    from app.workflow import create_case, save_draft

    rng = random.Random(8003)
    case_id = save_case(store, clerk, rng)
    with store.session() as session:
        draft_id = create_case(
            session,
            clerk,
            load_bundled_catalog().get("unemployment_registration"),
            session.get(Case, case_id).person_id,
            {"name": "草稿"},
            today=TODAY,
        )
    with store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE zz_filler (x BLOB)")
    limit_pages(store, extra_pages=0)
    fill_free_space(store)
    before = snapshot(store)
    with pytest.raises(DiskFullError) as caught, store.session() as session:
        save_draft(session, clerk, draft_id, {"name": "草稿", "hukou_address": "很长的地址" * 2000})
    assert "磁盘空间已满" in str(caught.value)
    assert snapshot(store) == before
    assert_sound(store)
    lift_limit(store)
    drop_filler(store)
    with store.session() as session:
        save_draft(session, clerk, draft_id, {"name": "草稿", "hukou_address": "很长的地址" * 2000})
    assert_sound(store)
