"""Encryption at rest: no readable personal data in the store, its WAL or its backups; a copied store does
not open without its key; a lost key gives a clear message and the station's data comes back from the
platform (a fresh store enrolled for the same station pulls it). Figures: docs/reliability.md."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from app.store import DataDir, Store, create_store, open_store
from app.store import keys as store_keys
from app.store.errors import KeyMissingError, WrongKeyOrCorruptError
from app.validation import synthetic_resident_id
from tests.sync.client.conftest import (  # noqa: F401  (fixtures)
    STATION_A,
    enrolled,
    local_records,
    make_store,
    platform_records,
    sync_round,
)
from tests.sync.conftest import platform  # noqa: F401  (fixture)

REPO = Path(__file__).resolve().parents[2]
# Three-character names: even in GBK or UTF-16 a needle is 6 bytes, so a chance match in ciphertext is
# about one in 10^14 per position, never a false alarm.
SURNAMES = "甄龚鞠窦鄢闵"
GIVEN = "璟琰珂瑾晔昀翊煜"


def synthetic_people(count: int, seed: int) -> list[tuple[str, str, str]]:
    rng = random.Random(seed)
    people = []
    for i in range(count):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
        birth = date(1970 + i % 30, 1 + i % 12, 1 + i % 28)
        people.append((name, synthetic_resident_id(rng, region="520102", birth=birth), f"1990000{7000 + i:04d}"))
    return people


def encodings(value: str) -> list[bytes]:
    """Every way the value could sit in a file: UTF-8, GBK, UTF-16 (both orders), JSON \\u escapes."""
    escaped = json.dumps(value)[1:-1]
    forms = {
        value.encode("utf-8"),
        value.encode("gbk"),
        value.encode("utf-16-le"),
        value.encode("utf-16-be"),
        escaped.encode(),
        escaped.lower().encode(),
        escaped.upper().encode(),
    }
    return sorted(forms)


def found_in(folder: Path, people: list[tuple[str, str, str]]) -> list[str]:
    hits = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        for person in people:
            for value in person:
                for needle in encodings(value):
                    if needle in data:
                        hits.append(f"{path.name}: {needle!r}")
    return hits


def write_people(store: Store, people: list[tuple[str, str, str]]) -> None:
    """Persons, and for each a 失业登记 case (its form carries name, ID number and phone again)."""
    from app.auth import create_staff
    from app.calendar import default_calendar
    from app.catalog import load_bundled_catalog
    from app.persons import PersonInput, create_person
    from app.services.flows import accept_case
    from app.workflow import create_case
    from tests.reliability.test_rel_store_crash import _form

    catalog = load_bundled_catalog()
    with store.session() as session:
        clerk = create_staff(session, "clerk1", "测试clerk", "clerk", "test-pass-123")
    for name, doc, phone in people:
        with store.session() as session:
            pid, _ = create_person(
                session, clerk.id, PersonInput(name=name, doc_type="resident_id", doc_number=doc, phone=phone)
            )
            case_id = create_case(
                session,
                clerk,
                catalog.get("unemployment_registration"),
                pid,
                _form(name, doc, phone),
                today=date(2026, 3, 2),
            )
            accept_case(session, clerk, case_id, catalog=catalog, calendar=default_calendar(), today=date(2026, 3, 2))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_store_wal_and_backups_hold_no_readable_personal_data(tmp_path: Path) -> None:
    people = synthetic_people(60, seed=8401)
    # The search is sound: a plaintext SQLite file with the same rows is caught.
    control = tmp_path / "plain.db"
    with sqlite3.connect(control) as plain:
        plain.execute("CREATE TABLE p (name, doc, phone)")
        plain.executemany("INSERT INTO p VALUES (?, ?, ?)", people)
    assert len(found_in(tmp_path, people)) >= 3 * len(people)
    control.unlink()

    data_dir = DataDir(tmp_path / "data")
    store = create_store(data_dir, "520102001", "测试街道就业服务站")
    try:
        write_people(store, people)
        store.backup("manual")
        store.backup("daily")
        # While the store is open the latest changes sit in the WAL: it is scanned as written.
        wal = Path(str(data_dir.db) + "-wal")
        assert wal.exists() and wal.stat().st_size > 0
        scanned = sorted(p.name for p in data_dir.root.rglob("*") if p.is_file())
        assert found_in(data_dir.root, people) == []
        with store.session() as session:  # the rows are really there, readable through the key
            from sqlalchemy import func, select

            from app.store.models import Person

            assert session.scalar(select(func.count()).select_from(Person)) == len(people)
    finally:
        store.close()
    backups = sorted(p.name for p in data_dir.backups.iterdir())
    assert len(backups) >= 2
    assert found_in(data_dir.root, people) == []  # and after the WAL was checkpointed into the file
    print(
        f"\nencryption at rest: {len(people)} persons and cases, {len(people) * 3} values x 4-7 encodings; "
        f"files scanned {scanned}; no match"
    )


def test_a_copied_store_does_not_open_without_its_key(tmp_path: Path) -> None:
    people = synthetic_people(5, seed=8402)
    original = DataDir(tmp_path / "station")
    store = create_store(original, "520102001", "测试街道就业服务站")
    write_people(store, people)
    store.close()
    # The thief's copy: the database file and store.json.
    copy = DataDir(tmp_path / "copy")
    copy.root.mkdir()
    for name in ("fuwutai.db", "store.json"):
        (copy.root / name).write_bytes((original.root / name).read_bytes())
    before = sha256(copy.db)

    # Plain SQLite, and SQLCipher without the key or with a guessed one, read nothing.
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(copy.db).execute("SELECT count(*) FROM sqlite_master").fetchone()
    for key_pragma in (None, "PRAGMA key = 'station'", f"PRAGMA key = \"x'{'00' * 32}'\""):
        conn = sqlcipher.connect(str(copy.db))
        if key_pragma:
            conn.execute(key_pragma)
        with pytest.raises(sqlcipher.DatabaseError):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.close()

    # On another machine (its own, empty keyring) the program says the key is missing.
    other_keyring = tmp_path / "other-machine-keyring"
    other_keyring.mkdir()
    probe = (
        "import sys\nfrom app.store import DataDir, open_store\nfrom app.store.errors import StoreError\n"
        "try:\n    open_store(DataDir(__import__('pathlib').Path(sys.argv[1])))\n"
        "except StoreError as exc:\n    print(type(exc).__name__ + '|' + str(exc))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(copy.root)],
        check=False,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "XDG_DATA_HOME": str(other_keyring), "PYTHONPATH": str(REPO)},
    )
    kind, _, message = result.stdout.strip().partition("|")
    assert kind == "KeyMissingError", result.stdout + result.stderr
    assert "找不到此数据库的加密密钥" in message and "省级平台" in message

    # Beside another store's store.json (a real key of this machine, not its own): wrong key.
    other = DataDir(tmp_path / "other-store")
    create_store(other, "520102002", "另一服务站").close()
    other.db.unlink()
    for side in ("-wal", "-shm"):
        Path(str(other.db) + side).unlink(missing_ok=True)
    other.db.write_bytes(copy.db.read_bytes())
    with pytest.raises(WrongKeyOrCorruptError) as caught:
        open_store(other)
    assert "密钥不匹配" in str(caught.value) and "省级平台" in str(caught.value)
    assert sha256(copy.db) == before and sha256(other.db) == before  # nothing was changed by the attempts
    assert not Path(str(copy.db) + "-wal").exists()


def test_lost_key_says_so_and_the_station_comes_back_from_the_platform(
    platform: Any,  # noqa: F811
    enrolled: Callable[..., Store],  # noqa: F811
    sync_round: Callable[..., Any],  # noqa: F811
) -> None:
    people = synthetic_people(10, seed=8403)
    old = enrolled("pc-old")
    write_people(old, people)
    report = sync_round(old)
    assert report.ok and report.pending == 0, report
    expected = local_records(old)
    data_dir, store_id = old.data_dir, old.store_id
    old.close()
    db_before, info_before = sha256(data_dir.db), sha256(data_dir.store_info)

    store_keys.delete_key(store_id)  # the Windows profile or the desktop keyring was reset
    with pytest.raises(KeyMissingError) as caught:
        open_store(data_dir)
    message = str(caught.value)
    assert "找不到此数据库的加密密钥" in message and "请勿删除数据文件夹" in message
    assert "省级平台重新下载本站数据" in message and "部署与恢复说明" in message
    assert sha256(data_dir.db) == db_before and sha256(data_dir.store_info) == info_before

    # The documented recovery (docs/deployment.md, "Lost database key"): a new data folder, enrolled for
    # the same station with a new token, pulls every record the platform has.
    fresh = enrolled("pc-new")
    report = sync_round(fresh)
    assert report.ok, report.error

    # Staff accounts come back without their password hashes (never sent by the platform): staff log in
    # online once on the new store. Every other record is back exactly.
    def business(records: dict[tuple[str, str], Any]) -> dict[tuple[str, str], Any]:
        return {k: v for k, v in records.items() if k[0] != "staff"}

    restored = local_records(fresh)
    assert business(restored) == business(expected) == business(platform_records(platform, STATION_A))
    assert {k for k in restored if k[0] == "staff"} == {k for k in expected if k[0] == "staff"}
    assert len(business(restored)) >= 3 * len(people)
    print(
        f"\nlost key: KeyMissingError, files unchanged; fresh enrolled store pulled {len(business(restored))} "
        "records, equal to the lost store's"
    )
    fresh.close()
