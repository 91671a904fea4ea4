"""就业困难人员认定 from the profile by role: a clerk's button opens the reviewed case (prefilled draft in the
case editor), a reviewer's records the recognition directly."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import login, wait_idle
from tests.ui.test_ui_assistance_flows import REGISTRATION, _fill_and_accept, _panel, _person, _reload


def _editor() -> Any:
    from ui.pages.case_editor import CaseEditor

    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseEditor) and w.isVisible()]
    return found[-1] if found else None


def test_clerk_applies_through_a_reviewed_case(qtbot: QtBot, ctx: Any) -> None:
    from app.calendar import default_calendar
    from app.workflow import transition

    clerk = login(ctx)
    person_id = _person(ctx, 911)
    _fill_and_accept(qtbot, ctx, "unemployment_registration", person_id, REGISTRATION, commit=False)
    panel = _panel(qtbot, ctx, person_id)
    button = panel.buttons["recognize"]
    assert button.isEnabled() and button.text() == "申请认定（送审核）"

    dialog = panel.recognize()
    assert dialog.via_case and "送审核" in dialog.windowTitle()
    assert "审核通过后认定生效" in dialog.findChild(type(dialog.error), "recViaCaseNote").text()
    dialog.check_categories(["01"])
    dialog.check_result.setPlainText("经社保信息核查：连续失业1年以上。")
    with qtbot.waitSignal(dialog.saved, timeout=10_000) as saved:
        dialog.save()
    case_id = saved.args[0]
    qtbot.waitUntil(lambda: _editor() is not None, timeout=15_000)
    editor = _editor()
    assert editor.case_id == case_id and editor.data.item.code == "hardship_recognition"
    values = editor.form.values()
    assert values["hardship_categories"] == ["01"] and values["info_check_result"].startswith("经社保信息核查")
    assert values["name"] == "杨某某"  # the person's own fields are prefilled as for any case
    assert "就业困难人员：未认定" in panel.recognition.text()  # nothing decided yet

    # The clerk completes the form and accepts it; a second application is refused while it is open.
    editor.form.set_values(values | {"hukou_address": "贵州省（演示地址）", "truth_commitment": True})
    editor.form.set_checked_materials([m.key for m in editor.data.item.materials])
    with qtbot.waitSignal(editor.accepted, timeout=20_000):
        editor.submit()
    again = panel.recognize()
    again.check_categories(["01"])
    again.save()
    qtbot.waitUntil(lambda: "不要重复发起" in again.error.text(), timeout=10_000)
    again.reject()

    # Review decides: the reviewer's approval records the recognition shown on the profile.
    reviewer = login(ctx, "reviewer", "demo-review-1")
    with ctx.store.session() as session:
        for actor, action in ((clerk, "request_review"), (reviewer, "approve")):
            transition(session, actor, case_id, action, catalog=ctx.catalog, calendar=default_calendar())
    _reload(qtbot, ctx, panel)
    qtbot.waitUntil(lambda: "大龄失业人员" in panel.recognition.text(), timeout=10_000)
    assert panel.buttons["recognize"].text() == "认定就业困难人员"  # the reviewer's panel records directly
    wait_idle(qtbot, ctx)
