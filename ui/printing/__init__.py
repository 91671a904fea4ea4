"""Printed documents: 受理回执, 书面承诺书 and the item's registration form, to a printer or PDF."""

from ui.printing.data import CommitmentData, FormPrintData, FormPrintRow, ReceiptData
from ui.printing.documents import commitment_html, describe_deadline, form_html, receipt_html
from ui.printing.form_rows import display_value, form_print_data
from ui.printing.render import (
    PrintError,
    make_document,
    make_preview_dialog,
    make_printer,
    print_document,
    print_preview,
    print_to_pdf,
    print_with_dialog,
)
from ui.printing.template import Markup, TemplateError, fill

__all__ = [
    "CommitmentData",
    "FormPrintData",
    "FormPrintRow",
    "Markup",
    "PrintError",
    "ReceiptData",
    "TemplateError",
    "commitment_html",
    "describe_deadline",
    "display_value",
    "fill",
    "form_html",
    "form_print_data",
    "make_document",
    "make_preview_dialog",
    "make_printer",
    "print_document",
    "print_preview",
    "print_to_pdf",
    "print_with_dialog",
    "receipt_html",
]
