"""Issue 8.3, core: damaged pages are found at start, the damage is assessed, the latest good backup restored.

Real encrypted stores in tmp folders; pages are damaged by overwriting bytes of the file, as a failing disk
or a stray write would. Figures for docs/reliability.md are printed (run with ``-s``).
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from random import Random

import pytest

from app.store import DataDir, open_store, recovery
from app.store import backup as backups
from app.store.errors import BackupError, WrongKeyOrCorruptError
from app.store.recovery import StoreCorruptError, assess_damage, bad_pages, restore_latest
from tests.reliability.corruption_kit import (
    add_persons,
    build_store,
    damage,
    key_of,
    last_seq,
    outbox_after,
    page_count,
    root_page,
)

TRIALS = 60


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[DataDir, dict[int, str], list[str]]:
    """A store with a daily backup and 6 persons saved after it (their outbox rows are what a restore loses)."""
    data_dir = DataDir(tmp_path_factory.mktemp("pristine") / "data")
    build_store(data_dir)
    store = open_store(data_dir)  # takes the daily backup
    store.close()
    assert [b.reason for b in backups.list_backups(data_dir.backups)] == ["daily"]
    before = last_seq(data_dir)
    numbers = add_persons(data_dir, 6, Random(99))
    return data_dir, outbox_after(data_dir, before), numbers


def _copy(source: DataDir, target: Path) -> DataDir:
    shutil.copytree(source.root, target)
    return DataDir(target)


def test_rel_corruption_random_pages_are_detected_at_start_and_assessed(
    pristine: tuple[DataDir, dict[int, str], list[str]], tmp_path: Path
) -> None:
    source, expected, numbers = pristine
    count = page_count(source.db)
    assert count <= recovery.SAMPLE_PAGES  # a store this size is checked page by page on every start
    rng = Random(2026)
    outcomes: Counter[str] = Counter()
    for trial in range(TRIALS):
        data_dir = _copy(source, tmp_path / f"t{trial}")
        pages = rng.sample(range(1, count + 1), rng.randint(1, 4))
        damage(data_dir.db, pages, rng, whole=trial % 3 == 0)
        with pytest.raises((StoreCorruptError, WrongKeyOrCorruptError)) as caught:
            open_store(data_dir).close()
        report = assess_damage(data_dir)
        assert report.damaged and report.backup is not None
        if isinstance(caught.value, WrongKeyOrCorruptError):
            # The salt at the head of page 1 was hit: every page fails its HMAC, as under a wrong key.
            assert 1 in pages and report.problems[0].startswith("全部")
            outcomes["file header hit (all pages fail)"] += 1
        else:
            assert sorted(caught.value.problems) == sorted(f"数据页 {p} 校验失败" for p in pages)
            assert sorted(int(p.split()[1]) for p in report.problems) == sorted(pages)
        lost = {c.seq: c.entity for c in report.lost}
        assert lost.items() <= expected.items()  # never lists a change that is in the backup
        if not report.outbox_read:
            outcomes["outbox unreadable"] += 1
        elif report.unreadable == 0:
            assert lost == expected
            outcomes["all lost changes listed"] += 1
        else:
            outcomes["listed around damaged pages"] += 1
        text = "\n".join(report.summary())
        assert not any(number in text for number in numbers) and "张晓梅" not in text
    print(f"\ncorruption trials: {TRIALS}, store {count} pages, detected at start {TRIALS}, {dict(outcomes)}")
    assert outcomes["all lost changes listed"] > TRIALS // 2


def test_rel_corruption_lost_changes_are_listed_by_entity(
    pristine: tuple[DataDir, dict[int, str], list[str]], tmp_path: Path
) -> None:
    source, expected, numbers = pristine
    data_dir = _copy(source, tmp_path / "d")
    damage(data_dir.db, [root_page(data_dir, "audit_entry")], Random(1), whole=True)
    report = assess_damage(data_dir)
    assert report.damaged and report.outbox_read and report.unreadable == 0
    assert {c.seq: c.entity for c in report.lost} == expected
    assert all(c.at is not None and c.op == "upsert" for c in report.lost)
    labels = {recovery.ENTITY_LABELS.get(e, e) for e in expected.values()}
    assert report.lost_by_entity() == Counter(recovery.ENTITY_LABELS.get(e, e) for e in expected.values())
    text = "\n".join(report.summary())
    assert "人员：6 项" in text and all(label in text for label in labels)
    assert not any(number in text for number in numbers)


def test_rel_corruption_restore_latest_keeps_the_damaged_file_and_reopens(
    pristine: tuple[DataDir, dict[int, str], list[str]], tmp_path: Path
) -> None:
    source, expected, _numbers = pristine
    data_dir = _copy(source, tmp_path / "r")
    damage(data_dir.db, [root_page(data_dir, "person")], Random(3), whole=True)
    damaged_bytes = data_dir.db.read_bytes()
    report = assess_damage(data_dir)
    restored = restore_latest(data_dir, report)
    assert restored.backup == report.backup
    assert restored.kept.exists() and restored.kept.read_bytes() == damaged_bytes
    assert ".damaged-" in restored.kept.name
    store = open_store(data_dir)
    try:
        assert store.integrity_check() == []
        with store.engine.connect() as conn:
            persons = conn.exec_driver_sql("SELECT count(*) FROM person").scalar_one()
            newest = conn.exec_driver_sql("SELECT max(seq) FROM outbox").scalar_one()
        assert persons == 12 and newest < min(expected)  # the backup's state: the 6 later persons are gone
    finally:
        store.close()


def test_rel_corruption_damaged_backup_is_skipped_for_the_previous_good_one(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path / "data")
    build_store(data_dir, persons=3)
    store = open_store(data_dir, auto_backup=False)
    try:
        older = store.backup("daily")
        add_persons(data_dir, 2, Random(5))
        newer = store.backup("manual")
    finally:
        store.close()
    damage(newer.path, [3], Random(4), whole=True)
    damage(data_dir.db, [2], Random(4), whole=True)
    report = assess_damage(data_dir)
    assert report.backup is not None and report.backup.path == older.path
    assert [s.backup.path for s in report.skipped] == [newer.path]
    assert any(newer.path.name in line and "跳过" in line for line in report.summary())
    assert restore_latest(data_dir, report).backup.path == older.path
    open_store(data_dir).close()


def test_rel_corruption_no_good_backup_says_so_and_restore_refuses(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path / "data")
    build_store(data_dir, persons=2)
    damage(data_dir.db, [2], Random(8), whole=True)
    report = assess_damage(data_dir)
    assert report.damaged and report.backup is None
    assert any("没有可用的自动备份" in line for line in report.summary())
    with pytest.raises(BackupError):
        restore_latest(data_dir, report)
    assert data_dir.db.exists()  # nothing was moved


def test_rel_corruption_backup_of_a_damaged_store_is_refused_and_reported_as_damage(tmp_path: Path) -> None:
    """The daily backup reads every page: damage outside the start sample is caught there; no bad backup is kept."""
    data_dir = DataDir(tmp_path / "data")
    build_store(data_dir, persons=3)
    damage(data_dir.db, [root_page(data_dir, "person")], Random(6), whole=True)
    with pytest.raises(BackupError):
        backups.take_backup(data_dir.db, key_of(data_dir), data_dir.backups, "daily")
    assert list(data_dir.backups.iterdir()) == []  # neither a backup nor a .partial left behind
    original = recovery.check_at_start
    try:
        recovery.check_at_start = lambda db, key: None  # type: ignore[assignment]  # as if the sample missed it
        with pytest.raises(StoreCorruptError):
            open_store(data_dir).close()  # the daily backup is due and fails on the damaged page
    finally:
        recovery.check_at_start = original  # type: ignore[assignment]


def test_rel_corruption_unclean_shutdown_checks_every_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A start after a clean shutdown checks a sample; after a crash (marker left by another process) all pages."""
    data_dir = DataDir(tmp_path / "data")
    build_store(data_dir, persons=8)
    count = page_count(data_dir.db)
    monkeypatch.setattr(recovery, "SAMPLE_PAGES", 8)
    monkeypatch.setattr(recovery, "HEAD_PAGES", 4)
    victim = count - 1
    damage(data_dir.db, [victim], Random(7), whole=True)
    assert bad_pages(data_dir.db, key_of(data_dir), sample=None) == [victim]
    marker = data_dir.db.with_name(data_dir.db.name + recovery.IN_USE_SUFFIX)
    marker.write_text("999999999", encoding="ascii")  # a run that never closed the store
    with pytest.raises(StoreCorruptError):
        open_store(data_dir, auto_backup=False)
    assert marker.read_text(encoding="ascii") == "999999999"  # still marked: the next start checks again


def test_rel_corruption_clean_open_marks_in_use_and_close_clears(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path / "data")
    build_store(data_dir, persons=1)
    marker = data_dir.db.with_name(data_dir.db.name + recovery.IN_USE_SUFFIX)
    store = open_store(data_dir, auto_backup=False)
    assert marker.exists()
    store.close()
    assert not marker.exists()


def test_rel_corruption_wrong_key_is_still_reported_as_wrong_key(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path / "data")
    build_store(data_dir, persons=1)
    assert bad_pages(data_dir.db, "00" * 32, sample=None)  # every page fails under another key
    with pytest.raises(WrongKeyOrCorruptError):
        recovery.check_at_start(data_dir.db, "00" * 32)


def test_rel_corruption_retention_keeps_the_documented_numbers(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path / "data")
    build_store(data_dir, persons=1)
    key = key_of(data_dir)
    for _ in range(backups.KEEP_DAILY + 3):
        backups.take_backup(data_dir.db, key, data_dir.backups, "daily")
    for reason in ("pre-migration", "pre-restore") * 4:
        backups.take_backup(data_dir.db, key, data_dir.backups, reason)
    kept = backups.list_backups(data_dir.backups)
    assert Counter(b.reason in {"daily", "manual"} for b in kept) == {
        True: backups.KEEP_DAILY,
        False: backups.KEEP_PRE_MIGRATION,
    }
    for b in kept:  # each kept backup passed verification when written and still does
        backups.verify_backup(b.path, key)
    assert not list(data_dir.backups.glob("*.partial"))
