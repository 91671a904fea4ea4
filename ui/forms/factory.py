"""Which editor each field type gets."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget

from app.catalog import FieldDef, ItemDefinition
from app.refdata import CodeTable, DivisionIndex
from ui.forms.attachments import AttachmentEditor
from ui.forms.choice_editors import CodeEditor, FlagEditor, MultiCodeEditor
from ui.forms.commitment import CommitmentEditor
from ui.forms.date_editor import DateEditor
from ui.forms.division_picker import DivisionEditor
from ui.forms.editor_base import FieldEditor
from ui.forms.id_document import IdDocumentEditor
from ui.forms.text_editors import IntegerEditor, MoneyEditor, PhoneEditor, TextAreaEditor, TextEditor


def create_editor(
    field: FieldDef,
    definition: ItemDefinition,
    code_tables: Mapping[str, CodeTable],
    divisions: DivisionIndex,
    parent: QWidget | None = None,
) -> FieldEditor:
    kind = field.type
    table = code_tables.get(field.code_table) if field.code_table else None
    if kind == "text":
        return TextEditor(field, parent)
    if kind == "textarea":
        return TextAreaEditor(field, parent)
    if kind == "phone":
        return PhoneEditor(field, parent)
    if kind == "money":
        return MoneyEditor(field, parent)
    if kind == "integer":
        return IntegerEditor(field, parent)
    if kind == "date":
        return DateEditor(field, parent)
    if kind == "code":
        return CodeEditor(field, table, parent)
    if kind == "multi_code":
        return MultiCodeEditor(field, table, parent)
    if kind == "flag":
        return FlagEditor(field, parent)
    if kind == "id_document":
        return IdDocumentEditor(field, table, parent)
    if kind == "admin_division":
        return DivisionEditor(field, divisions, parent)
    if kind == "attachment":
        return AttachmentEditor(field, parent)
    if kind == "commitment":
        text = definition.commitment.text if definition.commitment is not None else ""
        return CommitmentEditor(field, text, parent)
    raise ValueError(f"表单不支持字段类型“{kind}”（字段 {field.key}），请升级程序。")
