"""Fixtures for roster import/export tests: synthetic rows and writers for .csv and .xlsx files."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import Any

import pytest

from app.validation import synthetic_resident_id

HEADER = ("姓名*", "证件类型", "证件号码*", "性别", "民族", "学历", "手机号码", "户籍地址", "人员标签", "社保卡卡号")
NAMES = ("张三", "李四", "王小明", "欧阳建明", "单雄信", "吕小布", "龙某某", "杨某某")


@pytest.fixture(autouse=True)
def _keyring_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The store key goes to a plaintext keyring file; keep it inside this test's folder.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "keyring"))


def person_ids(count: int, seed: int = 5) -> list[str]:
    """Distinct valid citizen numbers (distinct birth dates)."""
    rng = Random(seed)
    return [synthetic_resident_id(rng, birth=date(1970, 1, 1) + timedelta(days=37 * i)) for i in range(count)]


def good_rows(count: int, seed: int = 5) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for index, number in enumerate(person_ids(count, seed)):
        rows.append([
            NAMES[index % len(NAMES)], "居民身份证" if index % 2 else "", number, "", "苗族" if index % 3 else "01",
            "本科" if index % 2 else "初中毕业", f"1990000{index:04d}", f"贵州省某县某镇{index}组",
            "脱贫人口、农民工" if index % 4 == 0 else "", "A1234567" + str(index % 10) if index == 1 else "",
        ])
    return rows


def write_csv(path: Path, rows: Sequence[Sequence[Any]], *, header: Sequence[str] = HEADER,
              encoding: str = "utf-8-sig", delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], *, header: Sequence[str] = HEADER,
               above: Sequence[Sequence[Any]] = ()) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in above:
        sheet.append(list(row))
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    workbook.save(path)
    return path


def read_error_file(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "the error report must start with a UTF-8 BOM for Excel"
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
