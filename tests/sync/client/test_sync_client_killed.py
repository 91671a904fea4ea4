"""The sync command killed with SIGKILL at random moments of push and pull, then run again.

Each kill lands somewhere in a round of ``python -m sync.client.cli sync --once`` run as a child
process (start-up, push, pull, inside a transaction or between two): afterwards a clean round must
leave the workstation and the platform identical, with every accepted change stored once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from random import Random

import pytest
from sqlalchemy import select

from app.store import Store
from app.store.models import OutboxEntry, Person
from sync.client import state
from sync.server.harness import PlatformHarness
from sync.server.models import Mutation
from tests.sync.client.conftest import add_persons, edit, local_records, platform_records, run_round

ROOT = Path(__file__).resolve().parents[3]


def _start_up_seconds(store: Store) -> float:
    """How long a child takes to start and do (almost) nothing on this machine, right now."""
    import time

    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "sync.client.cli", "--data-dir", str(store.data_dir.root), "sync", "status"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
        timeout=120,
    )
    return time.monotonic() - started


def _sync_then_kill(store: Store, after: float) -> float | None:
    """Run one round in a child and SIGKILL it after ``after`` s; None if killed, else how long it ran."""
    import time

    started = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-m", "sync.client.cli", "--data-dir", str(store.data_dir.root), "sync", "--once"],
        cwd=ROOT,
        env=os.environ.copy(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        child.wait(timeout=after)
        return time.monotonic() - started
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        return None


def _killing(platform: PlatformHarness, enrolled: Callable[..., Store], kills: int, seed: int) -> None:
    rng = Random(seed)
    pusher, puller = enrolled("pc1"), enrolled("pc2")
    ids = add_persons(pusher, 150, seed=seed)
    killed = 0
    # The kill falls after the child's start-up (measured here, since a loaded machine starts slower)
    # and before the round would end: each side's window shrinks to the length of rounds that finished
    # before their kill, so the kills keep landing inside rounds however fast this machine is today.
    start_up = _start_up_seconds(pusher)
    lower = start_up * 0.8
    upper = {"pc1": start_up + 1.5, "pc2": start_up + 1.5}
    for number in range(kills):
        target, side = (pusher, "pc1") if number % 2 == 0 else (puller, "pc2")
        ran = _sync_then_kill(target, lower + rng.random() * max(0.05, upper[side] - lower))
        if ran is None:
            killed += 1
        else:
            upper[side] = max(lower + 0.05, min(upper[side], ran * 0.95))
        if target is pusher:
            for person_id in rng.sample(ids, 10):
                edit(pusher, Person, person_id, note=f"第{number}次")
            add_persons(pusher, 20, seed=seed * 1000 + number)
    assert killed >= kills // 2, f"most children should have been killed mid-round ({killed} of {kills})"
    for _ in range(4):
        reports = [run_round(pusher), run_round(puller)]
        if all(r.ok and r.pending == 0 and r.pushed == 0 and r.pulled == 0 for r in reports):
            break
    on_platform = platform_records(platform)
    assert local_records(pusher) == on_platform
    assert local_records(puller) == on_platform
    with platform.db.read() as session:
        stored = {m.mutation_id for m in session.scalars(select(Mutation))}
    with pusher.session() as session:
        done = set(session.scalars(select(OutboxEntry.id).where(OutboxEntry.state == "done")))
        left = session.scalars(select(OutboxEntry.id).where(OutboxEntry.state != "done")).all()
        assert state.get(session, state.RESET_PENDING) is None
    assert not left
    assert done == stored


def test_sync_client_survives_being_killed(platform: PlatformHarness, enrolled: Callable[..., Store]) -> None:
    _killing(platform, enrolled, kills=8, seed=11)


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_sync_client_survives_being_killed_fifty_times(
    platform: PlatformHarness, enrolled: Callable[..., Store]
) -> None:
    _killing(platform, enrolled, kills=50, seed=12)
