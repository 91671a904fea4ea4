"""Issue 8 point 10, bounded: many stations sync at once against a real platform process; nothing lost.

The full figures (200 stations, 60 s, SQLite and PostgreSQL) come from ``benchmarks/bench_platform_load.py``
and are recorded in docs/reliability.md. Here 50 stations push and pull for a short while; the
only errors allowed are the documented backpressure answers (429/503, always with ``Retry-After``),
and afterwards every acknowledged change is on the platform exactly once, nothing else is, business
keys are unique per station and each station's pulled feed equals the platform's export.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import create_engine, event
from sqlalchemy.pool import QueuePool

from benchmarks.bench_platform_load import LoadReport, run_load
from sync.protocol import Paths
from sync.server import db as db_module
from sync.server.harness import PlatformHarness
from tests.sync.conftest import (  # noqa: F401 - pg_cluster and postgres_url: fixtures for the PostgreSQL run
    STATION_A,
    DeviceApi,
    make_item,
    person_payload,
    pg_cluster,
    postgres_url,
)

STATIONS = 50
SECONDS = 12.0


def _check(report: LoadReport) -> None:
    summary = report.summary()
    assert report.problems == [], summary
    assert report.stats.unexpected() == {}, summary
    assert report.stats.missing_retry_after == 0, summary
    assert report.server_log_errors == 0, summary
    assert report.unknown == 0, summary
    # Every station got at least its first batch (20 persons + 20 cases) through.
    assert report.outcomes["accepted"] >= STATIONS * 40, summary
    assert set(report.outcomes) <= {"accepted", "duplicate"}, summary


@pytest.mark.slow
def test_rel_platform_load_sqlite(tmp_path: Path) -> None:
    report = run_load(
        f"sqlite:///{tmp_path / 'platform.db'}", stations=STATIONS, duration=SECONDS, resend_chance=0.2, grace=90
    )
    _check(report)


@pytest.mark.slow
def test_rel_platform_load_postgresql(postgres_url: str) -> None:  # noqa: F811 - the fixture imported above
    report = run_load(postgres_url, stations=STATIONS, duration=SECONDS, resend_chance=0.2, grace=90)
    _check(report)


# --- backpressure, never 500: what a loaded platform answers when its database is busy ------------------


def _busy_platform(url: str) -> PlatformHarness:
    harness = PlatformHarness(url)
    harness.add_station(STATION_A)
    return harness


def _assert_unavailable(response: requests.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["Retry-After"] == str(response.json()["error"]["retry_after"])
    assert int(response.headers["Retry-After"]) >= 1
    assert response.json()["error"]["code"] == "unavailable"


def test_rel_platform_load_sqlite_write_lock_is_503(tmp_path: Path) -> None:
    """A writer that cannot get SQLite's write lock in time answers 503 + Retry-After, and nothing is stored."""
    url = f"sqlite:///{tmp_path / 'platform.db'}"
    harness = _busy_platform(url)

    @event.listens_for(harness.db.engine, "connect")
    def _short_busy_timeout(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout=300")  # after the platform's own 30 s setting

    harness.db.engine.dispose()
    with harness:
        credential = harness.enrol(STATION_A)
        api = DeviceApi(harness.url, credential.device_id, credential.device_secret, STATION_A)
        blocker = sqlite3.connect(tmp_path / "platform.db", isolation_level=None)
        blocker.execute("BEGIN IMMEDIATE")  # another writer (say an admin command) holds the lock
        try:
            response = api.post(Paths.PUSH, {"items": [make_item("person", person_payload())]}, gzip_body=True)
            _assert_unavailable(response)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert api.pull_all() == []
        retried = api.push([make_item("person", person_payload())])
        assert retried[0]["status"] == "accepted"


def test_rel_platform_load_pool_exhausted_is_503(tmp_path: Path) -> None:
    """Every database connection busy for longer than the pool waits: 503 + Retry-After, not 500."""
    harness = _busy_platform(f"sqlite:///{tmp_path / 'platform.db'}")
    with harness:
        credential = harness.enrol(STATION_A)
        api = DeviceApi(harness.url, credential.device_id, credential.device_secret, STATION_A)
        # The same engine options, a pool of one that waits 0.3 s (the real pool waits 30 s).
        original = harness.db.engine
        harness.db.engine = create_engine(
            original.url, poolclass=QueuePool, pool_size=1, max_overflow=0, pool_timeout=0.3
        )
        try:
            with harness.db.engine.connect():  # the only connection, held by "another request"
                _assert_unavailable(api.get(Paths.CHANGES))
            assert api.changes()["items"] == []
        finally:
            harness.db.engine.dispose()
            harness.db.engine = original


def test_rel_platform_load_sqlite_write_queue_is_503(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The platform's own SQLite writers take turns; one that waits its whole turn gets 503 + Retry-After."""
    monkeypatch.setattr(db_module, "WRITE_QUEUE_SECONDS", 0.3)
    harness = _busy_platform(f"sqlite:///{tmp_path / 'platform.db'}")
    with harness:
        credential = harness.enrol(STATION_A)
        api = DeviceApi(harness.url, credential.device_id, credential.device_secret, STATION_A)
        holding, release = threading.Event(), threading.Event()

        def long_writer() -> None:  # another push of this process, still applying its batch
            with harness.db.write():
                holding.set()
                release.wait(10)

        writer = threading.Thread(target=long_writer)
        writer.start()
        try:
            assert holding.wait(10)
            _assert_unavailable(api.post(Paths.PUSH, {"items": [make_item("person", person_payload())]}))
            assert api.changes()["items"] == []  # readers are not held up by the queue
        finally:
            release.set()
            writer.join(10)
        assert api.push([make_item("person", person_payload())])[0]["status"] == "accepted"
