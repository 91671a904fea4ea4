"""工作台: today's cases, due soon, overdue, follow-ups due, drafts; each line opens its item."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.operations import Operation


class DashboardPage(QWidget):
    openCase = Signal(str)
    openFollowUp = Signal(str)

    SECTIONS = (
        ("overdue", "已超期"),
        ("due_soon", "2 个工作日内到期"),
        ("today_cases", "今日受理"),
        ("follow_ups_due", "待回访"),
        ("drafts", "草稿"),
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

    def refresh(self) -> None:
        store, names = self.ctx.store, self.ctx.item_names()

        def job() -> object:
            from app.clock import today
            from app.dashboard import build_dashboard
            from app.refdata.local_tables import working_calendar

            with store.session() as session:
                calendar = working_calendar(session)
                board = build_dashboard(session, today(), calendar, names)
                return board, calendar.warning_for(today())

        Operation(self.ctx, self, job, self.tr("正在刷新工作台……")).success(self._show).run()

    def _show(self, result: object) -> None:
        board, warning = result  # type: ignore[misc]
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

    def _open(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if not data:
            return
        kind, item_id = data
        (self.openCase if kind == "case" else self.openFollowUp).emit(item_id)
