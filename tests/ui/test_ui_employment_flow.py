"""A clerk's walk through 单位与岗位 and 求职匹配: register a start-up employer (live USCC check), add its
posting, see both in the 3-working-day verification list with the posting marked 书面承诺受理, open a
person, set the intention, see matches with their reasons, refer, and record the 回访."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import wait_idle


def _dialog(page: Any, kind: type) -> Any:
    found = [d for d in page.findChildren(kind) if d.isVisible()]
    assert found, f"no open {kind.__name__}"
    return found[-1]


def _column(table: Any, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_clerk_registers_employer_posting_and_refers_a_job_seeker(qtbot: QtBot, ctx: Any, window: Any) -> None:
    from ui.pages.employer_dialogs import CatalogFormDialog
    from ui.pages.profile_jobseeker import IntentionDialog, JobSeekerPanel, OutcomeDialog

    page = window.show_page("employers")
    wait_idle(qtbot, ctx)
    # The demo's referral of ten days ago: its 回访 is overdue and listed; double-click opens the person.
    qtbot.waitUntil(lambda: page.visits.rowCount() >= 1, timeout=20_000)
    assert "已超期" in _column(page.visits, 1)
    with qtbot.waitSignal(page.openPerson, timeout=5_000):
        page.visits.itemDoubleClicked.emit(page.visits.item(0, 2))
    page = window.show_page("employers")
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(page, CatalogFormDialog)
    form = dialog.form
    values = {
        "employer_name": "界面测试茶叶专业合作社",
        "is_startup": False,
        "uscc": "91350100M000100Y4A",  # wrong check character
        "employer_kind": "07",
        "industry": "A",
        "key_industries": ["1001"],
        "division": "520102001",
        "address": "南明区五里冲街道某组（测试）",
        "legal_rep_name": "测试负责人",
        "legal_rep_id": {"doc_type": "resident_id", "number": "11010519491231002X"},
        "contact_name": "测试联系人",
        "contact_phone": "13800000000",
    }
    form.set_values(values)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert any("统一社会信用代码" in m or "校验" in m or "代码" in m for m in form.rows["uscc"].messages())
    # A start-up is accepted on written commitment: the code may stay empty; the visit is recorded.
    form.set_values(
        {
            "is_startup": True,
            "uscc": None,
            "site_visit_date": date.today().isoformat(),
            "site_visit_record": "实地查看茶园和负责人身份（测试）",
        }
    )
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=20_000)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "界面测试茶叶专业合作社" in page.detail.title.text(), timeout=20_000)
    assert "书面承诺受理" in page.detail.badge.text()
    assert any("界面测试茶叶专业合作社" in name for name in _column(page.table, 0))

    qtbot.mouseClick(page.detail.add_posting_button, Qt.MouseButton.LeftButton)
    posting = _dialog(page, CatalogFormDialog)
    assert posting.form.values()["employer_name"] == "界面测试茶叶专业合作社"
    posting.form.set_values(
        {
            "post_name": "采茶工（界面测试）",
            "occupation": "5",
            "headcount": 15,
            "requirements": "身体健康（测试）",
            "wage_min": "3000",
            "wage_max": "3800",
            "employment_type": "季节性用工",
            "work_division": "520102001",
            "work_address": "茶园（测试）",
            "key_industry": "1001",
            "valid_until": (date.today() + timedelta(days=30)).isoformat(),
        }
    )
    qtbot.mouseClick(posting.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not posting.isVisible(), timeout=20_000)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "采茶工（界面测试）" in _column(page.detail.postings, 0), timeout=20_000)
    row = _column(page.detail.postings, 0).index("采茶工（界面测试）")
    assert page.detail.postings.item(row, 8).text() == "书面承诺受理"
    assert page.detail.postings.item(row, 7).text() == "待核实"

    page.tabs.setCurrentIndex(1)
    wait_idle(qtbot, ctx)
    names = _column(page.verifications, 3)
    what = _column(page.verifications, 4)
    assert names.count("界面测试茶叶专业合作社") == 2
    assert "岗位：采茶工（界面测试）" in what
    page.check_filter.setCurrentIndex(page.check_filter.findData("overdue"))
    wait_idle(qtbot, ctx)
    assert all(s == "已逾期" for s in _column(page.verifications, 0))
    assert "界面测试茶叶专业合作社" not in _column(page.verifications, 3)

    # A person: intention, matches with reasons, a referral and its 回访.
    from sqlalchemy import select

    from app.store.models import Person
    from app.store.models_employment import JobIntention

    with ctx.store.session() as session:
        person_id = session.scalar(
            select(Person.id).where(Person.id.not_in(select(JobIntention.person_id))).order_by(Person.created_at)
        )
    persons = window.show_page("persons")
    persons.open_person(person_id)
    panel = next(p for p in persons.profile.panels if isinstance(p, JobSeekerPanel))
    qtbot.waitUntil(lambda: panel.person_id == person_id and panel.intention_button.isEnabled(), timeout=20_000)
    wait_idle(qtbot, ctx)
    assert "尚未登记求职意向" in panel.intention.text()
    qtbot.mouseClick(panel.intention_button, Qt.MouseButton.LeftButton)
    intention = _dialog(panel, IntentionDialog)
    intention.occupations.set_value(["5"])
    intention.place.set_value("520102001")
    intention.wage_min.setValue(3000)
    intention.industries.set_value(["1001"])
    qtbot.mouseClick(intention.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not intention.isVisible(), timeout=20_000)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: panel.matches.rowCount() > 0, timeout=20_000)
    titles = _column(panel.matches, 0)
    mine = next(i for i, t in enumerate(titles) if t.startswith("采茶工（界面测试）（书面承诺受理）\n"))
    assert titles[mine].endswith("界面测试茶叶专业合作社（本站登记）")
    assert mine == 0  # occupation, same township, wage and the wanted key industry: 40 + 25 + 15 + 15
    assert panel.matches.item(mine, 2).text() == "95"
    reasons = panel.matches.item(mine, 3).text()
    for reason in ("意向职业相符", "同乡镇（街道）", "工资达到期望", "重点产业、意向产业：茶叶", "书面承诺受理"):
        assert reason in reasons
    assert "意向职业" in panel.intention.text()

    panel.skill_name.setText("茶叶加工")
    qtbot.mouseClick(panel.add_skill_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: panel.skills.count() == 1, timeout=20_000)

    panel.matches.selectRow(mine)
    qtbot.mouseClick(panel.refer_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: panel.referrals.count() == 1, timeout=20_000)
    assert "待回访" in panel.referrals.item(0).text() and "待反馈" in panel.referrals.item(0).text()

    panel.referrals.setCurrentRow(0)
    qtbot.mouseClick(panel.follow_up_button, Qt.MouseButton.LeftButton)
    visit = _dialog(panel, OutcomeDialog)
    visit.text.setPlainText("电话回访，已到岗（测试）")
    visit.outcome.setCurrentIndex(visit.outcome.findData("hired"))
    qtbot.mouseClick(visit.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not visit.isVisible(), timeout=20_000)
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(lambda: "已回访" in panel.referrals.item(0).text(), timeout=20_000)
    assert "已录用" in panel.referrals.item(0).text()
