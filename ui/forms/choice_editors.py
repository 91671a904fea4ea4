"""Editors that choose: a code from a table, several codes, or 是/否."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QButtonGroup,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QWidget,
)

from app.catalog import FieldDef
from app.refdata import CodeTable
from ui.forms.editor_base import FieldEditor, row_layout
from ui.forms.search_combo import SearchCombo


def table_choices(table: CodeTable | None) -> list[tuple[str, str]]:
    return [(entry.code, entry.label) for entry in table] if table is not None else []


class CodeEditor(FieldEditor):
    """``code``: a searchable combo over the table's labels; the value is the code."""

    def __init__(self, field: FieldDef, table: CodeTable | None, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.combo = SearchCombo(self)
        self.combo.setAccessibleName(field.label)
        self.combo.set_choices(table_choices(table))
        row_layout(self).addWidget(self.combo)
        self._missing_table = table is None
        self.combo.editTextChanged.connect(self._on_edit)
        self._on_edit()

    def _on_edit(self) -> None:
        if self._missing_table:
            message = self.tr("本机缺少代码表“{table}”，请同步参考数据。").format(table=self.field.table)
        elif self.combo.unmatched():
            message = self.tr("“{text}”不是列表中的选项，请从列表中选择。").format(
                text=self.combo.currentText().strip()
            )
        else:
            message = ""
        self.set_live_error(message)
        self.changed.emit()

    def value(self) -> object:
        return self.combo.code()

    def set_value(self, value: object) -> None:
        code = None if value is None else str(value)
        label = self.tr("{code}（代码表中没有此代码）").format(code=code) if code else ""
        self.combo.set_code(code, unknown_label=label)

    def focus_widgets(self) -> list[QWidget]:
        return [self.combo]


class CheckList(QListWidget):
    """A list of checkable entries, as tall as its entries (arrow keys move, Space ticks)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)

    def add_entry(self, code: str, label: str, checked: bool = False) -> None:
        item = QListWidgetItem(label, self)
        item.setData(Qt.ItemDataRole.UserRole, code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def entries(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]


class MultiCodeEditor(FieldEditor):
    """``multi_code``: every table entry with a tick box; the value is the ticked codes in table order."""

    def __init__(self, field: FieldDef, table: CodeTable | None, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.list = CheckList(self)
        self.list.setAccessibleName(field.label)
        for code, label in table_choices(table):
            self.list.add_entry(code, label)
        row_layout(self).addWidget(self.list)
        if table is None:
            self.set_live_error(self.tr("本机缺少代码表“{table}”，请同步参考数据。").format(table=field.table))
        self.list.itemChanged.connect(lambda _item: self.changed.emit())

    def value(self) -> object:
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in self.list.entries()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, value: object) -> None:
        wanted = [str(code) for code in value] if isinstance(value, Sequence) and not isinstance(value, str) else []
        known = {str(item.data(Qt.ItemDataRole.UserRole)) for item in self.list.entries()}
        self.list.blockSignals(True)
        try:
            for code in wanted:
                if code not in known:
                    self.list.add_entry(code, self.tr("{code}（代码表中没有此代码）").format(code=code))
            for item in self.list.entries():
                checked = str(item.data(Qt.ItemDataRole.UserRole)) in wanted
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        finally:
            self.list.blockSignals(False)
        self.changed.emit()

    def focus_widgets(self) -> list[QWidget]:
        return [self.list]


class FlagEditor(FieldEditor):
    """``flag``: 是 / 否 radio buttons; nothing chosen is "not answered" (None)."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.yes = QRadioButton(self.tr("是"), self)
        self.no = QRadioButton(self.tr("否"), self)
        self.group = QButtonGroup(self)
        for button in (self.yes, self.no):
            button.setAccessibleName(f"{field.label} {button.text()}")
            self.group.addButton(button)
        layout = row_layout(self)
        layout.addWidget(self.yes)
        layout.addWidget(self.no)
        layout.addStretch(1)
        self.group.buttonToggled.connect(self._on_toggled)

    def _on_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def value(self) -> object:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None

    def set_value(self, value: object) -> None:
        if isinstance(value, bool):
            (self.yes if value else self.no).setChecked(True)
            return
        # An exclusive group cannot be emptied by unchecking; lift exclusivity for a moment.
        self.group.setExclusive(False)
        self.yes.setChecked(False)
        self.no.setChecked(False)
        self.group.setExclusive(True)
        self.changed.emit()

    def focus_widgets(self) -> list[QWidget]:
        return [self.yes, self.no]


def code_sets(code_tables: Mapping[str, CodeTable]) -> dict[str, set[str]]:
    """The code tables in the shape ``validate_form`` checks against."""
    return {name: {entry.code for entry in table} for name, table in code_tables.items()}
