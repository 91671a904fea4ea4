"""A long first pull interrupted part-way continues from its saved cursor, and pages are applied in bulk.

The pull saves each page with its cursor in one transaction, so an interrupted pull (cancelled here;
killed with SIGKILL in test_sync_client_killed.py and benchmarks/bench_sync_client.py) must continue
from the last saved page — never from the start — and end with every record once, searchable, and
nothing queued. Records new to the store are inserted with Core statements (``FreshRows``); records
already present go through the apply rule, so a page mixing both keeps the rebase/conflict rules.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from app.search import index_problems, search_persons
from app.store import Store
from app.store.models import OutboxEntry, Person, PersonDocument
from app.store.sync_models import SyncShadow
from sync.client import state
from sync.client.api import PlatformApi
from sync.client.conflicts import list_conflicts
from sync.client.engine import Progress, SyncEngine
from sync.server.harness import PlatformHarness
from tests.sync.client.conftest import FAST, add_persons, edit, local_records, platform_records, run_round


def _cursor(store: Store) -> int:
    with store.session() as session:
        return state.get_int(session, state.CURSOR)


def test_sync_client_interrupted_pull_resumes_from_its_cursor(
    platform: PlatformHarness, enrolled: Callable[..., Store], monkeypatch: Any
) -> None:
    source, target = enrolled("pc1"), enrolled("pc2")
    add_persons(source, 300, seed=5)  # 600 records: persons and their documents
    assert run_round(source).ok
    total = len(platform_records(platform))

    progress: list[Progress] = []
    engine = SyncEngine(target, tuning=FAST, page_limit=50, progress=progress.append)

    def stop_after_four_pages(item: Progress) -> None:
        progress.append(item)
        if item.phase == "pull" and item.done >= 200:
            engine.cancel.set()

    engine.progress = stop_after_four_pages
    try:
        first = engine.run_round()
    finally:
        engine.close()
    assert not first.ok and first.error_kind == "cancelled"
    saved = _cursor(target)
    pulled_before = len(local_records(target))
    assert saved > 0 and 200 <= pulled_before < total
    pulls = [p.done for p in progress if p.phase == "pull" and p.done]
    assert pulls == sorted(pulls)
    # The first page asks for the optional ``remaining`` count; every page then shows "n / total".
    assert {p.total for p in progress if p.phase == "pull" and p.done} == {total}

    asked: list[int] = []
    original = PlatformApi.changes

    def spying(self: PlatformApi, cursor: int, limit: int, **kwargs: Any) -> Any:
        asked.append(cursor)
        return original(self, cursor, limit, **kwargs)

    monkeypatch.setattr(PlatformApi, "changes", spying)
    second = run_round(target, page_limit=50)
    assert second.ok, second.error
    assert asked[0] == saved  # carried on from the saved page, not from the start
    assert 0 not in asked
    assert second.pulled == total - pulled_before
    assert local_records(target) == platform_records(platform)
    with target.session() as session:
        assert session.scalar(select(func.count()).select_from(OutboxEntry)) == 0  # pulled rows queue nothing
        assert session.scalar(select(func.count()).select_from(SyncShadow)) == total
        assert index_problems(session) == []
        some = session.scalars(select(Person).limit(3)).all()
        for person in some:
            assert person.version == person.server_version == 1
            hits = search_persons(session, person.doc_number)
            assert [h.id for h in hits] == [person.id]


def test_sync_client_bulk_page_keeps_local_edits_safe(
    platform: PlatformHarness, enrolled: Callable[..., Store]
) -> None:
    """A page with new records (bulk insert) and records edited locally (rebase or conflict)."""
    one, two = enrolled("pc1"), enrolled("pc2")
    ids = add_persons(one, 20, seed=9)
    assert run_round(one).ok and run_round(two).ok
    edit(two, Person, ids[0], note="二号机备注")  # a different field: rebased
    edit(two, Person, ids[1], phone="13900000002")  # the same field: a conflict
    edit(one, Person, ids[0], phone="13900000011")
    edit(one, Person, ids[1], phone="13900000001")
    new_ids = add_persons(one, 30, seed=10)
    assert run_round(one).ok
    report = run_round(two)
    assert report.ok, report.error
    assert report.rebased == 1 and report.new_conflicts == 1
    with two.session() as session:
        first = session.get(Person, ids[0])
        assert first is not None and (first.note, first.phone) == ("二号机备注", "13900000011")
        assert session.scalar(select(func.count()).select_from(Person).where(Person.id.in_(new_ids))) == 30
        documents = session.scalar(
            select(func.count()).select_from(PersonDocument).where(PersonDocument.person_id.in_(new_ids))
        )
        assert documents == 30
        assert [c.entity_id for c in list_conflicts(session)] == [ids[1]]
        assert index_problems(session) == []
    # The rebased edit went up in the same round; the platform has both sides' fields.
    assert platform_records(platform)[("person", ids[0])]["note"] == "二号机备注"
