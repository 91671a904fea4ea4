"""The generic renderer of a catalog item's form (服务事项表单)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from functools import partial
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.catalog import FORM_KEY, FormResult, ItemDefinition, validate_form
from app.catalog.coerce import expression_value
from app.clock import today as clock_today
from app.refdata import CodeTable, DivisionIndex
from ui.forms.attachments import AttachmentEditor
from ui.forms.choice_editors import code_sets
from ui.forms.editor_base import FieldEditor, no_margins
from ui.forms.factory import create_editor
from ui.forms.field_row import ERROR_STYLE, HINT_STYLE, FieldRow
from ui.forms.id_document import IdDocumentEditor
from ui.forms.materials import MaterialsChecklist


class FormView(QWidget):
    """A form built from an ``ItemDefinition``, given plain reference data (no store access).

    ``values()`` is what ``validate_form`` takes; ``set_values()`` fills fields (drafts, prefill
    from a person or a card) without emitting ``changed``; ``show_errors()`` puts messages under
    their fields and focuses the first one. ``visible_if`` / ``required_if`` are re-evaluated on
    every edit with the catalog's own evaluator (through ``validate_form``), so the form hides and
    marks exactly what the check on submit will.

    Signals: ``changed()`` on every user edit (the page debounces draft saving),
    ``readCardRequested(field_key)`` from a 读卡 button or F2, ``attachmentAdded(path, sha256)``.
    """

    changed = Signal()
    readCardRequested = Signal(str)
    attachmentAdded = Signal(str, str)

    def __init__(
        self,
        definition: ItemDefinition,
        code_tables: Mapping[str, CodeTable],
        divisions: DivisionIndex,
        *,
        today: date | None = None,
        show_header: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._definition = definition
        self._code_tables = code_tables
        self._today = today
        self._loading = True
        self._hidden: frozenset[str] = frozenset()

        outer = no_margins(QVBoxLayout(self))
        if show_header:
            outer.addWidget(self._header(definition))
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setProperty("role", "error")
        self.banner.hide()
        outer.addWidget(self.banner)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.content = QWidget(self.scroll_area)
        content_layout = QVBoxLayout(self.content)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        content_layout.addLayout(self.form)

        self.rows: dict[str, FieldRow] = {}
        for field in definition.fields:
            editor = create_editor(field, definition, code_tables, divisions)
            row = FieldRow(editor, self.content)
            self.form.addRow(row.label, row)
            self.rows[field.key] = row
            editor.changed.connect(partial(self._on_edited, field.key))
            if isinstance(editor, IdDocumentEditor):
                editor.readCardRequested.connect(partial(self.readCardRequested.emit, field.key))
            if isinstance(editor, AttachmentEditor):
                editor.attachmentAdded.connect(self.attachmentAdded.emit)

        self.materials = MaterialsChecklist(definition.materials, definition.must_not_require, self.content)
        self.materials.setVisible(bool(definition.materials or definition.must_not_require))
        self.materials.changed.connect(self._on_materials_changed)
        content_layout.addWidget(self.materials)
        content_layout.addStretch(1)
        self.scroll_area.setWidget(self.content)
        outer.addWidget(self.scroll_area, 1)

        self._apply_defaults()
        self._chain_tab_order()
        self._loading = False
        self._refresh()

    # ------------------------------------------------------------------ building

    def _header(self, definition: ItemDefinition) -> QWidget:
        header = QWidget(self)
        layout = QVBoxLayout(header)
        title = QLabel(header)
        title.setTextFormat(Qt.TextFormat.RichText)
        # Relative size: follows the application font in large-text mode.
        title.setText(f'<span style="font-size:x-large; font-weight:600">{html.escape(definition.name)}</span>')
        layout.addWidget(title)
        description = QLabel(definition.description, header)
        description.setWordWrap(True)
        description.setStyleSheet(HINT_STYLE)
        layout.addWidget(description)
        return header

    def _apply_defaults(self) -> None:
        for field in self._definition.fields:
            if field.default is None:
                continue
            default = self.today().isoformat() if field.type == "date" and field.default == "today" else field.default
            self.rows[field.key].editor.set_value(default)

    def focus_chain(self) -> list[QWidget]:
        """Every widget Tab can visit, top to bottom (hidden rows are skipped by Qt)."""
        chain: list[QWidget] = []
        for row in self.rows.values():
            chain.extend(row.editor.focus_widgets())
        chain.extend(self.materials.focus_widgets())
        return chain

    def _chain_tab_order(self) -> None:
        chain = self.focus_chain()
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ reading and filling

    @property
    def definition(self) -> ItemDefinition:
        return self._definition

    def today(self) -> date:
        return self._today or clock_today()

    def editor(self, key: str) -> FieldEditor:
        return self.rows[key].editor

    def values(self) -> dict[str, object]:
        """Every field's value in ``validate_form``'s input shape (hidden fields keep theirs, so
        toggling a condition back does not lose what was typed; ``validate_form`` drops them)."""
        return {key: row.editor.value() for key, row in self.rows.items()}

    def set_values(self, values: Mapping[str, object]) -> None:
        """Fill the given fields (others keep their values); keys of other items are ignored."""
        self._loading = True
        try:
            for key, value in values.items():
                row = self.rows.get(key)
                if row is not None:
                    row.editor.set_value(value)
        finally:
            self._loading = False
        for row in self.rows.values():
            row.clear_submitted()
        self._refresh()

    def clear(self) -> None:
        """Back to an empty form with the definition's defaults."""
        self._loading = True
        try:
            for row in self.rows.values():
                row.editor.set_value(None)
            self._apply_defaults()
            self.materials.set_checked(())
        finally:
            self._loading = False
        self.clear_errors()
        self._refresh()

    def prefill_sources(self) -> dict[str, str]:
        """Field key → where the definition suggests prefilling it from (``person.name`` …)."""
        return {field.key: field.prefill for field in self._definition.fields if field.prefill}

    def checked_materials(self) -> list[str]:
        return self.materials.checked()

    def set_checked_materials(self, keys: Iterable[str]) -> None:
        self._loading = True
        try:
            self.materials.set_checked(keys)
        finally:
            self._loading = False

    def missing_materials(self) -> list[str]:
        return self.materials.missing()

    # ------------------------------------------------------------------ conditions

    def _on_edited(self, key: str) -> None:
        self.rows[key].clear_submitted()
        if self._loading:
            return
        self._refresh()
        self.changed.emit()

    def _on_materials_changed(self) -> None:
        if not self._loading:
            self.changed.emit()

    def _refresh(self) -> None:
        today = self.today()
        result = validate_form(self._definition, self.values(), today=today)
        context = {
            key: expression_value(self._definition.field(key), value) for key, value in result.normalized.items()
        }
        self._hidden = result.hidden
        for field in self._definition.fields:
            row = self.rows[field.key]
            self.form.setRowVisible(row, field.key not in result.hidden)
            condition = field.required_if
            row.set_required(field.required or (condition is not None and condition.test(context, today=today)))
        self.materials.update_required(context, today)

    def hidden_keys(self) -> frozenset[str]:
        return self._hidden

    def is_visible(self, key: str) -> bool:
        return key not in self._hidden

    def is_required(self, key: str) -> bool:
        return self.rows[key].required

    # ------------------------------------------------------------------ messages

    def show_errors(
        self, errors: Mapping[str, Sequence[str]], warnings: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        """Messages from ``FormResult`` / ``ValidationFailed``: each under its field; form-level
        ones (and those of fields not shown) at the top. Focuses the first field in error."""
        warnings = warnings or {}
        banner: list[str] = []
        for key, messages in errors.items():
            if key == FORM_KEY or key not in self.rows or key in self._hidden:
                banner.extend(messages)
        for key, row in self.rows.items():
            row.set_submitted(errors.get(key, ()), warnings.get(key, ()))
        banner.extend(warnings.get(FORM_KEY, ()))
        self.banner.setText("\n".join(banner))
        self.banner.setVisible(bool(banner))
        self.focus_first_error()

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.set_submitted(())
        self.banner.clear()
        self.banner.hide()

    def first_error_key(self) -> str | None:
        for key, row in self.rows.items():
            if key not in self._hidden and row.messages():
                return key
        return None

    def focus_first_error(self) -> str | None:
        key = self.first_error_key()
        if key is not None:
            row = self.rows[key]
            row.editor.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(row)
        return key

    def validate(self) -> FormResult:
        """Check the form as submit will (with the code tables) and show the result."""
        result = validate_form(
            self._definition, self.values(), code_tables=code_sets(self._code_tables), today=self.today()
        )
        self.show_errors(result.errors, result.warnings)
        return result

    # ------------------------------------------------------------------ keyboard

    def focused_key(self) -> str | None:
        """The field holding keyboard focus, if any."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        for key, row in self.rows.items():
            if row.editor is focus or row.editor.isAncestorOf(focus):
                return key
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F2:
            for key, row in self.rows.items():
                if isinstance(row.editor, IdDocumentEditor) and key not in self._hidden:
                    self.readCardRequested.emit(key)
                    return
        super().keyPressEvent(event)
