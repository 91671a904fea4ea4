"""Main flows of the workbench shell with real widgets: login, dashboard, search, profile, cases, lock."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import login, wait_idle


def test_login_form_success_and_failure(qtbot: QtBot, ctx: Any) -> None:
    from ui.login import LoginForm

    form = LoginForm(ctx)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.username, "clerk")
    qtbot.keyClicks(form.password, "wrong-pass-9")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "还可以再试" in form.error.text(), timeout=10_000)
    with qtbot.waitSignal(form.loggedIn, timeout=10_000) as signal:
        qtbot.keyClicks(form.password, "demo-clerk-1")
        qtbot.keyClick(form.password, Qt.Key.Key_Return)
    assert signal.args[0].username == "clerk"


def test_dashboard_lists_overdue_and_drafts(qtbot: QtBot, window: Any, ctx: Any) -> None:
    page = window.pages["dashboard"]
    qtbot.waitUntil(
        lambda: page.lists["drafts"].count() == 1 and "（1）" in page.boxes["drafts"].title(), timeout=10_000
    )
    assert page.lists["overdue"].count() >= 1
    overdue_text = page.lists["overdue"].item(0).text()
    assert "失业登记" in overdue_text and "超期" in overdue_text
    with qtbot.waitSignal(page.openCase, timeout=5_000):
        page.lists["overdue"].itemActivated.emit(page.lists["overdue"].item(0))
    qtbot.waitUntil(lambda: "失业登记" in window.pages["cases"].detail.header.text(), timeout=10_000)


def test_search_as_you_type_and_profile_is_audited(qtbot: QtBot, window: Any, ctx: Any) -> None:
    from sqlalchemy import func, select

    from app.store.models import AuditEntry, Person

    with ctx.store.session() as session:
        person = session.scalars(select(Person).order_by(Person.created_at)).first()
        name, doc = person.name, person.doc_number
        views_before = session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "person.view")
        )
    page = window.show_page("persons")
    qtbot.keyClicks(page.search, doc[:10])
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1, timeout=10_000)
    shown_id = page.model.data(page.model.index(0, 1))
    assert "*" in shown_id and doc not in shown_id
    page.search.clear()
    from pypinyin import Style, lazy_pinyin

    # Typed as pinyin initials (QTest cannot type Chinese; an input method would commit it).
    qtbot.keyClicks(page.search, "".join(lazy_pinyin(name, style=Style.FIRST_LETTER)))
    qtbot.waitUntil(
        lambda: any(page.model.data(page.model.index(r, 0)) == name for r in range(page.model.rowCount())),
        timeout=10_000,
    )
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.profile.person_id is not None, timeout=10_000)
    assert page.profile.name.text().startswith(name)
    with ctx.store.session() as session:
        views = session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "person.view"))
    assert views == views_before + 1


def test_new_person_validates_as_you_type_and_detects_duplicates(qtbot: QtBot, window: Any, ctx: Any) -> None:
    from sqlalchemy import select

    from app.store.models import Person
    from ui.pages.person_editor import PersonEditor

    with ctx.store.session() as session:
        existing = session.scalars(select(Person)).first()
        existing_doc, existing_id = existing.doc_number, existing.id
    page = window.show_page("persons")
    editor = PersonEditor(ctx, page)
    qtbot.addWidget(editor)
    bad = existing_doc[:-1] + ("0" if existing_doc[-1] != "0" else "1")
    qtbot.keyClicks(editor.fields["doc_number"], bad)
    assert editor.errors["doc_number"].isVisibleTo(editor) and "校验" in editor.errors["doc_number"].text()
    editor.fields["doc_number"].clear()
    qtbot.keyClicks(editor.fields["doc_number"], existing_doc)
    qtbot.waitUntil(lambda: editor.duplicate.isVisibleTo(editor), timeout=10_000)
    with qtbot.waitSignal(editor.openExisting, timeout=5_000) as signal:
        editor.duplicate.click()
    assert signal.args == [existing_id]


def test_save_new_person_keeps_typed_data_on_error(qtbot: QtBot, window: Any, ctx: Any) -> None:
    import random

    from app.validation import synthetic_resident_id
    from ui.pages.person_editor import PersonEditor

    editor = PersonEditor(ctx, window)
    qtbot.addWidget(editor)
    doc = synthetic_resident_id(random.Random(99), region="520102")
    qtbot.keyClicks(editor.fields["doc_number"], doc)
    editor.save()  # no name yet
    qtbot.waitUntil(lambda: editor.errors["name"].isVisibleTo(editor), timeout=10_000)
    assert editor.fields["doc_number"].text() == doc and "姓名" in editor.errors["name"].text()
    editor.fields["name"].insert("新登记")  # what an input method commits
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save()


def test_case_list_filters_and_actions(qtbot: QtBot, window: Any, ctx: Any, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QInputDialog
    from sqlalchemy import func, select

    from app.store.models import Case

    # The demo's service areas add their own cases; the list must show exactly the live ones.
    with ctx.store.session() as session:
        live = session.scalar(select(func.count()).select_from(Case).where(Case.deleted.is_(False)))
        drafts = session.scalar(
            select(func.count()).select_from(Case).where(Case.deleted.is_(False), Case.state == "draft")
        )
    assert live and drafts
    page = window.show_page("cases")
    qtbot.waitUntil(lambda: page.model.rowCount() == live and f"共 {live} 件" in page.count.text(), timeout=10_000)
    page.state.setCurrentIndex(page.state.findData("draft"))
    qtbot.waitUntil(lambda: page.model.rowCount() == drafts, timeout=10_000)
    page.state.setCurrentIndex(0)
    page.due.setCurrentIndex(page.due.findData("overdue"))
    wait_idle(qtbot, ctx)
    assert 1 <= page.model.rowCount() < live
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 0)) != "…", timeout=10_000)
    overdue_ids = [page.model.id_at(row) for row in range(page.model.rowCount())]
    with ctx.store.session() as session:
        items = dict(session.execute(select(Case.id, Case.item_code).where(Case.id.in_(overdue_ids))).all())
    # A clerk completes items without review themselves; pick such an overdue case.
    case_id = next(i for i in overdue_ids if not ctx.catalog.get(items[i]).review_required)
    page.open_case(case_id)
    qtbot.waitUntil(lambda: page.detail.case_id == case_id, timeout=10_000)
    assert "已超期" in page.detail.countdown.text(), (page.detail.header.text(), page.detail.countdown.text())
    names = [
        page.detail.action_row.itemAt(i).widget().objectName()
        for i in range(page.detail.action_row.count())
        if page.detail.action_row.itemAt(i).widget()
    ]
    assert "action-complete" in names and "action-approve" not in names  # a clerk cannot approve
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("申请人已找到工作，主动撤回", True))
    page.detail.take("withdraw")
    qtbot.waitUntil(lambda: "已撤回" in page.detail.header.text(), timeout=10_000)
    assert any("主动撤回" in page.detail.timeline.item(i).text() for i in range(page.detail.timeline.count()))


def test_idle_lock_hides_personal_data_and_unlocks(qtbot: QtBot, window: Any, ctx: Any) -> None:
    window.show_page("persons")
    window.idle.idle.emit()
    assert window.locked and window.outer.currentWidget() is window.lock_screen
    from ui.login import LoginForm

    form = window.lock_screen.findChild(LoginForm)
    assert form.username.text() == "clerk" and form.username.isReadOnly()
    qtbot.keyClicks(form.password, "demo-clerk-1")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert window.outer.currentIndex() == 0 and window.stack.currentWidget() is window.pages["persons"]


def test_status_bar_shows_pending_count(qtbot: QtBot, window: Any) -> None:
    qtbot.waitUntil(lambda: window.pending_label.text().startswith("待同步"), timeout=10_000)


def test_settings_saved_by_admin_only(qtbot: QtBot, ctx: Any) -> None:
    from ui.pages.settings import SettingsPage

    login(ctx)
    clerk_page = SettingsPage(ctx)
    qtbot.addWidget(clerk_page)
    assert not clerk_page.server.isEnabled() and not clerk_page.add_staff.isEnabled()
    login(ctx, "admin", "demo-admin-1")
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    wait_idle(qtbot, ctx)
    page.server.setText("not a url")
    page.save()
    qtbot.waitUntil(lambda: "格式不正确" in page.message.text(), timeout=10_000)
    page.server.setText("https://127.0.0.1:8443")
    page.idle.setValue(5)
    with qtbot.waitSignal(page.settingsChanged, timeout=10_000) as signal:
        page.save()
    assert signal.args[0]["idle_lock_minutes"] == 5 and signal.args[0]["server_url"] == "https://127.0.0.1:8443"


def test_reader_test_button_shows_masked_result(qtbot: QtBot, ctx: Any) -> None:
    from app.cards.simulator import synthetic_holders
    from ui.pages.settings import SettingsPage

    login(ctx, "admin", "demo-admin-1")
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.card.setCurrentIndex(page.card.findData("simulator"))
    page.test_reader.click()
    holder = synthetic_holders()[0]
    qtbot.waitUntil(lambda: "社会保障号码" in page.reader_result.text(), timeout=15_000)
    text = page.reader_result.text()
    assert holder.ss_number not in text and holder.ss_number[:6] in text
    page.close()
    assert page.reader._test_bridge is None  # closing the page closed the test reader


def test_large_text_mode_applies_at_once(qtbot: QtBot, ctx: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from ui.shell import build_main_window
    from ui.style import FONT_POINTS, apply_style

    login(ctx, "admin", "demo-admin-1")
    window = build_main_window(ctx)
    qtbot.addWidget(window)
    page = window.show_page("settings")
    wait_idle(qtbot, ctx)
    try:
        page.font.setCurrentIndex(page.font.findData("larger"))
        with qtbot.waitSignal(page.settingsChanged, timeout=10_000):
            page.save()
        assert QApplication.font().pointSize() == FONT_POINTS["larger"]
    finally:
        apply_style(QApplication.instance(), "normal")
