"""Issue 8 point 6: the audit hash chain and ``fuwutai doctor``; every view of a person's detail, every card
read and every export leaves an audit entry (actor, action) with no personal data in it. One test per path.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

import tests.ui.conftest as ui_fixtures
from app.cli.main import run
from app.store import DataDir, Store, open_store
from app.store.models import AuditEntry, Person
from tests.ui.conftest import login, wait_idle

ctx = ui_fixtures.ctx  # the UI suite's fixtures: a demo store with its DB worker, and the main window
window = ui_fixtures.window

TAMPERING = {
    "changed": (
        ["UPDATE audit_entry SET entity_id = 'someone-else' WHERE seq = 2"],
        "审计记录第 2 条的内容被改动过",
    ),
    "removed": (["DELETE FROM audit_entry WHERE seq = 2"], "审计记录第 2 条至第 2 条缺失"),
    "reordered": (
        [
            "UPDATE audit_entry SET seq = 1000 WHERE seq = 2",
            "UPDATE audit_entry SET seq = 2 WHERE seq = 3",
            "UPDATE audit_entry SET seq = 3 WHERE seq = 1000",
        ],
        "与前一条不衔接",
    ),
    "tail cut": (["DELETE FROM audit_entry WHERE seq = (SELECT max(seq) FROM audit_entry)"], "审计记录末尾被截断"),
}


def _station(tmp_path: Path) -> Path:
    data = tmp_path / "station"
    args = ["--data-dir", str(data), "init", "--station-code", "520102001", "--station-name", "五里冲街道"]
    assert run([*args, "--admin-user", "admin", "--admin-name", "张站长", "--admin-password", "admin-pass-1"]) == 0
    return data


def _with_person(data: Path) -> tuple[str, str, str]:
    import random
    from datetime import date

    from app.persons import PersonInput, create_person
    from app.validation import synthetic_resident_id

    number = synthetic_resident_id(random.Random(86), region="520102", birth=date(1980, 5, 6), gender="1")
    store = open_store(DataDir(data), auto_backup=False)
    try:
        with store.session() as session:
            pid, _ = create_person(
                session,
                "cli",
                PersonInput(
                    name="审计某某", doc_type="resident_id", doc_number=number, phone="19900008686", gender="1"
                ),
            )
    finally:
        store.close()
    return pid, number, "审计某某"


def _entries(data: Path, action: str) -> list[AuditEntry]:
    store = open_store(DataDir(data), auto_backup=False)
    try:
        with store.session() as session:
            rows = list(session.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.seq)))
            session.expunge_all()
            return rows
    finally:
        store.close()


def _no_personal_data(entries: list[AuditEntry], *secrets: str) -> None:
    for entry in entries:
        dumped = json.dumps([entry.detail, entry.entity_id, entry.action], ensure_ascii=False, default=str)
        for secret in secrets:
            assert secret not in dumped, entry.action


# --------------------------------------------------------------------------- the chain and doctor
@pytest.mark.parametrize("how", list(TAMPERING))
def test_doctor_reports_a_tampered_chain(tmp_path: Path, capsys: pytest.CaptureFixture[str], how: str) -> None:
    from app import audit

    data = _station(tmp_path)
    pid, _number, _name = _with_person(data)
    store = open_store(DataDir(data), auto_backup=False)
    with store.session() as session:
        for _ in range(5):
            audit.record(session, "cli", "person.view", "person", pid, {"purpose": "test"})
    store.close()
    assert run(["--data-dir", str(data), "doctor"]) in (0, 1)
    assert "[正常] 审计记录：审计链完整" in capsys.readouterr().out
    statements, expected = TAMPERING[how]
    store = open_store(DataDir(data), auto_backup=False)
    with store.engine.begin() as conn:
        for statement in statements:
            conn.execute(text(statement))
    store.close()
    assert run(["--data-dir", str(data), "doctor"]) == 1
    out = capsys.readouterr().out
    assert "[异常] 审计记录：" in out and expected in out, out
    assert run(["--data-dir", str(data), "doctor", "--json"]) == 1
    checks = {c["check"]: c for c in json.loads(capsys.readouterr().out)}
    assert checks["审计记录"]["status"] == "fail" and expected in checks["审计记录"]["message"]


# --------------------------------------------------------------------------- views of a person
def test_core_person_detail_is_audited(tmp_path: Path) -> None:
    from app.persons import get_person

    data = _station(tmp_path)
    pid, number, name = _with_person(data)
    store: Store = open_store(DataDir(data), auto_backup=False)
    try:
        with store.session() as session:
            get_person(session, "staff-x", pid, purpose="profile")
    finally:
        store.close()
    views = _entries(data, "person.view")
    assert [(e.actor_id, e.entity_id, e.detail) for e in views] == [("staff-x", pid, {"purpose": "profile"})]
    _no_personal_data(views, number, name, "19900008686")


def test_cli_person_show_is_audited(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _station(tmp_path)
    pid, number, name = _with_person(data)
    capsys.readouterr()
    assert run(["--data-dir", str(data), "person", "show", number]) == 0
    assert name in capsys.readouterr().out
    views = _entries(data, "person.view")
    assert [(e.actor_id, e.entity_id, e.detail["purpose"]) for e in views] == [("cli", pid, "cli")]
    _no_personal_data(views, number, name, "19900008686")


def test_ui_profile_and_province_lookup_are_audited(qtbot: Any, window: Any, ctx: Any, monkeypatch: Any) -> None:
    from sync.client.online import LookupResult

    with ctx.store.session() as session:
        person = session.scalars(select(Person).order_by(Person.created_at)).first()
        pid, name, number = person.id, person.name, person.doc_number
    page = window.show_page("persons")
    page.open_person(pid)
    qtbot.waitUntil(lambda: page.profile.person_id == pid, timeout=10_000)
    wait_idle(qtbot, ctx)
    # The province look-up's answer (全省通办): the platform is stood in for by its parsed answer.
    import ui.pages.province_lookup as lookup_page

    monkeypatch.setattr(lookup_page.ProvinceLookupDialog, "open", lambda self: None)
    page._looked_up(LookupResult("verify", False, (), (), "全省未查到此人。"))
    wait_idle(qtbot, ctx)
    with ctx.store.session() as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.seq)))
        views = [e for e in entries if e.action == "person.view" and e.entity_id == pid]
        lookups = [e for e in entries if e.action == "person.lookup_province"]
        assert views and views[-1].actor_id == ctx.user.id
        assert lookups and lookups[-1].actor_id == ctx.user.id and lookups[-1].detail["found"] == 0
        _no_personal_data(views + lookups, name, number)


# --------------------------------------------------------------------------- card reads
def test_cli_card_read_is_audited(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _station(tmp_path)
    capsys.readouterr()
    assert run(["--data-dir", str(data), "card", "read", "--backend", "simulator", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["audited"] is True
    reads = _entries(data, "card.read")
    assert [(e.actor_id, e.detail["source"]) for e in reads] == [("cli", "simulator")]
    assert set(reads[0].detail) <= {"source", "holder_data"}  # how the card was read, never what was on it


# --------------------------------------------------------------------------- exports
@pytest.mark.parametrize("what", ["persons", "cases"])
def test_cli_export_is_audited(tmp_path: Path, capsys: pytest.CaptureFixture[str], what: str) -> None:
    data = _station(tmp_path)
    _pid, number, name = _with_person(data)
    target = tmp_path / f"{what}.xlsx"
    assert run(["--data-dir", str(data), "export", what, str(target)]) == 0
    assert target.exists()
    exports = _entries(data, f"export.{what}")
    assert [(e.actor_id, e.detail["format"]) for e in exports] == [("cli", "xlsx")]
    _no_personal_data(exports, number, name)


def test_ui_stats_export_is_audited(qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui.pages.stats import StatsPage

    login(ctx, "reviewer", "demo-review-1")
    page = StatsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.stats is not None, timeout=20_000)
    target = tmp_path / "月报.xlsx"
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    page.export()
    qtbot.waitUntil(target.exists, timeout=20_000)
    wait_idle(qtbot, ctx)
    with ctx.store.session() as session:
        entries = list(session.scalars(select(AuditEntry).where(AuditEntry.action == "stats.export")))
    assert [e.actor_id for e in entries] == [ctx.user.id] and entries[0].detail["rows"] > 0
