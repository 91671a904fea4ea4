"""A newcomer's path from the README: init, import a roster, search, show, export, backup/restore."""

from __future__ import annotations

import csv
import json
import random
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.cli.main import run
from app.validation import synthetic_resident_id


def _init(tmp_path: Path) -> str:
    data = str(tmp_path / "station")
    assert run(["--data-dir", data, "init", "--station-code", "520102001", "--station-name", "五里冲街道"]) == 0
    return data


def _roster(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["姓名", "证件类型", "证件号码", "手机号码", "人员标签"])
        writer.writeheader()
        writer.writerows(rows)
    return path


def _people(n: int) -> list[dict[str, str]]:
    rng = random.Random(5)
    names = ["张三", "李四", "王五", "赵六", "钱七", "孙八"]
    return [
        {
            "姓名": names[i % len(names)],
            "证件类型": "居民身份证",
            "证件号码": synthetic_resident_id(rng, region="520102"),
            "手机号码": f"1990000{i:04d}",
            "人员标签": "农民工" if i % 2 else "",
        }
        for i in range(n)
    ]


def test_import_search_show_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _init(tmp_path)
    people = _people(6)
    roster = _roster(tmp_path / "roster.csv", people)
    assert run(["--data-dir", data, "import", "persons", str(roster)]) == 0
    capsys.readouterr()
    assert run(["--data-dir", data, "person", "search", "zs", "--json"]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["name"] for h in hits] == ["张三"]
    assert hits[0]["masked_id"] != people[0]["证件号码"] and "*" in hits[0]["masked_id"]
    assert run(["--data-dir", data, "person", "search", people[3]["证件号码"][:10], "--json"]) == 0
    assert any(h["name"] == "赵六" for h in json.loads(capsys.readouterr().out))
    assert run(["--data-dir", data, "person", "show", people[1]["证件号码"]]) == 0
    assert "李四" in capsys.readouterr().out
    out = tmp_path / "persons.xlsx"
    assert run(["--data-dir", data, "export", "persons", str(out)]) == 0
    workbook = load_workbook(out, read_only=True)  # read-only keeps the file open until closed
    try:
        sheet = workbook.active
        assert sheet is not None
        rows = [r for r in sheet.iter_rows(values_only=True) if any(r)]
    finally:
        workbook.close()
    assert len(rows) == 7 and {"张三", "李四"} <= {v for r in rows for v in r}


def test_bad_rows_import_nothing_and_are_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _init(tmp_path)
    people = _people(5)
    for row in (people[1], people[3]):
        last = row["证件号码"][-1]
        row["证件号码"] = row["证件号码"][:-1] + ("0" if last != "0" else "1")
    roster = _roster(tmp_path / "bad.csv", people)
    assert run(["--data-dir", data, "import", "persons", str(roster)]) == 1
    capsys.readouterr()
    assert run(["--data-dir", data, "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["persons"] == 0
    report = next(tmp_path.glob("bad*错误*"))
    text = report.read_text(encoding="utf-8-sig")
    assert "证件号码" in text and text.count("\n") >= 3
    assert run(["--data-dir", data, "import", "persons", str(roster), "--skip-invalid"]) == 0
    capsys.readouterr()
    assert run(["--data-dir", data, "status", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["persons"] == 3


def test_broken_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _init(tmp_path)
    broken = tmp_path / "roster.xlsx"
    broken.write_bytes(b"this is not a spreadsheet")
    assert run(["--data-dir", data, "import", "persons", str(broken)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err
