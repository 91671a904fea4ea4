"""The status bar's pending count stops at a cap instead of counting a huge outbox."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot


def test_pending_count_above_cap_is_shown_with_a_plus(
    qtbot: QtBot, window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.main_window

    qtbot.waitUntil(lambda: window.pending_label.text().startswith("待同步"), timeout=10_000)
    assert window.pending_label.text() != "待同步 0 条"  # the demo store has unsent changes
    monkeypatch.setattr(ui.main_window, "PENDING_COUNT_CAP", 1)
    window.refresh_status()
    qtbot.waitUntil(lambda: window.pending_label.text().startswith("待同步 1+ 条"), timeout=10_000)
