"""单位与岗位: employers (list, search, detail with postings), the 3-working-day 核实 list, and the wage
guide prices and contract templates from reference data."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation
from ui.pages.employer_detail import STATUS_COLORS, EmployerDetailPanel, Labels
from ui.tables import make_cell, make_table

SEARCH_DELAY_MS = 150


class EmployersPage(QWidget):
    openCase = Signal(str)
    openPerson = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.labels: Labels = Labels({})
        self._verifications: list[Any] = []
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("单位与岗位"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        self.search = QLineEdit()
        self.search.setObjectName("employerSearch")
        self.search.setPlaceholderText(self.tr("输入单位名称或统一社会信用代码查找（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("登记单位（Ctrl+N）"))
        self.new_button.setObjectName("newEmployer")
        top.addWidget(self.new_button)
        outer.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("employerTabs")
        outer.addWidget(self.tabs, 1)

        # 单位 tab: list + detail
        split = QSplitter()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.count = QLabel("")
        self.count.setObjectName("employerCount")
        left_layout.addWidget(self.count)
        self.table = make_table(
            "employerTable",
            [self.tr(h) for h in ("单位名称", "统一社会信用代码", "类型", "核实", "招聘中", "同步")],
            (170, 150, 70, 56, 50, 50),
        )
        left_layout.addWidget(self.table)
        split.addWidget(left)
        self.detail = EmployerDetailPanel(ctx, self)
        split.addWidget(self.detail)
        split.setSizes([560, 640])
        self.tabs.addTab(split, self.tr("用人单位"))

        # 核实 tab
        checks = QWidget()
        checks_layout = QVBoxLayout(checks)
        bar = QHBoxLayout()
        self.check_filter = QComboBox()
        self.check_filter.setObjectName("verificationFilter")
        for label, value in (
            (self.tr("全部待核实"), None),
            (self.tr("未到期"), "pending"),
            (self.tr("已逾期"), "overdue"),
        ):
            self.check_filter.addItem(label, value)
        bar.addWidget(self.check_filter)
        self.check_count = QLabel("")
        self.check_count.setObjectName("verificationCount")
        bar.addWidget(self.check_count, 1)
        self.verify_button = QPushButton(self.tr("核实（调查、结论）"))
        self.verify_button.setObjectName("verifySelected")
        self.open_case_button = QPushButton(self.tr("打开办件"))
        self.open_case_button.setObjectName("openVerificationCase")
        bar.addWidget(self.verify_button)
        bar.addWidget(self.open_case_button)
        checks_layout.addLayout(bar)
        hint = QLabel(
            self.tr(
                "用人单位登记和每个招聘岗位须在受理后 3 个工作日内完成证照、负责人身份、招聘信息的核实；"
                "书面承诺受理的须先记录工作人员调查情况。"
            )
        )
        hint.setWordWrap(True)
        checks_layout.addWidget(hint)
        self.verifications = make_table(
            "verificationTable",
            [self.tr(h) for h in ("状态", "期限", "剩余工作日", "单位", "核实内容", "受理日期", "书面承诺", "调查")],
            (70, 100, 80, 200, 150, 100, 70, 100),
        )
        checks_layout.addWidget(self.verifications, 1)
        self.tabs.addTab(checks, self.tr("核实（3个工作日）"))

        # guides tab
        guides = QWidget()
        guides_layout = QHBoxLayout(guides)
        self.wage_guides = QListWidget()
        self.wage_guides.setObjectName("wageGuides")
        self.wage_guides.setWordWrap(True)
        self.contracts = QListWidget()
        self.contracts.setObjectName("contractTemplates")
        self.contracts.setWordWrap(True)
        for widget, caption in (
            (self.wage_guides, self.tr("市场工资指导价位")),
            (self.contracts, self.tr("劳动合同示范文本")),
        ):
            box = QGroupBox(caption)
            QVBoxLayout(box).addWidget(widget)
            guides_layout.addWidget(box)
        self.tabs.addTab(guides, self.tr("工资指导价位与合同范本"))

        # 回访 of referrals that are due
        visits = QWidget()
        visits_layout = QVBoxLayout(visits)
        visits_hint = QLabel(self.tr("推荐岗位后按期回访求职结果。双击打开人员，在“求职与岗位匹配”中记录回访。"))
        visits_hint.setWordWrap(True)
        visits_layout.addWidget(visits_hint)
        self.visits = make_table(
            "referralVisits",
            [self.tr(h) for h in ("回访日期", "状态", "姓名", "推荐岗位")],
            (110, 80, 120, 300),
        )
        visits_layout.addWidget(self.visits, 1)
        self.tabs.addTab(visits, self.tr("推荐回访"))

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_list)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.table.itemSelectionChanged.connect(self._selected)
        self.new_button.clicked.connect(lambda: self.open_employer_dialog(None))
        self.check_filter.currentIndexChanged.connect(lambda _i: self.refresh_verifications())
        self.verify_button.clicked.connect(self.verify_selected)
        self.verifications.itemDoubleClicked.connect(lambda _i: self.verify_selected())
        self.open_case_button.clicked.connect(self._open_case)
        self.visits.itemDoubleClicked.connect(self._open_visit)
        self.detail.changed.connect(lambda _id: self.refresh())
        QShortcut(QKeySequence("Ctrl+N"), self, activated=lambda: self.open_employer_dialog(None))
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.search.setFocus)
        self._load_labels()

    # ------------------------------------------------------------------ data

    def reload_code_tables(self) -> None:
        """A code table was edited (设置 → 代码表维护): read the tables again for labels and new forms."""
        self._load_labels()

    def _load_labels(self) -> None:
        store = self.ctx.store

        def job() -> Any:
            from app.employers import employer_guides
            from app.refdata.local_tables import effective_code_tables

            with store.session() as session:
                return (
                    effective_code_tables(session),
                    employer_guides(session, "wage_guide"),
                    employer_guides(session, "contract_template"),
                )

        def show(found: Any) -> None:
            tables, wages, contracts = found
            self.labels = Labels(tables)
            for widget, entries in ((self.wage_guides, wages), (self.contracts, contracts)):
                widget.clear()
                for entry in entries:
                    source = self.tr("平台下发") if entry.source == "platform" else self.tr("随程序附带，待平台同步")
                    widget.addItem(f"{entry.title}（{source}）\n{entry.body}")
            self.refresh()

        Operation(self.ctx, self, job).success(show).run()

    def refresh(self) -> None:
        self.refresh_list()
        self.refresh_verifications()
        self.refresh_visits()

    def refresh_visits(self) -> None:
        store = self.ctx.store

        def job() -> Any:
            from app.clock import today
            from app.matching import due_referral_follow_ups

            with store.session() as session:
                return due_referral_follow_ups(session, today())

        Operation(self.ctx, self, job).success(self._show_visits).run()

    def _show_visits(self, items: list[Any]) -> None:
        self.visits.setRowCount(0)
        for item in items:
            r = self.visits.rowCount()
            self.visits.insertRow(r)
            color = STATUS_COLORS["overdue"] if item.overdue else STATUS_COLORS["pending"]
            cells = [
                make_cell(item.due_on.isoformat(), item.person_id, color),
                make_cell(self.tr("已超期") if item.overdue else self.tr("今日到期"), color=color),
                make_cell(item.person_name),
                make_cell(item.posting_title),
            ]
            for column, cell in enumerate(cells):
                self.visits.setItem(r, column, cell)
        self.tabs.setTabText(3, self.tr("推荐回访") + (f" {len(items)}" if items else ""))

    def _open_visit(self, cell: QTableWidgetItem) -> None:
        item = self.visits.item(cell.row(), 0)
        if item is not None:
            self.openPerson.emit(item.data(Qt.ItemDataRole.UserRole))

    def refresh_list(self) -> None:
        text, store = self.search.text(), self.ctx.store

        def job() -> Any:
            from app.employers import list_employers

            with store.session() as session:
                return list_employers(session, text)

        Operation(self.ctx, self, job, self.tr("正在查询单位……")).success(self._show_list).run()

    def _show_list(self, rows: list[Any]) -> None:
        from app.employers import STATUS_LABELS

        current = self.current_employer_id()
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for row in rows:
            r = self.table.rowCount()
            self.table.insertRow(r)
            name = row.name + (self.tr("（书面承诺）") if row.on_commitment else "")
            cells = [
                make_cell(name, row.id),
                make_cell(row.uscc or ""),
                make_cell(self.labels.code("employer_kind", row.kind)),
                make_cell(
                    STATUS_LABELS.get(row.status, "") if row.status else "", color=STATUS_COLORS.get(row.status or "")
                ),
                make_cell(str(row.open_postings)),
                make_cell(self.tr("已同步") if row.synced else self.tr("待同步")),
            ]
            for column, cell in enumerate(cells):
                self.table.setItem(r, column, cell)
            if row.id == current:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        self.count.setText(self.tr("共 {0} 家单位").replace("{0}", str(len(rows))))

    def current_employer_id(self) -> str | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selected(self) -> None:
        employer_id = self.current_employer_id()
        if employer_id:
            self.detail.load(employer_id)

    def open_employer(self, employer_id: str) -> None:
        self.tabs.setCurrentIndex(0)
        self.detail.load(employer_id)

    def refresh_verifications(self) -> None:
        status, store = self.check_filter.currentData(), self.ctx.store

        def job() -> Any:
            from app.calendar import default_calendar
            from app.clock import today
            from app.employers import verification_list

            with store.session() as session:
                return verification_list(session, today(), default_calendar(), status=status)

        Operation(self.ctx, self, job).success(self._show_verifications).run()

    def _show_verifications(self, items: list[Any]) -> None:
        from app.employers import STATUS_LABELS

        self._verifications = items
        self.verifications.setRowCount(0)
        overdue = 0
        for item in items:
            overdue += item.status == "overdue"
            r = self.verifications.rowCount()
            self.verifications.insertRow(r)
            what = (self.tr("岗位：") + (item.posting_title or "")) if item.kind == "posting" else self.tr("单位登记")
            color = STATUS_COLORS.get(item.status)
            cells = [
                make_cell(STATUS_LABELS[item.status], item.id, color),
                make_cell(item.due_on.isoformat(), color=color),
                make_cell(str(item.days_left), color=color),
                make_cell(item.employer_name),
                make_cell(what),
                make_cell(item.accepted_on.isoformat()),
                make_cell(self.tr("书面承诺受理") if item.on_commitment else ""),
                make_cell(
                    (item.investigated_on.isoformat() if item.investigated_on else self.tr("未调查"))
                    if item.on_commitment
                    else ""
                ),
            ]
            for column, cell in enumerate(cells):
                self.verifications.setItem(r, column, cell)
        self.check_count.setText(
            self.tr("待核实 {0} 项，其中已逾期 {1} 项").replace("{0}", str(len(items))).replace("{1}", str(overdue))
        )
        self.tabs.setTabText(1, self.tr("核实（3个工作日）") + (f" {len(items)}" if items else ""))

    def _selected_verification(self) -> Any:
        row = self.verifications.currentRow()
        return self._verifications[row] if 0 <= row < len(self._verifications) else None

    def verify_selected(self) -> None:
        item = self._selected_verification()
        if item is None:
            return
        from ui.pages.employer_dialogs import VerifyDialog

        dialog = VerifyDialog(self.ctx, self, item)
        dialog.done.connect(lambda: (self.refresh(), self.detail.load(item.employer_id)))
        dialog.open()

    def _open_case(self) -> None:
        item = self._selected_verification()
        if item is not None and item.case_id:
            self.openCase.emit(item.case_id)

    # ------------------------------------------------------------------ dialogs

    def open_employer_dialog(self, detail: Any) -> Any:
        from ui.pages.employer_dialogs import CatalogFormDialog, employer_save_job

        values = dict(detail.form) if detail is not None else {"division": self.ctx.station_code[:9]}
        title = self.tr("修改单位信息") if detail is not None else self.tr("登记用人单位")
        dialog = CatalogFormDialog(
            self.ctx,
            self,
            "employer_registration",
            self.labels.tables,
            values,
            title,
            employer_save_job(self.ctx, detail.id if detail is not None else None),
        )
        dialog.saved.connect(self._employer_saved)
        dialog.open()
        return dialog

    def _employer_saved(self, employer_id: str) -> None:
        self.refresh()
        self.open_employer(employer_id)

    def open_posting_dialog(
        self, employer_id: str, posting_id: str | None, values: dict[str, Any], work_time: str
    ) -> Any:
        from ui.pages.employer_dialogs import CatalogFormDialog, posting_save_job

        title = self.tr("修改招聘岗位") if posting_id else self.tr("新增招聘岗位（招聘登记）")
        dialog = CatalogFormDialog(
            self.ctx,
            self,
            "recruitment_registration",
            self.labels.tables,
            values,
            title,
            posting_save_job(self.ctx, employer_id, posting_id),
            with_work_time=work_time,
        )
        dialog.saved.connect(lambda _id: (self.refresh(), self.detail.load(employer_id)))
        dialog.open()
        return dialog
