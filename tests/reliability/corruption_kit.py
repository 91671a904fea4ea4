"""Helpers of the corruption tests: a small real store, changes after a backup, damaged pages."""

from __future__ import annotations

import os
from pathlib import Path
from random import Random

from app.auth import create_staff
from app.persons import PersonInput, create_person
from app.store import DataDir, create_store, open_store
from app.store.keys import StoreInfo, load_key
from app.store.recovery import PAGE_SIZE
from app.validation import synthetic_resident_id

PASSWORD = "test-pass-123"
NAMES = ("张晓梅", "李国强", "王建军", "赵丽娟", "陈志刚")


def key_of(data_dir: DataDir) -> str:
    return load_key(StoreInfo.read(data_dir.store_info).store_id)


def add_persons(data_dir: DataDir, count: int, rng: Random) -> list[str]:
    """Saves ``count`` persons through the service (each queues outbox rows); returns their ID numbers."""
    numbers = []
    store = open_store(data_dir, auto_backup=False)
    try:
        with store.session() as session:
            for n in range(count):
                number = synthetic_resident_id(rng)
                numbers.append(number)
                create_person(
                    session,
                    "clerk-1",
                    PersonInput(name=NAMES[n % len(NAMES)], doc_type="resident_id", doc_number=number),
                )
    finally:
        store.close()
    return numbers


def build_store(data_dir: DataDir, persons: int = 12, seed: int = 1) -> None:
    store = create_store(data_dir, "520102001", "测试街道就业服务站")
    try:
        with store.session() as session:
            create_staff(session, "clerk1", "测试窗口", "clerk", PASSWORD)
    finally:
        store.close()
    add_persons(data_dir, persons, Random(seed))


def outbox_after(data_dir: DataDir, seq: int) -> dict[int, str]:
    """seq -> entity of the outbox rows after ``seq`` (read from the sound store before it is damaged)."""
    store = open_store(data_dir, auto_backup=False)
    try:
        with store.engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT seq, entity FROM outbox WHERE seq > ?", (seq,)).all()
    finally:
        store.close()
    return {int(r[0]): str(r[1]) for r in rows}


def last_seq(data_dir: DataDir) -> int:
    return max(outbox_after(data_dir, 0), default=0)


def page_count(path: Path) -> int:
    return path.stat().st_size // PAGE_SIZE


def damage(path: Path, pages: list[int], rng: Random, *, whole: bool = False) -> None:
    """Overwrites part of each page (or the whole page) with random bytes, as a failing disk would."""
    with path.open("r+b") as handle:
        for pgno in pages:
            length = PAGE_SIZE if whole else rng.randint(1, 512)
            offset = 0 if whole else rng.randrange(0, PAGE_SIZE - length)
            handle.seek((pgno - 1) * PAGE_SIZE + offset)
            handle.write(os.urandom(length))
        handle.flush()
        os.fsync(handle.fileno())


def root_page(data_dir: DataDir, table: str) -> int:
    store = open_store(data_dir, auto_backup=False)
    try:
        with store.engine.connect() as conn:
            return int(conn.exec_driver_sql("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).scalar_one())
    finally:
        store.close()
