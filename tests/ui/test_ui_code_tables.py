"""设置 → 代码表维护: a station admin adds a 现代服务业 code under "30", renames and retires it; forms follow."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.ui.conftest import login, wait_idle


def _main(qtbot: QtBot, ctx: Any, username: str, password: str) -> Any:
    from ui.shell import build_main_window

    login(ctx, username, password)
    window = build_main_window(ctx)
    qtbot.addWidget(window)
    window.show()
    return window


def _open_editor(qtbot: QtBot, ctx: Any, window: Any) -> Any:
    page = window.show_page("settings")
    assert page.code_tables_button.isEnabled()
    qtbot.mouseClick(page.code_tables_button, Qt.MouseButton.LeftButton)
    dialog = page.code_tables_dialog
    qtbot.waitUntil(lambda: dialog.table_list.count() > 0, timeout=15_000)
    return dialog


def _pick(qtbot: QtBot, dialog: Any, table: str, code: str) -> None:
    if dialog.current_table() != table:
        dialog.select_table(table)
    qtbot.waitUntil(lambda: dialog.tree_row(code) is not None, timeout=15_000)
    found = dialog.tree.findItems(code, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
    dialog.tree.setCurrentItem(found[0])


def _industry_codes(form_dialog: Any) -> dict[str, str]:
    editor = form_dialog.form.editor("key_industries")
    return {str(item.data(Qt.ItemDataRole.UserRole)): item.text() for item in editor.list.entries()}


def test_admin_adds_renames_and_retires_a_code(qtbot: QtBot, ctx: Any) -> None:
    from app.refdata.local_tables import effective_code_tables

    window = _main(qtbot, ctx, "admin", "demo-admin-1")
    employers = window.show_page("employers")  # built before the change: it keeps the tables loaded
    wait_idle(qtbot, ctx)
    dialog = _open_editor(qtbot, ctx, window)
    tables = {dialog.table_list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(dialog.table_list.count())}
    assert {"key_industry", "hardship_category"} <= tables
    assert "ethnic" not in tables and "education" not in tables  # national standards are not offered

    _pick(qtbot, dialog, "key_industry", "30")
    assert "现代服务业" in dialog.note.text()
    assert dialog.tree_row("1001") == ["1001", "茶叶", "随程序附带（local-1）", "使用中"]
    assert dialog.parent_of("1001") == "10"

    entry = dialog.add_code()
    assert entry.parent_box.currentData() == "30"  # the chosen group is the default parent
    entry.code.setText("3001")
    entry.label.setText("现代物流")
    entry.save()
    qtbot.waitUntil(lambda: dialog.tree_row("3001") is not None, timeout=15_000)
    assert dialog.tree_row("3001") == ["3001", "现代物流", "本机新增", "使用中"]
    assert dialog.parent_of("3001") == "30" and not entry.isVisible()
    assert "3001" in dialog.message.text()

    # A form opened afterwards offers the new code, also on a page that was built before the change.
    wait_idle(qtbot, ctx)
    form = employers.open_employer_dialog(None)
    assert _industry_codes(form)["3001"] == "现代物流"
    form.reject()

    _pick(qtbot, dialog, "key_industry", "3001")
    entry = dialog.rename_code()
    assert entry.code.isReadOnly() and entry.label.text() == "现代物流"
    entry.label.setText("现代物流业")
    entry.save()
    qtbot.waitUntil(lambda: (dialog.tree_row("3001") or [""])[1:2] == ["现代物流业"], timeout=15_000)

    _pick(qtbot, dialog, "key_industry", "1001")  # a shipped code renamed shows its original name
    entry = dialog.rename_code()
    entry.label.setText("茶产业")
    entry.save()
    qtbot.waitUntil(lambda: (dialog.tree_row("1001") or [""])[1:2] == ["茶产业"], timeout=15_000)
    assert dialog.tree_row("1001") == ["1001", "茶产业", "本机修改（原名：茶叶）", "使用中"]

    _pick(qtbot, dialog, "key_industry", "3001")
    box = dialog.toggle_active()
    assert "保留原代码" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: (dialog.tree_row("3001") or [""])[3:] == ["已停用"], timeout=15_000)
    assert dialog.parent_of("3001") == "30"
    _pick(qtbot, dialog, "key_industry", "3001")
    assert dialog.retire_button.text() == "重新启用" and not dialog.rename_button.isEnabled()
    wait_idle(qtbot, ctx)
    with ctx.store.session() as session:
        table = effective_code_tables(session)["key_industry"]
        assert not table.contains("3001") and table.label("1001") == "茶产业"
    form = employers.open_employer_dialog(None)
    assert "3001" not in _industry_codes(form)
    form.reject()

    # Adding a code that exists (retired) says what to do instead, and keeps what was typed.
    entry = dialog.add_code()
    entry.code.setText("3001")
    entry.label.setText("别的名称")
    entry.save()
    assert "重新启用" in entry.error.text() and entry.label.text() == "别的名称"
    entry.reject()
    dialog.accept()


def test_bad_code_shows_the_chinese_error_and_keeps_the_typed_name(qtbot: QtBot, ctx: Any) -> None:
    window = _main(qtbot, ctx, "admin", "demo-admin-1")
    dialog = _open_editor(qtbot, ctx, window)
    _pick(qtbot, dialog, "key_industry", "30")
    for bad in ("30 01", "物流"):
        entry = dialog.add_code()
        entry.code.setText(bad)
        entry.label.setText("现代物流")
        entry.save()
        qtbot.waitUntil(lambda entry=entry: bool(entry.error.text()), timeout=15_000)
        assert "代码只能由" in entry.error.text()
        assert entry.isVisible() and entry.code.text() == bad and entry.label.text() == "现代物流"
        entry.reject()
    assert dialog.tree_row("30 01") is None
    dialog.accept()


def test_clerk_finds_the_button_disabled_with_the_reason(qtbot: QtBot, ctx: Any) -> None:
    window = _main(qtbot, ctx, "clerk", "demo-clerk-1")
    page = window.show_page("settings")
    assert not page.code_tables_button.isEnabled()
    assert "站点管理员" in page.code_tables_button.toolTip() and "窗口经办" in page.code_tables_button.toolTip()
