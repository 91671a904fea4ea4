"""Issue 8 point 5 (UI): what a role may not do is not offered on screen; lockout at the login form; the
idle lock leaves no personal data on screen. Real widgets over a real demo store (pytest-qt offscreen).

The case-detail table is derived from ``TRANSITIONS`` × ``PERMISSIONS`` like the core test
(tests/reliability/test_rel_roles_core.py), so a new action is checked on screen as soon as it exists.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QListWidget, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import tests.ui.conftest as ui_fixtures
from app.auth.roles import PERMISSIONS, Role, allowed
from app.workflow import TRANSITIONS, State
from tests.ui.conftest import login, wait_idle

ctx = ui_fixtures.ctx  # the UI suite's fixtures: a demo store with its DB worker, and the main window
window = ui_fixtures.window

PASSWORDS = {"admin": "demo-admin-1", "clerk": "demo-clerk-1", "reviewer": "demo-review-1"}
ITEMS = ("hardship_recognition", "unemployment_registration")  # with review and cancellable / without review


def _cases_in_every_state(ctx: Any) -> dict[tuple[str, State], str]:
    from app.auth import StaffInfo
    from app.store.models import Case, Person, Staff
    from app.workflow import create_case

    made: dict[tuple[str, State], str] = {}
    with ctx.store.session() as session:
        clerk = session.scalars(select(Staff).where(Staff.username == "clerk")).one()
        actor = StaffInfo(clerk.id, clerk.username, clerk.display_name, clerk.role, True)
        person_id = session.scalars(select(Person.id).order_by(Person.created_at)).first()
        assert person_id is not None
        for code in ITEMS:
            for state in State:
                cid = create_case(session, actor, ctx.catalog.get(code), person_id, {}, today=date(2026, 9, 25))
                made[(code, state)] = cid
        session.flush()
        for (_code, state), cid in made.items():
            case = session.get(Case, cid)
            assert case is not None
            case.state = state.value
            if state not in {State.DRAFT, State.RECEIVED_ONLINE}:
                case.accepted_on = date(2026, 9, 25)
                case.due_on = date(2026, 10, 20)
    return made


def _shown_actions(panel: Any) -> set[str]:
    names = set()
    for i in range(panel.action_row.count()):
        widget = panel.action_row.itemAt(i).widget()
        if widget is not None and widget.objectName().startswith("action-"):
            names.add(widget.objectName().removeprefix("action-"))
    return names


def test_case_detail_offers_each_role_only_its_actions(qtbot: QtBot, ctx: Any) -> None:
    from ui.pages.case_detail import CaseDetailPanel

    cases = _cases_in_every_state(ctx)
    checked_refusals = 0
    checked_pairs = 0
    for role in Role:
        login(ctx, role.value, PASSWORDS[role.value])
        panel = CaseDetailPanel(ctx)
        qtbot.addWidget(panel)
        for (code, state), case_id in cases.items():
            panel.load(case_id)
            qtbot.waitUntil(lambda cid=case_id, p=panel: p.case_id == cid, timeout=10_000)
            wait_idle(qtbot, ctx)
            shown = _shown_actions(panel)
            for action, rule in TRANSITIONS.items():
                if state not in rule.sources:
                    assert action not in shown, (role, code, state, action)
                    continue
                checked_pairs += 1
                if not allowed(role, f"case.{action}"):
                    checked_refusals += 1
                    assert action not in shown, f"{role} is offered {action} on a {state} {code}"
            # Online applications: the 受理 entry point is for roles allowed to accept only.
            review = panel.findChild(QWidget, "reviewOnline")
            offered = review is not None and not review.property("deleted") and state == State.RECEIVED_ONLINE
            if state == State.RECEIVED_ONLINE:
                assert offered == allowed(role, "case.accept")
    denied_on_screen = {(a, r) for a in TRANSITIONS for r in Role if not allowed(r, f"case.{a}")}
    assert len(denied_on_screen) == 4  # clerk: approve, reject, return, cancel
    assert checked_refusals >= len(denied_on_screen) and checked_pairs > 0
    print(f"case detail: {checked_pairs} (role, item, state, action) combinations, {checked_refusals} refusals")


ADMIN_ONLY_WIDGETS = ("server", "proxy", "ca", "card", "card_library", "add_staff")


def test_settings_admin_fields_per_role(qtbot: QtBot, ctx: Any) -> None:
    for role in Role:
        _settings_for(qtbot, ctx, role.value)


def _settings_for(qtbot: QtBot, ctx: Any, role: str) -> None:
    from ui.pages.settings import SettingsPage

    login(ctx, role, PASSWORDS[role])
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    admin = allowed(role, "settings.manage")
    assert admin == allowed(role, "staff.manage")
    for name in ADMIN_ONLY_WIDGETS:
        assert getattr(page, name).isEnabled() == admin, (role, name)
    for key, widget in page.reader.setting_widgets().items():
        assert widget.isEnabled() == admin, (role, key)
    assert page.save_button.isEnabled()  # everyone saves the workstation's comfort keys
    # What the page would save for a non-admin holds only the workstation's comfort keys.
    from app.settings import PERSONAL_KEYS

    if not admin:
        assert set(page.values()) <= PERSONAL_KEYS


def test_stats_export_only_for_export_roles(
    qtbot: QtBot, ctx: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for role in Role:
        _stats_export_for(qtbot, ctx, role.value, tmp_path, monkeypatch)


def _stats_export_for(qtbot: QtBot, ctx: Any, role: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ui.pages.stats import StatsPage

    login(ctx, role, PASSWORDS[role])
    page = StatsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.stats is not None, timeout=20_000)
    told: list[str] = []
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(str(a[2])))
    target = tmp_path / f"月报-{role}.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (asked.append("x"), (str(target), ""))[1])
    page.export()
    wait_idle(qtbot, ctx)
    if allowed(role, "export"):
        qtbot.waitUntil(target.exists, timeout=20_000)
    else:
        assert not asked and not target.exists() and any("没有导出权限" in t for t in told)


def test_fraud_flag_reviewer_only_on_screen(qtbot: QtBot, ctx: Any) -> None:
    for role in Role:
        _fraud_button_for(qtbot, ctx, role.value)


def _fraud_button_for(qtbot: QtBot, ctx: Any, role: str) -> None:
    from app.services_extra.fraud import REVIEWER_ROLES
    from app.store.models import Person
    from ui.pages.profile_training import TrainingProfilePanel

    login(ctx, role, PASSWORDS[role])
    with ctx.store.session() as session:
        person_id = session.scalars(select(Person.id).order_by(Person.created_at)).first()
    panel = TrainingProfilePanel(ctx)
    qtbot.addWidget(panel)
    panel.load(person_id)
    qtbot.waitUntil(lambda: panel.profile is not None, timeout=10_000)
    assert panel.buttons["fraud"].isEnabled() == (role in REVIEWER_ROLES)


def test_no_page_offers_restore(qtbot: QtBot, ctx: Any) -> None:
    """backup.restore is the administrator's on the workstation (``fuwutai restore``): no page offers it."""
    from ui.shell import build_main_window

    assert PERMISSIONS["backup.restore"] == frozenset({Role.ADMIN})
    login(ctx, "admin", PASSWORDS["admin"])
    window = build_main_window(ctx, idle_minutes=10)
    qtbot.addWidget(window)
    window.show()
    for key in list(window.pages) + [window.rail.item(i).data(256) for i in range(window.rail.count())]:
        if key:
            window.show_page(key)
    wait_idle(qtbot, ctx)
    texts = [b.text() for b in window.findChildren(QAbstractButton)]
    assert not [t for t in texts if "恢复" in t and "备份" in t], texts


def test_lockout_at_the_login_form(qtbot: QtBot, ctx: Any) -> None:
    from app.auth.accounts import MAX_FAILURES
    from ui.login import LoginForm

    form = LoginForm(ctx)
    qtbot.addWidget(form)
    for attempt in range(MAX_FAILURES):
        form.username.setText("reviewer")
        form.password.setText(f"wrong-pass-{attempt}")
        form.submit()
        qtbot.waitUntil(lambda: bool(form.error.text()) and form.button.isEnabled(), timeout=20_000)
    assert "已锁定" in form.error.text()
    form.username.setText("reviewer")
    form.password.setText(PASSWORDS["reviewer"])  # the right password no longer opens it
    with qtbot.assertNotEmitted(form.loggedIn, wait=200):
        form.submit()
        qtbot.waitUntil(lambda: "已锁定" in form.error.text() and form.button.isEnabled(), timeout=20_000)


def test_idle_unlock_cannot_be_guessed(qtbot: QtBot, window: Any, ctx: Any) -> None:
    from app.auth.accounts import MAX_FAILURES
    from ui.login import LoginForm

    window.lock()
    form = window.lock_screen.findChild(LoginForm)
    for attempt in range(MAX_FAILURES):
        form.password.setText(f"wrong-pass-{attempt}")
        form.submit()
        qtbot.waitUntil(lambda: bool(form.error.text()) and form.button.isEnabled(), timeout=20_000)
    assert "已锁定" in form.error.text() and window.locked
    form.password.setText(PASSWORDS["clerk"])
    form.submit()
    qtbot.waitUntil(lambda: "已锁定" in form.error.text() and form.button.isEnabled(), timeout=20_000)
    assert window.locked and window.outer.currentWidget() is window.lock_screen


def _visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            texts.append(widget.text())
            texts.append(widget.toolTip())
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        model = getattr(widget, "model", None)
        if callable(model) and hasattr(model(), "rowCount") and not isinstance(widget, QListWidget):
            m = model()
            try:
                for r in range(min(m.rowCount(), 200)):
                    for c in range(m.columnCount()):
                        texts.append(str(m.data(m.index(r, c)) or ""))
            except TypeError:
                pass
    return texts


def test_idle_lock_hides_name_and_id_number(qtbot: QtBot, window: Any, ctx: Any) -> None:
    from app.store.models import Person

    with ctx.store.session() as session:
        person = session.scalars(select(Person).order_by(Person.created_at)).first()
        pid, name, doc, phone = person.id, person.name, person.doc_number, person.phone
    page = window.show_page("persons")
    page.open_person(pid)
    qtbot.waitUntil(lambda: page.profile.person_id == pid, timeout=10_000)
    wait_idle(qtbot, ctx)
    before = "\n".join(_visible_texts(window))
    assert name in before  # the profile really shows the person before the lock
    window.idle.idle.emit()
    assert window.locked
    qtbot.wait(50)
    after = "\n".join(_visible_texts(window))
    for secret in (name, doc, doc[-6:], phone):
        if secret:
            assert secret not in after, f"visible after idle lock: {secret[:1]}…"
    # The window image too: only the lock screen is painted (same pixels whatever profile was open).
    image = window.grab().toImage()
    lock_only = window.lock_screen.grab().toImage()
    assert not image.isNull() and not lock_only.isNull()
    assert not page.profile.isVisible() and not page.isVisible()
