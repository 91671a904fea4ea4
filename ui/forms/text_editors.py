"""Editors typed as text: single line, multi-line, phone, money and integer."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QRegularExpression, QSize
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from app.catalog import FieldDef
from app.catalog.coerce import DEFAULT_MAX_LENGTH, MONEY_MAX_INTEGER_DIGITS
from ui.forms.editor_base import FieldEditor, identifier_error, row_layout


class LineEditor(FieldEditor):
    """A QLineEdit; subclasses add an input validator and live checks."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(field.label)
        row_layout(self).addWidget(self.edit)
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.editingFinished.connect(self._on_editing_finished)

    def text(self) -> str:
        return self.edit.text().strip()

    def value(self) -> object:
        return self.text() or None

    def set_value(self, value: object) -> None:
        self.edit.setText("" if value is None else str(value))

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit]

    def check(self, text: str) -> str:
        """What is wrong with ``text`` as typed; empty when nothing is."""
        return ""

    def _on_text_changed(self) -> None:
        self.set_live_error(self.check(self.text()))
        self.changed.emit()

    def _on_editing_finished(self) -> None:
        """Subclasses tidy the text once the clerk leaves the field."""


class TextEditor(LineEditor):
    """``text``: optional ``check`` kind (e.g. uscc) validated live."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit.setMaxLength(field.max_length or DEFAULT_MAX_LENGTH["text"])

    def check(self, text: str) -> str:
        return identifier_error(self.field.check, text) if self.field.check else ""


class PhoneEditor(LineEditor):
    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9+\- ]{0,20}"), self.edit))
        self.edit.setPlaceholderText(self.tr("11位手机号码"))

    def check(self, text: str) -> str:
        return identifier_error("mobile", text)


class MoneyEditor(LineEditor):
    """Amount in yuan with at most two decimals; shown as 1800.00 once the field is left."""

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        negative = "-?" if isinstance(field.min, int | Decimal) and field.min < 0 else ""
        pattern = rf"{negative}\d{{0,{MONEY_MAX_INTEGER_DIGITS}}}(\.\d{{0,2}})?"
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self.edit))
        self.edit.setPlaceholderText(self.tr("如 1800 或 1800.50"))

    def set_value(self, value: object) -> None:
        super().set_value(value)
        self._on_editing_finished()

    def _on_editing_finished(self) -> None:
        try:
            amount = Decimal(self.text())
        except InvalidOperation:
            return
        tidy = f"{amount.quantize(Decimal('0.01'))}"
        if tidy != self.edit.text():
            self.edit.setText(tidy)


class IntegerEditor(LineEditor):
    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        negative = "-?" if isinstance(field.min, int) and field.min < 0 else ""
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(rf"{negative}\d{{0,15}}"), self.edit))
        if isinstance(field.min, int) and isinstance(field.max, int):
            self.edit.setPlaceholderText(self.tr("{low}–{high}").format(low=field.min, high=field.max))

    def value(self) -> object:
        text = self.text()
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            return text  # e.g. a lone "-": validate_form explains what is wrong


class GrowingTextEdit(QPlainTextEdit):
    """Multi-line text that asks for a few lines of the current font, so large text is not clipped."""

    LINES = 4

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        margins = self.contentsMargins()
        document_margin = 2 * self.document().documentMargin()
        height = self.fontMetrics().lineSpacing() * self.LINES + margins.top() + margins.bottom() + document_margin
        return QSize(hint.width(), int(height))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class TextAreaEditor(FieldEditor):
    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = GrowingTextEdit(self)
        self.edit.setTabChangesFocus(True)  # Tab leaves the field, as everywhere else in the form
        self.edit.setAccessibleName(field.label)
        row_layout(self).addWidget(self.edit)
        self.edit.textChanged.connect(self._on_text_changed)

    def _on_text_changed(self) -> None:
        limit = self.field.max_length or DEFAULT_MAX_LENGTH["textarea"]
        length = len(self.edit.toPlainText().strip())
        self.set_live_error(
            self.tr("最多 {limit} 个字，现在有 {length} 个字，请精简。").format(limit=limit, length=length)
            if length > limit
            else ""
        )
        self.changed.emit()

    def value(self) -> object:
        return self.edit.toPlainText().strip() or None

    def set_value(self, value: object) -> None:
        self.edit.setPlainText("" if value is None else str(value))

    def focus_widgets(self) -> list[QWidget]:
        return [self.edit]
