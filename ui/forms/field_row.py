"""One row of a catalog form: the label (with * when required), the editor, help and messages."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from ui.forms.editor_base import FieldEditor, no_margins

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5300;"
HINT_STYLE = "color: #5f6368;"


def _message_label(parent: QWidget, style: str, role: str) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setStyleSheet(style)
    label.setProperty("role", role)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.hide()
    return label


class FieldRow(QWidget):
    """The field column of a row; ``label`` goes into the form layout's label column.

    Messages under the editor: the editor's live error while typing, otherwise the errors of the
    last submit (``set_submitted``) until the field is edited, then warnings.
    """

    def __init__(self, editor: FieldEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.key = editor.field.key
        self.label = QLabel(parent)
        # Not wrapped: the label column takes the longest label; on a narrow window the form layout
        # puts labels above their fields instead (WrapLongRows).
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setBuddy(editor.focus_target())
        layout = no_margins(QVBoxLayout(self))
        layout.setSpacing(2)
        editor.setParent(self)
        layout.addWidget(editor)
        self.error = _message_label(self, ERROR_STYLE, "error")
        layout.addWidget(self.error)
        self.warning = _message_label(self, WARNING_STYLE, "warning")
        layout.addWidget(self.warning)
        self.help = _message_label(self, HINT_STYLE, "hint")
        if editor.field.help:
            self.help.setText(editor.field.help)
            self.help.show()
        layout.addWidget(self.help)
        self._required = False
        self._submitted: list[str] = []
        self._warnings: list[str] = []
        self.set_required(editor.field.required)

    def set_required(self, required: bool) -> None:
        self._required = required
        text = html.escape(self.editor.field.label)
        if required:
            text += ' <span style="color:#b3261e">*</span>'
        self.label.setText(text)
        self.label.setToolTip(self.tr("必填") if required else "")

    @property
    def required(self) -> bool:
        return self._required

    def _strip_label(self, message: str) -> str:
        # validate_form starts every message with "标签："; under the field the label is already shown.
        return message.removeprefix(f"{self.editor.field.label}：")

    def set_submitted(self, errors: Sequence[str], warnings: Sequence[str] = ()) -> None:
        self._submitted = [self._strip_label(message) for message in errors]
        self._warnings = [self._strip_label(message) for message in warnings]
        self.refresh_messages()

    def clear_submitted(self) -> None:
        if self._submitted or self._warnings:
            self._submitted = []
            self._warnings = []
        self.refresh_messages()

    def messages(self) -> list[str]:
        """The errors shown under the field now."""
        live = self.editor.live_error()
        return [live] if live else list(self._submitted)

    def refresh_messages(self) -> None:
        errors = self.messages()
        self.error.setText("\n".join(errors))
        self.error.setVisible(bool(errors))
        self.warning.setText("\n".join(self._warnings))
        self.warning.setVisible(bool(self._warnings))
