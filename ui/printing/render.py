"""Putting printed documents on paper or into PDF: QTextDocument on an A4 QPrinter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

FONT_FAMILIES = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", "WenQuanYi Micro Hei"]
FONT_POINTS = 11
MARGINS_MM = QMarginsF(20, 18, 20, 18)


class PrintError(RuntimeError):
    """The document could not be written; the message says what to check."""


def make_document(html: str) -> QTextDocument:
    document = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(FONT_POINTS)
    # Noto Sans CJK's "locl" substitution gives digits after Latin letters glyphs the PDF writer
    # cannot map back to text, so "AB120001" would read as "AB" when copied or searched.
    font.setFeature(QFont.Tag("locl"), 0)
    document.setDefaultFont(font)
    document.setHtml(html)
    return document


def make_printer(pdf_path: Path | None = None) -> QPrinter:
    """An A4 portrait printer with the standard margins; a PDF file when ``pdf_path`` is given."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    set_a4(printer)
    if pdf_path is not None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf_path))
    return printer


def set_a4(printer: QPrinter) -> None:
    layout = QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait, MARGINS_MM, QPageLayout.Unit.Millimeter
    )
    printer.setPageLayout(layout)


def fit_to_printer(document: QTextDocument, printer: QPrinter) -> None:
    """Lay the document out on the printer's page in screen pixels.

    HTML lengths in px (cell padding, borders) then keep their on-screen size on paper; without a
    page size QTextDocument lays out in printer pixels, where 6px of padding is a tenth of a mm.
    """
    points = printer.pageLayout().paintRect(QPageLayout.Unit.Point).size()
    scale = _layout_dpi() / 72
    document.setPageSize(QSizeF(points.width() * scale, points.height() * scale))


def _layout_dpi() -> float:
    screen = QGuiApplication.primaryScreen()
    return screen.logicalDotsPerInchX() if screen is not None else 96.0


def print_document(document: QTextDocument, printer: QPrinter) -> None:
    fit_to_printer(document, printer)
    document.print_(printer)


def print_to_pdf(html: str, path: Path | str) -> Path:
    """Render ``html`` to an A4 PDF at ``path`` (works without a display or printer)."""
    target = Path(path)
    if not target.parent.is_dir():
        raise PrintError(
            QCoreApplication.translate("Printing", "无法保存 PDF：文件夹 {folder} 不存在，请另选保存位置。").format(
                folder=target.parent
            )
        )
    document = make_document(html)
    printer = make_printer(target)
    printer.setDocName(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    print_document(document, printer)
    if not target.is_file() or target.stat().st_size == 0:
        raise PrintError(
            QCoreApplication.translate("Printing", "PDF 文件 {path} 没有写成，请检查磁盘空间和写入权限后重试。").format(
                path=target
            )
        )
    return target


def make_preview_dialog(parent: QWidget | None, document: QTextDocument) -> QPrintPreviewDialog:
    # The dialog keeps only a pointer to a printer it is given; let it own its printer instead.
    dialog = QPrintPreviewDialog(parent)
    printer = dialog.printer()
    if printer is not None:
        set_a4(printer)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "打印预览"))
    dialog.paintRequested.connect(lambda target: print_document(document, target))
    return dialog


def print_preview(parent: QWidget | None, document: QTextDocument) -> bool:
    """Show the preview (with its print button); True when the clerk printed from it."""
    return make_preview_dialog(parent, document).exec() == QDialog.DialogCode.Accepted


def print_with_dialog(parent: QWidget | None, document: QTextDocument) -> bool:
    """Ask for a printer, then print; False when the clerk cancelled."""
    printer = make_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "打印"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    print_document(document, printer)
    return True
