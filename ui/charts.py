"""Small charts drawn with QPainter (QtCharts is not part of PySide6-Essentials).

``ChartView`` shows one or more ``app.stats.Series`` over the same labels as grouped bars or lines, with
the values written on the chart, a legend, and a hover tooltip. Clicking a bar or a point emits
``pointClicked`` with the ``app.stats.Point`` so the page can list the records behind it.
Keyboard: Left/Right move between points, Enter opens the selected one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

PALETTE = ("#2f6fad", "#d9822b", "#3c9a5f", "#b8434a", "#7a5ea8", "#8c8c8c")
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 46, 12, 28, 44


@dataclass(frozen=True)
class _Hit:
    rect: QRectF
    series: int
    index: int


def nice_ceiling(value: float) -> float:
    """The axis top: four grid steps of 1, 2, 2.5 or 5 × 10^n (whole steps from 1 up), at least ``value``."""
    if value <= 0:
        return 4.0
    magnitude = 1.0
    while magnitude * 10 <= value / 4:
        magnitude *= 10
    while magnitude > 1 and magnitude / 10 >= value / 4:
        magnitude /= 10
    for step in (1, 2, 2.5, 5, 10):
        if step == 2.5 and magnitude < 10:
            continue  # keep the grid on whole numbers for counts
        if step * magnitude * 4 >= value:
            return float(step * magnitude * 4)
    return float(40 * magnitude)


class ChartView(QWidget):
    pointClicked = Signal(object)  # app.stats.Point

    def __init__(self, kind: str = "bar", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind  # bar | line
        self.series: list[Any] = []
        self.empty_text = self.tr("暂无数据")
        self._hits: list[_Hit] = []
        self._selected: tuple[int, int] | None = None
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(420, 240)

    def set_series(self, series: list[Any]) -> None:
        self.series = [s for s in series if s is not None]
        self._selected = None
        self.update()

    # ---------------------------------------------------------------- geometry
    def _labels(self) -> list[str]:
        return [p.label for p in self.series[0].points] if self.series else []

    def _plot(self) -> QRectF:
        return QRectF(
            MARGIN_LEFT,
            MARGIN_TOP,
            max(10, self.width() - MARGIN_LEFT - MARGIN_RIGHT),
            max(10, self.height() - MARGIN_TOP - MARGIN_BOTTOM),
        )

    def _top(self) -> float:
        values = [p.value for s in self.series for p in s.points]
        return nice_ceiling(max(values, default=0))

    # ---------------------------------------------------------------- painting
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.base())
        labels = self._labels()
        self._hits = []
        text_color = palette.text().color()
        if not labels:
            painter.setPen(text_color)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        plot, top = self._plot(), self._top()
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        painter.setFont(small)
        metrics = QFontMetrics(small)
        grid = QColor(text_color)
        grid.setAlpha(40)
        for step in range(5):
            y = plot.bottom() - plot.height() * step / 4
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_color)
            value = top * step / 4
            text = f"{value:g}"
            painter.drawText(QRectF(0, y - 8, MARGIN_LEFT - 6, 16), Qt.AlignmentFlag.AlignRight, text)
        slot = plot.width() / len(labels)
        every = max(1, int((metrics.horizontalAdvance("2026-11") + 8) // max(slot, 1)) + 1)
        for index, label in enumerate(labels):
            if index % every:
                continue
            x = plot.left() + slot * index
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot * every) - 2)
            painter.drawText(QRectF(x, plot.bottom() + 4, slot * every, 18), Qt.AlignmentFlag.AlignHCenter, shown)
        if self.kind == "line":
            self._paint_lines(painter, plot, top, slot, metrics)
        else:
            self._paint_bars(painter, plot, top, slot, metrics)
        self._paint_legend(painter, metrics)

    def _y(self, plot: QRectF, top: float, value: float) -> float:
        return plot.bottom() - plot.height() * (value / top if top else 0)

    def _paint_bars(self, painter: QPainter, plot: QRectF, top: float, slot: float, metrics: QFontMetrics) -> None:
        count = len(self.series)
        width = max(2.0, slot * 0.7 / count)
        for s_index, series in enumerate(self.series):
            color = QColor(PALETTE[s_index % len(PALETTE)])
            for index, point in enumerate(series.points):
                x = plot.left() + slot * index + slot * 0.15 + width * s_index
                y = self._y(plot, top, point.value)
                rect = QRectF(x, y, width - 1, plot.bottom() - y)
                selected = self._selected == (s_index, index)
                painter.fillRect(rect, color.darker(130) if selected else color)
                self._hits.append(_Hit(QRectF(x, plot.top(), width, plot.height()), s_index, index))
                if point.value and width >= metrics.horizontalAdvance(f"{point.value:g}") - 4:
                    painter.setPen(self.palette().text().color())
                    painter.drawText(
                        QRectF(x - 10, y - 16, width + 20, 14), Qt.AlignmentFlag.AlignHCenter, f"{point.value:g}"
                    )

    def _paint_lines(self, painter: QPainter, plot: QRectF, top: float, slot: float, metrics: QFontMetrics) -> None:
        for s_index, series in enumerate(self.series):
            color = QColor(PALETTE[s_index % len(PALETTE)])
            path = QPainterPath()
            centres = []
            for index, point in enumerate(series.points):
                centre = QPointF(plot.left() + slot * (index + 0.5), self._y(plot, top, point.value))
                centres.append(centre)
                if index == 0:
                    path.moveTo(centre)
                else:
                    path.lineTo(centre)
                self._hits.append(_Hit(QRectF(centre.x() - slot / 2, plot.top(), slot, plot.height()), s_index, index))
            painter.setPen(QPen(color, 2))
            painter.drawPath(path)
            for index, centre in enumerate(centres):
                radius = 5 if self._selected == (s_index, index) else 3
                painter.setBrush(color)
                painter.drawEllipse(centre, radius, radius)
                value = series.points[index].value
                painter.setPen(self.palette().text().color())
                painter.drawText(
                    QRectF(centre.x() - 20, centre.y() - 18, 40, 14), Qt.AlignmentFlag.AlignHCenter, f"{value:g}"
                )
                painter.setPen(QPen(color, 2))

    def _paint_legend(self, painter: QPainter, metrics: QFontMetrics) -> None:
        x = float(MARGIN_LEFT)
        for s_index, series in enumerate(self.series):
            color = QColor(PALETTE[s_index % len(PALETTE)])
            painter.fillRect(QRectF(x, 8, 12, 12), color)
            text = f"{series.title}（{series.unit}）"
            painter.setPen(self.palette().text().color())
            painter.drawText(QPointF(x + 16, 19), text)
            x += 28 + metrics.horizontalAdvance(text)

    # ---------------------------------------------------------------- interaction
    def _hit(self, position: QPointF) -> _Hit | None:
        return next((hit for hit in self._hits if hit.rect.contains(position)), None)

    def point_at(self, series: int, index: int) -> Any:
        return self.series[series].points[index]

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(event.position())
        if hit is None:
            QToolTip.hideText()
            return
        point = self.point_at(hit.series, hit.index)
        series = self.series[hit.series]
        tip = self.tr("{0}  {1}：{2} {3}（点击查看明细）")
        tip = tip.replace("{0}", point.label).replace("{1}", series.title)
        QToolTip.showText(
            event.globalPosition().toPoint(), tip.replace("{2}", f"{point.value:g}").replace("{3}", series.unit), self
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hit = self._hit(event.position())
        if hit is None or event.button() != Qt.MouseButton.LeftButton:
            return
        self._selected = (hit.series, hit.index)
        self.update()
        self.pointClicked.emit(self.point_at(hit.series, hit.index))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.series:
            return super().keyPressEvent(event)
        count = len(self.series[0].points)
        series, index = self._selected or (0, -1)
        if event.key() == Qt.Key.Key_Right:
            self._selected = (series, min(count - 1, index + 1))
        elif event.key() == Qt.Key.Key_Left:
            self._selected = (series, max(0, index - 1))
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected is not None:
            self.pointClicked.emit(self.point_at(*self._selected))
            return
        else:
            return super().keyPressEvent(event)
        self.update()
