from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.errors import UserError
from app.refdata.local_tables import (
    effective_code_tables,
    set_calendar_override,
    set_local_code,
    working_calendar,
)
from app.store import Store
from app.store.models import AuditEntry


def test_editable_table_add_rename_retire(store: Store) -> None:
    with store.session() as session:
        base = effective_code_tables(session)["hardship_category"]
        first = base.entries[0]
        set_local_code(session, "admin", "hardship_category", "90", "本县自定类别")
        set_local_code(session, "admin", "hardship_category", first.code, "改过的名称")
    with store.session() as session:
        table = effective_code_tables(session)["hardship_category"]
        assert table.label("90") == "本县自定类别" and table.label(first.code) == "改过的名称"
        assert table.version.endswith("+local")
        set_local_code(session, "admin", "hardship_category", "90", "", active=False)
    with store.session() as session:
        assert not effective_code_tables(session)["hardship_category"].contains("90")
        assert session.scalars(select(AuditEntry.action)).all().count("codes.edit") == 3


@pytest.mark.parametrize(
    ("table", "code", "label", "message"),
    [
        ("ethnic", "99", "x", "国家标准"),
        ("nope", "1", "x", "没有名为"),
        ("hardship_category", "a b", "x", "代码只能"),
        ("hardship_category", "91", "  ", "名称不能为空"),
        ("hardship_category", "zz", "", "无需停用"),
    ],
)
def test_bad_code_edits_change_nothing(store: Store, table: str, code: str, label: str, message: str) -> None:
    with pytest.raises(UserError, match=message), store.session() as session:
        set_local_code(session, "admin", table, code, label, active=message != "无需停用")
    with store.session() as session:
        assert effective_code_tables(session)["hardship_category"].version == "local-1"


def test_calendar_override_moves_deadlines(store: Store) -> None:
    monday = date(2026, 11, 30)
    with store.session() as session:
        assert working_calendar(session).add_working_days(monday, 1) == date(2026, 12, 1)
        set_calendar_override(session, "admin", date(2026, 12, 1), False, "停电")
        set_calendar_override(session, "admin", date(2026, 12, 5), True)
    with store.session() as session:
        calendar = working_calendar(session)
        assert calendar.add_working_days(monday, 1) == date(2026, 12, 2)
        assert calendar.is_workday(date(2026, 12, 5))
        set_calendar_override(session, "admin", date(2026, 12, 1), None)
    with store.session() as session:
        assert working_calendar(session).add_working_days(monday, 1) == date(2026, 12, 1)
