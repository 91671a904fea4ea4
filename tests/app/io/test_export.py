"""Exports to .xlsx: the person roster round trip, the case list, auditing and write failures."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app import audit
from app.io import COLUMNS, ExportError, export_cases, export_persons, import_persons
from app.store import DataDir, Store, create_store
from app.store.models import AuditEntry, Case, Employer, Person, Staff
from tests.app.io.conftest import good_rows, write_csv


def _sheet(path: Path) -> list[tuple[Any, ...]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _audit(store: Store, action: str) -> list[AuditEntry]:
    with store.session() as session:
        return list(session.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def test_person_export_round_trip(store: Store, tmp_path: Path) -> None:
    rows = good_rows(5)
    import_persons(store, write_csv(tmp_path / "in.csv", rows))
    target = tmp_path / "out" / "人员名单.xlsx"
    assert export_persons(store, target, actor_id="admin-1") == 5

    sheet = _sheet(target)
    assert sheet[0] == tuple(column.template_header for column in COLUMNS)
    width = len(COLUMNS)
    exported = {row[2]: dict(zip((c.key for c in COLUMNS), row + (None,) * (width - len(row)), strict=True))
                for row in sheet[1:]}
    assert set(exported) == {row[2] for row in rows}  # full ID numbers: the official roster
    first = exported[rows[0][2]]
    assert first["name"] == "张三" and first["doc_type"] == "居民身份证" and first["gender"] in {"男", "女"}
    assert first["ethnic"] == "汉族" and first["education"] == "初中毕业" and first["phone"] == "19900000000"
    assert sorted(first["tags"].split("、")) == ["农民工", "脱贫人口"]
    assert exported[rows[1][2]]["ss_card_number"] == "A12345671"
    assert exported[rows[1][2]]["ethnic"] == "苗族" and exported[rows[1][2]]["education"] == "大学本科毕业"

    entries = _audit(store, "export.persons")
    assert [(e.actor_id, e.detail) for e in entries] == [("admin-1", {"rows": 5, "format": "xlsx"})]
    assert not list(target.parent.glob(".*"))  # no temporary file left behind

    other = create_store(DataDir(tmp_path / "other"), "520102002", "另一个服务站")
    try:
        report = import_persons(other, target)
        assert report.imported == 5 and report.error_count == 0
        again = tmp_path / "again.xlsx"
        export_persons(other, again)
        assert sorted(_sheet(again)[1:], key=str) == sorted(sheet[1:], key=str)
    finally:
        other.close()


def test_case_export(store: Store, tmp_path: Path, catalog: Any) -> None:
    item = catalog.items()[0]
    with store.session() as session:
        staff = Staff(username="clerk9", display_name="测试经办", role="clerk", password_hash="-")
        person = Person(name="杨某某", doc_type="resident_id", doc_number="520102197405060022")
        employer = Employer(name="某某农民专业合作社", uscc="91520102MA6XXXXXX0")
        session.add_all([staff, person, employer])
        session.flush()
        session.add_all([
            Case(case_no="2026-0002", item_code=item.code, item_version=item.version, subject_kind="employer",
                 employer_id=employer.id, state="draft"),
            Case(case_no="2026-0001", item_code=item.code, item_version=item.version, subject_kind="person",
                 person_id=person.id, state="accepted", handler_id=staff.id, accepted_on=date(2026, 3, 2),
                 due_on=date(2026, 3, 11)),
            Case(case_no="2026-0003", item_code="unknown_item", item_version=1, subject_kind="person",
                 person_id=person.id, state="completed", closed_on=date(2026, 3, 3), deleted=True),
        ])
    target = tmp_path / "办件.xlsx"
    assert export_cases(store, target, actor_id="admin-1") == 2
    sheet = _sheet(target)
    assert sheet[0][:4] == ("办件编号", "事项编码", "事项名称", "状态")
    first, second = sheet[1], sheet[2]
    assert first[:7] == ("2026-0001", item.code, item.name, "已受理", "个人", "杨某某", "520102197405060022")
    assert first[7].date() == date(2026, 3, 2) and first[8].date() == date(2026, 3, 11) and first[10] == "测试经办"
    assert second[3:7] == ("草稿", "用人单位", "某某农民专业合作社", "91520102MA6XXXXXX0")
    assert [e.detail for e in _audit(store, "export.cases")] == [{"rows": 2, "format": "xlsx"}]
    with store.session() as session:
        assert audit.verify(session) == []


def test_export_to_an_unwritable_place_is_a_clear_error(store: Store, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="无法写入文件"):
        export_persons(store, blocker / "人员.xlsx")
    assert _audit(store, "export.persons") == []
