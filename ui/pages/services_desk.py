"""工作台 bar of the service areas: 今日预约 (the day's appointments, green channel first), 规模性裁员
报告 (layoff reports) and 专项活动 (campaigns with their case counts). Each opens a small dialog."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation
from ui.pages.services_dialogs import actor_of


class ServicesDeskBar(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.appointments = QPushButton(self.tr("今日预约"))
        self.appointments.setObjectName("deskAppointments")
        self.layoffs = QPushButton(self.tr("规模性裁员报告"))
        self.layoffs.setObjectName("deskLayoffs")
        self.campaigns = QPushButton(self.tr("专项活动"))
        self.campaigns.setObjectName("deskCampaigns")
        for button in (self.appointments, self.layoffs, self.campaigns):
            row.addWidget(button)
        self.satisfaction = QLabel("")
        self.satisfaction.setObjectName("deskSatisfaction")
        row.addWidget(self.satisfaction)
        row.addStretch(1)
        self.appointments.clicked.connect(lambda: self._open(AppointmentsDialog))
        self.layoffs.clicked.connect(self._open_layoffs)
        self.campaigns.clicked.connect(lambda: self._open(CampaignsDialog))
        self.dialog: QDialog | None = None

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        store = self.ctx.store

        def job() -> Any:
            from app.clock import today
            from app.services_extra.appointments import day_queue
            from app.services_extra.satisfaction import summary

            with store.session() as session:
                queue = day_queue(session)
                month = summary(session, since=today().replace(day=1))
            return sum(a.state in {"booked", "arrived"} for a in queue), sum(a.green for a in queue), month

        def show(counts: Any) -> None:
            waiting, green, month = counts
            self.satisfaction.setText(
                self.tr("本月满意度：{0}（{1} 人评价）")
                .replace("{0}", f"{month.rate:.0%}" if month.rate is not None else self.tr("暂无"))
                .replace("{1}", str(month.total))
            )
            text = self.tr("今日预约（{0}）").replace("{0}", str(waiting))
            if green:
                text += self.tr(" ★绿色通道 {0}").replace("{0}", str(green))
            self.appointments.setText(text)

        self.ctx.submit(job, show, lambda _e: None)

    def _open(self, kind: type[QDialog]) -> None:
        self.dialog = kind(self.ctx, self)  # type: ignore[call-arg,arg-type]
        self.dialog.finished.connect(lambda _r: self.refresh())
        self.dialog.open()

    def _open_layoffs(self) -> None:
        self._open(LayoffsDialog)
        assert isinstance(self.dialog, LayoffsDialog)
        self.dialog.openEmployer.connect(self.open_employer)

    def open_employer(self, employer_id: str) -> None:
        """单位与岗位 page with this employer (the main window's page, when the bar sits in one)."""
        show_page = getattr(self.window(), "show_page", None)
        if callable(show_page):
            show_page("employers").open_employer(employer_id)


class _ListDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None, title: str, name: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.resize(760, 520)
        self.outer = QVBoxLayout(self)
        self.view = QListWidget()
        self.view.setObjectName(f"{name}List")
        self.view.setWordWrap(True)
        self.outer.addWidget(self.view, 1)
        self.message = QLabel("")
        self.message.setObjectName(f"{name}Message")
        self.message.setWordWrap(True)
        self.outer.addWidget(self.message)

    def fail(self, error: BaseException) -> None:
        from ui.errors import user_message

        self.message.setText(user_message(error))


class AppointmentsDialog(_ListDialog):
    """今日预约: online appointments arrive here after a sync; green-channel persons come first."""

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(ctx, parent, self.tr("今日预约"), "appointmentsDialog")
        row = QHBoxLayout()
        for action, label in (("arrive", self.tr("已到场")), ("serve", self.tr("已办理")), ("cancel", self.tr("取消"))):
            button = QPushButton(label)
            button.setObjectName(f"appt-{action}")
            button.clicked.connect(lambda _c=False, a=action: self.move(a))
            row.addWidget(button)
        row.addStretch(1)
        self.outer.addLayout(row)
        self.load()

    def load(self) -> None:
        store = self.ctx.store

        def job() -> Any:
            from app.services_extra.appointments import day_queue

            with store.session() as session:
                return day_queue(session)

        Operation(self.ctx, self, job).success(self._show).failure(self.fail).run()

    def _show(self, queue: Any) -> None:
        names = self.ctx.item_names()
        self.view.clear()
        for a in queue:
            mark = self.tr("★绿色通道  ") if a.green else ""
            item = QListWidgetItem(
                f"{mark}{a.slot or self.tr('不限时段')}  {a.applicant_name}  "
                f"{names.get(a.item_code or '', a.item_code or '')}  {a.channel_label}  {a.state_label}"
            )
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            if a.green:
                item.setForeground(QColor("#1b5e20"))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.view.addItem(item)
        if not queue:
            self.view.addItem(self.tr("（今天没有预约；网上预约在同步后显示在这里）"))

    def move(self, action: str) -> None:
        item = self.view.currentItem()
        appointment_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not appointment_id:
            return
        ctx = self.ctx

        def job() -> Any:
            from app.services_extra.appointments import move

            with ctx.store.session() as session:
                return move(session, actor_of(ctx), appointment_id, action)

        Operation(ctx, self, job).success(lambda _r: self.load()).failure(self.fail).run()


class LayoffsDialog(_ListDialog):
    """规模性裁员: reports from enterprises (employer, dates, number affected, measures).

    The employer is picked from the registered ones (单位与岗位) or, for an enterprise not registered here,
    named by hand (listed as 未登记单位). A registered employer's report links to it (double-click or
    查看单位), which ``openEmployer`` asks the window to show."""

    openEmployer = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        from ui.pages.employer_picker import EmployerPicker

        super().__init__(ctx, parent, self.tr("规模性裁员报告"), "layoffsDialog")
        self.resize(800, 640)
        form = QFormLayout()
        self.picker = EmployerPicker(ctx, self)
        self.picker.setObjectName("layoffEmployerPicker")
        self.picker.chosen.connect(self._chosen)
        self.employer = QLineEdit()
        self.employer.setObjectName("layoffEmployer")
        self.employer.setPlaceholderText(self.tr("未登记的企业：填写企业全称"))
        self.uscc = QLineEdit()
        self.uscc.setObjectName("layoffUscc")
        self.uscc.setPlaceholderText(self.tr("未登记的企业：填写 18 位代码（可不填）"))
        self.affected = QSpinBox()
        self.affected.setObjectName("layoffAffected")
        self.affected.setRange(0, 1_000_000)
        self.workforce = QSpinBox()
        self.workforce.setObjectName("layoffWorkforce")
        self.workforce.setRange(0, 1_000_000)
        self.workforce.setSpecialValueText(self.tr("不详"))
        self.measures = QLineEdit()
        self.measures.setObjectName("layoffMeasures")
        self.measures.setPlaceholderText(self.tr("如：专场招聘、职业指导、技能培训、失业保险待遇告知"))
        form.addRow(self.tr("已登记单位"), self.picker)
        form.addRow(self.tr("或：企业名称"), self.employer)
        form.addRow(self.tr("统一社会信用代码"), self.uscc)
        form.addRow(self.tr("裁减人数"), self.affected)
        form.addRow(self.tr("职工总数"), self.workforce)
        form.addRow(self.tr("帮扶措施"), self.measures)
        self.outer.insertLayout(1, form)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("查看单位"))
        self.open_button.setObjectName("layoffOpenEmployer")
        self.open_button.setToolTip(self.tr("打开所选报告的已登记单位（也可双击报告）"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda: self.open_employer(self.view.currentItem()))
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        add = QPushButton(self.tr("登记裁员报告"))
        add.setObjectName("layoffAdd")
        add.clicked.connect(self.add)
        buttons.addWidget(add)
        self.outer.addLayout(buttons)
        self.view.itemDoubleClicked.connect(self.open_employer)
        self.view.currentItemChanged.connect(
            lambda item, _old: self.open_button.setEnabled(bool(item and item.data(Qt.ItemDataRole.UserRole)))
        )
        self.load()

    def _chosen(self, choice: Any) -> None:
        for edit in (self.employer, self.uscc):  # a registered employer's name and code come from its record
            edit.setEnabled(choice is None)
            if choice is not None:
                edit.clear()

    def open_employer(self, item: QListWidgetItem | None) -> None:
        employer_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not employer_id:
            self.message.setText(self.tr("该报告的企业不是本站登记的用人单位，没有单位档案可打开。"))
            return
        self.openEmployer.emit(employer_id)
        self.accept()

    def load(self) -> None:
        store = self.ctx.store

        def job() -> Any:
            from app.services_extra.layoffs import list_layoffs

            with store.session() as session:
                return list_layoffs(session)

        Operation(self.ctx, self, job).success(self._show).failure(self.fail).run()

    def _show(self, reports: Any) -> None:
        self.view.clear()
        for r in reports:
            scale = self.tr("规模性裁员") if r.scale else self.tr("未达规模")
            workforce = f"/{r.workforce}" if r.workforce else ""
            kind = self.tr("已登记单位") if r.registered else self.tr("未登记单位")
            item = QListWidgetItem(
                f"{r.reported_on.isoformat()}  {r.employer_name}（{kind}）  裁减 {r.affected}{workforce} 人  {scale}"
                f"  措施：{r.measures}"
            )
            item.setData(Qt.ItemDataRole.UserRole, r.employer_id if r.registered else None)
            if r.registered:
                item.setToolTip(self.tr("双击打开该单位"))
            self.view.addItem(item)
        if not reports:
            self.view.addItem(self.tr("（尚无裁员报告）"))

    def add(self) -> None:
        ctx = self.ctx
        values = {
            "employer_id": self.picker.employer_id,
            "employer_name": None if self.picker.employer_id else self.employer.text(),
            "uscc": None if self.picker.employer_id else self.uscc.text(),
            "affected": self.affected.value(),
            "workforce": self.workforce.value() or None,
            "measures": self.measures.text(),
        }

        def job() -> Any:
            from app.services_extra.layoffs import record_layoff

            with ctx.store.session() as session:
                return record_layoff(session, actor_of(ctx), **values)

        def done(result: Any) -> None:
            _id, warnings = result
            self.message.setText("；".join(warnings) if warnings else self.tr("已登记。"))
            self.picker.clear()  # ready for the next report
            for edit in (self.employer, self.uscc, self.measures):
                edit.clear()
            self.affected.setValue(0)
            self.workforce.setValue(0)
            self.load()

        Operation(ctx, self, job, self.tr("正在保存……")).success(done).failure(self.fail).run()


class CampaignsDialog(_ListDialog):
    """专项活动 of this year: dates, which is running, cases tagged; a station may add its own."""

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(ctx, parent, self.tr("专项活动"), "campaignsDialog")
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setObjectName("campaignCode")
        self.name = QLineEdit()
        self.name.setObjectName("campaignName")
        self.range = QLineEdit()
        self.range.setObjectName("campaignRange")
        self.range.setPlaceholderText(self.tr("开始日期 至 结束日期，如 2026-09-01 至 2026-09-30"))
        form.addRow(self.tr("活动代码"), self.code)
        form.addRow(self.tr("活动名称"), self.name)
        form.addRow(self.tr("活动时段"), self.range)
        self.outer.insertLayout(1, form)
        add = QPushButton(self.tr("保存本站专项活动"))
        add.setObjectName("campaignAdd")
        add.clicked.connect(self.add)
        self.outer.addWidget(add, 0, Qt.AlignmentFlag.AlignRight)
        self.load()

    def load(self) -> None:
        store = self.ctx.store

        def job() -> Any:
            from app.clock import today
            from app.services_extra import campaigns

            with store.session() as session:
                day = today()
                return campaigns.campaigns(session, day.year), campaigns.case_counts(session), day

        Operation(self.ctx, self, job).success(self._show).failure(self.fail).run()

    def _show(self, result: Any) -> None:
        found, counts, day = result
        sources = {"bundled": self.tr("内置"), "platform": self.tr("平台发布"), "local": self.tr("本站")}
        self.view.clear()
        for c in found:
            running = self.tr("【进行中】") if c.active_on(day) else ""
            self.view.addItem(
                f"{running}{c.name}  {c.starts_on.isoformat()} 至 {c.ends_on.isoformat()}  "
                f"{sources.get(c.source, c.source)}  办件 {counts.get(c.code, 0)} 件"
            )

    def add(self) -> None:
        ctx = self.ctx
        parts = [p.strip() for p in self.range.text().replace("～", "至").replace("~", "至").split("至")]
        try:
            start, end = date.fromisoformat(parts[0]), date.fromisoformat(parts[1])
        except (ValueError, IndexError):
            self.message.setText(self.tr("活动时段：请按“2026-09-01 至 2026-09-30”的格式填写。"))
            return
        code, name = self.code.text(), self.name.text()

        def job() -> Any:
            from app.services_extra.campaigns import define_campaign

            with ctx.store.session() as session:
                return define_campaign(session, actor_of(ctx), code, name, start, end)

        Operation(ctx, self, job).success(lambda _r: (self.message.setText(self.tr("已保存。")), self.load())).failure(
            self.fail
        ).run()
