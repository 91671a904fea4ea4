from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.store import DataDir, Store, open_store
from app.store import backup as backups
from app.store.errors import BackupError
from app.store.models import Person


def _count(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(Person)) or 0


def _add(store: Store, n: int, start: int = 0) -> None:
    with store.session() as session:
        for i in range(start, start + n):
            session.add(Person(name=f"人{i}", doc_type="resident_id", doc_number=f"X{i:017d}"))


def test_backup_is_verified_and_restorable(store: Store, data_dir: DataDir) -> None:
    _add(store, 3)
    taken = store.backup()
    assert taken.reason == "manual" and taken.path.exists()
    _add(store, 2, start=10)
    assert _count(store) == 5
    store.close()
    kept = backups.restore_file(taken.path, data_dir.db, store._key)
    assert kept.exists()
    reopened = open_store(data_dir, auto_backup=False)
    assert _count(reopened) == 3
    reopened.close()


def test_corrupt_backup_is_refused(store: Store) -> None:
    _add(store, 50)
    taken = store.backup()
    raw = bytearray(taken.path.read_bytes())
    raw[5000:5100] = b"\x00" * 100
    taken.path.write_bytes(bytes(raw))
    with pytest.raises(BackupError):
        store.verify_backup(taken.path)


def test_daily_backup_once_a_day_and_retention(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    first = store.backup_if_due()
    assert first is not None and first.reason == "daily"
    assert store.backup_if_due() is None
    for _ in range(backups.KEEP_DAILY + 3):
        store.backup("manual")
    routine = [b for b in backups.list_backups(store.data_dir.backups) if b.reason in {"daily", "manual"}]
    assert len(routine) == backups.KEEP_DAILY
    later = backups.utcnow() + timedelta(days=2)
    monkeypatch.setattr("app.store.store.utcnow", lambda: later)
    assert store.backup_if_due() is not None


def test_pre_migration_backup(store: Store, data_dir: DataDir) -> None:
    from app.store import migrate

    migrate.downgrade(store.engine, "0001")
    store.close()
    reopened = open_store(data_dir, auto_backup=False)
    reasons = [b.reason for b in backups.list_backups(data_dir.backups)]
    assert "pre-migration" in reasons
    assert migrate.current_revision(reopened.engine) == migrate.head_revision()
    reopened.close()
