"""Streaming the rows of a roster file (.xlsx or .csv) without loading it whole.

Rows come out as ``(row number, raw cells)``; the row number is the one a clerk sees in Excel or WPS
(CSV: the record number). CSV text may be UTF-8 (with or without BOM), GBK/GB18030 (what Excel and
WPS save as "CSV" on a Chinese Windows) or UTF-16 (Excel's "Unicode text"); the encoding is decided
from the first 64 KiB. Cells of .xlsx files are the values Excel saved: for a formula, the value it
last calculated (``data_only``).
"""

from __future__ import annotations

import codecs
import csv
import lzma
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.io.errors import RosterError

SNIFF_BYTES = 65_536
CSV_SUFFIXES = frozenset({".csv", ".txt"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"

RawRow = tuple[int, Sequence[Any]]
# What a damaged workbook raises from inside zipfile (RuntimeError: "encrypted", NotImplementedError:
# a flag or method it does not support), the decompressors and the XML parser (ParseError is a SyntaxError).
_BROKEN_XLSX: tuple[type[Exception], ...] = (
    zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError, RuntimeError, zlib.error, lzma.LZMAError,
    SyntaxError,
)
_BROKEN_ROWS: tuple[type[Exception], ...] = (*_BROKEN_XLSX, TypeError)


@dataclass
class RowStream:
    rows: Iterator[RawRow]
    format: str  # "xlsx" | "csv"
    encoding: str | None


def _save_as_hint() -> str:
    return "请在 Excel 或 WPS 中打开后“另存为” .xlsx 工作簿或“CSV UTF-8（逗号分隔）”文件，再重新导入。"


def _check_file(path: Path) -> bytes:
    if not path.exists():
        raise RosterError(f"找不到文件“{path}”。请确认文件位置后重新选择。")
    if path.is_dir():
        raise RosterError(f"“{path.name}”是文件夹，不是花名册文件。请选择 .xlsx 或 .csv 文件。")
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError as error:
        raise RosterError(
            f"无法读取文件“{path.name}”（{error.strerror or error}）。如果文件正在 Excel 中打开，请先关闭后重试。"
        ) from error
    if not head:
        raise RosterError(f"文件“{path.name}”是空的，没有任何内容。请选择填好的花名册文件。")
    return head


@contextmanager
def open_rows(path: Path) -> Iterator[RowStream]:
    """Open a roster for streaming; every problem with the file itself is a :class:`RosterError`."""
    head = _check_file(path)
    suffix = path.suffix.lower()
    if suffix == ".xls" or head.startswith(_OLE_MAGIC):
        raise RosterError(
            f"“{path.name}”是旧版 Excel（.xls）文件或设置了打开密码，无法直接导入。{_save_as_hint()}"
        )
    if suffix in XLSX_SUFFIXES:
        with _open_xlsx(path) as stream:
            yield stream
    elif suffix in CSV_SUFFIXES:
        if head.startswith(_ZIP_MAGIC):
            raise RosterError(
                f"“{path.name}”的扩展名是 {suffix}，但内容是 Excel 工作簿。请把扩展名改为 .xlsx 后重新导入。"
            )
        encoding = detect_encoding(head, path.name)
        with path.open("r", encoding=encoding, newline="") as handle:
            yield RowStream(_csv_rows(handle, encoding, path.name, head), "csv", encoding)
    else:
        raise RosterError(f"不支持“{suffix or '无扩展名'}”格式的文件。请导入 .xlsx 工作簿或 .csv 文件。")


@contextmanager
def _open_xlsx(path: Path) -> Iterator[RowStream]:
    # openpyxl costs ~0.2 s to import; only imports and exports pay for it.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (*_BROKEN_XLSX, InvalidFileException) as error:
        raise RosterError(
            f"“{path.name}”不是有效的 Excel 工作簿，可能已损坏，或只是把扩展名改成了 .xlsx。{_save_as_hint()}"
        ) from error
    try:
        if not workbook.worksheets:
            raise RosterError(f"“{path.name}”中没有工作表。请把人员名单放在第一个工作表中。")
        yield RowStream(_xlsx_rows(workbook.worksheets[0], path.name), "xlsx", None)
    finally:
        workbook.close()


def _xlsx_rows(sheet: Any, filename: str) -> Iterator[RawRow]:
    try:
        yield from enumerate(sheet.iter_rows(values_only=True), start=1)
    except _BROKEN_ROWS as error:
        raise RosterError(f"读取“{filename}”时发现文件内容已损坏。{_save_as_hint()}") from error


def detect_encoding(head: bytes, filename: str) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        raise RosterError(f"“{filename}”不是文本格式的 CSV 文件。{_save_as_hint()}")
    for encoding in ("utf-8", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        try:
            # final=False: the sample may end in the middle of a multi-byte character.
            decoder.decode(head, final=len(head) < SNIFF_BYTES)
        except UnicodeDecodeError:
            continue
        return encoding
    raise RosterError(f"无法识别“{filename}”的文字编码（既不是 UTF-8 也不是 GBK）。{_save_as_hint()}")


def _delimiter(head: bytes, encoding: str) -> str:
    first_line = head.decode(encoding, errors="ignore").lstrip("\ufeff").splitlines()[:1]
    line = first_line[0] if first_line else ""
    return "\t" if line.count("\t") > line.count(",") else ","


def _csv_rows(handle: Any, encoding: str, filename: str, head: bytes) -> Iterator[RawRow]:
    reader = csv.reader(handle, delimiter=_delimiter(head, encoding))
    number = 0
    try:
        for number, values in enumerate(reader, start=1):
            yield number, values
    except UnicodeDecodeError as error:
        raise RosterError(
            f"“{filename}”第 {number + 1} 行附近有无法按 {encoding.upper()} 读取的文字，文件可能混用了编码。"
            f"{_save_as_hint()}"
        ) from error
    except csv.Error as error:
        raise RosterError(f"“{filename}”第 {number + 1} 行的格式有误（{error}）。{_save_as_hint()}") from error
