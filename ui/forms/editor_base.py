"""The contract every field editor of a catalog form keeps with the form view."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QWidget

from app.catalog import FieldDef
from app.validation import validate


class FieldEditor(QWidget):
    """One field's widgets. ``value()`` is in the shape ``validate_form`` expects; empty is None
    (or an empty list for list-valued types).

    ``changed`` fires on user edits and on ``set_value``; the form view decides whether a change
    came from the user. ``live_error()`` is what is wrong with the value as typed right now (shown
    under the field while typing); the full check is ``validate_form`` on submit.
    """

    changed = Signal()

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._live_error = ""

    def value(self) -> object:
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        raise NotImplementedError

    def focus_widgets(self) -> list[QWidget]:
        """The widgets Tab visits, in order."""
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        return self.focus_widgets()[0]

    def live_error(self) -> str:
        return self._live_error

    def set_live_error(self, message: str) -> None:
        self._live_error = message


def row_layout(owner: QWidget) -> QHBoxLayout:
    """A margin-less horizontal layout: editors sit in the form's field column."""
    layout = QHBoxLayout(owner)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout


def no_margins(layout: QBoxLayout) -> QBoxLayout:
    layout.setContentsMargins(0, 0, 0, 0)
    return layout


def identifier_error(kind: str, text: str) -> str:
    """The first error ``app.validation`` gives for ``text`` of ``kind``; empty if fine or blank."""
    if not text.strip():
        return ""
    result = validate(kind, text)
    return result.errors[0] if result.errors else ""
