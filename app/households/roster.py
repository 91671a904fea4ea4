"""Importing a settlement's household roster (.xlsx or .csv): every row right, or nothing written.

One row per household member (template and rules: ``docs/settlement-roster-template.md``). Rows with
the same 户编号 form one household; exactly one of them is the 户主. The file is read with
:mod:`app.io.readers` (streaming, any encoding Excel or WPS saves), person cells are checked with the
person roster's :class:`app.io.person_rows.RowChecker`, and problems go to ``<name>.错误报告.csv``
(:class:`app.io.error_report.ErrorReportWriter`) as found.

If any row has an error nothing is written. Otherwise, in ONE transaction: new persons (a person whose
ID number is already registered is linked, not changed), the households with their members and their
settlement link, and the zero-employment episodes of households that are zero-employment; each change
queued for sync, each person audited. A settlement's roster is small (a few thousand households), so
the checked rows are kept in memory between the check and the write.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.audit import record
from app.households.model import POVERTY_KINDS, MemberInput
from app.households.service import _live_settlement, add_household
from app.io.codebook import load_codebook
from app.io.error_report import ErrorReportWriter, report_path_for
from app.io.errors import RosterError
from app.io.person_rows import ERROR, PersonRecord, RowChecker, RowProblem, cell_text
from app.io.readers import open_rows
from app.io.roster_columns import BY_KEY as PERSON_COLUMNS
from app.io.roster_columns import normalize_header
from app.persons.model import PersonInput
from app.persons.service import create_person, find_by_document
from app.refdata.local_tables import effective_code_tables
from app.store.models import Household, HouseholdMember, new_id
from app.store.models_households import SettlementHousehold
from app.store.store import Store
from app.validation.text import to_halfwidth

Progress = Callable[[int, int | None], None]
Cancel = Callable[[], bool]
HEADER_SEARCH_ROWS = 20
PROGRESS_EVERY = 200
MAX_PROBLEMS_KEPT = 1_000
HEAD = "01"
RELOCATED_LABOR_TAG = "易地扶贫搬迁劳动力"  # persons keep tags by name (person_tag 05)


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    help: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("household_no", "户编号", True, ("户号", "家庭编号"), "同一户的成员填写相同的户编号（安置点内唯一）。"),
    Column("relation", "与户主关系", True, ("关系",),
           "户主、配偶、子女、父母、兄弟姐妹、孙子女、其他，或代码；每户有且只有一名户主。"),
    Column("name", "姓名", True, ("人员姓名",), "与证件一致。"),
    Column("doc_number", "证件号码", True, ("身份证号码", "身份证号", "公民身份号码", "证件号"),
           "18位居民身份证号码；请把本列设为“文本”格式。已登记的人员按号码关联，不会修改其信息。"),
    Column("gender", "性别", False, (), "男/女；不填时按身份证号码推算。"),
    Column("birth_date", "出生日期", False, ("出生年月日",), "如 1990-01-31；不填时按身份证号码推算。"),
    Column("phone", "手机号码", False, ("手机号", "联系电话"), "11位手机号码。"),
    Column("able_to_work", "有无劳动能力", False, ("是否有劳动能力", "劳动能力"),
           "有/无（或 是/否）；不填为“有”。丧失劳动能力、在校学生等填“无”。"),
    Column("origin_village", "迁出村", False, ("迁出地", "原居住村"), "每户填一次即可（通常在户主行）。"),
    Column("poverty_kind", "户类别", False, ("脱贫户/监测户",), "脱贫户、监测户，或不填。"),
    Column("moved_in_year", "搬迁年份", False, ("搬迁入住年份", "入住年份"), "四位年份，如 2019。"),
)
BY_KEY = {c.key: c for c in COLUMNS}
_PERSON_KEYS = ("name", "doc_number", "gender", "birth_date", "phone")
_LOOKUP = {normalize_header(h): c.key for c in COLUMNS for h in (c.header, *c.aliases)}
_YES = frozenset({"有", "是", "能", "1", "Y", "y", "TRUE", "true", "√"})
_YEAR = re.compile(r"[0-9]{4}")
_NO = frozenset({"无", "否", "不能", "0", "N", "n", "FALSE", "false", "×", "丧失劳动能力"})


@dataclass(frozen=True)
class RosterReport:
    source: Path
    total_rows: int
    households: int
    imported_households: int
    new_persons: int
    linked_persons: int
    error_count: int
    problems: tuple[RowProblem, ...]
    error_file: Path | None
    elapsed: float
    cancelled: bool = False
    message: str = ""

    def summary(self) -> str:
        return self.message


class _Cancelled(Exception):
    pass


@dataclass
class _Member:
    row: int
    person: PersonRecord
    relation: str
    able: bool


@dataclass
class _House:
    first_row: int
    members: list[_Member] = field(default_factory=list)
    origin_village: str | None = None
    poverty_kind: str | None = None
    moved_in_year: int | None = None


def _find_header(rows: Any, filename: str) -> dict[str, int]:
    for number, cells in rows:
        positions: dict[str, int] = {}
        for index, cell in enumerate(cells):
            key = _LOOKUP.get(normalize_header(cell))
            if key is not None and key not in positions:
                positions[key] = index
        missing = [c.header for c in COLUMNS if c.required and c.key not in positions]
        if positions and not missing:
            return positions
        if positions:
            raise RosterError(f"“{filename}”第 {number} 行的表头缺少必填列"
                              f"{'、'.join(f'“{m}”' for m in missing)}。请按安置点花名册模板补上这些列后重新导入。")
        if number >= HEADER_SEARCH_ROWS:
            break
    raise RosterError(f"在“{filename}”的前 {HEADER_SEARCH_ROWS} 行中找不到表头"
                      "（应有“户编号”“与户主关系”“姓名”“证件号码”）。请使用安置点花名册模板。")


class _Check:
    def __init__(self, session: Session, settlement_id: str, report: ErrorReportWriter, today: date) -> None:
        self.session = session
        self.settlement_id = settlement_id
        self.report = report
        self.today = today
        relations = effective_code_tables(session).get("relation")
        self.relations = {e.label: e.code for e in relations} if relations else {"户主": HEAD}
        self.relation_codes = {e.code for e in relations} if relations else {HEAD}
        self.houses: dict[str, _House] = {}
        self.first_row: dict[str, int] = {}
        self.problems: list[RowProblem] = []
        self.error_rows: set[int] = set()
        self.total = 0

    def problem(self, row: int, key: str, reason: str) -> None:
        column = BY_KEY[key].header if key in BY_KEY else PERSON_COLUMNS[key].header
        self.add([RowProblem(row, column, reason)])

    def add(self, problems: Sequence[RowProblem]) -> None:
        for p in problems:
            if p.level == ERROR:
                self.error_rows.add(p.row)
            self.problems.append(p)
        self.report.write(problems)

    def row(self, number: int, cells: Sequence[Any], positions: dict[str, int], checker: RowChecker) -> None:
        def text(key: str) -> str:
            index = positions.get(key)
            return cell_text(cells[index]).strip() if index is not None and index < len(cells) else ""

        self.total += 1
        person, problems = checker.check(number, cells)
        self.add(problems)
        household_no = text("household_no")
        if not household_no:
            self.problem(number, "household_no", "请填写户编号：同一户的成员填写相同的户编号。")
        elif len(household_no) > 30:
            self.problem(number, "household_no", "户编号不能超过 30 个字符。")
        relation_text = text("relation")
        relation = self.relations.get(relation_text)
        if relation is None and relation_text in self.relation_codes:
            relation = relation_text
        if relation is None:
            self.problem(number, "relation", f"“{relation_text or '（空）'}”不是可用的与户主关系，"
                                             "请填写户主、配偶、子女、父母、兄弟姐妹、孙子女或其他。")
        able_text = text("able_to_work")
        able = True
        if able_text in _NO:
            able = False
        elif able_text and able_text not in _YES:
            self.problem(number, "able_to_work", "有无劳动能力请填写“有”或“无”。")
        poverty = text("poverty_kind") or None
        if poverty in ("一般户", "否", "无"):
            poverty = None
        if poverty is not None and poverty not in POVERTY_KINDS:
            self.problem(number, "poverty_kind", "户类别只能填写“脱贫户”“监测户”，或不填。")
        year_text = to_halfwidth(text("moved_in_year")).removesuffix("年")
        year: int | None = None
        if year_text:
            if year_text.endswith(".0"):
                year_text = year_text[:-2]
            # Four ASCII digits only: int() of a 5,000-digit cell or of "²" (isdigit) would raise.
            if not _YEAR.fullmatch(year_text) or not 2000 <= int(year_text) <= self.today.year:
                self.problem(number, "moved_in_year", f"搬迁年份应为 2000 到 {self.today.year} 之间的四位年份。")
            else:
                year = int(year_text)
        village = text("origin_village") or None
        if village is not None and len(village) > 100:
            self.problem(number, "origin_village", "迁出村不能超过 100 个字。")
            village = None
        if person is not None:
            first = self.first_row.setdefault(person.doc_number, number)
            if first != number:
                self.problem(number, "doc_number",
                             f"与第 {first} 行的证件号码重复。同一人只能出现一次，请删除重复的行。")
        if not household_no or relation is None or person is None:
            return
        house = self.houses.setdefault(household_no, _House(number))
        for key, value in (("origin_village", village), ("poverty_kind", poverty), ("moved_in_year", year)):
            if value is None:
                continue
            current = getattr(house, key)
            if current is None:
                setattr(house, key, value)
            elif current != value:
                self.problem(number, key, f"同一户（户编号 {household_no}）的{BY_KEY[key].header}"
                                          f"与第 {house.first_row} 行起填写的不一致，请统一后重新导入。")
        house.members.append(_Member(number, person, relation, able))

    def finish(self) -> None:
        """Checks that need the whole file or the store: one 户主 per household, numbers and persons taken."""
        taken_nos = set(self.session.scalars(select(SettlementHousehold.household_no).where(
            SettlementHousehold.settlement_id == self.settlement_id, SettlementHousehold.deleted.is_(False))))
        for household_no, house in self.houses.items():
            heads = [m for m in house.members if m.relation == HEAD]
            if len(heads) != 1:
                reason = "没有户主" if not heads else f"有 {len(heads)} 名户主"
                self.problem(house.first_row, "relation",
                             f"户编号 {household_no} 的家庭{reason}。每户须有且只有一名户主。")
            if household_no in taken_nos:
                self.problem(house.first_row, "household_no",
                             f"户编号 {household_no} 在本安置点已经导入过。"
                             "已导入的家庭请在安置点页面中维护，或更换户编号。")
        members = [m for house in self.houses.values() for m in house.members]
        for start in range(0, len(members), 500):
            for member in members[start:start + 500]:
                person_id = find_by_document(self.session, member.person.doc_number)
                if person_id is None:
                    continue
                in_household = self.session.scalar(
                    select(HouseholdMember.id).join(Household, Household.id == HouseholdMember.household_id)
                    .where(HouseholdMember.person_id == person_id, HouseholdMember.deleted.is_(False),
                           Household.deleted.is_(False)).limit(1))
                if in_household:
                    self.problem(member.row, "doc_number", "此人已是本站另一户家庭的成员，不能再导入到这一户。"
                                                           "请先在原家庭中移除，或删除本行。")
        self.problems.sort(key=lambda p: p.row)


def import_settlement_roster(
    store: Store,
    settlement_id: str,
    path: str | Path,
    *,
    actor_id: str | None = None,
    today: date,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> RosterReport:
    """Import a settlement's household roster; a file that cannot be read raises RosterError."""
    source = Path(path)
    started = time.perf_counter()
    report = ErrorReportWriter(report_path_for(source), store.data_dir.exports)

    def tick(done: int, total: int | None) -> None:
        if progress is not None:
            progress(done, total)
        if cancel is not None and cancel():
            raise _Cancelled

    try:
        with store.sessions() as session:
            _live_settlement(session, settlement_id)
            check = _Check(session, settlement_id, report, today)
            with open_rows(source) as stream:
                positions = _find_header(stream.rows, source.name)
                person_positions = {k: v for k, v in positions.items() if k in _PERSON_KEYS}
                checker = RowChecker(person_positions, load_codebook(session), today=today)
                for number, cells in stream.rows:
                    if all(not cell_text(c) for c in cells):
                        continue
                    check.row(number, cells, positions, checker)
                    if check.total % PROGRESS_EVERY == 0:
                        tick(check.total, None)
            tick(check.total, None)
            check.finish()
        if not check.total:
            raise RosterError(f"“{source.name}”中只有表头，没有家庭成员数据。请从表头的下一行起每行填写一名成员。")
        new_persons = linked = written = 0
        if not check.error_rows:
            new_persons, linked, written = _write(store, settlement_id, check, actor_id, today, tick)
    except _Cancelled:
        report.discard()
        return RosterReport(source, 0, 0, 0, 0, 0, 0, (), None, time.perf_counter() - started, True,
                            "导入已取消，没有导入任何家庭。")
    except BaseException:
        report.discard()
        raise
    error_file = report.close()
    report.remove_stale()
    where = f"详见错误报告“{error_file}”。" if error_file is not None else ""
    if check.error_rows:
        message = (f"共 {check.total} 行，其中 {len(check.error_rows)} 行有问题，"
                   f"本次没有导入任何家庭（全部正确才导入）。{where}请修改后重新导入。")
    else:
        message = f"已导入 {written} 户、{check.total} 人（新登记 {new_persons} 人，关联已登记人员 {linked} 人）。"
    errors = sum(1 for p in check.problems if p.level == ERROR)
    return RosterReport(source, check.total, len(check.houses), written, new_persons, linked, errors,
                        tuple(check.problems[:MAX_PROBLEMS_KEPT]), error_file, time.perf_counter() - started,
                        False, message)


def _write(store: Store, settlement_id: str, check: _Check, actor_id: str | None, today: date,
           tick: Callable[[int, int | None], None]) -> tuple[int, int, int]:
    import_id = new_id()
    new_persons = linked = written = done = 0
    with store.session() as session:
        for household_no, house in check.houses.items():
            members: list[MemberInput] = []
            head_id: str | None = None
            for member in house.members:
                p = member.person
                person_id = find_by_document(session, p.doc_number)
                if person_id is None:
                    person_id, _ = create_person(session, actor_id, PersonInput(
                        name=p.name, doc_type=p.doc_type, doc_number=p.doc_number, gender=p.gender,
                        birth_date=p.birth_date, phone=p.phone, tags=(RELOCATED_LABOR_TAG,) if member.able else (),
                    ))
                    new_persons += 1
                else:
                    linked += 1
                members.append(MemberInput(person_id, member.relation, member.able))
                if member.relation == HEAD:
                    head_id = person_id
                done += 1
            add_household(session, actor_id, members, head_person_id=head_id, settlement_id=settlement_id,
                          household_no=household_no, origin_village=house.origin_village,
                          poverty_kind=house.poverty_kind, moved_in_year=house.moved_in_year, on=today)
            written += 1
            if written % 50 == 0:
                tick(done, check.total)
        record(session, actor_id, "import.settlement_roster", "settlement", settlement_id, {
            "import": import_id, "rows": check.total, "households": written, "new_persons": new_persons,
        })
        tick(done, check.total)
    return new_persons, linked, written


EXAMPLE_ROWS: tuple[tuple[str, ...], ...] = (
    ("001", "户主", "（户主姓名）", "（18位身份证号码）", "男", "", "", "有", "（迁出村名）", "脱贫户", "2019"),
    ("001", "配偶", "（配偶姓名）", "（18位身份证号码）", "女", "", "", "有", "", "", ""),
    ("001", "子女", "（子女姓名）", "（18位身份证号码）", "", "", "", "无", "", "", ""),
)


def write_template(path: Path) -> Path:
    """An .xlsx template: the header (required columns marked *), text-formatted ID column, example rows."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "安置点花名册"
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=index, value=f"{column.header}*" if column.required else column.header)
        if column.help:
            cell.comment = Comment(column.help, "服务台")
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = 22 if column.key == "doc_number" else 14
        for row in range(2, 502):
            if column.key in ("household_no", "doc_number", "phone"):
                sheet.cell(row=row, column=index).number_format = "@"
    for row_index, values in enumerate(EXAMPLE_ROWS, start=2):
        for index, value in enumerate(values, start=1):
            sheet.cell(row=row_index, column=index, value=value or None)
    workbook.save(path)
    return path
