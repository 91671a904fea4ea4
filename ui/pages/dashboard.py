"""工作台: today's cases, due soon, overdue, follow-ups due, drafts; each line opens its item."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.operations import Operation

PENDING_CAP = 10_000  # as in the status bar: an exact count on a freshly imported store costs ~300 ms


class DashboardPage(QWidget):
    openCase = Signal(str)
    openFollowUp = Signal(str)

    SECTIONS = (
        ("overdue", QT_TRANSLATE_NOOP("DashboardPage", "已超期")),
        ("due_soon", QT_TRANSLATE_NOOP("DashboardPage", "2 个工作日内到期")),
        ("today_cases", QT_TRANSLATE_NOOP("DashboardPage", "今日受理")),
        ("follow_ups_due", QT_TRANSLATE_NOOP("DashboardPage", "待回访")),
        ("drafts", QT_TRANSLATE_NOOP("DashboardPage", "草稿")),
        ("online", QT_TRANSLATE_NOOP("DashboardPage", "网上申请（待受理）")),
    )

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        outer = QVBoxLayout(self)
        self.heading = QLabel(self.tr("工作台"))
        self.heading.setObjectName("pageTitle")
        outer.addWidget(self.heading)
        self.warning = QLabel("")
        self.warning.setObjectName("calendarWarning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        outer.addWidget(self.warning)
        self.sync_state = QLabel("")
        self.sync_state.setObjectName("dashSyncState")
        self.sync_state.setWordWrap(True)
        outer.addWidget(self.sync_state)
        grid = QGridLayout()
        self.lists: dict[str, QListWidget] = {}
        self.boxes: dict[str, QGroupBox] = {}
        for n, (key, title) in enumerate(self.SECTIONS):
            box = QGroupBox(self.tr(title))
            inner = QVBoxLayout(box)
            view = QListWidget()
            view.setObjectName(f"dash-{key}")
            view.setWordWrap(True)
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.itemActivated.connect(self._open)
            inner.addWidget(view)
            grid.addWidget(box, n // 3, n % 3)
            self.lists[key] = view
            self.boxes[key] = box
        outer.addLayout(grid, 1)
        from ui.pages.services_desk import ServicesDeskBar  # 今日预约, 裁员报告, 专项活动 (services_extra)

        outer.addWidget(ServicesDeskBar(ctx))
        from ui.pages.assistance_lists import AssistanceListsBar  # 认定即将到期, 援助计划进行中

        outer.addWidget(AssistanceListsBar(ctx))

    def refresh(self) -> None:
        store, names = self.ctx.store, self.ctx.item_names()

        def job() -> object:
            from app.clock import today
            from app.dashboard import build_dashboard
            from app.refdata.local_tables import working_calendar
            from sync.client.status import sync_status

            with store.session() as session:
                calendar = working_calendar(session)
                board = build_dashboard(session, today(), calendar, names)
                return board, calendar.warning_for(today()), sync_status(session, count_cap=PENDING_CAP)

        Operation(self.ctx, self, job, self.tr("正在刷新工作台……")).success(self._show).run()

    def _show(self, result: object) -> None:
        board, warning, sync = result  # type: ignore[misc]
        self.sync_state.setText(self._sync_text(sync))
        self.warning.setVisible(bool(warning))
        self.warning.setText(warning or "")
        for key, title in self.SECTIONS:
            view = self.lists[key]
            view.clear()
            lines = getattr(board, key)
            self.boxes[key].setTitle(f"{self.tr(title)}（{len(lines)}）")
            for line in lines:
                due = ""
                if line.days_left is not None:
                    due = (
                        self.tr("超期 {0} 个工作日").replace("{0}", str(-line.days_left))
                        if line.days_left < 0
                        else self.tr("剩 {0} 个工作日").replace("{0}", str(line.days_left))
                    )
                item = QListWidgetItem(f"{line.title}\n{line.subtitle}  {due}".rstrip())
                item.setData(Qt.ItemDataRole.UserRole, (line.kind, line.id))
                view.addItem(item)
            if not lines:
                placeholder = QListWidgetItem(self.tr("（无）"))
                placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
                view.addItem(placeholder)

    def _sync_text(self, sync: Any) -> str:
        if not sync.enrolled:
            text = self.tr("同步：本机尚未接入省级平台，所有修改都保存在本机（待同步 {0} 条）。")
        elif sync.last_error:
            text = self.tr("同步：上次同步未完成（{1}），待同步 {0} 条，联网后会自动重试。").replace(
                "{1}", sync.last_error
            )
        else:
            text = self.tr("同步：待同步 {0} 条，上次成功 {1}。").replace("{1}", sync.last_success or self.tr("尚无"))
        text = text.replace("{0}", f"{PENDING_CAP}+" if sync.pending > PENDING_CAP else str(sync.pending))
        if sync.conflicts or sync.quarantined:
            text += (
                self.tr(" 有 {0} 条冲突、{1} 条被平台退回，请在状态栏“冲突与退回”中处理。")
                .replace("{0}", str(sync.conflicts))
                .replace("{1}", str(sync.quarantined))
            )
        return text

    def _open(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        kind, item_id = data
        (self.openCase if kind == "case" else self.openFollowUp).emit(item_id)
