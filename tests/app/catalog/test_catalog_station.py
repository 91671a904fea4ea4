"""The station's catalog: bundled items plus the versions the platform published (refdata ``catalog``)."""

from __future__ import annotations

import json
from typing import Any

from app.catalog.loader import bundled_catalog_dir, load_bundled_catalog
from app.catalog.station import published_version, station_catalog
from app.store import Store
from app.store.sync_models import RefDataEntry


def _published(store: Store, documents: list[dict[str, Any]], version: int = 7) -> None:
    with store.session() as session:
        for doc in documents:
            session.add(
                RefDataEntry(stream="catalog", key=f"{doc.get('code')}@{doc.get('version')}", version=version, data=doc)
            )


def test_without_published_items_the_station_uses_the_bundled_catalog(store: Store) -> None:
    with store.session() as session:
        assert published_version(session) is None
        assert station_catalog(session).codes() == load_bundled_catalog().codes()


def test_a_published_version_is_added_beside_the_bundled_ones(store: Store) -> None:
    doc = json.loads((bundled_catalog_dir() / "job_seeking.v1.json").read_text(encoding="utf-8"))
    newer = {**doc, "version": doc["version"] + 1, "name": doc["name"] + "（新版）"}
    _published(store, [newer])
    with store.session() as session:
        catalog = station_catalog(session)
        assert published_version(session) == 7
    assert catalog.versions("job_seeking") == (doc["version"], doc["version"] + 1)
    assert catalog.get("job_seeking").name.endswith("（新版）")  # new cases take the newest
    assert catalog.get("job_seeking", doc["version"]).name == doc["name"]  # open cases keep theirs


def test_stored_definitions_that_no_longer_load_fall_back_to_the_bundled_catalog(store: Store) -> None:
    _published(store, [{"code": "broken", "version": 1}])
    with store.session() as session:
        assert station_catalog(session).codes() == load_bundled_catalog().codes()
