"""Documents rendered through QTextDocument to an A4 PDF, read back with poppler's pdftotext."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QPageLayout, QPageSize
from pytestqt.qtbot import QtBot

from app.catalog import Catalog
from app.refdata import load_bundled_code_tables, load_bundled_divisions
from ui.printing import (
    CommitmentData,
    PrintError,
    ReceiptData,
    commitment_html,
    form_html,
    form_print_data,
    make_document,
    make_preview_dialog,
    make_printer,
    print_to_pdf,
    receipt_html,
)

from .conftest import CASE_NUMBER, ID_NUMBER, pdf_text


def _squeeze(text: str) -> str:
    """Without line breaks and spaces, and NFKC-folded like pdf_text (full-width ： becomes :)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def test_receipt_pdf_text(qtbot: QtBot, tmp_path: Path, receipt: ReceiptData) -> None:
    path = print_to_pdf(receipt_html(receipt), tmp_path / "receipt.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    text = pdf_text(path)
    flat = _squeeze(text)
    assert CASE_NUMBER in flat
    assert "失业登记" in flat and "受理回执" in flat
    assert "7个工作日" in flat and "2026年3月11日前" in flat
    assert f"{ID_NUMBER[:6]}********{ID_NUMBER[-4:]}" in flat
    assert ID_NUMBER not in flat and ID_NUMBER[6:14] not in flat  # no birth date either
    assert "南明区五里冲街道就业服务站" in flat and "王经办" in flat


def test_commitment_and_form_pdfs(qtbot: QtBot, tmp_path: Path, commitment: CommitmentData, catalog: Catalog) -> None:
    text = _squeeze(pdf_text(print_to_pdf(commitment_html(commitment), tmp_path / "commitment.pdf")))
    assert "书面承诺书" in text and "张伟" in text and ID_NUMBER in text
    assert _squeeze(commitment.commitment_text)[:30] in text

    item = catalog.get("unemployment_registration")
    data = form_print_data(
        item,
        {"name": "张伟", "gender": "1", "id_doc": {"doc_type": "resident_id", "number": ID_NUMBER}},
        code_tables=load_bundled_code_tables(),
        divisions=load_bundled_divisions(),
        station_name="南明区五里冲街道就业服务站",
        printed_on=date(2026, 3, 2),
    )
    text = _squeeze(pdf_text(print_to_pdf(form_html(data), tmp_path / "form.pdf")))
    assert "失业登记表" in text and "性别男" in text and ID_NUMBER in text and "申请人签字" in text


def test_printer_is_a4_portrait_with_margins(qtbot: QtBot, tmp_path: Path) -> None:
    printer = make_printer(tmp_path / "x.pdf")
    layout = printer.pageLayout()
    assert layout.pageSize().id() == QPageSize.PageSizeId.A4
    assert layout.orientation() == QPageLayout.Orientation.Portrait
    assert layout.margins(QPageLayout.Unit.Millimeter).left() == pytest.approx(20)
    document = make_document("<p>测试</p>")
    assert document.defaultFont().families()[0] == "Noto Sans CJK SC"


def test_pdf_into_a_missing_folder_says_what_to_do(qtbot: QtBot, tmp_path: Path) -> None:
    with pytest.raises(PrintError, match="不存在"):
        print_to_pdf("<p>x</p>", tmp_path / "nowhere" / "x.pdf")


def test_preview_paints_the_document(qtbot: QtBot, receipt: ReceiptData) -> None:
    document = make_document(receipt_html(receipt))
    dialog = make_preview_dialog(None, document)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.paintRequested):
        dialog.show()
    dialog.reject()
