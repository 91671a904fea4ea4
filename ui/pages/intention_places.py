"""意向工作地: several places, each chosen with the usual 市州 / 县 / 乡镇 / 村 division picker.

The picker's place is added to the list with 添加; a place still in the picker when the dialog is saved
counts too, so choosing one place and pressing 保存 works as before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.refdata import DivisionDataError, DivisionIndex
from ui.forms.editor_base import FieldEditor


class PlacesEditor(QWidget):
    changed = Signal()

    def __init__(self, picker: FieldEditor, divisions: DivisionIndex, limit: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.picker, self.divisions, self.limit = picker, divisions, limit
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(picker, 1)
        self.add_button = QPushButton(self.tr("添加"))
        self.add_button.setObjectName("intentionPlaceAdd")
        self.add_button.setToolTip(self.tr("把上面选好的地方加入意向工作地（可加多个）"))
        self.add_button.clicked.connect(self.add_current)
        row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)
        lower = QHBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("intentionPlaces")
        self.list.setMaximumHeight(96)
        self.list.setAccessibleName(self.tr("已选意向工作地"))
        lower.addWidget(self.list, 1)
        self.remove_button = QPushButton(self.tr("移除"))
        self.remove_button.setObjectName("intentionPlaceRemove")
        self.remove_button.clicked.connect(self.remove_current)
        lower.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(lower)
        self.message = ""

    def label(self, code: str) -> str:
        try:
            return self.divisions.full_name(code).removeprefix("贵州省") or code  # as the 求职 panel shows it
        except DivisionDataError:
            return code

    def codes(self) -> list[str]:
        return [str(self.list.item(n).data(Qt.ItemDataRole.UserRole)) for n in range(self.list.count())]

    def _append(self, code: str) -> bool:
        if code in self.codes():
            return False
        item = QListWidgetItem(self.label(code))
        item.setData(Qt.ItemDataRole.UserRole, code)
        self.list.addItem(item)
        return True

    def add_current(self) -> bool:
        """Move the picker's place into the list; False (with ``message``) when nothing was added."""
        value = self.picker.value()
        code = str(value).strip() if value else ""
        if not code:
            self.message = self.tr("请先在上面选择市州、县（区）等，再点“添加”。")
            return False
        if code not in self.codes() and len(self.codes()) >= self.limit:
            self.message = self.tr("意向工作地最多 {0} 个，请先移除一个。").replace("{0}", str(self.limit))
            return False
        self.message = ""
        self._append(code)
        self.picker.set_value(None)
        self.changed.emit()
        return True

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)
            self.changed.emit()

    def set_values(self, codes: list[str] | tuple[str, ...]) -> None:
        self.list.clear()
        for code in codes:
            self._append(code)
        self.picker.set_value(None)

    def values(self) -> tuple[str, ...]:
        """The listed places, and the one still in the picker (not yet added) last."""
        codes = self.codes()
        pending = self.picker.value()
        if pending and str(pending) not in codes:
            codes.append(str(pending))
        return tuple(codes)
