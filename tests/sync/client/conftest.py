"""Fixtures for the sync client: real encrypted stores enrolled against the real reference platform.

``make_store``   factory: a new station store (one per simulated workstation), closed at the end.
``enrolled``     factory: a store enrolled over HTTP against the ``platform`` fixture (station A).
``sync_round``   one engine round with short timeouts, so failures show within seconds.

Helpers (plain functions) make synthetic persons, edit rows the way staff do (normal sessions, so
the outbox hook queues them), and compare a store with the platform record by record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from random import Random
from typing import Any

import pytest
from sqlalchemy import select

from app.persons import create_person
from app.persons.model import PersonInput
from app.store import DataDir, Store, create_store
from app.store.models import Person
from app.validation.synthetic import synthetic_mobile, synthetic_name, synthetic_resident_id
from sync.client.credentials import enroll
from sync.client.engine import RoundReport, SyncEngine
from sync.client.entities import normalized, registry, row_state
from sync.server.harness import PlatformHarness
from tests.sync.conftest import STATION_A

# Short timeouts and waits: a broken test fails in seconds, never hangs.
FAST: dict[str, Any] = {
    "connect_timeout": 2.0,
    "read_timeout": 10.0,
    "backoff_base": 0.02,
    "backoff_cap": 0.2,
    "retry_budget": 15.0,
    "max_attempts": 8,
    "offline_backoff_base": 0.05,
    "offline_backoff_cap": 0.2,
    "probe_timeout": 2.0,
}
# Local-only columns that legitimately differ from the platform's copy.
LOCAL_ONLY = frozenset({"uploaded"})


@pytest.fixture
def make_store(tmp_path: Path) -> Iterator[Callable[[str], Store]]:
    stores: list[Store] = []

    def make(name: str = "pc1", station_code: str = STATION_A) -> Store:
        store = create_store(DataDir(tmp_path / name), station_code, "测试甲镇服务站")
        stores.append(store)
        return store

    yield make
    for store in stores:
        store.close()


@pytest.fixture
def enrolled(platform: PlatformHarness, make_store: Callable[..., Store]) -> Callable[..., Store]:
    def make(name: str = "pc1", station_code: str = STATION_A) -> Store:
        store = make_store(name, station_code)
        enroll(store, platform.url, platform.enrol_token(station_code), tuning=FAST)
        return store

    return make


def run_round(store: Store, **kwargs: Any) -> RoundReport:
    engine = SyncEngine(store, tuning=kwargs.pop("tuning", FAST), **kwargs)
    try:
        return engine.run_round()
    finally:
        engine.close()


@pytest.fixture
def sync_round() -> Callable[..., RoundReport]:
    return run_round


def add_persons(store: Store, count: int, seed: int = 1) -> list[str]:
    rng = Random(seed)
    ids: list[str] = []
    with store.session() as session:
        for _ in range(count):
            data = PersonInput(
                name=synthetic_name(rng),
                doc_type="resident_id",
                doc_number=synthetic_resident_id(rng),
                phone=synthetic_mobile(rng),
            )
            ids.append(create_person(session, None, data)[0])
    return ids


def edit(store: Store, model: type[Any], row_id: str, **values: Any) -> None:
    """Change a row the way staff work does: a normal session, so the outbox queues it."""
    with store.session() as session:
        obj = session.get(model, row_id)
        assert obj is not None
        for key, value in values.items():
            setattr(obj, key, value)


def person(store: Store, person_id: str) -> dict[str, Any]:
    with store.session() as session:
        obj = session.get(Person, person_id)
        assert obj is not None
        return {"name": obj.name, "phone": obj.phone, "note": obj.note, "deleted": obj.deleted}


def local_records(store: Store) -> dict[tuple[str, str], dict[str, Any]]:
    """Every synced row of a store, content fields only, in comparable form."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    with store.session() as session:
        for spec in registry().values():
            for obj in session.scalars(select(spec.model)):
                data = normalized(spec, row_state(spec, obj))
                out[(spec.name, obj.id)] = {k: v for k, v in data.items() if k not in LOCAL_ONLY}
    return out


def platform_records(harness: PlatformHarness, station_code: str = STATION_A) -> dict[tuple[str, str], dict[str, Any]]:
    """Every record the platform holds for a station, content fields only, in comparable form."""
    from sync.server.models import Record

    out: dict[tuple[str, str], dict[str, Any]] = {}
    with harness.db.read() as session:
        for row in session.scalars(select(Record).where(Record.station_code == station_code)):
            spec = registry()[row.entity]
            data = normalized(spec, {**row.payload, "deleted": row.deleted})
            out[(row.entity, row.entity_id)] = {k: v for k, v in data.items() if k not in LOCAL_ONLY}
    return out


def platform_versions(harness: PlatformHarness) -> dict[tuple[str, str], int]:
    from sync.server.models import Record

    with harness.db.read() as session:
        return {(r.entity, r.entity_id): r.server_version for r in session.scalars(select(Record))}


def mutation_count(harness: PlatformHarness) -> int:
    from sync.server.models import RecordVersion

    with harness.db.read() as session:
        return len(list(session.scalars(select(RecordVersion.entity_id))))


@pytest.fixture
def station_a() -> str:
    return STATION_A
