"""网上申请 queue, 全省通办, 联网核查 and per-record sync state in the real widgets (demo store, real platform)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from random import Random
from typing import Any

import pytest
import requests
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.persons import PersonInput, create_person, find_by_document
from app.store.models import AuditEntry, Case, CaseEvent, Person
from app.validation import synthetic_resident_id
from sync.protocol import Paths
from sync.server import admin
from sync.server.harness import PlatformHarness
from tests.ui.conftest import login, wait_idle

OTHER_STATION = "520103002"
QUICK: dict[str, Any] = {
    "connect_timeout": 2.0,
    "read_timeout": 10.0,
    "backoff_base": 0.02,
    "backoff_cap": 0.2,
    "retry_budget": 10.0,
    "max_attempts": 3,
    "probe_timeout": 2.0,
}


@pytest.fixture
def online(ctx: Any, tmp_path: Path) -> Iterator[PlatformHarness]:
    """The demo store enrolled against a real reference platform; the demo clerk has a platform account."""
    from sync.client.credentials import enroll
    from sync.client.online import OnlineServices
    from ui.online import set_services

    harness = PlatformHarness(f"sqlite:///{tmp_path / 'platform.db'}").start()
    harness.add_station(ctx.station_code, ctx.station_name)
    harness.add_station(OTHER_STATION, "测试乙镇服务站")
    enroll(ctx.store, harness.url, harness.enrol_token(ctx.station_code), tuning=QUICK)
    harness.add_user(ctx.station_code, "clerk", "demo-clerk-1", "clerk", "演示经办")
    services = OnlineServices(ctx.store, tuning=QUICK)
    set_services(ctx, services)
    try:
        yield harness
    finally:
        services.close()
        harness.stop()


def _apply_online_case(ctx: Any) -> str:
    """A case as the change feed delivers an online application (platform data: nothing queued)."""
    with ctx.store.session(remote_apply=True) as session:
        person = session.scalars(select(Person).where(Person.deleted.is_(False))).first()
        assert person is not None
        case = Case(
            case_no=f"WB{ctx.station_code}-20260302-1",
            item_code="job_seeking",
            item_version=1,
            subject_kind="person",
            person_id=person.id,
            state="received_online",
            form_data={},
            channel="online",
            version=1,
            server_version=1,
        )
        session.add(case)
        session.flush()
        session.add(CaseEvent(case=case, action="submit_online", to_state="received_online", note="网上申请"))
        return case.id


def _submit_elsewhere(harness: PlatformHarness, doc: str) -> None:
    """The 就业帮 APP applies at the other station, which accepts it: a registration elsewhere in the province."""
    body = {
        "application_id": str(uuid.uuid4()),
        "station_code": OTHER_STATION,
        "item_code": "unemployment_registration",
        "applicant": {"name": "外某某", "doc_type": "resident_id", "doc_number": doc},
    }
    answer = requests.post(
        harness.url + Paths.ONLINE_APPLICATIONS, json=body, headers={"X-Fuwutai-App-Key": harness.app_key()}, timeout=30
    )
    assert answer.status_code == 201, answer.text
    admin.case_command(harness.db, answer.json()["case_id"], "accept")


def test_online_applications_show_in_the_queue_with_their_actions(qtbot: QtBot, window: Any, ctx: Any) -> None:
    case_id = _apply_online_case(ctx)
    dashboard = window.show_page("dashboard")
    dashboard.refresh()
    wait_idle(qtbot, ctx)
    online = dashboard.lists["online"]
    assert online.count() == 1 and "网上申请待受理" in online.item(0).text()
    assert "（1）" in dashboard.boxes["online"].title()

    cases = window.show_page("cases")
    cases.show_online()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: cases.model.rowCount() == 1, timeout=10_000)
    assert cases.model.id_at(0) == case_id
    sync_column = [c.key for c in cases.model.columns].index("sync")
    qtbot.waitUntil(lambda: cases.model.index(0, sync_column).data() == "已同步", timeout=10_000)

    cases.open_case(case_id)
    wait_idle(qtbot, ctx)
    detail = cases.detail
    assert "受理后开始计算办理时限" in detail.countdown.text()
    assert detail.sync_state.text() == "同步：已同步"
    names = {b.objectName() for b in detail.findChildren(QPushButton)}
    assert {"reviewOnline", "action-decline"} <= names
    assert "action-reject" not in names  # 不予办理 is for accepted cases; the counter declines (不予受理)

    detail.take("decline", reason="申请人信息不全，请到窗口办理", confirmed=True)
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    with ctx.store.session() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.state == "rejected" and case.close_reason == "申请人信息不全，请到窗口办理"
    qtbot.waitUntil(lambda: detail.sync_state.text() == "同步：待同步", timeout=10_000)
    cases.state.setCurrentIndex(0)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: cases.model.rowCount() > 1, timeout=10_000)

    def states() -> set[str]:
        return {cases.model.index(r, sync_column).data() for r in range(cases.model.rowCount())}

    qtbot.waitUntil(lambda: states() == {"待同步"}, timeout=10_000)  # demo cases were made here, never sent


def test_persons_offer_the_province_lookup_only_when_enrolled(qtbot: QtBot, window: Any, ctx: Any) -> None:
    page = window.show_page("persons")
    number = synthetic_resident_id(Random(77))
    page.search.setText(number)
    qtbot.waitUntil(lambda: "尚未接入省级平台" in page.hint.text(), timeout=10_000)
    assert page.province_button.isHidden()
    with ctx.store.session() as session:
        local_doc = session.scalars(select(Person.doc_number).where(Person.deleted.is_(False))).first()
    assert local_doc is not None
    page.search.setText(local_doc)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10_000)
    assert page.province_button.isHidden()
    qtbot.waitUntil(lambda: page.model.index(0, 5).data() == "待同步", timeout=10_000)  # never synced: demo store


def test_province_lookup_finds_and_takes_a_person(qtbot: QtBot, ctx: Any, online: PlatformHarness) -> None:
    from ui.shell import build_main_window

    login(ctx)
    window = build_main_window(ctx, idle_minutes=10)
    qtbot.addWidget(window)
    window.show()
    doc = synthetic_resident_id(Random(78), region="520103", birth=date(1979, 4, 5), gender="1")
    _submit_elsewhere(online, doc)

    page = window.show_page("persons")
    page.search.setText(doc)
    qtbot.waitUntil(lambda: "到省平台查找" in page.hint.text(), timeout=10_000)
    assert page.province_button.isVisible()
    page.province_button.click()
    dialog = page.findChild(QDialog, "platformLogin")
    assert dialog is not None and dialog.isVisible()
    dialog.password.setText("demo-clerk-1")
    dialog.button.click()
    qtbot.waitUntil(lambda: getattr(page, "lookup_dialog", None) is not None, timeout=20_000)
    found = page.lookup_dialog
    assert found.persons.count() == 1 and "外某某" in found.persons.item(0).text()
    assert "测试乙镇服务站" in found.persons.item(0).text()
    assert found.registrations.count() == 1 and "已受理" in found.registrations.item(0).text()
    with ctx.store.session() as session:
        actions = [a for (a,) in session.execute(select(AuditEntry.action))]
        assert "person.lookup_province" in actions
    assert found.import_button.isEnabled()
    found.import_button.click()
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    with ctx.store.session() as session:
        person_id = find_by_document(session, doc)
    assert person_id is not None
    qtbot.waitUntil(lambda: page.profile.person_id == person_id, timeout=10_000)
    qtbot.waitUntil(lambda: page.profile.sync_state.text() == "同步：待同步", timeout=10_000)

    # Offline: the look-up says plainly that it needs the network.
    online.stop()
    other = synthetic_resident_id(Random(79))
    page.search.setText(other)
    qtbot.waitUntil(lambda: page._lookup_number == other, timeout=10_000)
    page.province_button.click()  # the session is kept for the run: no second password prompt
    qtbot.waitUntil(lambda: "联网" in page.hint.text() and "未完成" in page.hint.text(), timeout=20_000)


def _editor(qtbot: QtBot, ctx: Any, person_id: str) -> Any:
    from ui.pages.case_editor import CaseEditor, load_editor_data

    data = load_editor_data(ctx, "unemployment_registration", person_id, None)
    editor = CaseEditor(ctx, None, data)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _check_events(ctx: Any, case_id: str) -> list[str]:
    with ctx.store.session() as session:
        return [
            n or ""
            for n in session.scalars(
                select(CaseEvent.note).where(CaseEvent.case_id == case_id, CaseEvent.action == "online_check")
            )
        ]


def test_precheck_warns_of_a_registration_elsewhere(qtbot: QtBot, ctx: Any, online: PlatformHarness) -> None:
    from sync.client.online import OnlineServices
    from ui.online import services_for

    login(ctx)
    doc = synthetic_resident_id(Random(80), region="520103", birth=date(1985, 7, 8), gender="2")
    _submit_elsewhere(online, doc)
    with ctx.store.session() as session:
        person_id, _ = create_person(session, None, PersonInput(name="外某某", doc_type="resident_id", doc_number=doc))
    services: OnlineServices = services_for(ctx)
    services.login("clerk", "demo-clerk-1")

    editor = _editor(qtbot, ctx, person_id)
    qtbot.waitUntil(lambda: "同类登记" in editor.online_check.text(), timeout=20_000)
    assert "测试乙镇服务站" in editor.online_check.text() and "核实" in editor.online_check.text()
    editor.save_draft()
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert editor.case_id is not None
    notes = _check_events(ctx, editor.case_id)
    assert len(notes) == 1 and notes[0].startswith("联网核查：全省发现其他登记") and doc not in notes[0]


def test_precheck_offline_lets_the_clerk_continue(qtbot: QtBot, ctx: Any, online: PlatformHarness) -> None:
    login(ctx)
    online.stop()
    with ctx.store.session() as session:
        person_id = session.scalars(select(Person.id).where(Person.deleted.is_(False))).first()
    assert person_id is not None
    editor = _editor(qtbot, ctx, person_id)
    qtbot.waitUntil(lambda: "无法联网核查（离线），可先受理，联网后补查" in editor.online_check.text(), timeout=20_000)
    editor.save_draft()
    wait_idle(qtbot, ctx)
    wait_idle(qtbot, ctx)
    assert editor.case_id is not None
    notes = _check_events(ctx, editor.case_id)
    assert len(notes) == 1 and notes[0].startswith("无法联网核查（离线）")


def test_precheck_without_platform_login_offers_it(qtbot: QtBot, ctx: Any, online: PlatformHarness) -> None:
    login(ctx)
    with ctx.store.session() as session:
        person_id = session.scalars(select(Person.id).where(Person.deleted.is_(False))).first()
    assert person_id is not None
    editor = _editor(qtbot, ctx, person_id)
    qtbot.waitUntil(editor.check_login.isVisible, timeout=20_000)
    assert "登录省级平台" in editor.online_check.text()
    editor.check_login.click()
    dialog = editor.findChild(QDialog, "platformLogin")
    assert dialog is not None
    dialog.password.setText("demo-clerk-1")
    dialog.button.click()
    qtbot.waitUntil(lambda: "未发现" in editor.online_check.text(), timeout=20_000)
    assert editor.check_login.isHidden()


def test_case_detail_offers_the_missed_check_later(
    qtbot: QtBot, window: Any, ctx: Any, online: PlatformHarness
) -> None:
    from app.auth import authenticate
    from app.workflow import create_case
    from app.workflow.online_check import CheckRecord, last_check, record_online_check
    from ui.online import services_for

    with ctx.store.session() as session:
        actor = authenticate(session, "clerk", "demo-clerk-1")
        person_id = session.scalars(select(Person.id).where(Person.deleted.is_(False))).first()
        assert person_id is not None
        case_id = create_case(session, actor, ctx.catalog.get("unemployment_registration"), person_id)
        record_online_check(session, actor, case_id, CheckRecord("not_checked", "当时离线"))
    services_for(ctx).login("clerk", "demo-clerk-1")
    cases = window.show_page("cases")
    cases.open_case(case_id)
    wait_idle(qtbot, ctx)
    button = cases.detail.findChild(QPushButton, "recheckOnline")
    assert button is not None
    button.click()
    qtbot.waitUntil(lambda: cases.detail.findChild(QPushButton, "recheckOnline") is None, timeout=20_000)
    with ctx.store.session() as session:
        assert last_check(session, case_id) == "clear"
    timeline = [cases.detail.timeline.item(i).text() for i in range(cases.detail.timeline.count())]
    assert any("全省未发现" in line for line in timeline)
