"""统计: the station's dashboards. Every number and every bar opens the list of records behind it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.charts import ChartView
from ui.context import AppContext
from ui.operations import Operation


class DrillDialog(QDialog):
    """The records behind one figure; Enter or a double click opens one."""

    opened = Signal(str, str)  # opens (case | person | household), id

    def __init__(self, title: str, rows: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsDrill")
        self.setWindowTitle(title)
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        count = QLabel(self.tr("共 {0} 条记录，双击或按回车打开。").replace("{0}", str(len(rows))))
        count.setObjectName("drillCount")
        layout.addWidget(count)
        self.list = QListWidget()
        self.list.setObjectName("drillRows")
        for row in rows:
            when = f"{row.when}  " if row.when else ""
            item = QListWidgetItem(f"{when}{row.title}\n    {row.subtitle}")
            item.setData(Qt.ItemDataRole.UserRole, (row.opens, row.id))
            self.list.addItem(item)
        self.list.itemActivated.connect(self._open)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _open(self, item: QListWidgetItem) -> None:
        opens, record_id = item.data(Qt.ItemDataRole.UserRole)
        self.opened.emit(opens, record_id)
        self.accept()


class StatsPage(QScrollArea):
    openCase = Signal(str)
    openPerson = Signal(str)
    openHousehold = Signal(str)
    openPersonList = Signal()  # 在册人员: the records behind it are the 人员 page itself

    CHARTS = (
        ("registrations", "bar"),
        ("settlements", "bar"),
        ("zero", "line"),
        ("follow_ups", "bar"),
        ("overdue", "bar"),
    )

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.stats: Any = None
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        outer = QVBoxLayout(body)
        top = QHBoxLayout()
        title = QLabel(self.tr("统计"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        self.as_of = QLabel("")
        self.as_of.setObjectName("statsAsOf")
        top.addWidget(self.as_of, 1)
        self.refresh_button = QPushButton(self.tr("刷新"))
        self.refresh_button.setObjectName("statsRefresh")
        self.export_button = QPushButton(self.tr("导出月报（Excel）"))
        self.export_button.setObjectName("statsExport")
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)
        outer.addLayout(top)
        hint = QLabel(self.tr("点击任一数字或图中的柱、点，可查看其对应的人员、办件或家庭明细。"))
        hint.setObjectName("statsHint")
        hint.setWordWrap(True)
        outer.addWidget(hint)
        self.tiles_row = QHBoxLayout()
        outer.addLayout(self.tiles_row)
        self.tiles: dict[str, QPushButton] = {}
        grid = QGridLayout()
        titles = {
            "registrations": self.tr("每月失业登记与就业登记（件）"),
            "settlements": self.tr("各安置点劳动力就业率（%）"),
            "zero": self.tr("零就业家庭月末在册户数"),
            "follow_ups": self.tr("每月回访：到期与完成（次）"),
            "overdue": self.tr("逾期办件（按事项）"),
        }
        self.charts: dict[str, ChartView] = {}
        for n, (key, kind) in enumerate(self.CHARTS):
            box = QGroupBox(titles[key])
            inner = QVBoxLayout(box)
            chart = ChartView(kind)
            chart.setObjectName(f"chart-{key}")
            chart.pointClicked.connect(self.drill)
            inner.addWidget(chart)
            grid.addWidget(box, n // 2, n % 2)
            self.charts[key] = chart
        outer.addLayout(grid, 1)
        self.refresh_button.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export)

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        store, names = self.ctx.store, self.ctx.item_names()

        def job() -> Any:
            from app.clock import today
            from app.stats import station_stats

            with store.session() as session:
                return station_stats(session, today(), names)

        Operation(self.ctx, self, job, self.tr("正在统计……")).success(self.show_stats).run()

    def show_stats(self, stats: Any) -> None:
        self.stats = stats
        self.as_of.setText(
            self.tr("统计日 {0}，近 {1} 个月")
            .replace("{0}", stats.today.isoformat())
            .replace("{1}", str(len(stats.months)))
        )
        while self.tiles_row.count():
            taken = self.tiles_row.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().deleteLater()
        self.tiles.clear()
        for headline in stats.headlines:
            tile = QPushButton(f"{headline.value:g} {headline.unit}\n{headline.title}")
            tile.setObjectName(f"stat-{headline.key}")
            tile.setProperty("tile", True)
            tile.setMinimumHeight(64)
            tile.clicked.connect(lambda _c=False, h=headline: self.drill(h))
            self.tiles_row.addWidget(tile)
            self.tiles[headline.key] = tile
        self.charts["registrations"].set_series(list(stats.registrations))
        self.charts["settlements"].empty_text = self.tr("尚未登记安置点")
        self.charts["settlements"].set_series([stats.settlement_rates] if stats.settlement_rates.points else [])
        self.charts["zero"].set_series([stats.zero_households])
        self.charts["follow_ups"].set_series([stats.follow_ups_due, stats.follow_ups_done])
        self.charts["overdue"].empty_text = self.tr("没有逾期办件")
        self.charts["overdue"].set_series([stats.overdue_by_item] if stats.overdue_by_item.points else [])

    # ------------------------------------------------------------------ drill-down
    def drill(self, figure: Any) -> None:
        drill = getattr(figure, "drill", None)
        if drill is None:
            if getattr(figure, "key", None) == "persons":
                self.openPersonList.emit()
            return
        store, names = self.ctx.store, self.ctx.item_names()

        def job() -> Any:
            from app.stats import drill_rows

            with store.session() as session:
                return drill_rows(session, drill, names)

        def show(rows: Any) -> None:
            dialog = DrillDialog(drill.title, rows, self)
            dialog.opened.connect(self._open_record)
            dialog.open()

        Operation(self.ctx, self, job, self.tr("正在列出明细……")).success(show).run()

    def _open_record(self, opens: str, record_id: str) -> None:
        {"case": self.openCase, "person": self.openPerson, "household": self.openHousehold}[opens].emit(record_id)

    # ------------------------------------------------------------------ export
    def export(self) -> None:
        if self.stats is None:
            return
        from app.auth import allowed

        if not allowed(self.ctx.user.role if self.ctx.user else "", "export"):
            QMessageBox.information(
                self, self.tr("导出月报"), self.tr("当前账号没有导出权限，请由审核人员或管理员导出。")
            )
            return
        name = self.tr("统计月报-{0}.xlsx").replace("{0}", self.stats.today.strftime("%Y%m"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出月报"), name, self.tr("Excel 文件 (*.xlsx)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        stats, store, actor, station = self.stats, self.ctx.store, self.ctx.actor_id, self.ctx.station_name

        def job() -> int:
            from app import audit
            from app.stats import export_stats

            written = export_stats(stats, path, station)
            with store.session() as session:
                audit.record(session, actor, "stats.export", "station", None, {"rows": written})
            return written

        def done(written: int) -> None:
            QMessageBox.information(
                self,
                self.tr("导出月报"),
                self.tr("已导出 {0} 行到：\n{1}").replace("{0}", str(written)).replace("{1}", path),
            )

        Operation(self.ctx, self, job, self.tr("正在导出……")).success(done).run()
