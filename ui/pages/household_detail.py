"""One household in the 家庭与安置点 page: members with working age, ability and employment, the latest
census, the zero-employment record, and the actions on them; plus the small table helpers both tabs use."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ui import code_cache
from ui.context import AppContext
from ui.operations import Operation
from ui.pages.household_members import MemberActions
from ui.tables import make_table

DESTINATION = {"county": "县内", "province": "省内县外", "outside": "省外"}
MAX_COLUMN_WIDTH = 280  # long settlement names and addresses are cut; the detail panel shows them whole


def fill_table(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    """Rows of (id, cells); the id rides on the first cell."""
    table.setRowCount(len(rows))
    for r, (row_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if c == 0:
                item.setData(Qt.ItemDataRole.UserRole, row_id)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()
    for c in range(table.columnCount() - 1):
        table.setColumnWidth(c, min(table.columnWidth(c), MAX_COLUMN_WIDTH))


def selected_row_id(table: QTableWidget, row: int | None = None) -> str | None:
    row = table.currentRow() if row is None else row
    item = table.item(row, 0) if row >= 0 else None
    value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
    return str(value) if value else None



class HouseholdDetail(QGroupBox):
    """A household: members with working age, ability and employment, latest census, the zero-employment record."""

    changed = Signal()

    def __init__(self, ctx: AppContext, name: str) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName(name)
        self.setTitle(self.tr("家庭详情"))
        self.detail: Any = None
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self.tr("请在左侧选择一户。"))
        self.summary.setObjectName("householdSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.members = make_table("householdMembers", [
            self.tr("姓名"), self.tr("关系"), self.tr("年龄"), self.tr("劳动力"), self.tr("就业"), self.tr("最近核实"),
        ])
        layout.addWidget(self.members, 1)
        self.member_actions = MemberActions(ctx)  # 添加成员 / 移出成员 / 修改关系, and the former members
        layout.addWidget(self.member_actions)
        self.episodes = QLabel("")
        self.episodes.setObjectName("householdEpisodes")
        self.episodes.setWordWrap(True)
        layout.addWidget(self.episodes)
        row = QHBoxLayout()
        self.census_button = QPushButton(self.tr("核实就业情况"))
        self.census_button.setObjectName("censusButton")
        self.census_button.setToolTip(self.tr("为所选成员登记一次就业情况核实（就业去向、形式、单位、收入）"))
        self.clear_button = QPushButton(self.tr("清零"))
        self.clear_button.setObjectName("clearButton")
        self.clear_button.setToolTip(self.tr("有成员实现就业后，登记清零日期和就业途径，移出零就业家庭名单"))
        for button in (*self.member_actions.buttons, self.census_button, self.clear_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.census_button.clicked.connect(self.census_selected)
        self.clear_button.clicked.connect(self.clear)
        self.member_actions.changed.connect(self._after_change)
        self.members.itemSelectionChanged.connect(self._buttons)
        self._buttons()

    def load(self, household_id: str | None) -> None:
        if household_id is None:
            self.detail = None
            self._show()
            return
        store, actor = self.ctx.store, self.ctx.actor_id

        def job() -> Any:
            from app.clock import today
            from app.households import household_detail

            with store.session() as session:
                return household_detail(session, actor, household_id, today())

        def show(detail: Any) -> None:
            self.detail = detail
            self._show()

        Operation(self.ctx, self, job, self.tr("正在打开家庭……")).success(show).run()

    def _show(self) -> None:
        detail = self.detail
        self.member_actions.show_detail(detail)
        if detail is None:
            self.summary.setText(self.tr("请在左侧选择一户。"))
            self.members.setRowCount(0)
            self.episodes.setText("")
            self._buttons()
            return
        relations = dict(code_cache.choices("relation"))
        where = detail.settlement_name or detail.address or ""
        status = self.tr("零就业家庭") if detail.zero_employment else (
            self.tr("一户一人以上就业") if detail.employed else self.tr("无劳动力户"))
        text = self.tr("户主：{0}　{1}　户编号：{2}　迁出村：{3}　{4}\n劳动力 {5} 人，已就业 {6} 人：{7}")
        values = (detail.head_name or "", where, detail.household_no or "—", detail.origin_village or "—",
                  detail.poverty_kind or "", detail.laborers, detail.employed, status)
        for i, value in enumerate(values):
            text = text.replace(f"{{{i}}}", str(value))
        self.summary.setText(text)
        rows = []
        for m in detail.members:
            census = m.census
            seen = ""
            if census is not None:
                place = DESTINATION.get(census.destination or "", "")
                seen = f"{census.census_on.isoformat()} {place} {census.employer_name or ''}".strip()
                if census.aid_workshop:
                    seen += self.tr("（帮扶车间）")
                if census.public_welfare_post:
                    seen += self.tr("（公益性岗位）")
            labor = self.tr("是") if m.laborer else (self.tr("无劳动能力") if not m.able_to_work else self.tr("否"))
            rows.append((m.person_id, [m.name, relations.get(m.relation or "", m.relation or ""),
                                       "" if m.age is None else str(m.age), labor,
                                       self.tr("已就业") if m.employed else self.tr("未就业"), seen]))
        fill_table(self.members, rows)
        if self.members.rowCount():
            self.members.selectRow(0)
        lines = []
        for e in detail.episodes:
            if e.cleared_on is None:
                lines.append(self.tr("{0} 起列入零就业家庭名单，尚未清零。").replace("{0}", e.since.isoformat()))
            elif e.cleared_via == "member_change":
                line = self.tr("{0} 列入，{1} 因成员变动移出名单").replace("{0}", e.since.isoformat()).replace(
                    "{1}", e.cleared_on.isoformat())
                lines.append(line + (f"（{e.note}）。" if e.note else "。"))
            else:
                from app.households import CLEAR_VIA

                line = self.tr("{0} 列入，{1} 清零：{2}经{3}实现就业。")
                for i, value in enumerate((e.since.isoformat(), e.cleared_on.isoformat(), e.cleared_person_name or "",
                                           self.tr(CLEAR_VIA.get(e.cleared_via or "", "")))):
                    line = line.replace(f"{{{i}}}", value)
                lines.append(line + (f"（{e.note}）" if e.note else ""))
        self.episodes.setText("\n".join(lines))
        self._buttons()

    def _buttons(self) -> None:
        self.member_actions.select(selected_row_id(self.members) if self.detail is not None else None)
        self.census_button.setEnabled(self.detail is not None and selected_row_id(self.members) is not None)
        self.clear_button.setEnabled(self.detail is not None and self.detail.open_episode is not None)

    def census_selected(self) -> None:
        person_id = selected_row_id(self.members)
        if self.detail is None or person_id is None:
            return
        member = next(m for m in self.detail.members if m.person_id == person_id)
        from ui.pages.household_dialogs import CensusDialog

        self.dialog = CensusDialog(self.ctx, self, person_id, member.name, member.census)
        self.dialog.saved.connect(lambda _id: self._after_change())
        self.dialog.open()

    def clear(self) -> None:
        if self.detail is None:
            return
        from ui.pages.household_dialogs import ClearDialog

        self.dialog = ClearDialog(self.ctx, self, self.detail)
        self.dialog.saved.connect(lambda _id: self._after_change())
        self.dialog.open()

    def _after_change(self) -> None:
        if self.detail is not None:
            self.load(self.detail.household_id)
        self.changed.emit()
