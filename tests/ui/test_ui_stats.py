"""统计 as a clerk (and a reviewer for the export): numbers, charts, drill-down to records, Excel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.conftest import login, wait_idle


def _stats_page(qtbot: QtBot, window: Any) -> Any:
    page = window.show_page("stats")
    qtbot.waitUntil(lambda: page.stats is not None and bool(page.tiles), timeout=20_000)
    return page


def test_stats_page_numbers_open_their_records(qtbot: QtBot, ctx: Any, window: Any) -> None:
    from ui.pages.stats import DrillDialog

    page = _stats_page(qtbot, window)
    assert "统计日" in page.as_of.text()
    tile = page.tiles["persons"]
    assert tile.text().split()[0] != "0"
    # The registrations chart has this month's bars; clicking the last bar lists exactly its cases.
    chart = page.charts["registrations"]
    chart.resize(600, 300)
    chart.repaint()
    series = page.stats.registrations[0]
    assert len(series.points) == 12
    hit = next(h for h in chart._hits if h.series == 0 and h.index == 11)
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=hit.rect.center().toPoint())
    qtbot.waitUntil(lambda: bool(page.findChildren(DrillDialog)), timeout=15_000)
    dialog = page.findChildren(DrillDialog)[-1]
    assert dialog.list.count() == int(series.points[11].value)
    dialog.close()


def test_stats_drill_from_a_tile_opens_a_case(qtbot: QtBot, ctx: Any, window: Any) -> None:
    from app.stats import DrillRow
    from ui.pages.stats import DrillDialog

    page = _stats_page(qtbot, window)
    opened: list[str] = []
    page.openCase.connect(opened.append)
    # A drill listing one synthetic row behaves like any other: Enter opens its record.
    dialog = DrillDialog("测试", [DrillRow("case", "case-1", "标题", "说明")], page)
    dialog.opened.connect(page._open_record)
    dialog.show()
    dialog.list.setCurrentRow(0)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert opened == ["case-1"]
    dialog.close()
    headline = next(h for h in page.stats.headlines if h.key == "overdue")
    page.drill(headline)  # the tile's own drill runs through the DB worker
    wait_idle(qtbot, ctx)
    qtbot.waitUntil(
        lambda: any(d.windowTitle() == "全部逾期办件" for d in page.findChildren(DrillDialog)), timeout=15_000
    )
    shown = next(d for d in page.findChildren(DrillDialog) if d.windowTitle() == "全部逾期办件")
    assert shown.list.count() == int(headline.value)


def test_stats_export_is_for_reviewers(qtbot: QtBot, ctx: Any, window: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(str(args[2])))
    page = _stats_page(qtbot, window)
    page.export()  # the clerk may not export
    assert shown and "没有导出权限" in shown[-1]
    login(ctx, "reviewer", "demo-review-1")
    target = tmp_path / "月报.xlsx"
    page.export_to(str(target))
    qtbot.waitUntil(lambda: target.exists() and len(shown) == 2, timeout=20_000)
    assert "已导出" in shown[-1]


def test_chart_keyboard_and_empty_state(qtbot: QtBot) -> None:
    from app.stats import Point, Series
    from ui.charts import ChartView, nice_ceiling

    assert [nice_ceiling(v) for v in (0, 0.5, 3, 5, 7, 24, 66.7, 260)] == [4, 4, 4, 8, 8, 40, 80, 400]
    chart = ChartView("line")
    qtbot.addWidget(chart)
    chart.resize(400, 240)
    chart.show()
    chart.repaint()
    got: list[Any] = []
    chart.pointClicked.connect(got.append)
    chart.set_series([Series("s", "测试", "件", (Point("a", 1), Point("b", 3)))])
    chart.repaint()
    chart.setFocus()
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    qtbot.keyClick(chart, Qt.Key.Key_Return)
    assert [p.label for p in got] == ["b"]
    assert chart._hit(QPointF(-5, -5)) is None
    assert QApplication.instance() is not None
