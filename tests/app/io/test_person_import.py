"""Importing person rosters into a real encrypted store: good files, bad rows, cancelling."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from app import audit
from app.io import ImportReport, RosterError, import_persons
from app.io import person_import as person_import_module
from app.search import index_problems, search_persons
from app.store import Store
from app.store.models import AuditEntry, OutboxEntry, Person, PersonDocument, PersonTag
from app.store.outbox import row_payload
from tests.app.io.conftest import good_rows, person_ids, read_error_file, write_csv, write_xlsx


def _count(store: Store, model: type[Any]) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _persons(store: Store) -> dict[str, Person]:
    with store.session() as session:
        return {p.doc_number: p for p in session.scalars(select(Person))}


def _assert_nothing_written(store: Store) -> None:
    for model in (Person, PersonDocument, PersonTag, OutboxEntry, AuditEntry):
        assert _count(store, model) == 0, model.__name__
    with store.session() as session:
        assert session.execute(text("SELECT count(*) FROM person_search")).scalar_one() == 0


def _with_bad_check_digit(number: str) -> str:
    last = "0" if number[-1] != "0" else "1"
    return number[:-1] + last


def test_good_csv_imports_every_row_with_its_rows_outbox_index_and_audit(store: Store, tmp_path: Path) -> None:
    rows = good_rows(6)
    report = import_persons(store, write_csv(tmp_path / "名单.csv", rows), actor_id="clerk-1")
    assert (report.total_rows, report.imported, report.invalid_rows, report.error_count) == (6, 6, 0, 0)
    assert report.error_file is None and not report.cancelled and report.summary() == "已导入 6 人。"
    assert not (tmp_path / "名单.错误报告.csv").exists()

    persons = _persons(store)
    first = persons[rows[0][2]]
    assert first.name == "张三" and first.doc_type == "resident_id" and first.ethnic == "01"
    assert first.education == "71" and first.phone == "19900000000"
    expected_birth = date(int(rows[0][2][6:10]), int(rows[0][2][10:12]), int(rows[0][2][12:14]))
    assert first.birth_date == expected_birth and first.gender in {"1", "2"}
    assert persons[rows[1][2]].ethnic == "06" and persons[rows[1][2]].education == "21"
    assert isinstance(first.updated_at, datetime) and first.version == 1 and first.server_version is None

    with store.session() as session:
        documents = session.execute(select(PersonDocument.doc_type, PersonDocument.card_number)).all()
        assert sorted(documents, key=str) == sorted([("resident_id", None)] * 6 + [("ss_card", "A12345671")], key=str)
        tags = session.scalars(select(PersonTag.tag).join(Person).where(Person.doc_number == rows[0][2])).all()
        assert sorted(tags) == ["农民工", "脱贫人口"]
        outbox = session.execute(select(OutboxEntry.entity, func.count()).group_by(OutboxEntry.entity)).all()
        assert dict(outbox) == {"person": 6, "person_document": 7, "person_tag": 4}
        # The payload is what the ORM's outbox hook would have queued for the same row.
        payload = session.scalars(select(OutboxEntry.payload).where(OutboxEntry.entity_id == first.id)).one()
        assert payload == row_payload(session.get_one(Person, first.id))
        raw = session.execute(text("SELECT updated_at, birth_date FROM person LIMIT 1")).one()
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", raw[0])  # as the ORM stores it
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", raw[1])

        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).all()
        assert [e.action for e in entries] == ["person.import"] * 6 + ["import.persons"]
        assert entries[-1].detail["rows"] == 6 and entries[-1].detail["imported"] == 6
        assert {e.actor_id for e in entries} == {"clerk-1"}
        details = json.dumps([e.detail for e in entries], ensure_ascii=False)
        assert not any(str(value) in details for row in rows for value in (row[0], row[2], row[6]))
        assert audit.verify(session) == []

        assert index_problems(session) == []
        assert [hit.name for hit in search_persons(session, rows[3][2])] == ["欧阳建明"]
        assert "欧阳建明" in [hit.name for hit in search_persons(session, "oyjm")]


def test_good_xlsx_with_title_row_numbers_and_dates(store: Store, tmp_path: Path) -> None:
    numbers = person_ids(3)
    female = next(n for n in numbers if int(n[16]) % 2 == 0)
    birth = datetime(int(female[6:10]), int(female[10:12]), int(female[12:14]))
    header = ("姓名", "证件号码", "性别", "出生日期", "民族", "手机号码", "家庭人口")
    rows = [
        ("杨某某", female, "女", birth, 1, 19900001234, 3),
        *[(name, n, None, None, "苗", "199 0000 567" + str(i), None)
          for i, (name, n) in enumerate(zip(("龙某", "龙某某", "吴某"), numbers, strict=True)) if n != female],
    ]
    path = write_xlsx(tmp_path / "花名册.xlsx", rows, header=header, above=[("某某安置点花名册",), ()])
    report = import_persons(store, path)
    assert report.imported == 3, report.problems
    assert report.ignored_columns == ("家庭人口",)
    person = _persons(store)[female]
    assert (person.gender, person.birth_date, person.ethnic, person.phone) == ("2", birth.date(), "01", "19900001234")


@pytest.mark.parametrize(("encoding", "delimiter"), [
    ("gbk", ","), ("gb18030", ","), ("utf-8", ","), ("utf-8-sig", ","), ("utf-16", "\t"),
])
def test_csv_encodings(store: Store, tmp_path: Path, encoding: str, delimiter: str) -> None:
    path = write_csv(tmp_path / "roster.csv", good_rows(3), encoding=encoding, delimiter=delimiter)
    report = import_persons(store, path)
    assert report.imported == 3, report.problems
    assert sorted(p.name for p in _persons(store).values()) == sorted(["张三", "李四", "王小明"])


def test_two_bad_check_digits_import_nothing_and_are_both_reported(store: Store, tmp_path: Path) -> None:
    rows = good_rows(6)
    rows[1][2] = _with_bad_check_digit(rows[1][2])
    rows[4][2] = _with_bad_check_digit(rows[4][2])
    path = write_csv(tmp_path / "安置点.csv", rows)
    report = import_persons(store, path)
    assert (report.imported, report.invalid_rows, report.valid_rows) == (0, 2, 4)
    assert "没有导入任何人员" in report.summary()
    _assert_nothing_written(store)
    assert report.error_file == tmp_path / "安置点.错误报告.csv"
    listed = read_error_file(report.error_file)
    listed_cells = [(line["行号"], line["列"], line["类型"]) for line in listed]
    assert listed_cells == [("3", "证件号码", "错误"), ("6", "证件号码", "错误")]
    assert all("校验码" in line["问题"] for line in listed)
    assert [(p.row, p.column) for p in report.errors] == [(3, "证件号码"), (6, "证件号码")]


def test_skip_invalid_imports_the_good_rows(store: Store, tmp_path: Path) -> None:
    rows = good_rows(6)
    rows[1][2] = _with_bad_check_digit(rows[1][2])
    rows[4][2] = _with_bad_check_digit(rows[4][2])
    report = import_persons(store, write_csv(tmp_path / "r.csv", rows), skip_invalid=True)
    assert (report.imported, report.invalid_rows) == (4, 2)
    assert "跳过了 2 行" in report.summary()
    assert set(_persons(store)) == {row[2] for index, row in enumerate(rows) if index not in {1, 4}}
    assert report.error_file is not None and len(read_error_file(report.error_file)) == 2
    with store.session() as session:
        assert index_problems(session) == []
        assert audit.verify(session) == []


def test_duplicates_in_the_file_and_in_the_store(store: Store, tmp_path: Path) -> None:
    rows = good_rows(5)
    import_persons(store, write_csv(tmp_path / "first.csv", rows[:1]))
    with store.session() as session:  # a person removed earlier keeps its document row
        gone = session.scalars(select(Person).where(Person.doc_number == rows[0][2])).one()
    rows_again = [rows[0], rows[1], rows[2], list(rows[1])]
    report = import_persons(store, write_csv(tmp_path / "second.csv", rows_again))
    reasons = {(p.row, p.column): p.reason for p in report.errors}
    assert set(reasons) == {(2, "证件号码"), (5, "证件号码")}
    assert reasons[(2, "证件号码")].startswith("已存在")
    assert "与第 3 行" in reasons[(5, "证件号码")]

    with store.session() as session:
        session.get_one(Person, gone.id).deleted = True
        for document in session.scalars(select(PersonDocument).where(PersonDocument.person_id == gone.id)):
            document.deleted = True
    report = import_persons(store, write_csv(tmp_path / "third.csv", rows[:1]))
    assert "已删除" in report.errors[0].reason and report.imported == 0


def test_gender_birth_date_and_coded_cells_are_checked(store: Store, tmp_path: Path) -> None:
    number = person_ids(1)[0]
    wrong_gender = "女" if int(number[16]) % 2 else "男"
    header = ("姓名", "证件号码", "性别", "出生日期", "民族", "学历", "手机号码", "人员标签", "社保卡卡号", "户口性质")
    row = ("张三3", number, wrong_gender, "1901-01-01", "火星族", "幼儿园", "0851-1234567", "VIP、农民工", "12", "城堡")
    report = import_persons(store, write_csv(tmp_path / "bad.csv", [row], header=header))
    columns = [p.column for p in report.errors]
    assert columns == ["姓名", "性别", "出生日期", "民族", "学历", "手机号码", "社保卡卡号", "户口性质", "人员标签"]
    assert all(re.search(r"[\u4e00-\u9fff]", p.reason) for p in report.errors)
    _assert_nothing_written(store)


def test_id_numbers_mangled_by_excel_are_explained(store: Store, tmp_path: Path) -> None:
    number = person_ids(1)[0]
    path = write_xlsx(tmp_path / "numbers.xlsx", [("张三", int(number[:17] + "0"))], header=("姓名", "证件号码"))
    report = import_persons(store, path)
    assert "文本" in report.errors[0].reason
    path = write_csv(tmp_path / "sci.csv", [("张三", "5.20102E+17")], header=("姓名", "证件号码"))
    report = import_persons(store, path)
    assert "科学计数法" in report.errors[0].reason


def test_formula_cells_are_read_as_their_saved_values(store: Store, tmp_path: Path) -> None:
    # openpyxl saves formulas without a calculated value: like a file never opened in Excel.
    path = write_xlsx(tmp_path / "formula.xlsx", [('="张"&"三"', person_ids(1)[0])], header=("姓名", "证件号码"))
    report = import_persons(store, path)
    assert [(p.row, p.column) for p in report.errors] == [(2, "姓名")]
    assert "未填写姓名" in report.errors[0].reason


def test_cancel_during_the_write_pass_rolls_everything_back(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(person_import_module, "CHUNK_ROWS", 5)
    calls: list[tuple[int, int | None]] = []
    path = write_csv(tmp_path / "big.csv", good_rows(23))
    report = import_persons(store, path, progress=lambda done, total: calls.append((done, total)),
                            cancel=lambda: any(total is not None for _, total in calls))
    assert report.cancelled and report.imported == 0 and "取消" in report.summary()
    assert (5, 23) in calls
    _assert_nothing_written(store)


def test_cancel_during_the_check_pass_leaves_no_error_file(store: Store, tmp_path: Path) -> None:
    rows = good_rows(3)
    rows[0][2] = _with_bad_check_digit(rows[0][2])
    report = import_persons(store, write_csv(tmp_path / "c.csv", rows), cancel=lambda: True)
    assert report.cancelled and report.error_file is None
    assert not (tmp_path / "c.错误报告.csv").exists()
    _assert_nothing_written(store)


def test_progress_reports_both_passes(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(person_import_module, "CHUNK_ROWS", 4)
    calls: list[tuple[int, int | None]] = []
    import_persons(store, write_csv(tmp_path / "p.csv", good_rows(10)),
                   progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (4, None) and calls[-1] == (10, 10)
    assert [total for _, total in calls].index(10) > 0


def test_a_clean_run_removes_the_previous_error_report(store: Store, tmp_path: Path) -> None:
    rows = good_rows(2)
    good = rows[0][2]
    rows[0][2] = _with_bad_check_digit(good)
    path = write_csv(tmp_path / "fix.csv", rows)
    first = import_persons(store, path)
    assert first.error_file is not None and first.error_file.exists()
    rows[0][2] = good
    write_csv(path, rows)
    second: ImportReport = import_persons(store, path)
    assert second.imported == 2 and second.error_file is None and not first.error_file.exists()


def test_social_security_card_as_the_main_document(store: Store, tmp_path: Path) -> None:
    number = person_ids(1)[0]
    header = ("姓名", "证件类型", "证件号码", "社保卡卡号")
    report = import_persons(store, write_csv(tmp_path / "card.csv", [("张三", "社保卡", number, "a12345678")],
                                             header=header))
    assert report.imported == 1, report.problems
    with store.session() as session:
        documents = session.execute(select(PersonDocument.doc_type, PersonDocument.number,
                                           PersonDocument.card_number)).all()
    assert documents == [("ss_card", number, "A12345678")]


def test_unknown_document_type_is_one_clear_error(store: Store, tmp_path: Path) -> None:
    rows = [("张三", "护照", "E12345678")]
    report = import_persons(store, write_csv(tmp_path / "t.csv", rows, header=("姓名", "证件类型", "证件号码")))
    assert [(p.column, p.reason.startswith("“护照”不是有效的证件类型")) for p in report.errors] == [("证件类型", True)]


def test_a_number_registered_between_the_passes_rolls_back(store: Store, tmp_path: Path) -> None:
    from app.store.engine import raw_connect

    rows = good_rows(4)

    def register_at_the_counter(done: int, total: int | None) -> None:
        if total is None and done == len(rows):  # the end of the check pass
            counter = raw_connect(store.data_dir.db, store._key)
            counter.execute(
                "INSERT INTO person (id, version, updated_at, deleted, name, doc_type, doc_number, created_at) "
                "VALUES ('counter-1', 1, '2026-01-01 00:00:00.000000', 0, '窗口登记', 'resident_id', ?, "
                "'2026-01-01 00:00:00.000000')", (rows[2][2],))
            counter.close()

    with pytest.raises(RosterError, match="导入期间"):
        import_persons(store, write_csv(tmp_path / "race.csv", rows), progress=register_at_the_counter)
    assert set(_persons(store)) == {rows[2][2]}
    assert _count(store, OutboxEntry) == 0 and _count(store, AuditEntry) == 0
