"""家庭与安置点: the 零就业家庭 list (until cleared) and the relocation settlements (易地扶贫搬迁).

Works fully offline (外业模式): every change is saved in the local store and queued for sync; the banner
shows how many changes are waiting and whether this laptop is connected to a platform at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation
from ui.pages.household_detail import HouseholdDetail, fill_table, selected_row_id
from ui.tables import make_table


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"



class _ImportProgress(QObject):
    """Carries the importer's progress from the DB worker to the GUI thread (queued signal)."""

    progressed = Signal(int, int)


class HouseholdsPage(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.last_import: Any = None
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("家庭与安置点"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        self.field_banner = QLabel("")
        self.field_banner.setObjectName("fieldModeBanner")
        self.field_banner.setWordWrap(True)
        top.addWidget(self.field_banner, 1)
        outer.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("householdTabs")
        outer.addWidget(self.tabs, 1)
        self.tabs.addTab(self._zero_tab(), self.tr("零就业家庭"))
        self.tabs.addTab(self._settlement_tab(), self.tr("安置点"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.refresh()

    # tabs -------------------------------------------------------------------------------------------
    def _zero_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.zero_count = QLabel("")
        self.zero_count.setObjectName("zeroCount")
        row.addWidget(self.zero_count, 1)
        self.show_cleared = QCheckBox(self.tr("显示已清零"))
        self.show_cleared.setObjectName("showCleared")
        self.show_cleared.toggled.connect(lambda _c: self.load_zero())
        row.addWidget(self.show_cleared)
        self.recheck = QPushButton(self.tr("重新核查"))
        self.recheck.setObjectName("zeroRecheck")
        self.recheck.setToolTip(self.tr("按成员的年龄、劳动能力和就业状态重新核查，把新出现的零就业家庭列入名单"))
        self.recheck.clicked.connect(self.recheck_all)
        row.addWidget(self.recheck)
        layout.addLayout(row)
        split = QSplitter()
        self.zero_table = make_table("zeroList", [
            self.tr("户主"), self.tr("安置点/住址"), self.tr("列入日期"), self.tr("已列入（天）"), self.tr("劳动力"),
            self.tr("已就业"), self.tr("状态"),
        ])
        split.addWidget(self.zero_table)
        self.zero_detail = HouseholdDetail(self.ctx, "zeroHouseholdDetail")
        split.addWidget(self.zero_detail)
        split.setSizes([720, 460])
        layout.addWidget(split, 1)
        self.zero_table.itemSelectionChanged.connect(lambda: self.zero_detail.load(self._zero_household()))
        self.zero_detail.changed.connect(self.load_zero)
        self._zero_rows: list[Any] = []
        return tab

    def _settlement_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        row = QHBoxLayout()
        self.new_settlement_button = QPushButton(self.tr("新建安置点"))
        self.new_settlement_button.setObjectName("newSettlement")
        self.import_button = QPushButton(self.tr("导入花名册"))
        self.import_button.setObjectName("importRoster")
        self.import_button.setToolTip(self.tr("从 Excel 或 CSV 导入所选安置点的家庭花名册（全部正确才导入）"))
        self.template_button = QPushButton(self.tr("下载花名册模板"))
        self.template_button.setObjectName("rosterTemplate")
        for button in (self.new_settlement_button, self.import_button, self.template_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.import_result = QLabel("")
        self.import_result.setObjectName("importResult")
        self.import_result.setWordWrap(True)
        self.open_report = QPushButton(self.tr("打开错误报告"))
        self.open_report.setObjectName("openErrorReport")
        self.open_report.hide()
        result_row = QHBoxLayout()
        result_row.addWidget(self.import_result, 1)
        result_row.addWidget(self.open_report)
        layout.addLayout(result_row)
        vertical = QSplitter(Qt.Orientation.Vertical)
        self.settlements = make_table("settlementList", [
            self.tr("安置点"), self.tr("户数"), self.tr("劳动力"), self.tr("已就业"), self.tr("就业率"),
            self.tr("一户一人以上就业户"), self.tr("零就业户"), self.tr("名单中"),
        ])
        vertical.addWidget(self.settlements)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        self.figures = QGroupBox(self.tr("安置点就业情况"))
        self.figures.setObjectName("settlementFigures")
        grid = QGridLayout(self.figures)
        self.figure_labels: dict[str, QLabel] = {}
        keys = (
            ("households", self.tr("户数")), ("laborers", self.tr("劳动力")), ("employed", self.tr("已就业")),
            ("rate", self.tr("就业率")), ("one", self.tr("一户一人以上就业")), ("zero", self.tr("零就业户")),
            ("county", self.tr("县内")), ("province", self.tr("省内县外")), ("outside", self.tr("省外")),
            ("workshop", self.tr("帮扶车间")), ("welfare", self.tr("公益性岗位")),
            ("censused", self.tr("已核实劳动力")),
        )
        for i, (key, label) in enumerate(keys):
            value = QLabel("—")
            value.setObjectName(f"figure-{key}")
            value.setStyleSheet("font-weight: bold;")
            grid.addWidget(QLabel(label), i // 6 * 2, i % 6)
            grid.addWidget(value, i // 6 * 2 + 1, i % 6)
            self.figure_labels[key] = value
        lower_layout.addWidget(self.figures)
        split = QSplitter()
        self.households = make_table("settlementHouseholds", [
            self.tr("户编号"), self.tr("户主"), self.tr("迁出村"), self.tr("户类别"), self.tr("人数"),
            self.tr("劳动力"), self.tr("已就业"), self.tr("状态"),
        ])
        split.addWidget(self.households)
        self.settlement_detail = HouseholdDetail(self.ctx, "settlementHouseholdDetail")
        split.addWidget(self.settlement_detail)
        split.setSizes([560, 620])
        lower_layout.addWidget(split, 1)
        vertical.addWidget(lower)
        vertical.setSizes([160, 520])
        layout.addWidget(vertical, 1)
        self.settlements.itemSelectionChanged.connect(self.load_settlement)
        self.households.itemSelectionChanged.connect(
            lambda: self.settlement_detail.load(selected_row_id(self.households)))
        self.settlement_detail.changed.connect(self._settlement_changed)
        self.new_settlement_button.clicked.connect(self.new_settlement)
        self.import_button.clicked.connect(lambda: self.import_roster())  # noqa: PLW0108 (clicked passes a bool)
        self.template_button.clicked.connect(self.save_template)
        self.open_report.clicked.connect(self._open_report)
        return tab

    # loading ----------------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.load_banner()
        if self.tabs.currentIndex() == 0:
            self.load_zero()
        else:
            self.load_settlements()

    def load_banner(self) -> None:
        store = self.ctx.store

        def job() -> tuple[int, bool]:
            from app.station import sync_counts
            from sync.client.state import connection

            with store.session() as session:
                pending, _rejected = sync_counts(session, cap=99_999)
                return pending, connection(session) is not None

        def show(result: tuple[int, bool]) -> None:
            pending, enrolled = result
            count = "99,999+" if pending > 99_999 else f"{pending:,}"
            if enrolled:
                text = self.tr("外业模式可离线使用：所有登记保存在本机，待同步 {0} 条，联网后自动上传。")
            else:
                text = self.tr("外业模式：本机尚未接入省级平台，所有登记保存在本机，待同步 {0} 条，接入后上传。")
            self.field_banner.setText(text.replace("{0}", count))

        Operation(self.ctx, self, job, self.tr("正在读取同步状态……")).success(show).run()

    def _zero_household(self) -> str | None:
        row = self.zero_table.currentRow()
        return self._zero_rows[row].household_id if 0 <= row < len(self._zero_rows) else None

    def load_zero(self) -> None:
        store, include = self.ctx.store, self.show_cleared.isChecked()
        selected = self._zero_household()

        def job() -> list[Any]:
            from app.clock import today
            from app.households import zero_employment_list

            with store.session() as session:
                return zero_employment_list(session, today(), include_cleared=include)

        def show(rows: list[Any]) -> None:
            from app.households import CLEARED_LABELS

            self._zero_rows = rows
            cells = []
            waiting = clearable = 0
            for r in rows:
                if r.cleared_on is not None:
                    state = self.tr("已清零 {0}（{1}）").replace("{0}", r.cleared_on.isoformat()).replace(
                        "{1}", self.tr(CLEARED_LABELS.get(r.cleared_via or "", "")))
                elif r.employed:
                    state = self.tr("已有成员就业，可清零")
                    clearable += 1
                else:
                    state = self.tr("待清零")
                    waiting += 1
                cells.append((r.episode_id, [r.head_name or "", r.settlement_name or r.address or "",
                                             r.since.isoformat(), str(r.days_listed), str(r.laborers), str(r.employed),
                                             state]))
            self.zero_table.blockSignals(True)
            fill_table(self.zero_table, cells)
            self.zero_table.blockSignals(False)
            self.zero_count.setText(
                self.tr("名单中 {0} 户：待清零 {1} 户，已有成员就业可清零 {2} 户。")
                .replace("{0}", str(waiting + clearable)).replace("{1}", str(waiting)).replace("{2}", str(clearable)))
            ids = [r.household_id for r in rows]
            if rows:
                self.zero_table.selectRow(ids.index(selected) if selected in ids else 0)
            else:
                self.zero_detail.load(None)
            self.load_banner()

        Operation(self.ctx, self, job, self.tr("正在读取零就业家庭名单……")).success(show).run()

    def recheck_all(self) -> None:
        store = self.ctx.store

        def job() -> int:
            from app.clock import today
            from app.households import refresh_all

            with store.session() as session:
                return refresh_all(session, today())

        def done(added: int) -> None:
            self.zero_count.setText(self.tr("核查完成，新列入 {0} 户。").replace("{0}", str(added)))
            self.load_zero()

        Operation(self.ctx, self, job, self.tr("正在核查……")).success(done).run()

    def load_settlements(self, select_id: str | None = None) -> None:
        store = self.ctx.store
        selected = select_id or selected_row_id(self.settlements)

        def job() -> list[Any]:
            from app.clock import today
            from app.households import list_settlements

            with store.session() as session:
                return list_settlements(session, today())

        def show(rows: list[Any]) -> None:
            cells = [(r.id, [r.name, str(r.figures.households), str(r.figures.laborers), str(r.figures.employed),
                             _percent(r.figures.employment_rate), str(r.figures.households_one_employed),
                             str(r.figures.zero_employment_households), str(r.listed_zero)]) for r in rows]
            self.settlements.blockSignals(True)
            fill_table(self.settlements, cells)
            self.settlements.blockSignals(False)
            ids = [r.id for r in rows]
            if rows:
                self.settlements.selectRow(ids.index(selected) if selected in ids else 0)
                self.load_settlement()
            self.import_button.setEnabled(bool(rows))

        Operation(self.ctx, self, job, self.tr("正在读取安置点……")).success(show).run()

    def load_settlement(self) -> None:
        settlement_id = selected_row_id(self.settlements)
        if settlement_id is None:
            return
        store, actor = self.ctx.store, self.ctx.actor_id
        selected = selected_row_id(self.households)

        def job() -> tuple[Any, list[Any]]:
            from app.clock import today
            from app.households import settlement_figures, settlement_households

            with store.session() as session:
                return settlement_figures(session, settlement_id, today()), settlement_households(
                    session, settlement_id, today(), actor_id=actor)

        def show(result: tuple[Any, list[Any]]) -> None:
            figures, households = result
            self.show_figures(figures)
            cells = []
            for h in households:
                if h.listed_since is not None and h.employed:
                    state = self.tr("名单中，可清零")
                elif h.listed_since is not None:
                    state = self.tr("零就业家庭")
                elif h.laborers == 0:
                    state = self.tr("无劳动力")
                else:
                    state = self.tr("一户一人以上就业") if h.employed else self.tr("零就业（未列入）")
                cells.append((h.household_id, [h.household_no or "", h.head_name or "", h.origin_village or "",
                                               h.poverty_kind or "", str(h.members), str(h.laborers), str(h.employed),
                                               state]))
            self.households.blockSignals(True)
            fill_table(self.households, cells)
            self.households.blockSignals(False)
            ids = [h.household_id for h in households]
            if households:
                self.households.selectRow(ids.index(selected) if selected in ids else 0)
                self.settlement_detail.load(selected_row_id(self.households))
            else:
                self.settlement_detail.load(None)

        Operation(self.ctx, self, job, self.tr("正在读取安置点……")).success(show).run()

    def show_figures(self, f: Any) -> None:
        values = {
            "households": f.households, "laborers": f.laborers, "employed": f.employed,
            "rate": _percent(f.employment_rate),
            "one": f"{f.households_one_employed}/{f.households_with_labor}",
            "zero": f.zero_employment_households, "county": f.county, "province": f.province, "outside": f.outside,
            "workshop": f.aid_workshop, "welfare": f.public_welfare_post, "censused": f.censused,
        }
        for key, value in values.items():
            self.figure_labels[key].setText(str(value))

    def _settlement_changed(self) -> None:
        self.load_settlements()
        self.load_banner()

    # actions ----------------------------------------------------------------------------------------
    def new_settlement(self) -> None:
        from ui.pages.household_dialogs import SettlementDialog

        self.dialog = SettlementDialog(self.ctx, self)
        self.dialog.saved.connect(self._settlement_created)
        self.dialog.open()

    def _settlement_created(self, settlement_id: str) -> None:
        self.load_settlements(settlement_id)
        self.load_banner()

    def save_template(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("保存花名册模板"), "安置点花名册模板.xlsx",
                                                    "Excel (*.xlsx)")
        if not path:
            return

        def job() -> str:
            from app.households.roster import write_template

            return str(write_template(Path(path)))

        Operation(self.ctx, self, job).success(
            lambda p: self.import_result.setText(self.tr("模板已保存到 {0}").replace("{0}", p))).run()

    def import_roster(self, path: str | None = None) -> None:
        settlement_id = selected_row_id(self.settlements)
        if settlement_id is None:
            return
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, self.tr("选择安置点花名册"), "",
                                                        self.tr("花名册 (*.xlsx *.xlsm *.csv *.txt)"))
            if not path:
                return
        store, actor = self.ctx.store, self.ctx.actor_id
        progress = QProgressDialog(self.tr("正在检查花名册……"), self.tr("取消"), 0, 0, self)
        progress.setObjectName("importProgress")
        progress.setWindowTitle(self.tr("导入花名册"))
        progress.setMinimumDuration(300)
        carrier = _ImportProgress()
        cancelled = {"flag": False}
        progress.canceled.connect(lambda: cancelled.__setitem__("flag", True))

        def moved(done: int, total: int) -> None:
            if total < 0:
                progress.setLabelText(self.tr("正在检查第 {0} 行……").replace("{0}", str(done)))
            else:
                progress.setLabelText(self.tr("正在写入……"))
                progress.setMaximum(total)
                progress.setValue(done)

        carrier.progressed.connect(moved, Qt.ConnectionType.QueuedConnection)
        self._carrier = carrier

        def job() -> Any:
            from app.clock import today
            from app.households.roster import import_settlement_roster

            return import_settlement_roster(
                store, settlement_id, path, actor_id=actor, today=today(),
                progress=lambda d, t: carrier.progressed.emit(d, -1 if t is None else t),
                cancel=lambda: cancelled["flag"],
            )

        def done(report: Any) -> None:
            progress.reset()
            progress.close()
            self.last_import = report
            self.import_result.setText(report.summary())
            self.open_report.setVisible(report.error_file is not None)
            self.load_settlements(settlement_id)
            self.load_banner()

        def failed(error: BaseException) -> None:
            from ui.errors import user_message

            progress.reset()
            progress.close()
            self.last_import = None
            self.import_result.setText(user_message(error))
            self.open_report.hide()

        Operation(self.ctx, self, job, self.tr("正在导入花名册……")).success(done).failure(failed).run()

    def _open_report(self) -> None:
        if self.last_import is not None and self.last_import.error_file is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_import.error_file)))

    def open_household(self, household_id: str) -> None:
        """Show one household (from 统计 or elsewhere) on the 零就业家庭 tab's detail panel."""
        self.tabs.setCurrentIndex(0)
        self.zero_detail.load(household_id)
