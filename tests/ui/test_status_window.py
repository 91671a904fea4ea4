"""The foundation-stage window: real widgets, the real DB worker, a real demo store."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.store import DataDir
from ui.db_worker import DbWorker
from ui.status_window import StatusWindow


def test_status_loads_off_the_gui_thread(qtbot: QtBot, tmp_path: Path) -> None:
    from app.demo import ensure_demo_store
    from app.station import station_status

    window = StatusWindow()
    qtbot.addWidget(window)
    worker = DbWorker()
    threads: list[str] = []
    failures: list[BaseException] = []

    def job():  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        store = ensure_demo_store(DataDir(tmp_path / "demo"), persons=5)
        try:
            return station_status(store)
        finally:
            store.close()

    worker.run(job, window.show_status, failures.append)
    qtbot.waitUntil(lambda: window.values["persons"].text() == "5" or bool(failures), timeout=30_000)
    worker.shutdown()
    assert not failures
    assert threads and threads[0].startswith("fuwutai-db")
    assert window.title.text().endswith("（演示）")
    assert window.values["cases"].text() == "5"


def test_failure_is_shown_in_chinese(qtbot: QtBot) -> None:
    window = StatusWindow()
    qtbot.addWidget(window)
    window.show_error("数据文件夹中还没有服务台数据。")
    assert window.title.text() == "无法打开本站数据"


def test_demo_command_starts_and_quits(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("fuwutai")
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [str(exe), "demo", "--data-dir", str(tmp_path / "d"), "--screenshot", str(shot), "--quit-after", "30"],
        check=False,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert shot.exists() and shot.stat().st_size > 1000
