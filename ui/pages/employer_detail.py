"""单位与岗位: the detail panel of one employer (its data, postings and their verification state) and the
table helpers the page shares with it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation
from ui.tables import make_cell, make_table

if TYPE_CHECKING:
    from ui.pages.employers import EmployersPage


STATUS_COLORS = {"overdue": "#b3261e", "pending": "#8a5a00", "verified": "#1b6e2d", "rejected": "#6b6b6b"}
POSTING_STATUS = {"open": "招聘中", "closed": "已停招", "filled": "已招满"}
WORK_TIME_LABELS = {"full": "全职", "part": "兼职", None: ""}


def wage_text(low: int | None, high: int | None) -> str:
    if low is None and high is None:
        return ""
    if low is not None and high is not None and low != high:
        return f"{low}–{high}"
    return str(low if low is not None else high)


class Labels:
    """Code and division names for display, loaded once on the DB worker."""

    def __init__(self, tables: dict[str, Any]) -> None:
        from app.refdata.divisions import load_bundled_divisions

        self.tables = tables
        self._divisions = load_bundled_divisions()

    def code(self, table: str, code: str | None) -> str:
        if not code:
            return ""
        found = self.tables.get(table)
        return (found.label(code) if found else None) or code

    def division(self, code: str | None) -> str:
        if not code:
            return ""
        name = self._divisions.full_name(code) if len(code) < 12 else ""
        return name.removeprefix("贵州省") or code


class EmployerDetailPanel(QWidget):
    """One employer: its details, its checks and its postings, with their actions."""

    changed = Signal(str)

    def __init__(self, ctx: AppContext, page: EmployersPage) -> None:
        super().__init__()
        self.ctx, self.page = ctx, page
        self.detail: Any = None
        layout = QVBoxLayout(self)
        self.title = QLabel(self.tr("在左侧选择单位，或按 Ctrl+N 登记新单位。"))
        self.title.setObjectName("employerTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.badge = QLabel("")
        self.badge.setObjectName("commitmentBadge")
        self.badge.setStyleSheet("color:#8a5a00; font-weight:600")
        self.badge.setWordWrap(True)
        self.badge.hide()
        layout.addWidget(self.badge)
        actions = QHBoxLayout()
        self.edit_button = QPushButton(self.tr("修改单位信息"))
        self.edit_button.setObjectName("editEmployer")
        self.add_posting_button = QPushButton(self.tr("新增招聘岗位"))
        self.add_posting_button.setObjectName("addPosting")
        actions.addWidget(self.edit_button)
        actions.addWidget(self.add_posting_button)
        actions.addStretch(1)
        layout.addLayout(actions)
        box = QGroupBox(self.tr("单位信息"))
        self.info = QGridLayout(box)
        self.info.setColumnStretch(1, 1)
        self.info.setColumnStretch(3, 1)
        layout.addWidget(box)
        postings_box = QGroupBox(self.tr("招聘岗位"))
        inner = QVBoxLayout(postings_box)
        self.postings = make_table(
            "employerPostings",
            [
                self.tr(h)
                for h in ("岗位", "人数", "月工资（元）", "工作地", "全职/兼职", "重点产业", "状态", "核实", "标注")
            ],
            (120, 45, 90, 110, 70, 80, 60, 60, 100),
        )
        inner.addWidget(self.postings)
        row = QHBoxLayout()
        self.edit_posting_button = QPushButton(self.tr("修改岗位"))
        self.edit_posting_button.setObjectName("editPosting")
        self.close_posting_button = QPushButton(self.tr("停招"))
        self.close_posting_button.setObjectName("closePosting")
        self.filled_button = QPushButton(self.tr("已招满"))
        self.filled_button.setObjectName("fillPosting")
        for button in (self.edit_posting_button, self.close_posting_button, self.filled_button):
            row.addWidget(button)
        row.addStretch(1)
        inner.addLayout(row)
        layout.addWidget(postings_box, 1)
        checks_box = QGroupBox(self.tr("核实记录"))
        checks_layout = QVBoxLayout(checks_box)
        self.checks = QListWidget()
        self.checks.setObjectName("employerChecks")
        self.checks.setMaximumHeight(80)
        checks_layout.addWidget(self.checks)
        layout.addWidget(checks_box)
        self.edit_button.clicked.connect(self.edit_employer)
        self.add_posting_button.clicked.connect(lambda: self.edit_posting(None))
        self.edit_posting_button.clicked.connect(lambda: self.edit_posting(self._posting_id()))
        self.postings.itemDoubleClicked.connect(lambda _i: self.edit_posting(self._posting_id()))
        self.close_posting_button.clicked.connect(lambda: self._set_status("closed"))
        self.filled_button.clicked.connect(lambda: self._set_status("filled"))
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for button in (
            self.edit_button,
            self.add_posting_button,
            self.edit_posting_button,
            self.close_posting_button,
            self.filled_button,
        ):
            button.setEnabled(enabled)

    def load(self, employer_id: str) -> None:
        store, actor = self.ctx.store, self.ctx.user

        def job() -> Any:
            from app.calendar import default_calendar
            from app.employers import get_employer

            with store.session() as session:
                return get_employer(session, actor, employer_id, default_calendar())

        Operation(self.ctx, self, job, self.tr("正在打开单位……")).success(self.show_detail).run()

    def show_detail(self, detail: Any) -> None:
        from app.employers import STATUS_LABELS

        labels = self.page.labels
        self.detail = detail
        self.title.setText(detail.name + ("" if detail.synced else self.tr("（待同步）")))
        self.badge.setText(
            self.tr("书面承诺受理：负责人书面承诺＋工作人员必要调查，招聘信息中已标明") if detail.on_commitment else ""
        )
        self.badge.setVisible(detail.on_commitment)
        while self.info.count():
            taken = self.info.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.deleteLater()
        rows = [
            (self.tr("统一社会信用代码"), detail.uscc or self.tr("（尚未取得）")),
            (self.tr("单位类型"), labels.code("employer_kind", detail.kind)),
            (self.tr("所属行业"), labels.code("industry_section", detail.industry_section)),
            (self.tr("重点产业"), "、".join(labels.code("key_industry", c) for c in detail.key_industries)),
            (self.tr("所在地"), labels.division(detail.division_code)),
            (self.tr("地址"), detail.address or ""),
            (self.tr("联系人"), f"{detail.contact_name or ''} {detail.contact_phone or ''}".strip()),
            (self.tr("核实日期"), detail.verified_on.isoformat() if detail.verified_on else self.tr("未核实")),
        ]
        for n, (label, value) in enumerate(rows):
            text = QLabel(value)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            row, column = divmod(n, 2)
            self.info.addWidget(QLabel(label + "："), row, column * 2)
            self.info.addWidget(text, row, column * 2 + 1)
        self.postings.setRowCount(0)
        for posting in detail.postings:
            r = self.postings.rowCount()
            self.postings.insertRow(r)
            status = posting.verification
            values = [
                make_cell(posting.title, posting.id),
                make_cell(str(posting.headcount)),
                make_cell(wage_text(posting.salary_min, posting.salary_max)),
                make_cell(labels.division(posting.division_code)),
                make_cell(self.tr(WORK_TIME_LABELS.get(posting.work_time, ""))),
                make_cell(labels.code("key_industry", posting.key_industry)),
                make_cell(self.tr(POSTING_STATUS.get(posting.status, posting.status))),
                make_cell(STATUS_LABELS.get(status, "") if status else "", color=STATUS_COLORS.get(status or "")),
                make_cell(posting.marking or "", color="#8a5a00"),
            ]
            for column, cell in enumerate(values):
                self.postings.setItem(r, column, cell)
        if detail.postings:
            self.postings.selectRow(0)
        self.checks.clear()
        for check in detail.verifications:
            what = self.tr("岗位 ") + (check.posting_title or "") if check.kind == "posting" else self.tr("单位登记")
            self.checks.addItem(
                f"{check.accepted_on}  {what}  {self.tr('期限')} {check.due_on}  {STATUS_LABELS[check.status]}"
                + (f"  {self.tr('书面承诺')}" if check.on_commitment else "")
            )
        self._set_enabled(True)

    def _posting_id(self) -> str | None:
        row = self.postings.currentRow()
        item = self.postings.item(row, 0) if row >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def edit_employer(self) -> None:
        if self.detail is not None:
            self.page.open_employer_dialog(self.detail)

    def edit_posting(self, posting_id: str | None) -> None:
        if self.detail is None:
            return
        detail, store = self.detail, self.ctx.store
        if posting_id is None:
            from app.employers import posting_form_defaults

            self.page.open_posting_dialog(detail.id, None, posting_form_defaults(detail), "full")
            return

        def job() -> Any:
            from app.employers import posting_form

            with store.session() as session:
                return posting_form(session, posting_id)

        Operation(self.ctx, self, job).success(
            lambda found: self.page.open_posting_dialog(detail.id, posting_id, found[0], found[1])
        ).run()

    def _set_status(self, status: str) -> None:
        posting_id = self._posting_id()
        if self.detail is None or posting_id is None:
            return
        store, actor, employer_id = self.ctx.store, self.ctx.user, self.detail.id

        def job() -> None:
            from app.employers import set_posting_status

            with store.session() as session:
                set_posting_status(session, actor, posting_id, status)  # type: ignore[arg-type]

        Operation(self.ctx, self, job).success(
            lambda _r: (self.load(employer_id), self.changed.emit(employer_id))
        ).run()
