"""``date``: a QDateEdit with a calendar popup that may also be left empty."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QDateEdit, QWidget

from app.catalog import FieldDef
from app.clock import today as clock_today
from ui.forms.editor_base import FieldEditor, row_layout

# QDateEdit has no empty state: its minimum date stands for "empty" and shows as blank text.
EMPTY_DATE = QDate(1900, 1, 1)
_SEPARATORS = "-/."


class OptionalDateEdit(QDateEdit):
    """Typing "20250301" or "2025-3-1" fills the date; Delete empties it; Tab always leaves.

    An empty box starts from today's date when the clerk types a digit or opens the calendar, so
    the year section is selected and overwritten by what is typed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setCalendarPopup(True)
        self.setMinimumDate(EMPTY_DATE)
        self.setSpecialValueText(" ")
        self.setDate(EMPTY_DATE)
        self._section_just_completed = False

    def sizeHint(self) -> QSize:
        # Blank ("empty") text would make the box as narrow as one space; size it for a date.
        hint = super().sizeHint()
        wanted = self.fontMetrics().horizontalAdvance("8888-88-88") + 2 * hint.height()
        return QSize(max(hint.width(), wanted), hint.height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def is_empty(self) -> bool:
        return self.date() == EMPTY_DATE

    def clear_date(self) -> None:
        self.setDate(EMPTY_DATE)

    def _start_from_today(self) -> None:
        today = clock_today()
        self.setDate(QDate(today.year, today.month, today.day))
        self.setSelectedSection(QDateEdit.Section.YearSection)

    def focusNextPrevChild(self, next: bool) -> bool:
        # QDateTimeEdit moves between year/month/day on Tab; in a form Tab must go to the next field.
        return QWidget.focusNextPrevChild(self, next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if event.key() == Qt.Key.Key_Delete:
            self.clear_date()
            return
        if text and text in _SEPARATORS and self._section_just_completed:
            # "2025-" : the year filled its section and moved on already; the dash adds nothing.
            self._section_just_completed = False
            return
        opens_calendar = event.key() == Qt.Key.Key_F4 or (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if self.is_empty() and (text.isdigit() or opens_calendar):
            self._start_from_today()
        before = self.currentSection()
        super().keyPressEvent(event)
        self._section_just_completed = text.isdigit() and self.currentSection() != before

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.is_empty():
            self._start_from_today()
        super().mousePressEvent(event)


class DateEditor(FieldEditor):
    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = OptionalDateEdit(self)
        self.edit.setAccessibleName(field.label)
        self.edit.setToolTip(self.tr("直接输入年月日（如 20250301），或按 F4 打开日历；按 Delete 清空。"))
        layout = row_layout(self)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.edit.dateChanged.connect(self._on_date_changed)

    def _on_date_changed(self) -> None:
        self.set_live_error("")
        self.changed.emit()

    def value(self) -> object:
        if self.edit.is_empty():
            return None
        return self.edit.date().toString(Qt.DateFormat.ISODate)

    def set_value(self, value: object) -> None:
        if isinstance(value, date):
            self.edit.setDate(QDate(value.year, value.month, value.day))
            return
        if isinstance(value, str) and value.strip():
            parsed = QDate.fromString(value.strip(), Qt.DateFormat.ISODate)
            if parsed.isValid() and parsed > EMPTY_DATE:
                self.edit.setDate(parsed)
                return
            self.edit.clear_date()
            self.set_live_error(self.tr("保存的日期“{text}”无效，请重新选择。").format(text=value))
            return
        self.edit.clear_date()

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit]
