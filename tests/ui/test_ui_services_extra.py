"""Clerk walks of training, campaigns, satisfaction and fraud flags on the demo store."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import login, wait_idle


@pytest.fixture
def ctx(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The demo store with only this area's seeder (the other areas' seeders are tested on their own)."""
    import app.demo_areas
    from app.catalog import load_bundled_catalog
    from app.demo import ensure_demo_store
    from app.demo_services import seed_services
    from app.store import DataDir
    from ui.context import AppContext
    from ui.db_worker import DbWorker

    monkeypatch.setattr(app.demo_areas, "seeders", lambda: [seed_services])
    store = ensure_demo_store(DataDir(tmp_path / "demo"), persons=12)
    station = store.station()
    assert station is not None
    worker = DbWorker()
    context = AppContext(store, worker, load_bundled_catalog(), station.name, station.code)
    yield context
    worker.shutdown()
    store.close()


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


def _new_person(ctx: Any, seed: int) -> str:
    from app.persons import PersonInput, create_person
    from app.validation import synthetic_resident_id

    doc = synthetic_resident_id(random.Random(seed), region="520102")
    with ctx.store.session() as session:
        return create_person(
            session,
            ctx.actor_id,
            PersonInput(name="吴某某", doc_type="resident_id", doc_number=doc, phone="19900002222"),
        )[0]


def _top(kind: type) -> Any:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    assert found, f"no visible {kind.__name__}"
    return found[-1]


def _panel(qtbot: QtBot, ctx: Any, person_id: str) -> Any:
    from ui.pages.profile_training import TrainingProfilePanel

    panel = TrainingProfilePanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.load(person_id)
    qtbot.waitUntil(lambda: panel.profile is not None, timeout=10_000)
    return panel


def test_enrol_in_training_and_complete_it(qtbot: QtBot, ctx: Any) -> None:
    from ui.pages.services_dialogs import CompleteTrainingDialog, EnrolDialog

    login(ctx)
    person_id = _new_person(ctx, 61)
    panel = _panel(qtbot, ctx, person_id)
    assert not panel.buttons["complete"].isEnabled()
    qtbot.mouseClick(panel.buttons["enrol"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(w, EnrolDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
    dialog = _top(EnrolDialog)
    labels = [dialog.course.itemText(i) for i in range(dialog.course.count())]
    assert any("以工代训" in label for label in labels)
    dialog.course.setCurrentIndex(next(i for i, label in enumerate(labels) if "以工代训" in label))
    dialog.starts.setDate(dialog.starts.date().addDays(-10))
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "在训" in panel.enrolments.item(0).text(), timeout=10_000)
    panel.enrolments.setCurrentRow(0)
    assert panel.buttons["complete"].isEnabled()
    qtbot.mouseClick(panel.buttons["complete"], Qt.MouseButton.LeftButton)
    done = _top(CompleteTrainingDialog)
    done.result_box.setCurrentIndex(done.result_box.findData("failed"))
    done.certificate.setText("ZS-0001")
    qtbot.mouseClick(done.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "只有考核合格" in done.message.text(), timeout=10_000)  # refused, dialog stays
    done.result_box.setCurrentIndex(done.result_box.findData("passed"))
    qtbot.mouseClick(done.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "已结业" in panel.enrolments.item(0).text(), timeout=10_000)
    assert "合格" in panel.enrolments.item(0).text() and "ZS-0001" in panel.enrolments.item(0).text()


def test_new_case_is_tagged_with_the_running_campaign_and_its_agent(qtbot: QtBot, ctx: Any) -> None:
    from app.clock import today
    from app.services_extra import agents, campaigns
    from app.validation import synthetic_resident_id
    from ui.pages.case_editor import CaseEditor, load_editor_data

    user = login(ctx)
    day = today()
    with ctx.store.session() as session:
        campaigns.define_campaign(session, user, "T1", "测试专项", day - timedelta(days=3), day + timedelta(days=3))
    person_id = _new_person(ctx, 62)
    editor = CaseEditor(ctx, None, load_editor_data(ctx, "unemployment_registration", person_id, None))
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitUntil(lambda: editor.extras.campaign.currentData() == "T1", timeout=10_000)
    values = editor.form.values()
    editor.form.set_values({k: v for k, v in values.items() if v not in (None, "", [])} | REST)
    editor.commitment.setChecked(True)  # no 材料不齐 question
    editor.extras.by_agent.setChecked(True)
    editor.extras.agent_name.setText("吴某")
    editor.extras.agent_number.setText("360426199101010072")  # wrong check digit
    editor.submit()
    assert "代理人证件号码" in editor.draft_state.text() and editor.isVisible()
    editor.extras.agent_number.setText(synthetic_resident_id(random.Random(63), region="520102"))
    editor.extras.relation.setCurrentIndex(editor.extras.relation.findData("village_official"))
    editor.extras.authorisation.setCurrentIndex(editor.extras.authorisation.findData("village_proof"))
    with qtbot.waitSignal(editor.accepted, timeout=15_000):
        editor.submit()
    wait_idle(qtbot, ctx)
    case_id = editor.case_id
    with ctx.store.session() as session:
        assert campaigns.case_campaigns(session, case_id) == ["T1"]
        agent = agents.case_agent(session, case_id)
        assert agent is not None and agent.relation_label == "村（社区）干部"


def test_complete_a_case_and_rate_it(qtbot: QtBot, ctx: Any) -> None:
    from app.services_extra.satisfaction import case_rating
    from app.store.models import Case
    from ui.pages.case_detail import CaseDetailPanel

    login(ctx)
    with ctx.store.session() as session:
        case = session.scalars(
            select(Case).where(Case.state == "accepted", Case.item_code == "unemployment_registration")
        ).first()
        assert case is not None
        case_id = case.id
    panel = CaseDetailPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.load(case_id)
    qtbot.waitUntil(lambda: panel.case_id == case_id, timeout=10_000)
    panel.take("complete", confirmed=True)
    qtbot.waitUntil(lambda: getattr(panel, "satisfaction", None) is not None, timeout=10_000)
    dialog = panel.satisfaction
    assert dialog.isVisible() and dialog.buttons["satisfied"].minimumHeight() >= 80
    dialog.comment.setText("办理很快")
    qtbot.mouseClick(dialog.buttons["basic"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    with ctx.store.session() as session:
        assert case_rating(session, case_id) == "basic"


def test_fraud_flag_by_reviewer_refused_for_clerk(qtbot: QtBot, ctx: Any) -> None:
    from app.services_extra.fraud import person_flags
    from ui.pages.services_dialogs import FraudDialog

    login(ctx)
    person_id = _new_person(ctx, 64)
    panel = _panel(qtbot, ctx, person_id)
    assert not panel.buttons["fraud"].isEnabled()
    # even if the dialog were reached, the core refuses a clerk
    dialog = FraudDialog(ctx, None, person_id, lambda _r: None)
    qtbot.addWidget(dialog)
    dialog.reason.setPlainText("冒领失业保险金两个月，经入户核查属实。")
    dialog.save()
    qtbot.waitUntil(lambda: "只有审核人员" in dialog.message.text(), timeout=10_000)
    login(ctx, "reviewer", "demo-review-1")
    panel = _panel(qtbot, ctx, person_id)
    assert panel.buttons["fraud"].isEnabled()
    qtbot.mouseClick(panel.buttons["fraud"], Qt.MouseButton.LeftButton)
    dialog = _top(FraudDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("impersonation"))
    dialog.reason.setPlainText("冒领失业保险金两个月，经入户核查属实。")
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.fraud.count() == 1 and panel.fraud.isVisible(), timeout=10_000)
    assert "冒领" in panel.fraud.item(0).text()
    with ctx.store.session() as session:
        assert [f.kind for f in person_flags(session, person_id)] == ["impersonation"]


def test_todays_appointments_green_first_and_a_layoff_report(qtbot: QtBot, ctx: Any) -> None:
    from ui.pages.services_desk import AppointmentsDialog, LayoffsDialog, ServicesDeskBar

    login(ctx)
    bar = ServicesDeskBar(ctx)
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitUntil(lambda: "★绿色通道 1" in bar.appointments.text(), timeout=10_000)
    assert "今日预约（4）" in bar.appointments.text() and "满意度" in bar.satisfaction.text()
    dialog = AppointmentsDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view.count() == 4, timeout=10_000)
    assert dialog.view.item(0).text().startswith("★绿色通道")
    dialog.view.setCurrentRow(0)
    dialog.move("arrive")
    qtbot.waitUntil(lambda: "已到场" in dialog.view.item(0).text(), timeout=10_000)
    layoffs = LayoffsDialog(ctx, None)
    qtbot.addWidget(layoffs)
    layoffs.show()
    qtbot.waitUntil(lambda: layoffs.view.count() == 2, timeout=10_000)
    layoffs.employer.setText("某食品厂（测试）")
    layoffs.affected.setValue(25)
    layoffs.add()
    qtbot.waitUntil(lambda: "帮扶措施" in layoffs.message.text(), timeout=10_000)  # measures are required
    layoffs.measures.setText("专场招聘")
    layoffs.add()
    qtbot.waitUntil(lambda: layoffs.view.count() == 3, timeout=10_000)
    assert any("某食品厂" in layoffs.view.item(i).text() for i in range(3))
