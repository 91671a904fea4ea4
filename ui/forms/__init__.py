"""Catalog forms: one generic renderer for every service item definition."""

from ui.forms.attachments import AttachmentEditor, sha256_file
from ui.forms.choice_editors import CodeEditor, FlagEditor, MultiCodeEditor, code_sets
from ui.forms.commitment import CommitmentEditor
from ui.forms.date_editor import DateEditor, OptionalDateEdit
from ui.forms.division_picker import DivisionEditor
from ui.forms.editor_base import FieldEditor
from ui.forms.factory import create_editor
from ui.forms.field_row import FieldRow
from ui.forms.form_view import FormView
from ui.forms.id_document import IdDocumentEditor
from ui.forms.materials import MaterialsChecklist
from ui.forms.search_combo import SearchCombo
from ui.forms.text_editors import IntegerEditor, MoneyEditor, PhoneEditor, TextAreaEditor, TextEditor

__all__ = [
    "AttachmentEditor",
    "CodeEditor",
    "CommitmentEditor",
    "DateEditor",
    "DivisionEditor",
    "FieldEditor",
    "FieldRow",
    "FlagEditor",
    "FormView",
    "IdDocumentEditor",
    "IntegerEditor",
    "MaterialsChecklist",
    "MoneyEditor",
    "MultiCodeEditor",
    "OptionalDateEdit",
    "PhoneEditor",
    "SearchCombo",
    "TextAreaEditor",
    "TextEditor",
    "code_sets",
    "create_editor",
    "sha256_file",
]
