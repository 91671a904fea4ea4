"""办件: a filtered list that stays smooth at 100,000 cases, and the selected case's detail."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.models.lazy_table import Column, LazyTableModel
from ui.operations import Operation
from ui.pages.case_detail import CaseDetailPanel

SYNC_LABELS = {
    "synced": QT_TRANSLATE_NOOP("CasesPage", "已同步"),
    "pending": QT_TRANSLATE_NOOP("CasesPage", "待同步"),
    "conflict": QT_TRANSLATE_NOOP("CasesPage", "冲突"),
    "rejected": QT_TRANSLATE_NOOP("CasesPage", "被退回"),
}


GREEN_MARK = QT_TRANSLATE_NOOP("CasesPage", "★绿色通道")


class CaseTableModel(LazyTableModel):
    """The lazy case list; 绿色通道 rows are drawn in dark green, their 优先 mark bold, so they stand out."""

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole) and index.isValid():
            row = self.row_data(index.row())
            if row is None or not row.green:
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor("#1b5e20")
            if self.columns[index.column()].key != "green":  # bold would elide the case number
                return None
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


class CasesPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("办件"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        from app.workflow import STATE_LABELS

        self.state = self._combo(
            "filterState",
            [(self.tr("全部状态"), None)] + [(label, state.value) for state, label in STATE_LABELS.items()],
        )
        self.item = self._combo(
            "filterItem", [(self.tr("全部事项"), None)] + [(item.name, item.code) for item in ctx.catalog.items()]
        )
        self.due = self._combo(
            "filterDue",
            [(self.tr("不限期限"), None), (self.tr("已超期"), "overdue"), (self.tr("2 个工作日内到期"), "soon")],
        )
        self.handler = self._combo("filterHandler", [(self.tr("全部经办人"), None), (self.tr("我经办的"), "me")])
        self.green = self._combo(
            "filterGreen",
            [(self.tr("按登记时间"), None), (self.tr("绿色通道优先"), "first"), (self.tr("仅绿色通道"), "only")],
        )
        self.green.setToolTip(self.tr("绿色通道：重点群体优先办理。点表头“优先”也可切换为绿色通道优先。"))
        for combo in (self.state, self.item, self.due, self.handler, self.green):
            top.addWidget(combo)
        self.count = QLabel("")
        self.count.setObjectName("caseCount")
        top.addWidget(self.count, 1)
        outer.addLayout(top)
        names = ctx.item_names()
        self.model = CaseTableModel(
            ctx,
            [
                Column("green", self.tr("优先"), lambda r: self.tr(GREEN_MARK) if r.green else ""),
                Column("case_no", self.tr("办件编号"), lambda r: r.case_no),
                Column("item", self.tr("事项"), lambda r: names.get(r.item_code, r.item_code)),
                Column("person", self.tr("办理人"), lambda r: r.person_name),
                Column("id", self.tr("证件号码"), lambda r: r.person_masked_id),
                Column("state", self.tr("状态"), lambda r: r.state_label),
                Column("accepted", self.tr("受理日期"), lambda r: r.accepted_on.isoformat() if r.accepted_on else ""),
                Column("due", self.tr("办理期限"), lambda r: r.due_on.isoformat() if r.due_on else ""),
                Column("sync", self.tr("同步"), lambda r: self.tr(SYNC_LABELS.get(r.sync_state, "待同步"))),
            ],
            self._fetch_rows,
        )
        split = QSplitter()
        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((84, 230, 120, 80, 150, 80, 100, 100, 70)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().sectionClicked.connect(self._header_clicked)
        self.table.horizontalHeader().setStretchLastSection(True)
        split.addWidget(self.table)
        self.detail = CaseDetailPanel(ctx)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 440])
        outer.addWidget(split, 1)
        self.table.activated.connect(lambda index: self.open_case(self.model.id_at(index.row())))
        self.table.clicked.connect(lambda index: self.open_case(self.model.id_at(index.row())))
        self.detail.changed.connect(self._case_changed)

    def _combo(self, name: str, options: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for label, value in options:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(lambda _i: self.refresh())
        return combo

    def _fetch_rows(self, ids: Any) -> Any:
        from dataclasses import replace

        from app.workflow.listing import case_rows
        from sync.client.status import record_sync_states

        with self.ctx.store.session() as session:
            rows = case_rows(session, ids)
            states = record_sync_states(session, "case", list(rows))
        return {case_id: replace(row, sync_state=states[case_id]) for case_id, row in rows.items()}

    def show_online(self) -> None:
        """Only 网上申请待受理 (the 工作台's 网上申请 list leads here)."""
        self.state.setCurrentIndex(max(0, self.state.findData("received_online")))

    def current_filter(self) -> Any:
        from app.clock import today
        from app.workflow.listing import CaseFilter

        due = self.due.currentData()
        soon_until = None
        if due == "soon":
            from app.calendar import default_calendar

            soon_until = default_calendar().add_working_days(today(), 2)
        return CaseFilter(
            state=self.state.currentData(),
            item_code=self.item.currentData(),
            handler_id=self.ctx.actor_id if self.handler.currentData() == "me" else None,
            overdue_on=today() if due == "overdue" else None,
            due_by=soon_until,
            green=self.green.currentData(),
        )

    def _header_clicked(self, section: int) -> None:
        """The 优先 header sorts 绿色通道 cases first (and back to newest first)."""
        if self.model.columns[section].key == "green":
            self.green.setCurrentIndex(0 if self.green.currentData() == "first" else self.green.findData("first"))

    def refresh(self) -> None:
        case_filter, store = self.current_filter(), self.ctx.store

        def job() -> list[str]:
            from app.workflow.listing import case_ids

            with store.session() as session:
                return case_ids(session, case_filter)

        def show(ids: list[str]) -> None:
            self.model.set_ids(ids)
            self.count.setText(self.tr("共 {0} 件").replace("{0}", str(len(ids))))

        Operation(self.ctx, self, job, self.tr("正在读取办件……")).success(show).run()

    def open_case(self, case_id: str | None) -> None:
        if case_id:
            self.detail.load(case_id)

    def _case_changed(self, case_id: str) -> None:
        self.model.invalidate(case_id)
