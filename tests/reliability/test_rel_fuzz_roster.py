"""Fuzzing the roster importers (issue 8, point 9): person roster and settlement roster, .xlsx and .csv.

Every generated file goes through the real importer into a real encrypted store. Files are either
rosters with generated cells (valid rows mixed with empty, very long, formula ``=cmd|…``/``=HYPERLINK``,
numeric, date and control-character cells; merged cells in .xlsx; CSV in UTF-8, UTF-8 with BOM,
GBK/GB18030 or UTF-16, comma or tab separated) or broken files (random bytes, truncated workbooks,
a zip that is not a workbook, empty, a workbook named .csv, CSV bytes named .xlsx).

The outcome must be a :class:`RosterError` with a Chinese message or a report; a refused import
(an error, or a report that imported nothing) leaves every row count and the outbox unchanged, and
an accepted one adds exactly the persons it reports. Any other exception fails the test.

The 100,000-row files are ``slow``. Case counts: ``--hypothesis-show-statistics`` (docs/reliability.md).
"""

from __future__ import annotations

import csv
import io
import math
import random
import re
import tempfile
import time
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from app.households import SettlementInput, create_settlement
from app.households.roster import import_settlement_roster
from app.io import ImportReport, RosterError, import_persons
from app.store import DataDir, Store, create_store
from app.store.models import AuditEntry, Household, HouseholdMember, OutboxEntry, Person, PersonDocument, PersonTag
from app.store.models_households import SettlementHousehold
from app.validation import synthetic_resident_id

CJK = re.compile(r"[\u4e00-\u9fff]")
ON = date(2026, 11, 25)
FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]
EVERYDAY = settings(max_examples=60, deadline=None, suppress_health_check=FIXTURES)
LARGER = settings(max_examples=400, deadline=None, suppress_health_check=FIXTURES)

PERSON_HEADER = ["姓名*", "证件类型", "证件号码*", "性别", "出生日期", "民族", "学历", "手机号码", "户籍地址",
                 "常住地址", "户口性质", "所在区划代码", "人员标签", "社保卡卡号", "备注"]
SETTLEMENT_HEADER = ["户编号*", "与户主关系*", "姓名*", "证件号码*", "性别", "出生日期", "手机号码", "有无劳动能力",
                     "迁出村", "户类别", "搬迁年份"]
_IDS = random.Random(9)
ID_POOL = [synthetic_resident_id(_IDS, region="522701", birth=date(1960, 1, 1).replace(year=1960 + i % 50,
                                                                                         month=1 + i % 12))
           for i in range(40)]
FORMULAS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://example.invalid/x","点击")', "=1+1", "+1+1", "-1+2", "@SUM(A1)",
            '="张"&"三"', "=A1"]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "keyring"))
    s = create_store(DataDir(tmp_path / "data"), "520102001", "测试街道就业服务站")
    yield s
    s.close()


@pytest.fixture
def settlement_id(store: Store) -> str:
    with store.session() as session:
        return create_settlement(session, None, SettlementInput("同心社区安置点", "522701"))


def counts(store: Store) -> dict[str, int]:
    models = (Person, PersonDocument, PersonTag, OutboxEntry, AuditEntry, Household, HouseholdMember,
              SettlementHousehold)
    with store.session() as session:
        found = {m.__name__: session.scalar(select(func.count()).select_from(m)) or 0 for m in models}
        found["person_search"] = session.execute(text("SELECT count(*) FROM person_search")).scalar_one()
        found["outbox_pending"] = session.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "pending")) or 0
    return found


# ------------------------------------------------------------------------------------------ cells

long_text = st.builds(lambda ch, n: ch * n, st.sampled_from(["张", "a", "1", " ", "·"]), st.integers(200, 40_000))
cell = st.one_of(
    st.none(), st.just(""), st.text(max_size=20), st.sampled_from(FORMULAS), long_text,
    st.integers(-(10**18), 10**18), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.sampled_from(["男", "女", "1", "2", "汉族", "01", "本科", "13800138000", "520102", "户主", "配偶", "子女", "有",
                     "无", "脱贫户", "监测户", "2019", "2019.0", "1990-01-31", "1990年1月31日", "5.20102E+17",
                     "居民身份证", "社会保障卡", "脱贫人口、农民工", "A12345678", "\u3000张三\u3000", "Ａ０１"]),
    st.sampled_from(ID_POOL),
)


@st.composite
def person_row(draw: st.DrawFn, width: int) -> list[Any]:
    if draw(st.integers(0, 3)) == 0:
        return draw(st.lists(cell, min_size=0, max_size=width + 2))
    number = draw(st.sampled_from(ID_POOL))
    row: list[Any] = [draw(st.sampled_from(["张三", "欧阳建明", "阿依古丽·买买提"])), "", number] + [""] * (width - 3)
    for _ in range(draw(st.integers(0, 3))):
        row[draw(st.integers(0, width - 1))] = draw(cell)
    return row


@st.composite
def settlement_row(draw: st.DrawFn, width: int) -> list[Any]:
    if draw(st.integers(0, 3)) == 0:
        return draw(st.lists(cell, min_size=0, max_size=width + 2))
    row: list[Any] = [draw(st.sampled_from(["A01", "A02", "B1"])),
                      draw(st.sampled_from(["户主", "配偶", "子女", "01"])),
                      draw(st.sampled_from(["杨甲", "王乙", "吴丁"])), draw(st.sampled_from(ID_POOL))]
    row += [""] * (width - len(row))
    for _ in range(draw(st.integers(0, 3))):
        row[draw(st.integers(0, width - 1))] = draw(cell)
    return row


@st.composite
def header(draw: st.DrawFn, base: list[str]) -> list[Any]:
    columns = list(base)
    kind = draw(st.sampled_from(["exact", "exact", "shuffled", "dropped", "junk", "duplicated"]))
    if kind == "shuffled":
        columns = draw(st.permutations(columns))
    elif kind == "dropped":
        del columns[draw(st.integers(0, len(columns) - 1))]
    elif kind == "junk":
        columns[draw(st.integers(0, len(columns) - 1))] = draw(cell)
    elif kind == "duplicated":
        columns.append(columns[draw(st.integers(0, 3))])
    return list(columns)


def _csv_text(value: Any) -> str:
    return "" if value is None else str(value)


def write_csv(path: Path, rows: list[list[Any]], encoding: str, delimiter: str) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for row in rows:
        writer.writerow([_csv_text(v) for v in row])
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))


_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, str):
        return _ILLEGAL.sub("", value)  # openpyxl refuses control characters Excel cannot store either
    if isinstance(value, float) and (math.isnan(value) or value in (float("inf"), float("-inf"))):
        return str(value)  # Excel has no NaN/inf cells
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**15:
        return float(value)
    return value


def write_xlsx(path: Path, rows: list[list[Any]], merges: list[tuple[int, int, int, int]], above: int) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for _ in range(above):
        sheet.append(["花名册（模糊测试）"])
    for row in rows:
        sheet.append([_xlsx_value(v) for v in row])
    for top, left, height, width in merges:
        sheet.merge_cells(start_row=top, start_column=left, end_row=top + height, end_column=left + width)
    workbook.save(path)


def fresh_id(seed: int) -> str:
    rng = random.Random(seed)
    return synthetic_resident_id(rng, birth=date.fromordinal(date(1950, 1, 1).toordinal() + rng.randrange(20_000)))


@st.composite
def clean_person_rows(draw: st.DrawFn) -> list[list[Any]]:
    """Rows that import: numbers new to the store, odd but acceptable cells (formula text in 备注)."""
    rows = []
    for _ in range(draw(st.integers(1, 5))):
        note = draw(st.sampled_from(["", *FORMULAS, "备注" * 400, "\u3000说明\u3000"]))
        address = draw(st.sampled_from(["", "贵州省某县某镇", "地" * 200]))
        rows.append(["欧阳建明", "", fresh_id(draw(st.integers(0, 2**62))), "", "", "汉族", "本科", "",
                     address, "", "", "", "脱贫人口、农民工", "", note])
    return rows


@st.composite
def clean_settlement_rows(draw: st.DrawFn) -> list[list[Any]]:
    prefix = f"F{draw(st.integers(0, 2**40))}-"
    rows = []
    for house in range(draw(st.integers(1, 3))):
        for member in range(draw(st.integers(1, 3))):
            rows.append([f"{prefix}{house}", "户主" if member == 0 else "子女", "杨甲",
                         fresh_id(draw(st.integers(0, 2**62))), "", "", "", draw(st.sampled_from(["有", "无", ""])),
                         "乌当村" if member == 0 else "", draw(st.sampled_from(["", "脱贫户"])) if member == 0 else "",
                         draw(st.sampled_from(["2019", "２０２０", "2021年", ""])) if member == 0 else ""])
    return rows


@st.composite
def roster_file(draw: st.DrawFn, base: list[str], row: Any, clean: Any) -> tuple[str, Any]:
    """(suffix, writer) for a roster with a generated header and rows, or a broken file."""
    kind = draw(st.sampled_from(["csv", "csv", "xlsx", "xlsx", "broken", "clean"]))
    if kind == "clean":
        rows = [list(base), *draw(clean())]
        kind = draw(st.sampled_from(["csv", "xlsx"]))
    else:
        rows = [draw(header(base)), *draw(st.lists(row(len(base)), min_size=1, max_size=8))]
    if kind == "csv":
        encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le"]))
        delimiter = draw(st.sampled_from([",", "\t", ";"]))
        return ".csv", lambda p: write_csv(p, rows, encoding, delimiter)
    if kind == "xlsx":
        merges = draw(st.lists(st.tuples(st.integers(1, 6), st.integers(1, 8), st.integers(0, 2), st.integers(0, 3)),
                               max_size=2))
        above = draw(st.integers(0, 2))
        return ".xlsx", lambda p: write_xlsx(p, rows, merges, above)
    broken = draw(st.sampled_from(["random", "empty", "truncated", "zip", "xlsx_as_csv", "csv_as_xlsx", "nul",
                                   "flipped", "xls"]))
    suffix = draw(st.sampled_from([".xlsx", ".csv"]))
    noise = draw(st.binary(max_size=300))
    cut = draw(st.floats(0.0, 1.0))
    at = draw(st.integers(0, 10**6))

    def write(path: Path) -> None:
        if broken == "random":
            path.write_bytes(noise)
        elif broken == "empty":
            path.write_bytes(b"")
        elif broken == "zip":
            with zipfile.ZipFile(path, "w") as archive:
                archive.writestr("hello.txt", noise)
        elif broken == "xls":
            path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + noise)
        elif broken == "nul":
            path.write_bytes(",".join(base).encode("utf-8") + b"\n\x00\x00" + noise)
        else:
            good = path.with_name("good" + (".csv" if broken == "csv_as_xlsx" else ".xlsx"))
            if broken == "csv_as_xlsx":
                write_csv(good, rows, "utf-8", ",")
            else:
                write_xlsx(good, rows, [], 0)
            raw = good.read_bytes()
            good.unlink()
            if broken == "truncated":
                raw = raw[: int(len(raw) * cut)]
            elif broken == "flipped" and raw:
                i = at % len(raw)
                raw = raw[:i] + bytes([raw[i] ^ 0x5A]) + raw[i + 1:]
            path.write_bytes(raw)

    return suffix, write


def _new_file(tmp_path: Path, suffix: str, write: Any) -> Path:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = folder / f"花名册{suffix}"
    write(path)
    return path


# ------------------------------------------------------------------------------------ person roster


def _person_case(data: st.DataObject, store: Store, tmp_path: Path) -> None:
    suffix, write = data.draw(roster_file(PERSON_HEADER, person_row, clean_person_rows), label="file")
    skip_invalid = data.draw(st.booleans(), label="skip_invalid")
    path = _new_file(tmp_path, suffix, write)
    before = counts(store)
    try:
        report = import_persons(store, path, skip_invalid=skip_invalid)
    except RosterError as error:
        event(f"person {suffix}: RosterError")
        assert CJK.search(str(error)), str(error)
        assert counts(store) == before
        return
    event(f"person {suffix}: " + ("imported" if report.imported else "rows refused, nothing written"))
    assert isinstance(report, ImportReport) and CJK.search(report.summary())
    assert report.imported <= report.valid_rows <= report.total_rows
    after = counts(store)
    if report.imported == 0:
        assert after == before
    else:
        assert after["Person"] == before["Person"] + report.imported
        assert after["person_search"] == before["person_search"] + report.imported
        assert after["OutboxEntry"] > before["OutboxEntry"] + report.imported  # person + its document at least
    assert all(CJK.search(problem.reason) for problem in report.problems)


@EVERYDAY
@given(data=st.data())
def test_fuzz_person_roster(data: st.DataObject, store: Store, tmp_path: Path) -> None:
    _person_case(data, store, tmp_path)


@pytest.mark.slow
@LARGER
@given(data=st.data())
def test_fuzz_person_roster_larger(data: st.DataObject, store: Store, tmp_path: Path) -> None:
    _person_case(data, store, tmp_path)


# -------------------------------------------------------------------------------- settlement roster


def _settlement_case(data: st.DataObject, store: Store, settlement_id: str, tmp_path: Path) -> None:
    suffix, write = data.draw(roster_file(SETTLEMENT_HEADER, settlement_row, clean_settlement_rows), label="file")
    path = _new_file(tmp_path, suffix, write)
    before = counts(store)
    try:
        report = import_settlement_roster(store, settlement_id, path, today=ON)
    except RosterError as error:
        event(f"settlement {suffix}: RosterError")
        assert CJK.search(str(error)), str(error)
        assert counts(store) == before
        return
    event(f"settlement {suffix}: " + ("imported" if report.imported_households else "rows refused, nothing written"))
    assert CJK.search(report.summary())
    after = counts(store)
    if report.imported_households == 0:
        assert after == before
    else:
        assert report.error_count == 0
        assert after["SettlementHousehold"] == before["SettlementHousehold"] + report.imported_households
        assert after["Person"] == before["Person"] + report.new_persons
        assert after["HouseholdMember"] == before["HouseholdMember"] + report.total_rows
    assert all(CJK.search(problem.reason) for problem in report.problems)


@EVERYDAY
@given(data=st.data())
def test_fuzz_settlement_roster(data: st.DataObject, store: Store, settlement_id: str, tmp_path: Path) -> None:
    _settlement_case(data, store, settlement_id, tmp_path)


@pytest.mark.slow
@LARGER
@given(data=st.data())
def test_fuzz_settlement_roster_larger(
    data: st.DataObject, store: Store, settlement_id: str, tmp_path: Path
) -> None:
    _settlement_case(data, store, settlement_id, tmp_path)


# ------------------------------------------------------------------------------------ 100,000 rows

BIG = 100_000


def _big_ids(count: int) -> list[str]:
    rng = random.Random(11)
    seen: set[str] = set()
    out: list[str] = []
    start = date(1950, 1, 1).toordinal()
    while len(out) < count:
        number = synthetic_resident_id(rng, birth=date.fromordinal(start + rng.randrange(20_000)))
        if number not in seen:
            seen.add(number)
            out.append(number)
    return out


@pytest.mark.slow
def test_person_roster_of_100000_rows_csv_imports_and_one_bad_row_refuses_all(store: Store, tmp_path: Path) -> None:
    numbers = _big_ids(BIG)
    rows: list[list[Any]] = [PERSON_HEADER]
    rows += [["张三", "", number, "", "", "", "", "", f"贵州省某县{i}组", "", "", "", "", "", ""]
             for i, number in enumerate(numbers)]
    bad = list(rows)
    bad[-1] = ["张三", "", numbers[0], *rows[-1][3:]]  # the last row repeats the first number
    refused = tmp_path / "refused.csv"
    write_csv(refused, bad, "gb18030", ",")
    before = counts(store)
    started = time.perf_counter()
    report = import_persons(store, refused)
    refused_seconds = time.perf_counter() - started
    assert report.imported == 0 and report.invalid_rows == 1 and counts(store) == before
    good = tmp_path / "good.csv"
    write_csv(good, rows, "utf-8-sig", ",")
    started = time.perf_counter()
    report = import_persons(store, good)
    seconds = time.perf_counter() - started
    assert report.imported == BIG, report.summary()
    assert counts(store)["Person"] == BIG
    print(f"\n100000-row csv: refused in {refused_seconds:.1f} s, imported in {seconds:.1f} s")


@pytest.mark.slow
def test_settlement_roster_of_100000_rows_xlsx_with_one_bad_row_writes_nothing(
    store: Store, settlement_id: str, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    numbers = _big_ids(BIG)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("安置点花名册")
    sheet.append(SETTLEMENT_HEADER)
    for i, number in enumerate(numbers):
        relation = "户主" if i % 4 == 0 else "子女"
        sheet.append([f"H{i // 4:05d}", relation, "杨甲", number, "", "", "", "有", "", "", "2019"])
    sheet.append(["H99999", "户主", "杨甲", "123", "", "", "", "有", "", "", "2019"])  # a bad ID number
    path = tmp_path / "big.xlsx"
    workbook.save(path)
    before = counts(store)
    started = time.perf_counter()
    report = import_settlement_roster(store, settlement_id, path, today=ON)
    seconds = time.perf_counter() - started
    assert report.imported_households == 0 and report.total_rows == BIG + 1 and report.error_count >= 1
    assert counts(store) == before
    print(f"\n100001-row settlement xlsx refused in {seconds:.1f} s")


def test_settlement_year_cells_that_once_crashed_are_row_problems(
    store: Store, settlement_id: str, tmp_path: Path
) -> None:
    """Found by the fuzzer: a 4,301-digit 搬迁年份 raised ValueError from int(); "²" passes isdigit()."""
    rows: list[list[Any]] = [SETTLEMENT_HEADER]
    for index, year in enumerate(["9" * 4301, "²⁰¹⁹", "２０１９"]):
        rows.append([f"Y{index}", "户主", "杨甲", ID_POOL[index], "", "", "", "有", "", "", year])
    path = tmp_path / "years.csv"
    write_csv(path, rows, "utf-8-sig", ",")
    before = counts(store)
    report = import_settlement_roster(store, settlement_id, path, today=ON)
    assert [(p.row, p.column) for p in report.problems] == [(2, "搬迁年份"), (3, "搬迁年份")]
    assert report.imported_households == 0 and counts(store) == before
    rows = [SETTLEMENT_HEADER, rows[3]]
    write_csv(path, rows, "utf-8-sig", ",")
    report = import_settlement_roster(store, settlement_id, path, today=ON)
    assert report.imported_households == 1, report.problems
    with store.session() as session:
        assert session.scalar(select(SettlementHousehold.moved_in_year)) == 2019


def test_formula_text_imported_from_csv_is_exported_as_text_not_as_a_formula(store: Store, tmp_path: Path) -> None:
    """Found while fuzzing: a 备注 of ``=HYPERLINK(…)`` is imported as text (right) but openpyxl wrote it
    back as a live formula in the person export; an export must carry text as text."""
    from openpyxl import load_workbook

    from app.auth import create_staff
    from app.io import export_persons

    with store.session() as session:
        admin = create_staff(session, "admin1", "测试管理员", "admin", "test-pass-123")
    path = tmp_path / "formula.csv"
    row = ["张三", "", ID_POOL[0], *[""] * 11, FORMULAS[1]]
    write_csv(path, [PERSON_HEADER, row], "utf-8-sig", ",")
    assert import_persons(store, path).imported == 1
    with store.session() as session:
        assert session.scalar(select(Person.note)) == FORMULAS[1]
    target = tmp_path / "export.xlsx"
    assert export_persons(store, target, actor_id=admin.id) == 1
    with zipfile.ZipFile(target) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert not any(b"<f>" in archive.read(name) for name in sheets)
    workbook = load_workbook(target, read_only=True)
    values = [cell for row_ in workbook.worksheets[0].iter_rows(values_only=True) for cell in row_]
    workbook.close()
    assert FORMULAS[1] in values


def _read_all(path: Path) -> int:
    from app.io.readers import open_rows

    with open_rows(path) as stream:
        return sum(1 for _ in stream.rows)


def test_every_damaged_byte_of_a_workbook_is_a_roster_error_or_readable(tmp_path: Path) -> None:
    """Found by the fuzzer: one flipped byte inside a compressed part raised zlib.error out of the reader.
    Here every third byte of a small roster workbook is flipped in turn, then the file is cut short."""
    good = tmp_path / "good.xlsx"
    write_xlsx(good, [SETTLEMENT_HEADER, ["A01", "户主", "杨甲", ID_POOL[0], "", "", "", "有", "", "", "2019"]], [], 0)
    raw = good.read_bytes()
    damaged = tmp_path / "damaged.xlsx"
    outcomes = {"read": 0, "RosterError": 0}
    for at in range(0, len(raw), 3):
        damaged.write_bytes(raw[:at] + bytes([raw[at] ^ 0xFF]) + raw[at + 1:])
        try:
            _read_all(damaged)
        except RosterError as error:
            assert CJK.search(str(error))
            outcomes["RosterError"] += 1
        else:
            outcomes["read"] += 1
    for end in range(0, len(raw), 5):  # and cut short at every fifth byte
        damaged.write_bytes(raw[:end])
        try:
            _read_all(damaged)
        except RosterError as error:
            assert CJK.search(str(error))
            outcomes["RosterError"] += 1
        else:
            outcomes["read"] += 1
    print(f"\n{len(range(0, len(raw), 3)) + len(range(0, len(raw), 5))} damaged workbooks: {outcomes}")
    assert outcomes["RosterError"] > 0
