"""Settlement roster import: a good file, bad rows (nothing written, error report), a broken file."""

from __future__ import annotations

import csv
import random
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.households import SettlementInput, create_settlement, settlement_figures, zero_employment_list
from app.households.roster import COLUMNS, import_settlement_roster, write_template
from app.io.errors import RosterError
from app.persons import create_person
from app.persons.model import PersonInput
from app.store import Store
from app.store.models import Household, HouseholdMember, OutboxEntry, Person
from app.store.models_households import SettlementHousehold
from app.validation import synthetic_resident_id

ON = date(2026, 11, 25)
HEADER = ["户编号*", "与户主关系*", "姓名*", "证件号码*", "性别", "出生日期", "手机号码", "有无劳动能力", "迁出村",
          "户类别", "搬迁年份"]


def _ids(seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    births = [date(1980, 3, 1), date(1983, 7, 1), date(2015, 1, 1), date(1975, 5, 5), date(1999, 9, 9),
              date(1950, 1, 1)]
    genders = ["1", "2", "1", "1", "2", "2"]
    return [synthetic_resident_id(rng, region="522701", birth=b, gender=g)
            for b, g in zip(births, genders, strict=True)]


def _good_rows(ids: list[str]) -> list[list[str]]:
    return [
        ["A01", "户主", "杨甲", ids[0], "", "", "", "有", "乌当村", "脱贫户", "2019"],
        ["A01", "配偶", "王乙", ids[1], "", "", "", "有", "", "", ""],
        ["A01", "子女", "杨丙", ids[2], "", "", "", "", "", "", ""],
        ["A02", "户主", "吴丁", ids[3], "", "", "", "有", "沙坝村", "", "2020"],
        ["A02", "子女", "吴戊", ids[4], "", "", "", "无", "", "", ""],
        ["A03", "户主", "龙己", ids[5], "", "", "", "有", "", "监测户", ""],
    ]


def _csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


@pytest.fixture
def settlement_id(store: Store) -> str:
    with store.session() as session:
        return create_settlement(session, None, SettlementInput("同心社区安置点", "522701"))


def _counts(store: Store) -> tuple[int, int, int, int]:
    with store.session() as session:
        return (
            session.scalar(select(func.count()).select_from(Person)) or 0,
            session.scalar(select(func.count()).select_from(Household)) or 0,
            session.scalar(select(func.count()).select_from(HouseholdMember)) or 0,
            session.scalar(select(func.count()).select_from(OutboxEntry)) or 0,
        )


def test_good_xlsx_imports_households(store: Store, settlement_id: str, tmp_path: Path) -> None:
    ids = _ids()
    # One of them is already registered at the counter: linked, not duplicated.
    with store.session() as session:
        existing, _ = create_person(session, None, PersonInput("吴丁", "resident_id", ids[3]))
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(HEADER)
    for row in _good_rows(ids):
        sheet.append(row)
    path = tmp_path / "同心社区.xlsx"
    workbook.save(path)
    seen: list[tuple[int, int | None]] = []
    report = import_settlement_roster(store, settlement_id, path, today=ON, progress=lambda d, t: seen.append((d, t)))
    assert (report.total_rows, report.households, report.imported_households) == (6, 3, 3)
    assert (report.new_persons, report.linked_persons, report.error_file) == (5, 1, None)
    assert "已导入 3 户" in report.summary() and seen
    with store.session() as session:
        figures = settlement_figures(session, settlement_id, ON)
        # A01: 2 laborers (child 11), A02: 1 laborer (daughter unable), A03: widow of 76 → no laborer.
        assert (figures.households, figures.households_with_labor, figures.laborers, figures.employed) == (3, 2, 3, 0)
        assert figures.zero_employment_households == 2
        assert len(zero_employment_list(session, ON, settlement_id=settlement_id)) == 2
        links = {s.household_no: s for s in session.scalars(select(SettlementHousehold))}
        a01 = links["A01"]
        assert (a01.origin_village, a01.poverty_kind, a01.moved_in_year) == ("乌当村", "脱贫户", 2019)
        head = session.scalar(select(Household.head_person_id).where(Household.id == links["A02"].household_id))
        assert head == existing
        pending = set(session.scalars(select(OutboxEntry.entity)))
        assert {"person", "household", "household_member", "settlement_household", "zero_employment_episode"} <= pending


def test_bad_rows_write_nothing_and_report(store: Store, settlement_id: str, tmp_path: Path) -> None:
    ids = _ids()
    rows = _good_rows(ids)
    rows[1][3] = ids[1][:-1] + ("0" if ids[1][-1] != "0" else "1")  # wrong check digit
    rows[2][1] = "邻居"  # unknown relation
    rows[4][0] = "A03"  # moves a member into A03 …
    rows[5][1] = "配偶"  # … and A03 has no 户主 any more
    rows.append(["A04", "户主", "张庚", ids[0], "", "", "", "也许", "", "贫困户", "1990"])  # repeated ID, bad cells
    before = _counts(store)
    path = _csv(tmp_path / "roster.csv", rows)
    report = import_settlement_roster(store, settlement_id, path, today=ON)
    assert report.imported_households == 0 and report.error_count >= 6
    assert _counts(store) == before
    assert report.error_file is not None and report.error_file.exists()
    text = report.error_file.read_text(encoding="utf-8-sig")
    for needle in ("校验", "邻居", "没有户主", "重复", "有无劳动能力", "户类别", "搬迁年份"):
        assert needle in text, needle
    assert "没有导入任何家庭" in report.summary()
    # Fixed file: imports, and the stale error report is gone.
    path = _csv(tmp_path / "roster.csv", _good_rows(ids))
    report = import_settlement_roster(store, settlement_id, path, today=ON)
    assert report.imported_households == 3 and report.error_file is None
    assert not (tmp_path / "roster.错误报告.csv").exists()
    # The same roster again: households already imported, nothing written.
    before = _counts(store)
    report = import_settlement_roster(store, settlement_id, path, today=ON)
    assert report.imported_households == 0 and _counts(store) == before
    assert report.error_file is not None and "已经导入过" in report.error_file.read_text(encoding="utf-8-sig")


def test_broken_files_raise_and_write_nothing(store: Store, settlement_id: str, tmp_path: Path) -> None:
    before = _counts(store)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(RosterError):
        import_settlement_roster(store, settlement_id, broken, today=ON)
    with pytest.raises(RosterError, match="缺少必填列"):
        import_settlement_roster(store, settlement_id, _csv(tmp_path / "h.csv", [["A01", "杨甲"]], ["户编号", "姓名"]),
                                 today=ON)
    with pytest.raises(RosterError, match="只有表头"):
        import_settlement_roster(store, settlement_id, _csv(tmp_path / "empty.csv", []), today=ON)
    assert _counts(store) == before


def test_cancel_writes_nothing(store: Store, settlement_id: str, tmp_path: Path) -> None:
    before = _counts(store)
    path = _csv(tmp_path / "roster.csv", _good_rows(_ids()))
    report = import_settlement_roster(store, settlement_id, path, today=ON, cancel=lambda: True)
    assert report.cancelled and _counts(store) == before


def test_template_round_trip(store: Store, settlement_id: str, tmp_path: Path) -> None:
    path = write_template(tmp_path / "模板.xlsx")
    report = import_settlement_roster(store, settlement_id, path, today=ON)
    # The example rows are placeholders: reported, nothing imported.
    assert report.imported_households == 0 and report.error_count > 0
    assert len(COLUMNS) == len(HEADER)
