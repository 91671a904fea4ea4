"""Pick lists built on the GUI thread (与户主关系, 就业形式) follow the station's code-table edits."""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from tests.ui.conftest import login, wait_idle


def test_household_pick_lists_follow_local_code_edits(qtbot: QtBot, ctx: Any, window: Any) -> None:
    from app.refdata.local_tables import set_local_code
    from ui import code_cache
    from ui.pages.household_members import _relation_combo

    def relations() -> dict[str, str]:  # what the 与户主关系 pick list offers
        combo = _relation_combo("probe")
        qtbot.addWidget(combo)
        return {combo.itemData(n): combo.itemText(n) for n in range(combo.count())}

    wait_idle(qtbot, ctx)
    assert "外甥" not in relations().values()
    admin = login(ctx, "admin", "demo-admin-1")
    with ctx.store.session() as session:
        set_local_code(session, admin.id, "relation", "91", "外甥")
        set_local_code(session, admin.id, "employment_form", "91", "帮扶车间务工（本站）")
        session.commit()

    window.show_page("settings").codesChanged.emit("relation")  # what 代码表维护 sends after a change
    wait_idle(qtbot, ctx)
    assert relations()["91"] == "外甥"
    assert dict(code_cache.choices("employment_form"))["91"] == "帮扶车间务工（本站）"
