"""The reference platform process killed (SIGKILL) and restarted mid-round, again and again.

The platform runs as a real ``fuwutai-platform serve`` process on a SQLite file. Two workstations of
one station sync in a loop on their own threads — one makes changes between its rounds, the other
only pulls — while the test kills the platform at random moments (inside pushes, pages, commits or
between them) and starts it again on the same port and file. Afterwards a few clean rounds must leave
both workstations and the platform holding the same records, every change present, every accepted
change stored exactly once, and nothing left waiting.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from random import Random
from typing import Any

import pytest
import requests
from sqlalchemy import select

from app.store import Store
from app.store.models import OutboxEntry, Person
from sync.client import state
from sync.client.credentials import enroll
from sync.client.engine import SyncEngine
from sync.client.entities import normalized, registry
from sync.server import admin
from sync.server.db import Database
from sync.server.models import Mutation, Record
from sync.server.runner import free_port
from tests.sync.client.conftest import FAST, LOCAL_ONLY, add_persons, edit, local_records
from tests.sync.conftest import STATION_A

ROOT = Path(__file__).resolve().parents[3]
SERVE = "import sys; from sync.server.cli import main; main(sys.argv[1:])"
TUNING: dict[str, Any] = {**FAST, "read_timeout": 5.0, "retry_budget": 4.0, "max_attempts": 4}


class PlatformProcess:
    """``fuwutai-platform serve`` as a child process; killed with SIGKILL and started again at will."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.kills = 0

    def start(self, timeout: float = 90.0) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVE, "--db", str(self.db_path), "serve", "--port", str(self.port)],
            cwd=ROOT,
            env=os.environ.copy(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                # The port may still be held for a moment after a kill: try again.
                time.sleep(0.2)
                self.process = subprocess.Popen(self.process.args, cwd=ROOT, stdout=subprocess.DEVNULL,
                                                stderr=subprocess.DEVNULL)
                continue
            try:
                if requests.get(self.url + "/v1/hello", timeout=1).ok:
                    return
            except requests.RequestException:
                time.sleep(0.05)
        raise RuntimeError("the platform process did not come up")

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)
        self.kills += 1

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def platform_process(tmp_path: Path) -> Iterator[PlatformProcess]:
    db_path = tmp_path / "platform.db"
    db = Database(f"sqlite:///{db_path}")
    try:
        admin.add_station(db, STATION_A, "测试甲镇服务站")
    finally:
        db.dispose()
    server = PlatformProcess(db_path)
    server.start()
    yield server
    server.stop()


def _token(server: PlatformProcess) -> str:
    db = Database(f"sqlite:///{server.db_path}")
    try:
        return admin.create_enrol_token(db, STATION_A)
    finally:
        db.dispose()


def _platform_state(server: PlatformProcess) -> tuple[dict[tuple[str, str], dict[str, Any]], set[str]]:
    db = Database(f"sqlite:///{server.db_path}", create=False)
    try:
        records: dict[tuple[str, str], dict[str, Any]] = {}
        with db.read() as session:
            for row in session.scalars(select(Record).where(Record.station_code == STATION_A)):
                data = normalized(registry()[row.entity], {**row.payload, "deleted": row.deleted})
                records[(row.entity, row.entity_id)] = {k: v for k, v in data.items() if k not in LOCAL_ONLY}
            mutations = set(session.scalars(select(Mutation.mutation_id)))
        return records, mutations
    finally:
        db.dispose()


class Syncing:
    """Rounds of one workstation in a loop on a thread (one engine, so offline pauses carry over)."""

    def __init__(self, store: Store, work: Callable[[int], None] | None = None) -> None:
        self.store = store
        self.work = work
        self.stop = threading.Event()
        self.rounds = 0
        self.failed = 0
        self.errors: list[BaseException] = []
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        engine = SyncEngine(self.store, tuning=TUNING, page_limit=50, batch_items=40)
        try:
            while not self.stop.is_set():
                report = engine.run_round(probe=False)
                self.rounds += 1
                if not report.ok:
                    self.failed += 1
                    assert report.error_kind in {"offline", "timeout", "server", "protocol"}, report
                    time.sleep(0.05)
                if self.work is not None:
                    self.work(self.rounds)
        except BaseException as exc:  # noqa: BLE001  # handed to the test, which fails with it
            self.errors.append(exc)
        finally:
            engine.close()


def _restarting(platform_process: PlatformProcess, make_store: Callable[..., Store], kills: int, seed: int) -> None:
    rng = Random(seed)
    pusher, puller = make_store("pc1"), make_store("pc2")
    for store in (pusher, puller):
        enroll(store, platform_process.url, _token(platform_process), tuning=FAST)
    ids = add_persons(pusher, 120, seed=seed)

    def work(number: int) -> None:
        for person_id in rng.sample(ids, 5):
            edit(pusher, Person, person_id, note=f"第{number}轮")
        ids.extend(add_persons(pusher, 8, seed=seed * 10_000 + number))

    loops = [Syncing(pusher, work), Syncing(puller)]
    for loop in loops:
        loop.thread.start()
    try:
        for _ in range(kills):
            time.sleep(0.3 + rng.random() * 1.2)  # rounds are running on both threads
            platform_process.kill()
            time.sleep(rng.random() * 0.5)
            platform_process.start()
    finally:
        for loop in loops:
            loop.stop.set()
        for loop in loops:
            loop.thread.join(120)
    for loop in loops:
        assert not loop.errors, loop.errors
    assert sum(loop.failed for loop in loops) > 0, "some rounds should have been cut by a kill"

    from tests.sync.client.conftest import run_round

    for _ in range(5):
        reports = [run_round(pusher), run_round(puller)]
        assert all(r.ok for r in reports), [r.error for r in reports]
        if all(r.pending == 0 and r.pushed == 0 and r.pulled == 0 for r in reports):
            break
    on_platform, stored = _platform_state(platform_process)
    assert local_records(pusher) == on_platform
    assert local_records(puller) == on_platform
    with pusher.session() as session:
        persons = set(session.scalars(select(Person.id)))
        done = set(session.scalars(select(OutboxEntry.id).where(OutboxEntry.state == "done")))
        left = session.scalars(select(OutboxEntry.id).where(OutboxEntry.state != "done")).all()
        assert state.get(session, state.RESET_PENDING) is None
    assert set(ids) <= persons
    assert {("person", i) for i in ids} <= set(on_platform)
    assert not left
    assert done == stored  # every acknowledged change stored once, nothing stored that was not acknowledged


def test_sync_client_survives_platform_restarts(
    platform_process: PlatformProcess, make_store: Callable[..., Store]
) -> None:
    _restarting(platform_process, make_store, kills=5, seed=21)


@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_sync_client_survives_platform_restarts_at_length(
    platform_process: PlatformProcess, make_store: Callable[..., Store]
) -> None:
    _restarting(platform_process, make_store, kills=25, seed=22)
