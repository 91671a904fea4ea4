"""A clerk sees 绿色通道 cases marked in the 办件 list and puts them first (combo or the 优先 header)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import login, wait_idle


def _flag_an_old_case(ctx: Any) -> tuple[str, str]:
    """The person of the oldest case is put in the 绿色通道 (if not already); returns (person, case)."""
    from app.services_extra import green_channel
    from app.store.models import Case

    with ctx.store.session() as session:
        case_id, person_id = session.execute(
            select(Case.id, Case.person_id)
            .where(Case.person_id.is_not(None), Case.deleted.is_(False))
            .order_by(Case.created_at)
            .limit(1)
        ).one()
        if green_channel.active_flag(session, person_id) is None:
            green_channel.flag(session, ctx.user, person_id, "就业困难人员")
    return person_id, case_id


def test_green_channel_cases_marked_and_first(qtbot: QtBot, ctx: Any) -> None:
    from app.services_extra.green_channel import green_persons
    from app.store.models import Case
    from ui.pages.cases import CasesPage

    login(ctx)
    _person_id, case_id = _flag_an_old_case(ctx)
    with ctx.store.session() as session:
        flagged = green_persons(session, session.scalars(select(Case.person_id).where(Case.deleted.is_(False))))
        green_cases = set(session.scalars(select(Case.id).where(Case.person_id.in_(flagged), Case.deleted.is_(False))))
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() > len(green_cases), timeout=15_000)
    model, column = page.model, [c.key for c in page.model.columns].index("green")
    assert column == 0 and model.headerData(0, Qt.Orientation.Horizontal) == "优先"
    assert model.id_at(0) not in green_cases  # by default the newest case comes first, as before

    page.green.setCurrentIndex(page.green.findData("first"))  # 绿色通道优先
    qtbot.waitUntil(lambda: model.id_at(0) in green_cases, timeout=15_000)
    assert {model.id_at(r) for r in range(len(green_cases))} == green_cases
    model.index(0, 0).data()  # asks for the first block of rows
    qtbot.waitUntil(lambda: model.row_data(0) is not None, timeout=15_000)
    assert model.index(0, column).data() == "★绿色通道"
    assert model.index(0, 1).data(Qt.ItemDataRole.ForegroundRole) is not None  # the whole row stands out
    assert model.index(0, column).data(Qt.ItemDataRole.FontRole).bold()
    later = len(green_cases)
    model.index(later, 0).data()
    qtbot.waitUntil(lambda: model.row_data(later) is not None, timeout=15_000)
    assert model.index(later, column).data() == "" and model.index(later, 1).data(Qt.ItemDataRole.FontRole) is None

    page.green.setCurrentIndex(page.green.findData("only"))  # 仅绿色通道
    qtbot.waitUntil(lambda: model.rowCount() == len(green_cases), timeout=15_000)
    assert page.count.text() == f"共 {len(green_cases)} 件" and case_id in green_cases

    page.table.horizontalHeader().sectionClicked.emit(column)  # the 优先 header: green first
    assert page.green.currentData() == "first"
    page.table.horizontalHeader().sectionClicked.emit(column)  # again: back to newest first
    assert page.green.currentData() is None
    qtbot.waitUntil(lambda: model.id_at(0) not in green_cases, timeout=15_000)
    wait_idle(qtbot, ctx)
