"""A clerk changes a household's members in 家庭与安置点: adds a newly registered employed person (the household
leaves the 零就业家庭 list), tries to remove the 户主 (refused, nothing typed lost), removes the new member as
迁出 (listed again, shown under 历史成员), makes another member 户主, and meets the one-household rule."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from pytestqt.qtbot import QtBot

from tests.ui.conftest import wait_idle

NEWCOMER = "新来成员"


def _settle(qtbot: QtBot, ctx: Any, rounds: int = 6) -> None:
    for _ in range(rounds):
        wait_idle(qtbot, ctx)
        qtbot.wait(20)


def _prepare(ctx: Any) -> dict[str, str]:
    """A registered, employed person without a household, and a listed household with no employed laborer."""
    from sqlalchemy import select

    from app.clock import today
    from app.households import zero_employment_list
    from app.persons import create_person
    from app.persons.model import PersonInput
    from app.store.models import HouseholdMember, Person
    from app.store.models_households import SettlementHousehold
    from app.validation import synthetic_resident_id

    rng = random.Random(20261126)
    doc = synthetic_resident_id(rng, region="520603", birth=date(1995, 4, 1), gender="1")
    with ctx.store.session() as session:
        person_id, _ = create_person(session, None, PersonInput(name=NEWCOMER, doc_type="resident_id", doc_number=doc,
                                                                gender="1", birth_date=date(1995, 4, 1)))
        session.get(Person, person_id).employment_status = "employed"
        row = next(r for r in zero_employment_list(session, today()) if r.employed == 0 and r.laborers > 0
                   and _member_count(session, r.household_id) > 1)
        settlement_id = session.scalar(select(SettlementHousehold.settlement_id).where(
            SettlementHousehold.household_id == row.household_id))
        elsewhere = session.scalar(select(HouseholdMember.person_id).where(
            HouseholdMember.household_id != row.household_id, HouseholdMember.deleted.is_(False)).limit(1))
        other_doc = session.get(Person, elsewhere).doc_number
    return {"person": person_id, "doc": doc, "household": row.household_id, "settlement": settlement_id,
            "other_doc": other_doc}


def _member_count(session: Any, household_id: str) -> int:
    from sqlalchemy import func, select

    from app.store.models import HouseholdMember

    return int(session.scalar(select(func.count()).where(HouseholdMember.household_id == household_id,
                                                         HouseholdMember.deleted.is_(False))))


def _select(table: Any, row_id: str) -> None:
    table.selectRow(next(r for r in range(table.rowCount()) if table.item(r, 0).data(256) == row_id))


def _state(page: Any, household_id: str) -> str:
    table = page.households
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).data(256) == household_id)
    return str(table.item(row, table.columnCount() - 1).text())


def test_clerk_changes_household_members(qtbot: QtBot, window: Any, ctx: Any) -> None:
    ids = _prepare(ctx)
    page = window.show_page("households")
    page.tabs.setCurrentIndex(1)
    _settle(qtbot, ctx)
    _select(page.settlements, ids["settlement"])
    _settle(qtbot, ctx)
    _select(page.households, ids["household"])
    _settle(qtbot, ctx)
    detail = page.settlement_detail
    actions = detail.member_actions
    assert detail.detail.household_id == ids["household"]
    assert _state(page, ids["household"]) == "零就业家庭"
    assert actions.add_button.isEnabled() and actions.remove_button.isEnabled()
    members_before = detail.members.rowCount()

    # 添加成员: nobody registered under this name yet → told to register under 人员 first.
    actions.add_button.click()
    add = actions.dialog
    add.search.setText("查无此人")
    add.run_search()
    _settle(qtbot, ctx)
    assert add.results.count() == 0
    assert "新建" in add.hint.text() and "人员" in add.hint.text()
    add.save()
    assert "请先查找并选择" in add.error.text() and add.isVisible()
    # Found by ID number; added as 兄弟姐妹; the household leaves the list (成员变动).
    add.search.setText(ids["doc"])
    add.run_search()
    _settle(qtbot, ctx)
    assert add.results.count() == 1 and NEWCOMER in add.results.item(0).text()
    add.relation.setCurrentIndex(add.relation.findData("05"))
    add.save()
    _settle(qtbot, ctx, 10)
    assert not add.isVisible()
    assert detail.members.rowCount() == members_before + 1
    assert _state(page, ids["household"]) == "一户一人以上就业"
    assert "一户一人以上就业" in detail.summary.text()
    assert "因成员变动移出名单" in detail.episodes.text() and "新加入的成员已就业" in detail.episodes.text()

    # 移出成员 on the 户主 while others remain: refused with the way out; what was typed stays.
    head = next(m for m in detail.detail.members if m.relation == "01")
    _select(detail.members, head.person_id)
    actions.remove_button.click()
    remove = actions.dialog
    remove.reason.setCurrentIndex(remove.reason.findData("died"))
    remove.note.setText("测试说明")
    remove.save()
    _settle(qtbot, ctx)
    assert "户主不能直接移出" in remove.error.text() and "修改关系" in remove.error.text()
    assert remove.isVisible() and remove.note.text() == "测试说明"
    remove.reject()

    # The newcomer moves out again: listed again from today, shown under 历史成员.
    _select(detail.members, ids["person"])
    actions.remove_button.click()
    remove = actions.dialog
    remove.reason.setCurrentIndex(remove.reason.findData("moved_out"))
    remove.note.setText("迁往贵阳")
    remove.save()
    _settle(qtbot, ctx, 10)
    assert not remove.isVisible()
    assert detail.members.rowCount() == members_before
    assert _state(page, ids["household"]) == "零就业家庭"
    assert "起列入零就业家庭名单，尚未清零" in detail.episodes.text()
    former = actions.former.text()
    assert "历史成员" in former and NEWCOMER in former and "迁出" in former and "迁往贵阳" in former
    assert actions.former.isVisibleTo(detail)

    # 修改关系: another member becomes 户主, the former head becomes 配偶.
    other = next(m for m in detail.detail.members if m.relation != "01")
    _select(detail.members, other.person_id)
    actions.relation_button.click()
    relation = actions.dialog
    assert not relation.former.isVisibleTo(relation)
    relation.relation.setCurrentIndex(relation.relation.findData("01"))
    assert relation.former.isVisibleTo(relation)
    relation.former.setCurrentIndex(relation.former.findData("02"))
    relation.save()
    _settle(qtbot, ctx, 10)
    assert not relation.isVisible()
    relations = {m.person_id: m.relation for m in detail.detail.members}
    assert relations[other.person_id] == "01" and relations[head.person_id] == "02"
    assert detail.detail.head_name == other.name

    # One household per person: a member of another household is marked, and refused with what to do.
    actions.add_button.click()
    add = actions.dialog
    add.search.setText(ids["other_doc"])
    add.run_search()
    _settle(qtbot, ctx)
    assert "已是另一户成员" in add.results.item(0).text()
    add.save()
    _settle(qtbot, ctx)
    assert "另一户家庭的成员" in add.error.text() and "移出成员" in add.error.text()
    assert add.search.text() == ids["other_doc"]
    add.reject()
