"""Files that are not usable rosters give a RosterError with a Chinese sentence, never a traceback."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from app.errors import UserError
from app.io import RosterError, import_persons
from app.store import Store
from tests.app.io.conftest import good_rows, write_csv, write_xlsx


def _empty(folder: Path) -> Path:
    path = folder / "empty.csv"
    path.write_bytes(b"")
    return path


def _text_as_xlsx(folder: Path) -> Path:
    path = folder / "fake.xlsx"
    path.write_text("姓名,证件号码\n张三,1\n", encoding="utf-8")
    return path


def _zip_not_xlsx(folder: Path) -> Path:
    path = folder / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    return path


def _old_xls(folder: Path) -> Path:
    path = folder / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    return path


def _pdf(folder: Path) -> Path:
    path = folder / "roster.pdf"
    path.write_bytes(b"%PDF-1.4")
    return path


def _missing(folder: Path) -> Path:
    return folder / "nowhere.csv"


def _no_header(folder: Path) -> Path:
    return write_csv(folder / "noheader.csv", good_rows(2), header=("张三", "520102199001011234"))


def _missing_required(folder: Path) -> Path:
    return write_csv(folder / "noid.csv", [("张三", "男")], header=("姓名", "性别"))


def _header_only(folder: Path) -> Path:
    return write_csv(folder / "headeronly.csv", [])


def _duplicate_header(folder: Path) -> Path:
    return write_csv(folder / "dup.csv", [("张三", "1", "2")], header=("姓名", "证件号码", "身份证号码"))


def _undecodable(folder: Path) -> Path:
    path = folder / "garbage.csv"
    path.write_bytes(b"\x81\xff\xff\xfe\x80" * 20)  # neither UTF-8 nor GB18030
    return path


def _xlsx_named_csv(folder: Path) -> Path:
    path = write_xlsx(folder / "book.xlsx", good_rows(1))
    return path.rename(folder / "book.csv")


def _mixed_encoding(folder: Path) -> Path:
    path = write_csv(folder / "mixed.csv", good_rows(2), encoding="utf-8")
    with path.open("ab") as handle:
        handle.write(b"\n" + b"x" * 70_000 + "张三,".encode("gbk") + b"\n")
    return path


def _empty_workbook(folder: Path) -> Path:
    from openpyxl import Workbook

    path = folder / "blank.xlsx"
    Workbook().save(path)
    return path


BROKEN: dict[str, tuple[Callable[[Path], Path], str]] = {
    "empty file": (_empty, "空的"),
    "text named .xlsx": (_text_as_xlsx, "不是有效的 Excel"),
    "zip that is no workbook": (_zip_not_xlsx, "不是有效的 Excel"),
    "old .xls": (_old_xls, ".xls"),
    "unsupported type": (_pdf, "不支持"),
    "missing file": (_missing, "找不到文件"),
    "no header row": (_no_header, "找不到表头"),
    "missing required column": (_missing_required, "缺少必填列“证件号码”"),
    "header only": (_header_only, "没有人员数据"),
    "duplicate column": (_duplicate_header, "出现了不止一次"),
    "unknown encoding": (_undecodable, "编码"),
    "workbook named .csv": (_xlsx_named_csv, "改为 .xlsx"),
    "encoding changes mid-file": (_mixed_encoding, "编码"),
    "blank workbook": (_empty_workbook, "没有任何内容"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_broken_files_raise_a_clear_roster_error(store: Store, tmp_path: Path, case: str) -> None:
    make, expected = BROKEN[case]
    with pytest.raises(RosterError) as caught:
        import_persons(store, make(tmp_path))
    message = str(caught.value)
    assert expected in message
    assert re.search(r"[\u4e00-\u9fff]{4}", message) and message.rstrip().endswith(("。", "）"))
    assert isinstance(caught.value, UserError)
    assert not list(tmp_path.glob("*.错误报告.csv"))


def test_bundled_templates_have_exactly_the_roster_columns(store: Store) -> None:
    from openpyxl import load_workbook

    from app.io import COLUMNS
    from app.io.roster_columns import match_headers
    from app.refdata import resource_path

    expected = [column.template_header for column in COLUMNS]
    csv_header = resource_path("templates", "person_import_template.csv").read_text(encoding="utf-8-sig")
    assert csv_header.strip().split(",") == expected
    workbook = load_workbook(resource_path("templates", "person_import_template.xlsx"), read_only=True)
    try:
        assert workbook.sheetnames[:2] == ["人员名单", "填写说明"]
        header = next(workbook["人员名单"].iter_rows(max_row=1, values_only=True))
    finally:
        workbook.close()
    assert list(header) == expected
    match = match_headers(header)
    assert not match.unknown and not match.duplicates and not match.missing_required
    with pytest.raises(RosterError, match="没有人员数据"):
        import_persons(store, resource_path("templates", "person_import_template.xlsx"))
