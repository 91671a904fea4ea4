"""Importing a person roster (.xlsx or .csv) into the store: all or nothing unless told otherwise.

Two passes over the file, so a million rows fit in little memory:

1. *Check*: every row is validated (see :mod:`app.io.person_rows`); ID numbers repeated inside the
   file and numbers already in the store are reported. Only the set of ID numbers (with their first
   row) and the numbers of invalid rows are kept. Problems go to ``<name>.错误报告.csv`` as found.
2. *Write*: if no row is invalid (or ``skip_invalid``), the file is read again and the valid rows are
   inserted in ONE transaction, in chunks, through ``executemany`` (:mod:`app.io.bulk`): person, its main
   person_document (plus an ``ss_card`` document when a 社保卡卡号 is given), person_tag rows, one
   outbox row per inserted synced row, the search index rows, and one ``person.import`` audit entry per
   person plus an ``import.persons`` summary. Cancelling or any failure rolls everything back.

A person whose ID number is already in the store is reported as an error row ("已存在"): an import
never changes existing persons (a roster is often older than what the counter recorded since).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, exc, select
from sqlalchemy.orm import Session

from app.audit import AuditEvent, append_rows, record
from app.auth.accounts import require_actor
from app.clock import utcnow
from app.io.bulk import BulkInsert
from app.io.codebook import CodeBook, load_codebook
from app.io.error_report import ErrorReportWriter, report_path_for
from app.io.errors import RosterError
from app.io.ids import SequentialIds
from app.io.person_rows import ERROR, PersonRecord, RowChecker, RowProblem, cell_text
from app.io.readers import RawRow, open_rows
from app.io.roster_columns import BY_KEY, HeaderMatch, match_headers
from app.search.index import IndexedPerson, bulk_index
from app.store.models import OutboxEntry, Person, PersonDocument, PersonTag, new_id
from app.store.outbox import to_wire
from app.store.store import Store

CHUNK_ROWS = 2_000
CHECK_BATCH = 500
MAX_PROBLEMS_KEPT = 1_000
HEADER_SEARCH_ROWS = 20
# Page cache of the write pass, in KiB: ID numbers, phones and audit ids still land all over their
# indexes (the importer's own ids are time-ordered, see app.io.ids). Restored afterwards.
BULK_CACHE_KIB = 65_536

Progress = Callable[[int, int | None], None]
Cancel = Callable[[], bool]


@dataclass(frozen=True)
class ImportReport:
    source: Path
    total_rows: int
    valid_rows: int
    invalid_rows: int
    imported: int
    error_count: int
    warning_count: int
    problems: tuple[RowProblem, ...]  # the first MAX_PROBLEMS_KEPT; all are in the error file
    error_file: Path | None
    elapsed: float
    cancelled: bool = False
    ignored_columns: tuple[str, ...] = ()
    message: str = ""

    @property
    def errors(self) -> tuple[RowProblem, ...]:
        return tuple(problem for problem in self.problems if problem.level == ERROR)

    @property
    def invalid(self) -> int:
        return self.invalid_rows

    def summary(self) -> str:
        """The outcome in one or two Chinese sentences."""
        return self.message


class _Cancelled(Exception):
    pass


@dataclass
class _CheckResult:
    format: str
    header_row: int
    header: HeaderMatch
    total_rows: int = 0
    invalid: set[int] = field(default_factory=set)
    error_count: int = 0
    warning_count: int = 0
    kept: list[RowProblem] = field(default_factory=list)

    @property
    def valid_rows(self) -> int:
        return self.total_rows - len(self.invalid)


def _blank(cells: Sequence[Any]) -> bool:
    return all(not cell_text(cell) for cell in cells)


def _find_header(rows: Iterator[RawRow], filename: str) -> tuple[int, HeaderMatch]:
    first: tuple[int, HeaderMatch] | None = None
    for number, cells in rows:
        if _blank(cells):
            if number >= HEADER_SEARCH_ROWS:
                break
            continue
        match = match_headers(cells)
        if not match.missing_required:
            if match.duplicates:
                raise RosterError(
                    f"“{filename}”的表头中“{match.duplicates[0]}”列出现了不止一次。请删除重复的列后重新导入。"
                )
            return number, match
        if first is None:
            first = (number, match)
        if number >= HEADER_SEARCH_ROWS:
            break
    if first is None:
        raise RosterError(f"“{filename}”中没有任何内容。请在第一行填写表头，从第二行起每行填写一人。")
    if not first[1].positions:
        raise RosterError(
            f"在“{filename}”的前 {HEADER_SEARCH_ROWS} 行中找不到表头（应有“姓名”“证件号码”等列名）。"
            "请使用导入模板，把列名放在第一行。"
        )
    missing = "、".join(f"“{name}”" for name in first[1].missing_required)
    raise RosterError(
        f"“{filename}”第 {first[0]} 行的表头缺少必填列{missing}。请按导入模板补上这些列后重新导入。"
    )


def _existing_problems(session: Session, batch: list[tuple[int, str]], doc_types: Sequence[str]) -> list[RowProblem]:
    numbers = [number for _, number in batch]
    live = set(
        session.scalars(select(Person.doc_number).where(Person.deleted.is_(False), Person.doc_number.in_(numbers)))
    )
    documents: dict[str, bool] = {}  # number -> held by a live document of a live person
    for number, live_document in session.execute(
        select(PersonDocument.number, ~PersonDocument.deleted & ~Person.deleted)
        .join(Person, Person.id == PersonDocument.person_id)
        .where(PersonDocument.doc_type.in_(doc_types), PersonDocument.number.in_(numbers))
    ):
        documents[number] = documents.get(number, False) or bool(live_document)
    column = BY_KEY["doc_number"].header
    problems: list[RowProblem] = []
    for row, number in batch:
        if number in live or documents.get(number):
            problems.append(RowProblem(row, column, "已存在：本站已登记持此证件号码的人员，本行没有导入。"
                                       "如需修改该人员的信息，请在“人员”页面查找后编辑。"))
        elif number in documents:
            problems.append(RowProblem(row, column, "此证件号码属于一条已删除的人员记录，不能通过导入重新登记。"
                                       "请在“人员”页面中单独登记该人员。"))
    return problems


class _Checker:
    """Pass 1: check every row, report problems, remember which rows are invalid."""

    def __init__(self, session: Session, codes: CodeBook, report: ErrorReportWriter,
                 progress: Progress | None, cancel: Cancel | None) -> None:
        self.session = session
        self.codes = codes
        self.report = report
        self.progress = progress
        self.cancel = cancel
        self.doc_types = list(codes["doc_type"].labels)
        self.first_row: dict[str, int] = {}

    def run(self, path: Path) -> _CheckResult:
        with open_rows(path) as stream:
            header_row, header = _find_header(stream.rows, path.name)
            result = _CheckResult(stream.format, header_row, header)
            checker = RowChecker(header.positions, self.codes)
            pending: list[RowProblem] = []
            batch: list[tuple[int, str]] = []
            for number, cells in stream.rows:
                if _blank(cells):
                    continue
                result.total_rows += 1
                record_, problems = checker.check(number, cells)
                if record_ is not None:
                    first = self.first_row.setdefault(record_.doc_number, number)
                    if first != number:
                        problems.append(RowProblem(
                            number, BY_KEY["doc_number"].header,
                            f"与第 {first} 行的证件号码重复。同一人只能出现一次，请删除重复的行。",
                        ))
                    else:
                        batch.append((number, record_.doc_number))
                pending.extend(problems)
                if len(batch) >= CHECK_BATCH:
                    self._settle(result, pending, batch)
                if result.total_rows % CHUNK_ROWS == 0:
                    self._between_chunks(result.total_rows)
            self._settle(result, pending, batch)
            self._between_chunks(result.total_rows)
        return result

    def _settle(self, result: _CheckResult, pending: list[RowProblem], batch: list[tuple[int, str]]) -> None:
        if batch:
            pending.extend(_existing_problems(self.session, batch, self.doc_types))
            batch.clear()
        pending.sort(key=lambda problem: problem.row)
        for problem in pending:
            if problem.level == ERROR:
                result.error_count += 1
                result.invalid.add(problem.row)
            else:
                result.warning_count += 1
            if len(result.kept) < MAX_PROBLEMS_KEPT:
                result.kept.append(problem)
        self.report.write(pending)
        pending.clear()

    def _between_chunks(self, done: int) -> None:
        if self.progress is not None:
            self.progress(done, None)
        if self.cancel is not None and self.cancel():
            raise _Cancelled


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


class _Writer:
    """Pass 2: inserts checked rows in chunks inside the caller's transaction.

    Each row is built once in wire form; the same dict is the row (see :mod:`app.io.bulk`) and its
    outbox payload (every column but ``server_version``, as :func:`app.store.outbox.row_payload`).
    """

    def __init__(self, session: Session, actor_id: str | None, import_id: str) -> None:
        self.session = session
        self.actor_id = actor_id
        self.import_id = import_id
        self.pending: list[tuple[int, PersonRecord]] = []
        self.written = 0
        self.new_id = SequentialIds()
        self.inserters: dict[type[Any], BulkInsert] = {}

    def add(self, row: int, person: PersonRecord) -> None:
        self.pending.append((row, person))

    def _synced(self, now: str) -> dict[str, Any]:
        return {"id": self.new_id(), "version": 1, "updated_at": now, "deleted": False}

    def _outbox(self, entity: str, payload: dict[str, Any], now: str) -> dict[str, Any]:
        return {"id": self.new_id(), "entity": entity, "entity_id": payload["id"], "op": "upsert",
                "base_version": None, "version": 1, "payload": payload, "created_at": now,
                "state": "pending", "attempts": 0, "last_error": None}

    def flush(self) -> None:
        if not self.pending:
            return
        now = to_wire(utcnow())
        persons: list[dict[str, Any]] = []
        documents: list[dict[str, Any]] = []
        tags: list[dict[str, Any]] = []
        events: list[AuditEvent] = []
        for row, person in self.pending:
            person_row = self._person(person, now)
            persons.append(person_row)
            person_id = person_row["id"]
            main_is_card = person.doc_type == "ss_card"
            documents.append({**self._synced(now), "person_id": person_id, "doc_type": person.doc_type,
                              "number": person.doc_number,
                              "card_number": person.ss_card_number if main_is_card else None, "valid_until": None})
            if person.ss_card_number is not None and not main_is_card:
                # 社会保障号码 is the citizen number; the card's 9-character 卡号 is kept beside it.
                documents.append({**self._synced(now), "person_id": person_id, "doc_type": "ss_card",
                                  "number": person.doc_number, "card_number": person.ss_card_number,
                                  "valid_until": None})
            tags.extend({**self._synced(now), "person_id": person_id, "tag": tag} for tag in person.tags)
            events.append(AuditEvent("person.import", "person", person_id, {"import": self.import_id, "row": row}))
        outbox = [self._outbox("person", row, now) for row in persons]
        outbox += [self._outbox("person_document", row, now) for row in documents]
        outbox += [self._outbox("person_tag", row, now) for row in tags]
        conn = self.session.connection()
        self._insert(conn, Person, persons)
        self._insert(conn, PersonDocument, documents)
        self._insert(conn, PersonTag, tags)
        self._insert(conn, OutboxEntry, outbox)
        bulk_index(conn, [IndexedPerson(row["id"], row["name"], row["doc_number"], row["gender"], row["birth_date"],
                                        row["phone"]) for row in persons])
        append_rows(self.session, self.actor_id, events)
        self.written += len(persons)
        self.pending.clear()

    def _insert(self, conn: Connection, model: type[Any], rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        inserter = self.inserters.get(model)
        if inserter is None:
            inserter = self.inserters[model] = BulkInsert(conn, _table(model), list(rows[0]))
        inserter.execute(rows)

    def _person(self, person: PersonRecord, now: str) -> dict[str, Any]:
        return {
            **self._synced(now), "name": person.name, "gender": person.gender,
            "birth_date": person.birth_date.isoformat() if person.birth_date else None,
            "ethnic": person.ethnic, "education": person.education, "hukou_type": person.hukou_type,
            "phone": person.phone, "doc_type": person.doc_type, "doc_number": person.doc_number,
            "hukou_address": person.hukou_address, "residence_address": person.residence_address,
            "division_code": person.division_code, "employment_status": None, "note": person.note,
            "created_at": now,
        }


def _changed_file(path: Path) -> RosterError:
    return RosterError(f"“{path.name}”在导入过程中被修改了。请关闭正在编辑它的程序后重新导入。")


def _write(store: Store, path: Path, checked: _CheckResult, codes: CodeBook, *, actor_id: str | None,
           progress: Progress | None, cancel: Cancel | None) -> int:
    import_id = new_id()
    to_write = checked.valid_rows
    with store.session() as session:
        conn = session.connection()
        previous_cache = conn.exec_driver_sql("PRAGMA cache_size").scalar_one()
        conn.exec_driver_sql(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        try:
            writer = _Writer(session, actor_id, import_id)
            with open_rows(path) as stream:
                header_row, header = _find_header(stream.rows, path.name)
                if (header_row, header.positions) != (checked.header_row, checked.header.positions):
                    raise _changed_file(path)
                checker = RowChecker(header.positions, codes)
                for number, cells in stream.rows:
                    if number in checked.invalid or _blank(cells):
                        continue
                    person, _ = checker.check(number, cells)
                    if person is None:
                        raise _changed_file(path)
                    writer.add(number, person)
                    if len(writer.pending) >= CHUNK_ROWS:
                        writer.flush()
                        if progress is not None:
                            progress(writer.written, to_write)
                        if cancel is not None and cancel():
                            raise _Cancelled
                writer.flush()
            if writer.written != to_write:
                raise _changed_file(path)
            record(session, actor_id, "import.persons", "import", import_id, {
                "rows": checked.total_rows, "imported": writer.written, "invalid": len(checked.invalid),
                "format": checked.format,
            })
        finally:
            conn.exec_driver_sql(f"PRAGMA cache_size = {int(previous_cache)}")
    if progress is not None:
        progress(writer.written, to_write)
    return writer.written


def _summary(checked: _CheckResult, imported: int, error_file: Path | None, skip_invalid: bool) -> str:
    invalid = len(checked.invalid)
    where = f"详见错误报告“{error_file}”。" if error_file is not None else ""
    if invalid and not skip_invalid:
        return (f"共 {checked.total_rows} 行，其中 {invalid} 行有问题，本次没有导入任何人员（全部正确才导入）。"
                f"{where}请修改后重新导入，或选择“跳过有问题的行”只导入正确的 {checked.valid_rows} 行。")
    if invalid:
        return f"已导入 {imported} 人，跳过了 {invalid} 行有问题的数据。{where}"
    if checked.warning_count:
        return f"已导入 {imported} 人。有 {checked.warning_count} 条提示，请核对。{where}"
    return f"已导入 {imported} 人。"


def import_persons(
    store: Store,
    path: str | Path,
    *,
    actor_id: str | None = None,
    skip_invalid: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportReport:
    """Import a roster. Problems with rows are in the report; a file that cannot be read raises RosterError.

    ``progress(done, total)``: during the check pass ``total`` is None (rows read so far), during the
    write pass it is the number of rows being written. ``cancel()`` is asked between chunks.
    """
    source = Path(path)
    started = time.perf_counter()
    with store.session() as session:
        require_actor(session, actor_id, "person.import")
    report = ErrorReportWriter(report_path_for(source), store.data_dir.exports)
    try:
        with store.sessions() as session:
            codes = load_codebook(session)
            checked = _Checker(session, codes, report, progress, cancel).run(source)
        imported = 0
        if checked.valid_rows and (skip_invalid or not checked.invalid):
            try:
                imported = _write(store, source, checked, codes, actor_id=actor_id, progress=progress,
                                  cancel=cancel)
            except exc.IntegrityError as error:
                if "doc_number" not in str(error.orig) and "person_document.number" not in str(error.orig):
                    raise
                # Someone registered one of these numbers at the counter between the two passes.
                raise RosterError(
                    "导入期间本站又登记了与文件中证件号码相同的人员，本次没有导入任何人员。请重新导入。"
                ) from error
    except _Cancelled:
        report.discard()
        return ImportReport(
            source=source, total_rows=0, valid_rows=0, invalid_rows=0, imported=0, error_count=0,
            warning_count=0, problems=(), error_file=None, elapsed=time.perf_counter() - started,
            cancelled=True, message="导入已取消，没有导入任何人员。",
        )
    except BaseException:
        report.discard()
        raise
    error_file = report.close()
    report.remove_stale()
    if not checked.total_rows:
        raise RosterError(f"“{source.name}”中只有表头，没有人员数据。请从表头的下一行起每行填写一人。")
    return ImportReport(
        source=source,
        total_rows=checked.total_rows,
        valid_rows=checked.valid_rows,
        invalid_rows=len(checked.invalid),
        imported=imported,
        error_count=checked.error_count,
        warning_count=checked.warning_count,
        problems=tuple(checked.kept),
        error_file=error_file,
        elapsed=time.perf_counter() - started,
        cancelled=False,
        ignored_columns=checked.header.unknown,
        message=_summary(checked, imported, error_file, skip_invalid),
    )
