"""Background sync in the desktop program: F5 rounds against a real reference platform, failures, conflicts.

The demo store is enrolled with the demo platform (``sync.demo_platform``) exactly as ``fuwutai demo``
does it; rounds run on the sync thread with short transport timeouts.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.sync.client.conftest import FAST
from tests.ui.conftest import login, wait_idle

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def platform(ctx: Any) -> Iterator[Any]:
    from sync.demo_platform import start_demo_platform

    harness = start_demo_platform(ctx.store)
    yield harness
    harness.stop()


@pytest.fixture
def sync_window(qtbot: QtBot, ctx: Any, platform: Any) -> Iterator[Any]:
    from ui.shell import build_main_window
    from ui.sync_runner import SyncRunner

    login(ctx)
    runner = SyncRunner(ctx.store, first_after=3600, tuning=FAST)
    main = build_main_window(ctx, idle_minutes=10, sync_runner=runner)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    runner.start()
    yield main
    runner.stop()


def press_f5(qtbot: QtBot, window: Any) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F5)


def test_ui_sync_f5_pushes_pending_changes_and_shows_synced(
    qtbot: QtBot, ctx: Any, platform: Any, sync_window: Any
) -> None:
    from sync.client.status import sync_status
    from sync.server.models import Record

    with ctx.store.session() as session:
        assert sync_status(session).pending > 0
    started: list[bool] = []
    sync_window.sync_status.runner.roundStarted.connect(lambda: started.append(True))
    press_f5(qtbot, sync_window)
    qtbot.waitUntil(lambda: sync_window.sync_label.text().startswith("已同步"), timeout=60_000)
    assert started
    with ctx.store.session() as session:
        assert sync_status(session).pending == 0
    with platform.db.read() as session:
        entities = {r.entity for r in session.query(Record).filter(Record.station_code == ctx.station_code)}
    assert {"person", "case"} <= entities
    assert "上次成功" in sync_window.sync_label.toolTip()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: sync_window.pending_label.text().startswith("待同步 0 条"), timeout=10_000)


def test_ui_sync_stopped_platform_shows_failure_and_stays_responsive(
    qtbot: QtBot, ctx: Any, platform: Any, sync_window: Any
) -> None:
    platform.stop()
    sync_window.sync_status.sync_button.click()
    # The GUI thread keeps serving events and DB jobs while the round fails on its own thread.
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: sync_window.sync_label.text().startswith("同步失败："), timeout=60_000)
    message = sync_window.sync_label.text().removeprefix("同步失败：")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message
    assert sync_window.sync_status.sync_button.isEnabled()
    # A second request (F5) while offline ends quickly too, without spinning.
    before = time.monotonic()
    sync_window.sync_label.setText("")
    press_f5(qtbot, sync_window)
    qtbot.waitUntil(lambda: sync_window.sync_label.text().startswith("同步失败："), timeout=60_000)
    assert time.monotonic() - before < 30
    QApplication.processEvents()


def test_ui_sync_conflict_screen_resolves_per_field(
    qtbot: QtBot, ctx: Any, platform: Any, sync_window: Any, tmp_path: Path
) -> None:
    from app.store import DataDir, create_store
    from app.store.models import Person
    from sync.client.conflicts import list_conflicts
    from sync.client.credentials import enroll
    from tests.sync.client.conftest import edit, person, run_round

    assert run_round(ctx.store).ok
    other = create_store(DataDir(tmp_path / "pc2"), ctx.station_code, ctx.station_name)
    try:
        enroll(other, platform.url, platform.enrol_token(ctx.station_code), tuning=FAST)
        assert run_round(other).ok
        with ctx.store.session() as session:
            pid = session.query(Person.id).order_by(Person.id).first()[0]
        edit(other, Person, pid, phone="13900000002", note="二号机备注")
        assert run_round(other).ok
    finally:
        other.close()
    edit(ctx.store, Person, pid, phone="13900000001", note="本机备注")
    assert run_round(ctx.store).ok
    with ctx.store.session() as session:
        assert len(list_conflicts(session)) == 1

    dialog = sync_window.sync_status.open_issues()
    screen = dialog.conflicts
    qtbot.waitUntil(lambda: screen.list.count() == 1 and screen.table.rowCount() >= 2, timeout=10_000)
    assert screen.resolve_button.isEnabled()
    screen.choose("phone", "server")
    screen.choose("note", "local")
    screen.resolve()
    qtbot.waitUntil(lambda: screen.list.count() == 0, timeout=10_000)
    values = person(ctx.store, pid)
    assert values["phone"] == "13900000002" and values["note"] == "本机备注"
    with ctx.store.session() as session:
        assert list_conflicts(session) == []
    dialog.accept()


def test_ui_sync_issue_screens_empty(qtbot: QtBot, ctx: Any, platform: Any, sync_window: Any) -> None:
    dialog = sync_window.sync_status.open_issues()
    wait_idle(qtbot, ctx)
    assert not dialog.conflicts.resolve_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.quarantine.table.rowCount() == 0, timeout=10_000)
    dialog.accept()


def test_ui_sync_demo_platform_reused_when_port_changes(ctx: Any, platform: Any) -> None:
    from sync.client import state
    from sync.client.engine import SyncEngine
    from sync.demo_platform import platform_dir, start_demo_platform

    with ctx.store.session() as session:
        first = state.connection(session)
    assert first is not None and first.server_url == platform.url
    platform.stop()
    (platform_dir(ctx.store) / "port").write_text("1", encoding="utf-8")  # not reusable: a new port
    again = start_demo_platform(ctx.store)
    try:
        with ctx.store.session() as session:
            second = state.connection(session)
        assert second is not None
        assert second.device_id == first.device_id and second.server_url == again.url
        engine = SyncEngine(ctx.store, tuning=FAST)
        try:
            assert engine.run_round().ok
        finally:
            engine.close()
    finally:
        again.stop()


def test_ui_sync_demo_quit_after_exits_quickly(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from ui.main import main; main()",
            "demo",
            "--data-dir",
            str(tmp_path / "demo"),
            "--quit-after",
            "4",
        ],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
    assert time.monotonic() - started < 60
    # The platform came up beside the app and the demo store was enrolled with it.
    assert (tmp_path / "demo" / "platform" / "platform.db").exists()


def test_ui_sync_demo_program_syncs_after_login_and_shuts_down_in_order(qtbot: QtBot, tmp_path: Path) -> None:
    """The composition root: demo platform on its thread, login, a round on F5, then an orderly exit."""
    import argparse

    from ui.app import Program
    from ui.login import LoginDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    args = argparse.Namespace(data_dir=str(tmp_path / "demo"), command="demo", quit_after=None, screenshot=None)
    program = Program(app, args, demo=True)
    try:
        program.begin()
        qtbot.waitUntil(lambda: program.start.findChild(LoginDialog) is not None, timeout=60_000)
        dialog = program.start.findChild(LoginDialog)
        qtbot.waitUntil(lambda: program.platform is not None and program.platform.harness is not None, timeout=60_000)
        dialog.form.username.setText("clerk")
        dialog.form.password.setText("demo-clerk-1")
        dialog.form.button.click()
        qtbot.waitUntil(lambda: program.window is not None and program.window.isVisible(), timeout=30_000)
        assert program.sync_runner is not None
        program.window.sync_status.sync_button.click()
        qtbot.waitUntil(lambda: program.window.sync_label.text().startswith("已同步"), timeout=60_000)
        # The demo's simulated reader deals a card new to the station, then two of its own persons.
        from sqlalchemy import select

        from app.store.models import Person

        holders = program.cards.holders
        with program.opened.store.session() as session:
            on_record = set(session.scalars(select(Person.doc_number)))
        assert len(holders) == 3 and holders[0].ss_number not in on_record
        assert {holder.ss_number for holder in holders[1:]} <= on_record
        with qtbot.waitSignal(program.cards.cardRead, timeout=15_000):
            program.cards.read()
        with qtbot.waitSignal(program.cards.cardRead, timeout=15_000) as second:
            program.cards.read()
        assert second.args[0].ss_number == holders[1].ss_number
    finally:
        harness = program.platform.harness if program.platform else None
        program.shutdown()
        if program.window is not None:
            program.window.close()
        program.start.close()
    assert harness is not None and not harness.server._thread.is_alive()
    assert program.sync_runner is not None and program.sync_runner._thread is None


def test_ui_sync_quarantine_screen_lists_reasons_and_retries_or_discards(
    qtbot: QtBot, ctx: Any, platform: Any, sync_window: Any, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QMessageBox
    from sqlalchemy import select

    from app.store.models import OutboxEntry, Person
    from tests.sync.client.conftest import edit, person, run_round

    assert run_round(ctx.store).ok
    with ctx.store.session() as session:
        first, second = session.scalars(select(Person.id).order_by(Person.id).limit(2)).all()
    original = person(ctx.store, second)["phone"]
    edit(ctx.store, Person, first, note="退回测试一")
    edit(ctx.store, Person, second, phone="13900000009")
    with ctx.store.session() as session:  # as if the platform had refused both changes
        for entry in session.scalars(select(OutboxEntry).where(OutboxEntry.state == "pending")):
            entry.state, entry.last_error = "rejected", "联系电话与平台上的另一人员重复。"

    dialog = sync_window.sync_status.open_issues()
    screen = dialog.quarantine
    qtbot.waitUntil(lambda: screen.table.rowCount() == 2, timeout=10_000)
    assert screen.table.item(0, 2).text() == "联系电话与平台上的另一人员重复。"
    assert screen.table.item(0, 0).text() == "人员"
    screen.table.selectRow(0)
    screen.act("retry")
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=10_000)
    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    screen.table.selectRow(0)
    screen.act("discard")
    qtbot.waitUntil(lambda: screen.table.rowCount() == 0, timeout=10_000)
    assert person(ctx.store, second)["phone"] == original  # back to the platform's copy
    assert person(ctx.store, first)["note"] == "退回测试一"  # sent again
    with ctx.store.session() as session:
        states = list(session.scalars(select(OutboxEntry.state).where(OutboxEntry.entity_id == first)))
    assert "pending" in states
    dialog.accept()
