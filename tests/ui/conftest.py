"""Real widgets over a real demo store, with the real DB worker; pytest-qt offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot


@pytest.fixture
def ctx(tmp_path: Path) -> Iterator[Any]:
    from app.catalog import load_bundled_catalog
    from app.demo import ensure_demo_store
    from app.store import DataDir
    from ui.context import AppContext
    from ui.db_worker import DbWorker

    store = ensure_demo_store(DataDir(tmp_path / "demo"), persons=12)
    station = store.station()
    assert station is not None
    worker = DbWorker()
    context = AppContext(store, worker, load_bundled_catalog(), station.name, station.code)
    yield context
    worker.shutdown()
    store.close()


def login(ctx: Any, username: str = "clerk", password: str = "demo-clerk-1") -> Any:
    from app.auth import authenticate

    with ctx.store.session() as session:
        ctx.user = authenticate(session, username, password)
    return ctx.user


@pytest.fixture
def window(qtbot: QtBot, ctx: Any) -> Any:
    from ui.shell import build_main_window

    login(ctx)
    main = build_main_window(ctx, idle_minutes=10)
    qtbot.addWidget(main)
    main.show()
    return main


def wait_idle(qtbot: QtBot, ctx: Any) -> None:
    """Wait until every job handed to the DB worker so far has delivered its result."""
    from concurrent.futures import Future

    marker: Future[None] = Future()
    ctx.worker.run(lambda: None, lambda _r: marker.set_result(None), lambda _e: marker.set_result(None))
    qtbot.waitUntil(marker.done, timeout=20_000)
