"""The main window: a navigation rail, one page at a time, a status bar, and the idle lock."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from ui.context import AppContext
from ui.idle_lock import IdleWatcher
from ui.login import LoginForm
from ui.operations import BUSY, Operation

STATUS_REFRESH_MS = 30_000
# Counting stops here ("待同步 10000+ 条"): an exact count after a million-person import costs ~300 ms.
PENDING_COUNT_CAP = 10_000


class MainWindow(QMainWindow):
    def __init__(
        self, ctx: AppContext, pages: list[tuple[str, str, Callable[[], QWidget]]], idle_minutes: float = 10
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("基层就业服务台 — ") + ctx.station_name)
        self.resize(1280, 720)
        self.outer = QStackedWidget()
        self.setCentralWidget(self.outer)

        content = QWidget()
        row = QHBoxLayout(content)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.rail = QListWidget()
        self.rail.setObjectName("navRail")
        self.rail.setFixedWidth(150)
        self.stack = QStackedWidget()
        self.pages: dict[str, QWidget] = {}
        self._factories: dict[str, Callable[[], QWidget]] = {}
        for key, label, factory in pages:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.rail.addItem(item)
            self._factories[key] = factory
            placeholder = QWidget()
            placeholder.setObjectName(f"placeholder-{key}")
            self.stack.addWidget(placeholder)
        row.addWidget(self.rail)
        row.addWidget(self.stack, 1)
        self.outer.addWidget(content)

        self.lock_screen = QWidget()
        self.lock_screen.setObjectName("lockScreen")
        self.outer.addWidget(self.lock_screen)
        self.locked = False

        self.rail.currentRowChanged.connect(self._show_row)
        self.rail.setCurrentRow(0)

        self._build_status_bar()
        self.idle = IdleWatcher(idle_minutes)
        self.idle.idle.connect(self.lock)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.lock)
        QShortcut(QKeySequence("Ctrl+F"), self, activated=lambda: self.show_page("persons"))
        for number in range(min(9, self.rail.count())):
            QShortcut(QKeySequence(f"Alt+{number + 1}"), self, activated=lambda n=number: self.rail.setCurrentRow(n))
        self._status_timer = QTimer(self)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start(STATUS_REFRESH_MS)
        self.refresh_status()

    # pages -------------------------------------------------------------------------------------
    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.rail.item(row).data(Qt.ItemDataRole.UserRole)
        page = self.pages.get(key)
        if page is None:
            page = self._factories[key]()
            page.setObjectName(f"page-{key}")
            self.pages[key] = page
            old = self.stack.widget(row)
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(old)
            old.deleteLater()
        self.stack.setCurrentIndex(row)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    def show_page(self, key: str) -> QWidget:
        for row in range(self.rail.count()):
            if self.rail.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.rail.setCurrentRow(row)
                return self.pages[key]
        raise KeyError(key)

    # status bar ----------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        user = self.ctx.user
        self.station_label = QLabel(f"{self.ctx.station_name}（{self.ctx.station_code}）")
        self.user_label = QLabel(f"{user.display_name}（{user.role_label}）" if user else "")
        self.sync_label = QLabel(self.tr("未接入平台"))
        self.sync_label.setObjectName("syncState")
        self.pending_label = QLabel("")
        self.pending_label.setObjectName("pendingCount")
        self.busy_label = QLabel("")
        BUSY.message_sink = self.busy_label.setText
        for widget in (self.busy_label,):
            bar.addWidget(widget, 1)
        for widget in (self.station_label, self.user_label, self.sync_label, self.pending_label):
            bar.addPermanentWidget(widget)

    def refresh_status(self) -> None:
        store = self.ctx.store

        def job() -> tuple[int, int]:
            from app.station import sync_counts

            with store.session() as session:
                return sync_counts(session, cap=PENDING_COUNT_CAP)

        def shown(count: int) -> str:
            return f"{PENDING_COUNT_CAP}+" if count > PENDING_COUNT_CAP else str(count)

        def show(result: tuple[int, int]) -> None:
            pending, rejected = result
            text = self.tr("待同步 {0} 条").replace("{0}", shown(pending))
            if rejected:
                text += self.tr("，{0} 条待处理").replace("{0}", shown(rejected))
            self.pending_label.setText(text)

        Operation(self.ctx, self, job).success(show).failure(lambda _e: self.pending_label.setText("")).run()

    # lock ----------------------------------------------------------------------------------------
    def lock(self) -> None:
        if self.locked or self.ctx.user is None:
            return
        self.locked = True
        self.idle.pause()
        form = LoginForm(self.ctx, self.lock_screen, fixed_user=self.ctx.user.username)
        form.title.setText(self.tr("已锁定。请输入密码解锁，未保存的内容仍在。"))
        old = self.lock_screen.layout()
        if old is None:
            from PySide6.QtWidgets import QVBoxLayout

            old = QVBoxLayout(self.lock_screen)
        while old.count():
            taken = old.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().deleteLater()
        old.addWidget(form, 0, Qt.AlignmentFlag.AlignCenter)
        form.loggedIn.connect(self._unlocked)
        self.outer.setCurrentWidget(self.lock_screen)
        form.password.setFocus()

    def _unlocked(self, staff: object) -> None:
        self.locked = False
        self.outer.setCurrentIndex(0)
        self.idle.resume()
