"""A clerk walks 家庭与安置点: open a settlement, census a laborer, see the figures change, import a roster,
clear a zero-employment household; the profile panel shows the household."""

from __future__ import annotations

import csv
import random
from datetime import date
from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from tests.ui.conftest import wait_idle


def _settle(qtbot: QtBot, ctx: Any, rounds: int = 5) -> None:
    for _ in range(rounds):
        wait_idle(qtbot, ctx)
        qtbot.wait(20)


def _roster(path: Path, seed: int) -> Path:
    from app.validation import synthetic_resident_id

    rng = random.Random(seed)
    ids = [synthetic_resident_id(rng, region="520603", birth=date(1985 + i, 3, 1), gender="12"[i % 2])
           for i in range(4)]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["户编号", "与户主关系", "姓名", "证件号码", "有无劳动能力", "迁出村"])
        writer.writerow(["X01", "户主", "导入甲", ids[0], "有", "新村"])
        writer.writerow(["X01", "配偶", "导入乙", ids[1], "有", ""])
        writer.writerow(["X02", "户主", "导入丙", ids[2], "有", "老村"])
        writer.writerow(["X02", "子女", "导入丁", ids[3], "无", ""])
    return path


def test_clerk_walks_households(qtbot: QtBot, window: Any, ctx: Any, tmp_path: Path) -> None:
    page = window.show_page("households")
    _settle(qtbot, ctx)
    assert "待同步" in page.field_banner.text()
    # 安置点: the demo settlements with their figures.
    page.tabs.setCurrentIndex(1)
    _settle(qtbot, ctx)
    assert page.settlements.rowCount() == 2
    employed_before = int(page.figure_labels["employed"].text())
    # Find a household with an unemployed laborer and census them as employed.
    target = None
    for row in range(page.households.rowCount()):
        page.households.selectRow(row)
        _settle(qtbot, ctx)
        detail = page.settlement_detail.detail
        member = next((m for m in detail.members if m.laborer and not m.employed), None)
        if member is not None:
            target = member
            break
    assert target is not None
    members = page.settlement_detail.members
    members.selectRow(next(r for r in range(members.rowCount())
                           if members.item(r, 0).data(256) == target.person_id))
    page.settlement_detail.census_button.click()
    dialog = page.settlement_detail.dialog
    dialog.employed.setChecked(True)
    dialog.destination.setCurrentIndex(dialog.destination.findData("county"))
    dialog.employer.setText("测试帮扶车间")
    dialog.workshop.setChecked(True)
    dialog.income.setValue(2800)
    dialog.save()
    _settle(qtbot, ctx, 8)
    assert int(page.figure_labels["employed"].text()) == employed_before + 1
    assert any(m.person_id == target.person_id and m.employed for m in page.settlement_detail.detail.members)

    # Import a roster into the selected settlement: a broken one first (nothing written), then a good one.
    households_before = page.households.rowCount()
    bad = tmp_path / "bad.csv"
    bad.write_text("户编号,与户主关系,姓名,证件号码\nY01,户主,坏行,123\n", encoding="utf-8")
    page.import_roster(str(bad))
    _settle(qtbot, ctx, 8)
    assert "没有导入任何家庭" in page.import_result.text()
    assert page.open_report.isVisibleTo(page)
    assert page.households.rowCount() == households_before
    page.import_roster(str(_roster(tmp_path / "good.csv", 7)))
    _settle(qtbot, ctx, 8)
    assert "已导入 2 户" in page.import_result.text()
    assert page.households.rowCount() == households_before + 2

    # 零就业家庭: clear one that is still waiting.
    page.tabs.setCurrentIndex(0)
    _settle(qtbot, ctx)
    listed = [r for r in page._zero_rows if r.cleared_on is None]
    assert listed
    row = next(i for i, r in enumerate(page._zero_rows) if r.cleared_on is None)
    page.zero_table.selectRow(row)
    _settle(qtbot, ctx)
    household_id = page._zero_rows[row].household_id
    assert page.zero_detail.detail.household_id == household_id
    assert page.zero_detail.clear_button.isEnabled()
    page.zero_detail.clear_button.click()
    clear = page.zero_detail.dialog
    clear.via.setCurrentIndex(clear.via.findData("public_welfare"))
    clear.save()
    _settle(qtbot, ctx, 8)
    assert household_id not in {r.household_id for r in page._zero_rows}
    page.show_cleared.setChecked(True)
    _settle(qtbot, ctx)
    assert any(r.household_id == household_id and r.cleared_via == "public_welfare" for r in page._zero_rows)


def test_profile_panel_shows_household(qtbot: QtBot, ctx: Any) -> None:
    from sqlalchemy import select

    from app.store.models import HouseholdMember
    from tests.ui.conftest import login
    from ui.pages.profile_household import HouseholdProfilePanel

    login(ctx)
    with ctx.store.session() as session:
        person_id = session.scalar(select(HouseholdMember.person_id).limit(1))
    panel = HouseholdProfilePanel(ctx)
    qtbot.addWidget(panel)
    panel.load(person_id)
    _settle(qtbot, ctx)
    assert "户主" in panel.household.text() and panel.census_button.isEnabled()
    panel.open_census()
    panel.dialog.employed.setChecked(False)
    panel.dialog.reason.setText("在家照顾老人")
    panel.dialog.save()
    _settle(qtbot, ctx)
    assert "在家照顾老人" in panel.census.text()
