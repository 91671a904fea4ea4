"""Sync in the main window: the status bar line, the 同步 button and F5, the conflict and quarantine screens.

The screens read and write through the DB worker (``Operation``); the rounds themselves run on the
sync thread (``ui/sync_runner.py``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation
from ui.sync_runner import SyncOutcome, SyncProgress, SyncRunner

if TYPE_CHECKING:
    from ui.main_window import MainWindow


# Field names shown to staff in the conflict screen (the wire name for anything not listed).
FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("SyncScreens", "名称/姓名"),
    "gender": QT_TRANSLATE_NOOP("SyncScreens", "性别"),
    "birth_date": QT_TRANSLATE_NOOP("SyncScreens", "出生日期"),
    "ethnic": QT_TRANSLATE_NOOP("SyncScreens", "民族"),
    "education": QT_TRANSLATE_NOOP("SyncScreens", "文化程度"),
    "hukou_type": QT_TRANSLATE_NOOP("SyncScreens", "户口性质"),
    "phone": QT_TRANSLATE_NOOP("SyncScreens", "联系电话"),
    "doc_type": QT_TRANSLATE_NOOP("SyncScreens", "证件类型"),
    "doc_number": QT_TRANSLATE_NOOP("SyncScreens", "证件号码"),
    "number": QT_TRANSLATE_NOOP("SyncScreens", "证件号码"),
    "hukou_address": QT_TRANSLATE_NOOP("SyncScreens", "户籍地址"),
    "residence_address": QT_TRANSLATE_NOOP("SyncScreens", "居住地址"),
    "address": QT_TRANSLATE_NOOP("SyncScreens", "地址"),
    "division_code": QT_TRANSLATE_NOOP("SyncScreens", "行政区划"),
    "employment_status": QT_TRANSLATE_NOOP("SyncScreens", "就业状态"),
    "note": QT_TRANSLATE_NOOP("SyncScreens", "备注"),
    "state": QT_TRANSLATE_NOOP("SyncScreens", "状态"),
    "form_data": QT_TRANSLATE_NOOP("SyncScreens", "表单内容"),
    "due_on": QT_TRANSLATE_NOOP("SyncScreens", "办结期限"),
    "closed_on": QT_TRANSLATE_NOOP("SyncScreens", "办结日期"),
    "close_reason": QT_TRANSLATE_NOOP("SyncScreens", "办结原因"),
    "title": QT_TRANSLATE_NOOP("SyncScreens", "岗位名称"),
    "headcount": QT_TRANSLATE_NOOP("SyncScreens", "招聘人数"),
    "status": QT_TRANSLATE_NOOP("SyncScreens", "状态"),
    "contact_name": QT_TRANSLATE_NOOP("SyncScreens", "联系人"),
    "contact_phone": QT_TRANSLATE_NOOP("SyncScreens", "联系电话"),
    "outcome": QT_TRANSLATE_NOOP("SyncScreens", "结果"),
    "deleted": QT_TRANSLATE_NOOP("SyncScreens", "已删除"),
}


def field_label(name: str) -> str:
    label = FIELD_LABELS.get(name)
    return QCoreApplication.translate("SyncScreens", label) if label else name


def local_hhmm(stamp: str | None) -> str:
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%H:%M")


def local_time(stamp: str | None) -> str:
    if not stamp:
        return ""
    try:
        when = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def shown(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("SyncScreens", "是")
            if value
            else QCoreApplication.translate("SyncScreens", "否")
        )
    return str(value)


def _status_outcome(store: Any) -> SyncOutcome:
    from sync.client.status import sync_status

    with store.session() as session:
        status = sync_status(session)
    return SyncOutcome(
        status.enrolled,
        status.last_error is None and status.last_success is not None,
        status.last_error,
        pending=status.pending,
        conflicts=status.conflicts,
        quarantined=status.quarantined,
        last_success=status.last_success,
        last_error=status.last_error,
    )


# A pull shows its progress bar once it has brought more than this many records (a first pull, or a
# station catching up after a long time offline); the few records of an everyday round do not flash it.
LONG_PULL_RECORDS = 500


class SyncStatus(QWidget):
    """The status bar's sync part; drives ``window.sync_label`` and, during a long pull, a progress bar."""

    def __init__(self, window: MainWindow, runner: SyncRunner) -> None:
        super().__init__(window)
        self.window_, self.ctx, self.runner = window, window.ctx, runner
        self.label = window.sync_label
        self.sync_button = QPushButton(self.tr("同步"))
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setToolTip(self.tr("立即与省级平台同步（F5）"))
        self.sync_button.clicked.connect(runner.request)
        self.issues_button = QPushButton(self.tr("冲突与退回"))
        self.issues_button.setObjectName("syncIssues")
        self.issues_button.clicked.connect(self.open_issues)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("syncProgress")
        self.progress_bar.setMaximumWidth(220)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.hide()
        bar = window.statusBar()
        bar.addPermanentWidget(self.progress_bar)
        bar.addPermanentWidget(self.sync_button)
        bar.addPermanentWidget(self.issues_button)
        QShortcut(QKeySequence(Qt.Key.Key_F5), window, activated=runner.request)
        runner.roundStarted.connect(self._started)
        runner.progressed.connect(self._progress)
        runner.finished.connect(self._finished)
        self.last_outcome: SyncOutcome | None = None
        store = self.ctx.store
        Operation(self.ctx, window, lambda: _status_outcome(store)).success(self._initial).failure(
            lambda _e: None
        ).run()

    def _initial(self, outcome: SyncOutcome) -> None:
        if not self.runner.running and self.last_outcome is None:
            self._show(outcome)

    def _started(self) -> None:
        self.sync_button.setEnabled(False)
        self._progress(SyncProgress("", 0, 0))

    def _progress(self, progress: SyncProgress) -> None:
        text = self.tr("正在同步（已上传 {0}，已下载 {1}）")
        self.label.setText(text.replace("{0}", str(progress.uploaded)).replace("{1}", str(progress.downloaded)))
        if progress.label:
            self.label.setToolTip(progress.label)
        self._show_pull(progress)

    def _show_pull(self, progress: SyncProgress) -> None:
        """The progress bar with counts while a long pull runs; hidden in every other phase."""
        bar = self.progress_bar
        if progress.phase != "pull" or progress.downloaded <= LONG_PULL_RECORDS:
            if progress.phase != "pull":
                bar.hide()
            return
        total = progress.download_total
        if total is not None and total >= progress.downloaded:
            bar.setRange(0, max(1, total))
            bar.setValue(progress.downloaded)
            bar.setFormat(
                self.tr("已下载 {0} / {1} 条").replace("{0}", str(progress.downloaded)).replace("{1}", str(total))
            )
        else:
            # The feed does not say how many will come: a moving bar with the count so far.
            bar.setRange(0, 0)
            bar.setFormat(self.tr("已下载 {0} 条").replace("{0}", str(progress.downloaded)))
        bar.setToolTip(bar.format())
        bar.show()

    def _finished(self, outcome: SyncOutcome) -> None:
        self.progress_bar.hide()
        self.last_outcome = outcome
        self.sync_button.setEnabled(True)
        self._show(outcome)
        self.window_.refresh_status()

    def _show(self, outcome: SyncOutcome) -> None:
        if not outcome.enrolled:
            self.label.setText(self.tr("未接入平台"))
            self.label.setToolTip(self.tr("本机尚未接入省级平台，数据只保存在本机。"))
        elif outcome.error:
            # The first sentence in the bar; the whole message in the tooltip.
            first = outcome.error.split("。", 1)[0]
            self.label.setText(self.tr("同步失败：") + first + ("。" if first != outcome.error else ""))
        elif outcome.last_success:
            self.label.setText(self.tr("已同步 ") + local_hhmm(outcome.last_success))
        else:
            self.label.setText(self.tr("尚未同步"))
        if outcome.enrolled:
            tip = [self.tr("待上传 {0} 条").replace("{0}", str(outcome.pending))]
            tip.append(self.tr("上次成功：") + (local_time(outcome.last_success) or self.tr("无")))
            tip.append(self.tr("上次错误：") + (outcome.last_error or self.tr("无")))
            self.label.setToolTip("\n".join(tip))
        issues = outcome.conflicts + outcome.quarantined
        self.issues_button.setText(
            self.tr("冲突与退回（{0}）").replace("{0}", str(issues)) if issues else self.tr("冲突与退回")
        )

    def open_issues(self) -> SyncIssuesDialog | None:
        if self.window_.locked:  # the screens show personal data: not while the window is locked
            return None
        dialog = SyncIssuesDialog(self.ctx, self.window_)
        dialog.finished.connect(lambda _code: self.window_.refresh_status())
        dialog.open()
        return dialog


class SyncIssuesDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("同步冲突与被退回的修改"))
        self.resize(960, 560)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        self.conflicts = ConflictScreen(ctx)
        self.quarantine = QuarantineScreen(ctx)
        self.tabs.addTab(self.conflicts, self.tr("冲突"))
        self.tabs.addTab(self.quarantine, self.tr("被退回的修改"))
        layout.addWidget(self.tabs)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)


class ConflictScreen(QWidget):
    """Both versions side by side; staff choose per field, then resolve."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.views: list[Any] = []
        row = QHBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("conflictList")
        self.list.setFixedWidth(260)
        self.list.currentRowChanged.connect(self._show)
        row.addWidget(self.list)
        right = QVBoxLayout()
        self.info = QLabel(self.tr("没有待处理的冲突。"))
        self.info.setWordWrap(True)
        right.addWidget(self.info)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("conflictFields")
        self.table.setHorizontalHeaderLabels(
            [self.tr("字段"), self.tr("本机的值"), self.tr("平台的值"), self.tr("采用")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        right.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.all_local = QPushButton(self.tr("全部保留本机"))
        self.all_local.clicked.connect(lambda: self.choose_all("local"))
        self.all_server = QPushButton(self.tr("全部采用平台"))
        self.all_server.clicked.connect(lambda: self.choose_all("server"))
        self.resolve_button = QPushButton(self.tr("按所选处理冲突"))
        self.resolve_button.setObjectName("resolveConflict")
        self.resolve_button.clicked.connect(self.resolve)
        for button in (self.all_local, self.all_server):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.resolve_button)
        right.addLayout(buttons)
        row.addLayout(right, 1)
        self._show(-1)
        self.refresh()

    def refresh(self) -> None:
        def job() -> list[Any]:
            from sync.client.conflicts import list_conflicts

            with store.session() as session:
                return list_conflicts(session)

        store = self.ctx.store
        Operation(self.ctx, self, job).success(self._loaded).run()

    def _loaded(self, views: list[Any]) -> None:
        self.views = views
        self.list.clear()
        for view in views:
            text = f"{view.entity_label} {view.entity_id[:8]}\n{local_time(view.created_at.isoformat())}"
            self.list.addItem(QListWidgetItem(text))
        if views:
            self.list.setCurrentRow(0)
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        self.table.setRowCount(0)
        enabled = 0 <= row < len(self.views)
        for button in (self.all_local, self.all_server, self.resolve_button):
            button.setEnabled(enabled)
        if not enabled:
            self.info.setText(self.tr("没有待处理的冲突。"))
            return
        view = self.views[row]
        text = self.tr("本机和平台都修改了这条“{0}”记录。请逐项选择保留哪一方，标 * 的字段必须选择。")
        if view.server_deleted:
            text += self.tr("平台已删除此记录。")
        self.info.setText(text.replace("{0}", view.entity_label))
        self.table.setRowCount(len(view.fields))
        for n, field in enumerate(view.fields):
            name = QTableWidgetItem(field_label(field.name) + (" *" if field.disputed else ""))
            name.setToolTip(field.name)
            self.table.setItem(n, 0, name)
            self.table.setItem(n, 1, QTableWidgetItem(shown(field.local)))
            self.table.setItem(n, 2, QTableWidgetItem(shown(field.server)))
            combo = QComboBox()
            combo.setObjectName(f"choice-{field.name}")
            if field.disputed:
                combo.addItem(self.tr("请选择"), None)
            combo.addItem(self.tr("保留本机"), "local")
            combo.addItem(self.tr("采用平台"), "server")
            if not field.disputed:
                combo.setCurrentIndex(combo.findData("local" if field.local_changed else "server"))
            self.table.setCellWidget(n, 3, combo)

    def choice_box(self, field: str) -> QComboBox:
        for n in range(self.table.rowCount()):
            box = self.table.cellWidget(n, 3)
            if isinstance(box, QComboBox) and box.objectName() == f"choice-{field}":
                return box
        raise KeyError(field)

    def choose(self, field: str, side: str) -> None:
        box = self.choice_box(field)
        box.setCurrentIndex(box.findData(side))

    def choose_all(self, side: str) -> None:
        for n in range(self.table.rowCount()):
            box = self.table.cellWidget(n, 3)
            if isinstance(box, QComboBox):
                box.setCurrentIndex(box.findData(side))

    def choices(self) -> dict[str, str] | None:
        row = self.list.currentRow()
        if not 0 <= row < len(self.views):
            return None
        out: dict[str, str] = {}
        for n, field in enumerate(self.views[row].fields):
            box = self.table.cellWidget(n, 3)
            value = box.currentData() if isinstance(box, QComboBox) else None
            if value is None:
                if field.disputed:
                    return None
                continue
            out[field.name] = value
        return out

    def resolve(self) -> None:
        row = self.list.currentRow()
        choices = self.choices()
        if choices is None:
            QMessageBox.information(self, self.tr("冲突"), self.tr("还有标 * 的字段没有选择保留哪一方，请逐项选择。"))
            return
        conflict_id = self.views[row].id
        store, actor = self.ctx.store, self.ctx.actor_id

        def job() -> str:
            from sync.client.conflicts import resolve_conflict

            with store.session() as session:
                return resolve_conflict(session, conflict_id, choices, actor)  # type: ignore[arg-type]

        Operation(self.ctx, self, job).success(lambda _r: self.refresh()).run()


class QuarantineScreen(QWidget):
    """Changes the platform refused, with its reasons: send again or give up."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.items: list[Any] = []
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "平台退回了下列修改。可以在相应页面改正记录（改正后会自动重新上传），"
                    "或在这里重新发送、放弃本机的修改。"
                )
            )
        )
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("quarantineList")
        self.table.setHorizontalHeaderLabels(
            [self.tr("记录类型"), self.tr("记录"), self.tr("退回原因"), self.tr("时间")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.retry_button = QPushButton(self.tr("重新发送"))
        self.retry_button.clicked.connect(lambda: self.act("retry"))
        self.discard_button = QPushButton(self.tr("放弃此修改"))
        self.discard_button.clicked.connect(lambda: self.act("discard"))
        buttons.addStretch(1)
        buttons.addWidget(self.retry_button)
        buttons.addWidget(self.discard_button)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        def job() -> list[Any]:
            from sync.client.quarantine import list_quarantined

            with store.session() as session:
                return list_quarantined(session)

        store = self.ctx.store
        Operation(self.ctx, self, job).success(self._loaded).run()

    def _loaded(self, items: list[Any]) -> None:
        self.items = items
        self.table.setRowCount(len(items))
        for n, item in enumerate(items):
            self.table.setItem(n, 0, QTableWidgetItem(item.entity_label))
            self.table.setItem(n, 1, QTableWidgetItem(item.entity_id[:8]))
            self.table.setItem(n, 2, QTableWidgetItem(item.reason))
            self.table.setItem(n, 3, QTableWidgetItem(local_time(item.created_at.isoformat())))
        for button in (self.retry_button, self.discard_button):
            button.setEnabled(bool(items))
        if items:
            self.table.selectRow(0)

    def act(self, what: str) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.items):
            return
        if what == "discard":
            answer = QMessageBox.question(
                self,
                self.tr("放弃此修改"),
                self.tr("放弃后，这条记录恢复为平台上的内容（平台没有的记录将在本机撤销）。确定放弃吗？"),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        entry_id = self.items[row].id
        store, actor = self.ctx.store, self.ctx.actor_id

        def job() -> None:
            from sync.client import quarantine

            with store.session() as session:
                if what == "retry":
                    quarantine.retry(session, entry_id, actor)
                else:
                    quarantine.discard(session, entry_id, actor)

        Operation(self.ctx, self, job).success(lambda _r: self.refresh()).run()


def attach_sync(window: MainWindow, runner: SyncRunner) -> SyncStatus:
    status = SyncStatus(window, runner)
    window.sync_status = status  # type: ignore[attr-defined]
    return status
