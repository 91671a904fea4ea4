"""Disk full while the case form is open (pytest-qt): the save fails with the Chinese message, the form
keeps everything typed, and once there is room again the same form is accepted with that content."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.reliability.test_rel_store_diskfull import drop_filler, fill_free_space, lift_limit, limit_pages
from tests.ui.conftest import login, wait_idle

REST = {
    "ethnic": "01",
    "hukou_type": "01",
    "education": "71",
    "health": "10",
    "hukou_address": "贵州省（演示地址）",
    "residence_address": "贵阳市南明区（演示地址）",
    "residence_division": "520102001",
    "registration_division": "520102001",
    "unemployed_since": "2026-09-01",
    "unemployment_cause": "02",
    "claims_ui_benefit": False,
    "training_intention": False,
    "truth_commitment": True,
}


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


def _editor(qtbot: QtBot, ctx: Any, seed: int) -> Any:
    from app.persons import PersonInput, create_person
    from app.validation import synthetic_resident_id
    from ui.pages.case_editor import CaseEditor, load_editor_data

    doc = synthetic_resident_id(random.Random(seed), region="520102")
    with ctx.store.session() as session:
        person_id = create_person(
            session,
            ctx.actor_id,
            PersonInput(name="杨某某", doc_type="resident_id", doc_number=doc, phone="19900001111"),
        )[0]
    editor = CaseEditor(ctx, None, load_editor_data(ctx, "unemployment_registration", person_id, None))
    qtbot.addWidget(editor)
    editor.show()
    values = editor.form.values()
    editor.form.set_values({k: v for k, v in values.items() if v not in (None, "", [])} | REST)
    editor.form.set_values({"residence_address": "贵阳市南明区某某路 8 号（磁盘满时填写）"})
    editor.commitment.setChecked(True)  # 承诺件: no "材料不齐" question box before acceptance
    return editor


def _disk_full(ctx: Any) -> None:
    with ctx.store.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE zz_filler (x BLOB)")
    limit_pages(ctx.store, extra_pages=0)
    fill_free_space(ctx.store)


def _room_again(ctx: Any) -> None:
    lift_limit(ctx.store)
    drop_filler(ctx.store)


def test_failed_draft_save_and_acceptance_keep_the_form(qtbot: QtBot, ctx: Any) -> None:
    from app.store.models import Case

    login(ctx)
    editor = _editor(qtbot, ctx, 8101)
    typed = editor.form.values()
    _disk_full(ctx)
    # The auto-save (what a keystroke starts) fails: nothing saved, message shown, form as typed.
    editor._changed()
    qtbot.waitUntil(lambda: "草稿未能保存" in editor.draft_state.text(), timeout=15_000)
    assert "磁盘空间已满" in editor.draft_state.text() and "清理磁盘" in editor.draft_state.text()
    assert editor.case_id is None and editor.isVisible() and editor.form.values() == typed
    # Ctrl+Enter: the draft save before acceptance fails the same way; the dialog stays open.
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot, ctx)
    assert "磁盘空间已满" in editor.draft_state.text()
    assert editor.case_id is None and editor.isVisible() and editor.form.values() == typed
    # Room again: the same form is accepted with everything that was typed.
    _room_again(ctx)
    with qtbot.waitSignal(editor.accepted, timeout=15_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with ctx.store.session() as session:
        case = session.get(Case, editor.accepted_summary.id)
        assert case.state == "accepted" and case.on_commitment
        assert case.form_data["residence_address"] == typed["residence_address"]
    assert ctx.store.integrity_check() == []


def test_failed_acceptance_shows_the_message_and_keeps_the_form(qtbot: QtBot, ctx: Any) -> None:
    from app.store.models import Case, CaseEvent

    login(ctx)
    editor = _editor(qtbot, ctx, 8102)
    # Let the 联网核查 outcome (offline here) arrive and be saved with the draft, so that pressing
    # Ctrl+Enter below writes nothing before the acceptance itself.
    qtbot.waitUntil(lambda: editor._check is not None, timeout=15_000)
    editor.save_draft()
    qtbot.waitUntil(lambda: editor.case_id is not None and editor._check_recorded, timeout=15_000)
    typed = editor.form.values()
    _disk_full(ctx)
    qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.findChild(QMessageBox, "errorBox") is not None, timeout=15_000)
    box = editor.findChild(QMessageBox, "errorBox")
    assert "磁盘空间已满" in box.text() and "没有保存" in box.text()
    assert editor.isVisible() and editor.form.values() == typed
    box.accept()
    _room_again(ctx)
    with ctx.store.session() as session:
        assert session.get(Case, editor.case_id).state == "draft"  # the failed acceptance left nothing
        actions = set(session.scalars(select(CaseEvent.action).where(CaseEvent.case_id == editor.case_id)))
        assert "accept" not in actions
    with qtbot.waitSignal(editor.accepted, timeout=15_000):
        editor.submit()  # the button the clerk presses again once there is room
    assert editor.accepted_summary.state == "accepted"
    assert ctx.store.integrity_check() == []
