"""The foundation-stage main window: the station's state at a glance (the workbench replaces it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from app.station import StationStatus


class StatusWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("基层就业服务台"))
        self.resize(720, 420)
        central = QWidget()
        layout = QVBoxLayout(central)
        self.title = QLabel(self.tr("正在打开本站数据……"))
        self.title.setStyleSheet("font-size: 20px; font-weight: bold;")
        layout.addWidget(self.title)
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, label in (
            ("station_code", self.tr("区划代码")),
            ("persons", self.tr("人员")),
            ("cases", self.tr("办件")),
            ("pending_sync", self.tr("待同步")),
            ("last_backup", self.tr("最近备份")),
            ("data_dir", self.tr("数据文件夹")),
        ):
            value = QLabel("-")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.form.addRow(label + "：", value)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.setCentralWidget(central)

    def show_status(self, status: StationStatus) -> None:
        self.title.setText(status.station_name)
        for key, label in self.values.items():
            label.setText(str(getattr(status, key)))

    def show_error(self, message: str) -> None:
        self.title.setText(self.tr("无法打开本站数据"))
        self.values["data_dir"].setText(message)
