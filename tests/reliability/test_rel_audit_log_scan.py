"""Issue 8 point 8: the end-of-session log scan (tests/reliability/log_scan.py, run by tests/conftest.py)
finds what it must, and the app's log redaction removes ID numbers, phones and names before they reach it.
"""

from __future__ import annotations

import logging
import random
from datetime import date
from pathlib import Path

from app.logsetup import configure_logging
from app.persons.model import PersonInput
from app.validation import synthetic_mobile, synthetic_name, synthetic_resident_id
from tests.reliability import log_scan


def test_hooks_record_generated_values_and_log_files(tmp_path: Path) -> None:
    rng = random.Random(88)
    number = synthetic_resident_id(rng, region="520102", birth=date(1985, 7, 8))
    phone, name = synthetic_mobile(rng), synthetic_name(rng)
    assert number in log_scan.GENERATED["id"] and phone in log_scan.GENERATED["mobile"]
    assert name in log_scan.GENERATED["name"]
    handler = logging.FileHandler(tmp_path / "other.log", encoding="utf-8")
    handler.close()
    assert tmp_path / "other.log" in log_scan.LOG_FILES


def test_scanner_finds_planted_personal_data(tmp_path: Path) -> None:
    rng = random.Random(89)
    number = synthetic_resident_id(rng, region="520102", birth=date(1979, 1, 30))
    clean = (
        "2026-11-26 00:50:05,123 INFO fuwutai.sync: pushed 12 changes in 0.84 s, cursor 1764118205123, "
        "case 520102001-20260925-0001, id 0193a1b2c3d4e5f6a7b8c9d0e1f2a3b4, hash 3f1a13912345678b9c\n"
    )
    assert log_scan.findings(clean, ["王小明明"], []) == []
    assert log_scan.findings(f"x {number} y", [], [])
    assert log_scan.findings("phone 13800138000.", [], [])
    assert log_scan.findings("name 欧阳小明 here", ["欧阳小明"], [])
    planted = tmp_path / "planted" / "fuwutai.log"
    planted.parent.mkdir()
    planted.write_text(clean + f"leak {number}\n", encoding="utf-8")
    count, problems = log_scan.scan(tmp_path)
    assert count >= 1 and planted in problems
    assert all(number not in hit for hit in problems[planted])  # the report never repeats the value
    planted.unlink()  # or the end-of-session scan would rightly fail the run on it


def test_app_log_redacts_what_an_exception_carries(tmp_path: Path) -> None:
    rng = random.Random(90)
    number = synthetic_resident_id(rng, region="520102", birth=date(1990, 2, 3))
    phone = synthetic_mobile(rng)
    name = "审计" + synthetic_name(rng)
    path = configure_logging(tmp_path / "logs")
    person = PersonInput(name=name, doc_type="resident_id", doc_number=number, phone=phone, residence_address="某路1号")
    log = logging.getLogger("fuwutai.test")
    try:
        raise ValueError(f'could not save {person!r}; body {{"name": "{name}", "phone": "{phone}"}}')
    except ValueError:
        log.exception("save failed for %s", number)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "save failed" in text and "[证件号已隐去]" in text
    assert log_scan.findings(text, [name], [number, phone]) == []
    assert name not in text and "某路1号" not in text
