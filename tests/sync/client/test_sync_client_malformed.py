"""Malformed platform answers end the round with a clear Chinese error and leave local data untouched.

A scripted fake server stands in for the platform: the real reference platform never sends bad
JSON, a wrong schema, an oversized body or a cursor that goes backwards, so these answers have to
be made up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import select

from app.store import Store
from app.store.models import OutboxEntry, Person, Setting
from app.store.sync_models import SyncParked, SyncShadow
from sync.client import state
from sync.client.credentials import save_secret
from sync.client.engine import RoundReport
from tests.sync.client.conftest import FAST, add_persons, run_round
from tests.sync.client.fake_http import Answer, FakeServer, hello_body

NOW = "2026-03-02T02:00:00Z"


@pytest.fixture
def fake() -> Iterator[FakeServer]:
    with FakeServer() as server:
        server.route("GET", "/v1/hello", Answer(200, hello_body()))
        server.route("GET", "/v1/refdata", Answer(200, {"streams": []}))
        yield server


@pytest.fixture
def fake_store(fake: FakeServer, make_store: Callable[..., Store]) -> Store:
    store = make_store()
    save_secret(store.store_id, "dev-1", "secret")
    with store.session() as session:
        state.put(session, state.SERVER_URL, fake.url)
        state.put(session, state.DEVICE_ID, "dev-1")
    return store


def snapshot(store: Store) -> dict[str, Any]:
    with store.session() as session:
        return {
            "outbox": [(e.id, e.state, e.attempts) for e in session.scalars(select(OutboxEntry))],
            "persons": [(p.id, p.name, p.version, p.server_version) for p in session.scalars(select(Person))],
            "settings": {
                s.key: s.value
                for s in session.scalars(select(Setting))
                if s.key not in (state.LAST_ATTEMPT, state.LAST_ERROR, state.LAST_REPORT, "audit_head")
            },
            "shadows": len(session.scalars(select(SyncShadow)).all()),
            "parked": len(session.scalars(select(SyncParked)).all()),
        }


def _round(store: Store) -> RoundReport:
    return run_round(store, tuning={**FAST, "max_response_bytes": 200_000})


def _page(items: list[dict[str, Any]], next_cursor: int, has_more: bool = False) -> dict[str, Any]:
    return {
        "items": items,
        "next_cursor": next_cursor,
        "has_more": has_more,
        "reset_required": False,
        "server_time": NOW,
    }


def _change(seq: int, entity_id: str, **payload: Any) -> dict[str, Any]:
    return {
        "seq": seq,
        "entity": "person",
        "entity_id": entity_id,
        "server_version": 1,
        "deleted": False,
        "payload": {
            "id": entity_id,
            "name": "平台人员",
            "doc_type": "resident_id",
            "doc_number": f"D{seq:05d}",
            **payload,
        },
        "origin": "platform",
        "changed_at": NOW,
    }


PUSH_ANSWERS = {
    "bad json": Answer(200, b'{"results": [ {"mutation_id": '),
    "wrong schema": Answer(200, {"results": [{"mutation_id": "x", "status": "maybe"}], "server_time": NOW}),
    "results for other items": Answer(
        200,
        {"results": [{"mutation_id": "someone-else", "status": "accepted", "server_version": 1}], "server_time": NOW},
    ),
    "huge body": Answer(200, {"results": [], "server_time": NOW, "padding": "x" * 500_000}),
}


@pytest.mark.parametrize("case", sorted(PUSH_ANSWERS))
def test_sync_client_malformed_push_answer_changes_nothing(fake: FakeServer, fake_store: Store, case: str) -> None:
    add_persons(fake_store, 2)
    fake.route("POST", "/v1/push", PUSH_ANSWERS[case])
    before = snapshot(fake_store)
    report = _round(fake_store)
    assert not report.ok and report.error_kind == "protocol"
    assert report.error is not None and "平台" in report.error and "未保存" in report.error
    assert snapshot(fake_store) == before
    assert report.pending == 4


def _person_rows(store: Store, count: int) -> None:
    # Rows that came from the platform earlier (no outbox entries), so a pull has something to spoil.
    with store.session(remote_apply=True) as session:
        for i in range(count):
            session.add(
                Person(id=f"p-{i}", name=f"已有{i}", doc_type="resident_id", doc_number=f"E{i:05d}", server_version=1)
            )
        state.put(session, state.CURSOR, "40")


CHANGES_ANSWERS = {
    "bad json": Answer(200, b"<html>502 Bad Gateway</html>"),
    "wrong schema": Answer(200, {"items": [{"seq": 41}], "next_cursor": 41, "has_more": False, "server_time": NOW}),
    "cursor going backwards": Answer(200, _page([_change(41, "p-0", name="倒退")], next_cursor=12)),
    "items before the cursor": Answer(200, _page([_change(3, "p-0", name="旧的")], next_cursor=45)),
    "seq not increasing": Answer(200, _page([_change(44, "p-0"), _change(42, "p-1")], next_cursor=44)),
    "huge body": Answer(200, _page([_change(41, "p-0", note="x" * 400_000)], next_cursor=41), chunked=True),
}


@pytest.mark.parametrize("case", sorted(CHANGES_ANSWERS))
def test_sync_client_malformed_change_page_changes_nothing(fake: FakeServer, fake_store: Store, case: str) -> None:
    _person_rows(fake_store, 3)
    fake.route("GET", "/v1/changes", CHANGES_ANSWERS[case])
    before = snapshot(fake_store)
    report = _round(fake_store)
    assert not report.ok and report.error_kind == "protocol", report.error
    assert report.error is not None and "平台" in report.error
    assert snapshot(fake_store) == before
    with fake_store.session() as session:
        assert state.get(session, state.LAST_ERROR) == report.error


def test_sync_client_a_record_with_a_wrong_field_is_parked_not_applied(fake: FakeServer, fake_store: Store) -> None:
    _person_rows(fake_store, 1)
    fake.route(
        "GET",
        "/v1/changes",
        Answer(200, _page([_change(41, "p-0", name=12345), _change(42, "p-new", name="新来的")], next_cursor=42)),
    )
    report = _round(fake_store)
    assert report.ok, report.error
    assert report.pulled == 1 and report.parked == 1
    with fake_store.session() as session:
        assert session.get(Person, "p-0").name == "已有0"  # type: ignore[union-attr]
        assert session.get(Person, "p-new").name == "新来的"  # type: ignore[union-attr]
        [parked] = session.scalars(select(SyncParked)).all()
        assert parked.entity_id == "p-0" and "name" in parked.reason
        assert state.get_int(session, state.CURSOR) == 42


def test_sync_client_offline_round_fails_fast_and_clearly(make_store: Callable[..., Store]) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    store = make_store()
    save_secret(store.store_id, "dev-1", "secret")
    with store.session() as session:
        state.put(session, state.SERVER_URL, f"http://127.0.0.1:{port}")
        state.put(session, state.DEVICE_ID, "dev-1")
    add_persons(store, 1)
    report = run_round(store)
    assert not report.ok and report.offline and report.error_kind == "offline"
    assert report.error is not None and "离线" in report.error
    assert report.pending == 2


def test_sync_client_round_without_enrolment_says_what_to_do(make_store: Callable[..., Store]) -> None:
    report = run_round(make_store())
    assert not report.ok and report.error_kind == "config"
    assert report.error is not None and "fuwutai enroll" in report.error
