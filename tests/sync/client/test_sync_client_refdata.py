"""Reference-data streams published on the platform reach the store whole, verified, atomically."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select

from app.refdata.local_tables import calendar_overrides, set_local_code
from app.store import Store
from app.store.models import CodeEntry
from sync.client import state
from sync.client.credentials import save_secret
from sync.client.refdata import canonical_sha256, platform_entries
from sync.server import refdata_service
from sync.server.harness import PlatformHarness
from tests.sync.client.conftest import run_round
from tests.sync.client.fake_http import Answer, FakeServer, hello_body

CODES = [
    {"table": "campaign", "code": "P1", "label": "平台甲", "sort": 1},
    {"table": "campaign", "code": "P2", "label": "平台乙", "sort": 2},
]


def _catalog_entry() -> dict[str, Any]:
    from app.catalog import bundled_catalog_dir

    document = json.loads((bundled_catalog_dir() / "employment_registration.v1.json").read_text(encoding="utf-8"))
    document["version"] = 90
    return dict(document)


def test_sync_client_reference_data_is_applied_and_replaced_whole(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    store = enrolled()
    refdata_service.publish(platform.db, "codes", CODES)
    refdata_service.publish(platform.db, "calendar", [{"day": "2030-10-08", "is_workday": False, "note": "调休"}])
    refdata_service.publish(platform.db, "postings", [{"id": "post-1", "title": "焊工", "headcount": 3}])
    refdata_service.publish(platform.db, "catalog", [_catalog_entry()])
    report = sync_round(store)
    assert report.ok, report.error
    assert report.refdata == {"codes": 1, "calendar": 1, "postings": 1, "catalog": 1}
    with store.session() as session:
        codes = {(r.code, r.label, r.source_version) for r in session.scalars(select(CodeEntry))}
        assert codes == {("P1", "平台甲", "platform:1"), ("P2", "平台乙", "platform:1")}
        assert calendar_overrides(session) == {date(2030, 10, 8): False}
        assert [p["title"] for p in platform_entries(session, "postings")] == ["焊工"]
        assert [(c["code"], c["version"]) for c in platform_entries(session, "catalog")] == [
            ("employment_registration", 90)
        ]
        assert state.refdata_versions(session) == {"codes": 1, "calendar": 1, "postings": 1, "catalog": 1}

    # A local edit wins over the platform's row for the same code; a new version replaces the rest.
    with store.session() as session:
        set_local_code(session, None, "campaign", "P1", "本站改过")
    refdata_service.publish(platform.db, "codes", [CODES[0], {**CODES[1], "label": "平台乙二版"}][1:])
    report = sync_round(store)
    assert report.refdata == {"codes": 2}
    with store.session() as session:
        codes = {(r.code, r.label, r.source_version) for r in session.scalars(select(CodeEntry))}
    assert codes == {("P1", "本站改过", "local"), ("P2", "平台乙二版", "platform:2")}
    assert sync_round(store).refdata == {}  # nothing new


def test_sync_client_reference_data_that_fails_its_checksum_is_not_applied(make_store: Callable[..., Store]) -> None:
    # A fake server: the real platform never publishes entries that do not match its own checksum.
    entries = [{"table": "campaign", "code": "X", "label": "篡改", "sort": 0, "parent": None, "active": True}]
    info = {"stream": "codes", "version": 1, "published_at": "2026-03-02T00:00:00Z", "total": 1, "sha256": "0" * 64}
    page = {
        "stream": "codes",
        "version": 1,
        "published_at": "2026-03-02T00:00:00Z",
        "total": 1,
        "offset": 0,
        "entries": entries,
        "next_offset": None,
    }
    with FakeServer() as fake:
        fake.route("GET", "/v1/hello", Answer(200, hello_body()))
        fake.route(
            "GET",
            "/v1/changes",
            Answer(200, {"items": [], "next_cursor": 0, "has_more": False, "server_time": "2026-03-02T00:00:00Z"}),
        )
        fake.route("GET", "/v1/refdata", Answer(200, {"streams": [info]}))
        fake.route("GET", "/v1/refdata/codes", Answer(200, page))
        store = make_store()
        save_secret(store.store_id, "dev-1", "secret")
        with store.session() as session:
            state.put(session, state.SERVER_URL, fake.url)
            state.put(session, state.DEVICE_ID, "dev-1")
        report = run_round(store)
    assert not report.ok and report.error_kind == "protocol"
    assert report.error is not None and "校验值不符" in report.error and "代码表" in report.error
    with store.session() as session:
        assert session.scalars(select(CodeEntry)).all() == []
        assert state.refdata_versions(session) == {}
    assert canonical_sha256(entries) != "0" * 64
