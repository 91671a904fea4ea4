"""Reference-data streams: publish, index, pages pinned to one version, and refusals."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from sync.protocol import Paths
from sync.server import admin, refdata_service
from sync.server.admin import AdminError

ROOT = Path(__file__).resolve().parents[3]


def test_nothing_is_listed_before_a_publication(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    assert api.get(Paths.REFDATA).json() == {"streams": []}
    missing = api.get(Paths.refdata_stream("codes"))
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert api.get(Paths.refdata_stream("weather")).status_code == 404


def test_bundled_catalog_and_code_tables_publish_and_download_in_pages(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    catalog = admin.publish(platform.db, "catalog", ROOT / "resources" / "catalog")
    codes = admin.publish(platform.db, "codes", ROOT / "resources" / "codes")
    assert catalog.version == 1 and catalog.total == len(list((ROOT / "resources" / "catalog").glob("*.json")))
    index = {s["stream"]: s for s in api.get(Paths.REFDATA).json()["streams"]}
    assert index["codes"]["total"] == codes.total and index["codes"]["sha256"] == codes.sha256
    entries: list[dict[str, Any]] = []
    offset: int | None = 0
    version = None
    while offset is not None:
        params: dict[str, Any] = {"offset": offset, "limit": 50}
        if version is not None:
            params["version"] = version
        page = api.get(Paths.refdata_stream("codes"), params=params).json()
        version = page["version"]
        entries.extend(page["entries"])
        offset = page["next_offset"]
    assert len(entries) == codes.total
    assert refdata_service.canonical_sha256(entries) == codes.sha256


def test_a_new_version_replaces_the_old_and_old_pages_stay_consistent(
    platform: Any, device_api: Any, tmp_path: Path
) -> None:
    api = device_api(platform)
    first = tmp_path / "calendar1.json"
    first.write_text(json.dumps([{"day": "2025-10-01", "is_workday": False, "note": "国庆节"}]), encoding="utf-8")
    second = tmp_path / "calendar2.json"
    second.write_text(
        json.dumps(
            {"entries": [{"day": "2025-10-01", "is_workday": False}, {"day": "2025-09-28", "is_workday": True}]}
        ),
        encoding="utf-8",
    )
    admin.publish(platform.db, "calendar", first)
    admin.publish(platform.db, "calendar", second)
    current = api.get(Paths.refdata_stream("calendar")).json()
    assert current["version"] == 2 and current["total"] == 2 and current["next_offset"] is None
    pinned = api.get(Paths.refdata_stream("calendar"), params={"version": 1}).json()
    assert pinned["entries"] == [{"day": "2025-10-01", "is_workday": False, "note": "国庆节"}]
    gone = api.get(Paths.refdata_stream("calendar"), params={"version": 9})
    assert gone.status_code == 410 and gone.json()["error"]["code"] == "gone"


def test_postings_and_lists_are_streams_too(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    postings = [{"id": f"p{i}", "title": "采摘工", "headcount": 15, "on_commitment": True} for i in range(120)]
    refdata_service.publish(platform.db, "postings", postings)
    refdata_service.publish(platform.db, "contacts", [{"id": "c1", "title": "甲镇服务站", "phone": "0851-00000000"}])
    page = api.get(Paths.refdata_stream("postings"), params={"offset": 100, "limit": 50}).json()
    assert [e["id"] for e in page["entries"]] == [f"p{i}" for i in range(100, 120)]
    assert page["next_offset"] is None
    assert api.get(Paths.refdata_stream("contacts")).json()["entries"][0]["phone"] == "0851-00000000"
    assert api.get(Paths.refdata_stream("postings"), params={"offset": 500}).status_code == 422
    assert api.get(Paths.refdata_stream("postings"), params={"limit": 0}).status_code == 422


def test_bad_stream_files_are_refused_with_the_problems_listed(platform: Any, tmp_path: Path) -> None:
    bad = tmp_path / "postings.json"
    bad.write_text(json.dumps([{"id": "1"}, {"id": "1", "title": "重复"}]), encoding="utf-8")
    with pytest.raises(AdminError, match="第 1 条"):
        admin.publish(platform.db, "postings", bad)
    dup = tmp_path / "dup.json"
    dup.write_text(json.dumps([{"id": "1", "title": "a"}, {"id": "1", "title": "b"}]), encoding="utf-8")
    with pytest.raises(AdminError, match="重复"):
        admin.publish(platform.db, "postings", dup)
    broken = tmp_path / "catalog.json"
    broken.write_text(json.dumps([{"code": "job_seeking", "version": 9}]), encoding="utf-8")
    with pytest.raises(AdminError, match="服务事项"):
        admin.publish(platform.db, "catalog", broken)
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json", encoding="utf-8")
    with pytest.raises(AdminError, match="无法读取"):
        admin.publish(platform.db, "codes", garbage)
