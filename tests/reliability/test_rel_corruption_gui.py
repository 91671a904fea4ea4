"""Issue 8.3, desktop program: a damaged store at start offers the latest good backup, then opens it."""

from __future__ import annotations

import argparse
from pathlib import Path
from random import Random

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.store import DataDir, open_store
from tests.reliability.corruption_kit import add_persons, build_store, damage, root_page


def _damaged_station(tmp_path: Path) -> tuple[DataDir, list[str]]:
    data_dir = DataDir(tmp_path / "station")
    build_store(data_dir, persons=4)
    open_store(data_dir).close()  # the daily backup
    numbers = add_persons(data_dir, 3, Random(11))  # saved after the backup: what a restore loses
    damage(data_dir.db, [root_page(data_dir, "person")], Random(12), whole=True)
    return data_dir, numbers


def _program(tmp_path: Path, data_dir: DataDir) -> object:
    from ui.app import Program

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    args = argparse.Namespace(data_dir=str(data_dir.root), command=None, quit_after=None, screenshot=None)
    return Program(app, args, demo=False)


def test_rel_corruption_gui_offers_the_backup_lists_losses_and_opens_the_restored_store(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from ui.login import LoginDialog
    from ui.recovery_dialog import RecoveryDialog

    data_dir, numbers = _damaged_station(tmp_path)
    program = _program(tmp_path, data_dir)
    try:
        program.begin()  # type: ignore[attr-defined]
        start = program.start  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: start.findChild(RecoveryDialog) is not None, timeout=60_000)
        dialog = start.findChild(RecoveryDialog)
        text = dialog.details.toPlainText()
        assert "数据库文件已损坏" in text and "人员：3 项" in text
        assert not any(number in text for number in numbers)
        assert dialog.restore_button.isEnabled()
        dialog.restore_button.click()
        qtbot.waitUntil(lambda: start.findChild(LoginDialog) is not None, timeout=60_000)
        assert program.opened is not None  # type: ignore[attr-defined]
        kept = list(data_dir.root.glob("fuwutai.db.damaged-*"))
        assert len(kept) == 1 and kept[0].stat().st_size > 0  # the damaged file is kept beside
    finally:
        program.shutdown()  # type: ignore[attr-defined]
        program.start.close()  # type: ignore[attr-defined]
    store = open_store(data_dir, auto_backup=False)
    try:
        assert store.integrity_check() == []
    finally:
        store.close()


def test_rel_corruption_gui_quit_leaves_the_damaged_store_untouched(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.recovery_dialog import RecoveryDialog

    data_dir, _numbers = _damaged_station(tmp_path)
    before = data_dir.db.read_bytes()
    program = _program(tmp_path, data_dir)
    quits: list[bool] = []
    monkeypatch.setattr(program.app, "quit", lambda: quits.append(True))  # type: ignore[attr-defined]
    try:
        program.begin()  # type: ignore[attr-defined]
        start = program.start  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: start.findChild(RecoveryDialog) is not None, timeout=60_000)
        start.findChild(RecoveryDialog).quit_button.click()
        qtbot.waitUntil(lambda: quits == [True], timeout=5_000)
    finally:
        program.shutdown()  # type: ignore[attr-defined]
        program.start.close()  # type: ignore[attr-defined]
    assert data_dir.db.read_bytes() == before
    assert not list(data_dir.root.glob("fuwutai.db.damaged-*"))


def test_rel_corruption_gui_without_a_good_backup_offers_only_to_quit(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.recovery_dialog import RecoveryDialog

    data_dir, _numbers = _damaged_station(tmp_path)
    for backup in data_dir.backups.iterdir():
        damage(backup, [2], Random(13), whole=True)  # the only backup is damaged too
    program = _program(tmp_path, data_dir)
    quits: list[bool] = []
    monkeypatch.setattr(program.app, "quit", lambda: quits.append(True))  # type: ignore[attr-defined]
    try:
        program.begin()  # type: ignore[attr-defined]
        start = program.start  # type: ignore[attr-defined]
        qtbot.waitUntil(lambda: start.findChild(RecoveryDialog) is not None, timeout=60_000)
        dialog = start.findChild(RecoveryDialog)
        assert not dialog.restore_button.isEnabled()
        text = dialog.details.toPlainText()
        assert "未通过校验，已跳过" in text and "省级平台" in text
        dialog.quit_button.click()
        qtbot.waitUntil(lambda: quits == [True], timeout=5_000)
    finally:
        program.shutdown()  # type: ignore[attr-defined]
        program.start.close()  # type: ignore[attr-defined]
