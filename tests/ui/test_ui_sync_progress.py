"""The status bar's progress bar for long pulls: counts while a big pull runs, hidden afterwards.

One test drives the widget with the runner's signals directly; the other runs a real round against
the demo platform after 1,200 persons were added to the station's feed, and watches the bar come and go.
"""

from __future__ import annotations

from collections.abc import Iterator
from random import Random
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.sync.client.conftest import FAST
from tests.ui.conftest import login


@pytest.fixture
def platform(ctx: Any) -> Iterator[Any]:
    from sync.demo_platform import start_demo_platform

    harness = start_demo_platform(ctx.store)
    yield harness
    harness.stop()


@pytest.fixture
def window(qtbot: QtBot, ctx: Any, platform: Any) -> Iterator[Any]:
    from ui.shell import build_main_window
    from ui.sync_runner import SyncRunner

    login(ctx)
    runner = SyncRunner(ctx.store, first_after=3600, tuning=FAST)
    main = build_main_window(ctx, idle_minutes=10, sync_runner=runner)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    runner.start()
    yield main
    runner.stop()


def test_ui_sync_progress_bar_shows_counts_of_a_long_pull(qtbot: QtBot, window: Any) -> None:
    from ui.sync_runner import SyncOutcome, SyncProgress

    status = window.sync_status
    bar = status.progress_bar
    runner = status.runner
    assert not bar.isVisible()
    runner.progressed.emit(SyncProgress("正在下载平台数据", 0, 300, "pull"))
    assert not bar.isVisible()  # a short pull does not flash a bar
    runner.progressed.emit(SyncProgress("正在下载平台数据", 0, 1500, "pull"))
    assert bar.isVisible()
    assert "1500" in bar.format() and bar.maximum() == 0  # no estimate: a moving bar with the count
    assert "1500" in window.sync_label.text()
    runner.progressed.emit(SyncProgress("正在下载平台数据", 0, 2000, "pull", download_total=8000))
    assert (bar.value(), bar.maximum()) == (2000, 8000)
    assert "2000" in bar.format() and "8000" in bar.format()
    runner.progressed.emit(SyncProgress("正在上传本机修改", 4, 8000, "push"))
    assert not bar.isVisible()
    runner.progressed.emit(SyncProgress("正在下载平台数据", 4, 9000, "pull"))
    assert bar.isVisible()
    runner.finished.emit(SyncOutcome(True, True, None, pulled=9000, last_success="2026-11-25T01:00:00"))
    assert not bar.isVisible()


def _add_to_feed(platform: Any, station_code: str, count: int) -> None:
    """``count`` persons pushed to the platform by another device of the station."""
    from app.validation.synthetic import synthetic_name, synthetic_resident_id
    from tests.sync.conftest import DeviceApi, make_item, person_payload

    credential = platform.enrol(station_code, "另一台工作站")
    device = DeviceApi(platform.url, credential.device_id, credential.device_secret, station_code)
    rng = Random(3)
    items = [
        make_item(
            "person",
            person_payload(name=synthetic_name(rng), doc_number=synthetic_resident_id(rng), division_code=station_code),
        )
        for _ in range(count)
    ]
    for start in range(0, count, 500):
        results = device.push(items[start : start + 500])
        assert {r["status"] for r in results} == {"accepted"}, results[:3]


def test_ui_sync_progress_bar_during_a_real_pull(qtbot: QtBot, ctx: Any, platform: Any, window: Any) -> None:
    from app.store.models import Person
    from tests.sync.client.conftest import run_round

    assert run_round(ctx.store).ok  # the demo data goes up first
    _add_to_feed(platform, ctx.station_code, 1200)
    status = window.sync_status
    seen: list[tuple[str, int, bool, str]] = []
    # Connected after the status bar's own slot: records what it showed for each report.
    status.runner.progressed.connect(
        lambda p: seen.append((p.phase, p.downloaded, status.progress_bar.isVisible(), status.progress_bar.format()))
    )
    done: list[Any] = []
    status.runner.finished.connect(done.append)
    status.runner.request()
    qtbot.waitUntil(lambda: bool(done), timeout=120_000)
    assert done[0].ok, done[0].error
    pulls = [s for s in seen if s[0] == "pull"]
    assert [s[1] for s in pulls] == sorted(s[1] for s in pulls) and pulls[-1][1] >= 1200
    shown = [s for s in pulls if s[2]]
    assert shown, seen
    assert all(str(s[1]) in s[3] for s in shown)
    assert not status.progress_bar.isVisible()
    with ctx.store.session() as session:
        assert session.query(Person).count() >= 1200
