"""设置 under IT's preset (fuwutai.toml): locked keys are shown, greyed out, and never written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import login, wait_idle


@pytest.fixture
def preset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    from app.config import preset as presets

    path = tmp_path / "fuwutai.toml"
    path.write_text('idle_lock_minutes = 7\ncard_backend = "simulator"\nlocked = ["idle_lock_minutes"]\n', "utf-8")
    monkeypatch.setenv("FUWUTAI_CONFIG", str(path))
    presets.reset_current_preset()
    yield path
    presets.reset_current_preset()


def test_locked_setting_is_greyed_out_and_not_saved(qtbot: QtBot, ctx: Any, preset: Path) -> None:
    from app.settings import get_settings
    from ui.shell import build_main_window

    login(ctx, "admin", "demo-admin-1")
    window = build_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    page = window.show_page("settings")
    qtbot.waitUntil(lambda: "idle_lock_minutes" in getattr(page, "locked", set()), timeout=15_000)
    assert page.idle.value() == 7 and not page.idle.isEnabled() and "fuwutai.toml" in page.idle.toolTip()
    assert page.card.isEnabled()  # set by the preset but not locked: the user may change it
    changed: list[dict[str, Any]] = []
    page.settingsChanged.connect(changed.append)
    page.idle.setValue(30)  # even if a widget were changed, a locked key is never written
    page.save()
    qtbot.waitUntil(lambda: bool(changed), timeout=15_000)
    wait_idle(qtbot, ctx)
    assert changed[0]["idle_lock_minutes"] == 7
    with ctx.store.session() as session:
        assert get_settings(session)["idle_lock_minutes"] != 30
