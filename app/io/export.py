"""Exporting the official rosters to .xlsx: persons (in the import template's columns) and cases.

Exports carry full ID numbers (the roster is an official document), so every export is audited with
its row count. Rows are streamed from the store into openpyxl's write-only workbook; the file is
written beside its final name and moved into place only when complete.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.audit import record
from app.auth.accounts import require_actor
from app.io.codebook import CodeBook, load_codebook
from app.io.errors import ExportError
from app.io.roster_columns import COLUMNS
from app.store.models import Case, Employer, Person, PersonDocument, PersonTag, Staff
from app.store.store import Store

if TYPE_CHECKING:
    from app.catalog import Catalog

PAGE = 2_000
TAG_SEPARATOR = "、"
CASE_HEADERS = ("办件编号", "事项编码", "事项名称", "状态", "服务对象类型", "姓名或单位名称",
                "证件号码或统一社会信用代码", "受理日期", "办结时限", "办结日期", "经办人")
_COLUMN_WIDTHS = {"证件号码": 22, "证件号码或统一社会信用代码": 24, "户籍地址": 30, "常住地址": 30, "事项名称": 24}


def _cannot_write(target: Path, error: OSError) -> ExportError:
    return ExportError(
        f"无法写入文件“{target}”（{error.strerror or error}）。如果该文件正在 Excel 或 WPS 中打开，"
        "请先关闭；或换一个有写入权限的文件夹后重新导出。"
    )


class _TextSheet:
    """Appends rows with every text kept as text: openpyxl writes a string starting with "=" as a
    formula, so an imported note like ``=HYPERLINK(…)`` would come back live in the export."""

    def __init__(self, sheet: Any) -> None:
        self.sheet = sheet

    def append(self, row: Sequence[Any]) -> None:
        self.sheet.append([_text_cell(self.sheet, value) for value in row])


def _text_cell(sheet: Any, value: Any) -> Any:
    if not (isinstance(value, str) and value.startswith("=")):
        return value
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value)
    cell.data_type = "s"
    return cell


@contextmanager
def _workbook(path: Path, sheet_title: str, headers: Sequence[str]) -> Iterator[Any]:
    """A write-only sheet whose workbook is saved to ``path`` atomically when the block succeeds."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    target = path.resolve()
    try:  # fail before reading a single row when the folder is not writable
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".xlsx", dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise _cannot_write(target, error) from error
    temporary = Path(name)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _COLUMN_WIDTHS.get(header.rstrip("*"), 14)
    sheet.freeze_panes = "A2"
    sheet.append(list(headers))
    saved = False
    try:
        yield _TextSheet(sheet)
        try:
            workbook.save(temporary)
            saved = True
            os.replace(temporary, target)
        except OSError as error:
            raise _cannot_write(target, error) from error
    finally:
        if not saved:
            # Saving is what closes openpyxl's own per-sheet temporary files; the result is discarded.
            with suppress(OSError):
                workbook.save(temporary)
        temporary.unlink(missing_ok=True)


def _person_rows(session: Session, codes: CodeBook) -> Iterator[list[Any]]:
    tags = (
        select(func.group_concat(PersonTag.tag, TAG_SEPARATOR))
        .where(PersonTag.person_id == Person.id, PersonTag.deleted.is_(False))
        .scalar_subquery()
    )
    card = aliased(PersonDocument)
    card_number = (
        select(card.card_number)
        .where(card.person_id == Person.id, card.doc_type == "ss_card", card.deleted.is_(False))
        .limit(1)
        .scalar_subquery()
    )
    derived = {"tags": tags, "ss_card_number": card_number}
    selected = [derived[column.key] if column.key in derived else getattr(Person, column.key) for column in COLUMNS]
    # Rows come in ID-number order: the partial unique index on live persons' numbers gives it for free.
    query = select(*selected).where(Person.deleted.is_(False)).order_by(Person.doc_number)
    coded = [codes[column.code_table] if column.code_table and column.key != "tags" else None for column in COLUMNS]
    for values in session.execute(query.execution_options(yield_per=PAGE)):
        yield [value if table is None else table.label(value) for value, table in zip(values, coded, strict=True)]


def export_persons(store: Store, path: str | Path, *, actor_id: str | None = None) -> int:
    """Every live person, one row each, in the import template's columns; returns the row count.

    Coded columns show labels, so the file is readable and can be imported into another station.
    """
    target = Path(path)
    with store.session() as session:
        require_actor(session, actor_id, "export")
        codes = load_codebook(session)
        count = 0
        with _workbook(target, "人员名单", [column.template_header for column in COLUMNS]) as sheet:
            for row in _person_rows(session, codes):
                sheet.append(row)
                count += 1
        record(session, actor_id, "export.persons", "person", None, {"rows": count, "format": "xlsx"})
    return count


def _item_name(catalog: Catalog | None, code: str, version: int) -> str:
    if catalog is None:
        return code
    definition = catalog.find(code, version) or catalog.find(code)
    return definition.name if definition is not None else code


def export_cases(store: Store, path: str | Path, *, actor_id: str | None = None,
                 catalog: Catalog | None = None) -> int:
    """Every case (办件) with its subject's name and full ID number; returns the row count.

    ``catalog`` names the service items; without it the bundled catalog is used.
    """
    from app.catalog import SUBJECT_LABELS, load_bundled_catalog
    from app.workflow import STATE_LABELS

    items = catalog if catalog is not None else load_bundled_catalog()
    states = {state.value: label for state, label in STATE_LABELS.items()}
    target = Path(path)
    query = (
        select(Case, Person.name, Person.doc_number, Employer.name, Employer.uscc, Staff.display_name)
        .outerjoin(Person, Person.id == Case.person_id)
        .outerjoin(Employer, Employer.id == Case.employer_id)
        .outerjoin(Staff, Staff.id == Case.handler_id)
        .where(Case.deleted.is_(False))
        .order_by(Case.case_no)
        .execution_options(yield_per=PAGE)
    )
    with store.session() as session:
        require_actor(session, actor_id, "export")
        count = 0
        with _workbook(target, "办件清单", CASE_HEADERS) as sheet:
            for case, person_name, doc_number, employer_name, uscc, handler in session.execute(query):
                sheet.append([
                    case.case_no, case.item_code, _item_name(items, case.item_code, case.item_version),
                    states.get(case.state, case.state),
                    SUBJECT_LABELS.get(case.subject_kind, case.subject_kind),
                    person_name or employer_name, doc_number or uscc,
                    case.accepted_on, case.due_on, case.closed_on, handler,
                ])
                count += 1
                session.expunge(case)  # keeps memory flat over a long list
        record(session, actor_id, "export.cases", "case", None, {"rows": count, "format": "xlsx"})
    return count

