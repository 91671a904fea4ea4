"""A clerk walks the flows: 失业登记 on commitment (7-day deadline, 5-day contact), 就业登记 ends it,
就业困难人员认定, an assistance plan step, and a 公益性岗位 placement beyond its limit refused in Chinese."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import login, wait_idle

REGISTRATION = {
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
    "cause_analysis": "采石场关停，技能单一。",
    "claims_ui_benefit": False,
    "training_intention": False,
    "truth_commitment": True,
}


def _person(ctx: Any, seed: int) -> str:
    from app.persons import PersonInput, create_person
    from app.validation import synthetic_resident_id

    doc = synthetic_resident_id(random.Random(seed), region="520102", birth=date(1974, 5, 6), gender="2")
    with ctx.store.session() as session:
        return create_person(
            session,
            ctx.actor_id,
            PersonInput(name="杨某某", doc_type="resident_id", doc_number=doc, phone="19900002222"),
        )[0]


def _fill_and_accept(qtbot: QtBot, ctx: Any, item: str, person_id: str, values: dict[str, Any], commit: bool) -> Any:
    from ui.pages.case_editor import CaseEditor, load_editor_data

    editor = CaseEditor(ctx, None, load_editor_data(ctx, item, person_id, None))
    qtbot.addWidget(editor)
    editor.show()
    current = {k: v for k, v in editor.form.values().items() if v not in (None, "", [])}
    editor.form.set_values(current | values)
    editor.commitment.setChecked(commit)
    if not commit:  # materials complete: every checklist item ticked (otherwise the clerk is asked)
        editor.form.set_checked_materials([m.key for m in editor.data.item.materials])
    with qtbot.waitSignal(editor.accepted, timeout=20_000):
        editor.submit()  # what Ctrl+Enter does
    return editor


def _panel(qtbot: QtBot, ctx: Any, person_id: str) -> Any:
    from ui.pages.profile_assistance import AssistancePanel

    panel = AssistancePanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    panel.load(person_id)
    qtbot.waitUntil(lambda: panel.data is not None and panel.data.person_id == person_id, timeout=10_000)
    return panel


def _reload(qtbot: QtBot, ctx: Any, panel: Any) -> None:
    before = panel.data
    panel.load(panel.person_id)
    qtbot.waitUntil(lambda: panel.data is not before, timeout=10_000)


def test_commitment_registration_then_employment_ends_it(qtbot: QtBot, ctx: Any) -> None:
    from app.clock import today
    from app.refdata.local_tables import working_calendar

    login(ctx)
    person_id = _person(ctx, 801)
    editor = _fill_and_accept(qtbot, ctx, "unemployment_registration", person_id, REGISTRATION, commit=True)
    assert editor.policy_button is not None
    summary = editor.accepted_summary
    with ctx.store.session() as session:
        calendar = working_calendar(session)
    assert summary.state == "accepted" and summary.due_on == calendar.add_working_days(today(), 7)
    panel = _panel(qtbot, ctx, person_id)
    status = panel.status.text()
    assert "书面承诺" in status and f"承诺件办理期限 {summary.due_on}" in status and "还剩 7 个工作日" in status
    assert "就业转失业" in status and "采石场" in status
    contact = calendar.add_working_days(today(), 5)
    lines = [panel.follow_ups.item(n).text() for n in range(panel.follow_ups.count())]
    assert any(line.startswith(f"{contact}  首次联系  待办") for line in lines), lines
    assert panel.buttons["printCommitment"].isEnabled() and panel.buttons["printReceipt"].isEnabled()
    from ui.pages.case_printing import case_print_html

    receipt = case_print_html(ctx, panel.data.registration.case_id, "receipt")
    assert "7 个工作日" in receipt  # the receipt states the commitment path's deadline
    assert "本人郑重承诺" in case_print_html(ctx, panel.data.registration.case_id, "commitment")

    from app.refdata.local_tables import effective_code_tables

    with ctx.store.session() as session:
        destination = next(iter(effective_code_tables(session)["destination"])).code
    employed = {
        "hukou_type": "01",
        "education": "71",
        "employment_form": "03",
        "employment_date": today().isoformat(),
        "flexible_work": "家政服务",
        "work_division": "520102001",
        "destination": destination,
        "truth_commitment": True,
    }
    done = _fill_and_accept(qtbot, ctx, "employment_registration", person_id, employed, commit=True).accepted_summary
    assert done.state == "completed"  # 灵活就业 on commitment: settled on the spot
    _reload(qtbot, ctx, panel)
    status = panel.status.text()
    assert status.startswith("就业状态：已就业") and "已撤回" in status and "已办理就业登记（灵活就业" in status
    lines = [panel.follow_ups.item(n).text() for n in range(panel.follow_ups.count())]
    assert all("待办" not in line for line in lines) and any("停止跟踪" in line for line in lines)
    assert "本人书面承诺" in panel.employment.text() and panel.buttons["visit"].isEnabled()
    visit = panel.record_visit()
    visit.visitors.setText("演示经办")
    visit.findings.setPlainText("上门核实，属实。")
    with qtbot.waitSignal(visit.saved, timeout=10_000):
        visit.save()
    qtbot.waitUntil(lambda: "核验走访" in panel.employment.text(), timeout=10_000)


def test_policy_recommendation_is_written_into_the_form(qtbot: QtBot, ctx: Any) -> None:
    from ui.pages.case_editor import CaseEditor, load_editor_data

    login(ctx)
    editor = CaseEditor(ctx, None, load_editor_data(ctx, "unemployment_registration", _person(ctx, 802), None))
    qtbot.addWidget(editor)
    editor.show()
    editor.policy_button.click()
    qtbot.waitUntil(lambda: editor.findChild(QDialog, "policyDialog") is not None, timeout=10_000)
    dialog = editor.findChild(QDialog, "policyDialog")
    assert dialog.list.count() >= 5
    dialog.list.item(0).setCheckState(Qt.CheckState.Checked)
    training = next(n for n, e in enumerate(dialog.entries) if "培训" in e.category)
    dialog.list.item(training).setCheckState(Qt.CheckState.Checked)
    dialog.accept()
    text = editor.form.values()["policy_recommendations"]
    assert text.startswith("推介政策：") and "推荐培训：" in text


def test_hardship_recognition_plan_step_and_placement_limit(qtbot: QtBot, ctx: Any) -> None:
    login(ctx)
    person_id = _person(ctx, 803)
    settled = _fill_and_accept(qtbot, ctx, "unemployment_registration", person_id, REGISTRATION, commit=False)
    assert settled.accepted_summary.state == "completed"  # materials complete: 即时办结
    panel = _panel(qtbot, ctx, person_id)
    assert "就业困难人员：未认定" in panel.recognition.text() and panel.buttons["recognize"].isEnabled()

    login(ctx, "reviewer", "demo-review-1")  # a reviewer records the recognition directly (hardship.recognize)
    dialog = panel.recognize()
    assert not dialog.via_case
    dialog.save()  # nothing chosen: refused inside the dialog, which stays open
    qtbot.waitUntil(lambda: "请至少选择一个类别" in dialog.error.text(), timeout=10_000)
    assert dialog.isVisible()
    dialog.check_categories(["01"])
    dialog.by_visit.setChecked(True)
    dialog.investigators.setText("王某、李某")
    dialog.findings.setPlainText("入户核实：原单位关停后无业。")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save()
    qtbot.waitUntil(lambda: "大龄失业人员" in panel.recognition.text(), timeout=10_000)
    assert "工作人员调查" in panel.recognition.text() and "援助计划进行中" in panel.recognition.text()

    login(ctx)  # back to the clerk for the plan and the placement
    step = panel.add_step()
    step.content.setText("推荐3个物业保洁岗位")
    with qtbot.waitSignal(step.saved, timeout=10_000):
        step.save()
    qtbot.waitUntil(lambda: panel.steps.count() == 1, timeout=10_000)
    assert "推荐3个物业保洁岗位" in panel.steps.item(0).text() and "演示经办" in panel.steps.item(0).text()

    placement = panel.place()
    assert "36 个月" in placement.findChild(type(placement.error), "placementLimits").text()
    placement.post_name.setText("保洁")
    placement.employer.setText("五里冲街道办事处（演示）")
    placement.set_period(date(2026, 12, 1), date(2030, 12, 31))
    placement.save()
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: placement.error.text() != "", timeout=10_000)
    assert "公益性岗位补贴期限最长 36 个月" in placement.error.text() and "本次 49 个月" in placement.error.text()
    assert placement.isVisible()
    placement.set_period(date(2026, 12, 1), date(2027, 11, 30))
    with qtbot.waitSignal(placement.saved, timeout=10_000):
        placement.save()
    qtbot.waitUntil(lambda: panel.placements.count() == 1, timeout=10_000)
    assert "援助计划已关闭" in panel.recognition.text() and panel.status.text().startswith("就业状态：已就业")


def test_dashboard_lists_open_the_person(qtbot: QtBot, window: Any, ctx: Any) -> None:
    from ui.pages.assistance_lists import AssistanceListsBar

    bar = window.findChild(AssistanceListsBar)
    assert bar is not None
    qtbot.waitUntil(lambda: bar.buttons["expiring"].text().endswith("（1）"), timeout=15_000)
    assert bar.buttons["plans"].text().startswith("援助计划进行中（")
    dialog = bar.open_list("expiring")
    assert "有效期至" in dialog.view.item(0).text()
    person = dialog.open_person(dialog.view.item(0))
    assert person is not None
    qtbot.waitUntil(lambda: "大龄失业人员" in dialog.panel.recognition.text(), timeout=10_000)
    from sqlalchemy import select

    from app.store.models import AuditEntry

    with ctx.store.session() as session:
        views = session.scalars(select(AuditEntry).where(AuditEntry.action == "person.view")).all()
        assert any(v.detail.get("purpose") == "assistance" for v in views)  # a view from the list is audited
