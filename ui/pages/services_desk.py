"""工作台 bar of the service areas: 今日预约 (the day's appointments, green channel first), 规模性裁员
报告 (layoff reports) and 专项活动 (campaigns with their case counts). Each opens a small dialog."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
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
        self.layoffs.clicked.connect(lambda: self._open(LayoffsDialog))
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
    """规模性裁员: reports from enterprises (employer, dates, number affected, measures)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(ctx, parent, self.tr("规模性裁员报告"), "layoffsDialog")
        form = QFormLayout()
        self.employer = QLineEdit()
        self.employer.setObjectName("layoffEmployer")
        self.uscc = QLineEdit()
        self.uscc.setObjectName("layoffUscc")
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
        form.addRow(self.tr("企业名称"), self.employer)
        form.addRow(self.tr("统一社会信用代码"), self.uscc)
        form.addRow(self.tr("裁减人数"), self.affected)
        form.addRow(self.tr("职工总数"), self.workforce)
        form.addRow(self.tr("帮扶措施"), self.measures)
        self.outer.insertLayout(1, form)
        add = QPushButton(self.tr("登记裁员报告"))
        add.setObjectName("layoffAdd")
        add.clicked.connect(self.add)
        self.outer.addWidget(add, 0, Qt.AlignmentFlag.AlignRight)
        self.load()

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
            self.view.addItem(
                f"{r.reported_on.isoformat()}  {r.employer_name}  裁减 {r.affected}{workforce} 人  {scale}"
                f"  措施：{r.measures}"
            )
        if not reports:
            self.view.addItem(self.tr("（尚无裁员报告）"))

    def add(self) -> None:
        ctx = self.ctx
        values = {
            "employer_name": self.employer.text(),
            "uscc": self.uscc.text(),
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
