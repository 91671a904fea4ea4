from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import select, text

from app.store import DataDir, Store, create_store, open_store
from app.store import keys as store_keys
from app.store.errors import (
    ForeignFileError,
    KeyMissingError,
    KeyringUnavailableError,
    NewerSchemaError,
    StoreError,
    StoreNotInitialisedError,
    WrongKeyOrCorruptError,
)
from app.store.models import OutboxEntry, Person
from app.store.outbox import TombstoneOnlyError

NAME = "测试甲乙"
ID = "520102199001011237"
PHONE = "19900001234"


def _person(**kw: object) -> Person:
    values: dict[str, object] = {
        "name": NAME,
        "doc_type": "resident_id",
        "doc_number": ID,
        "phone": PHONE,
        "birth_date": date(1990, 1, 1),
    }
    values.update(kw)
    return Person(**values)


def test_pragmas_are_set(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA cipher_version").scalar()


def test_file_and_backup_hold_no_readable_personal_data(store: Store) -> None:
    with store.session() as session:
        session.add(_person())
    backup = store.backup()
    store.close()
    for path in [store.data_dir.db, backup.path, *store.data_dir.root.glob("fuwutai.db-wal")]:
        raw = path.read_bytes()
        for secret in (NAME.encode(), ID.encode(), PHONE.encode(), NAME.encode("gbk")):
            assert secret not in raw, path
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(store.data_dir.db).execute("select count(*) from person").fetchall()


def test_change_writes_outbox_in_same_transaction(store: Store) -> None:
    with store.session() as session:
        session.add(_person())
    with pytest.raises(RuntimeError), store.session() as session:
        person = session.scalars(select(Person)).one()
        person.phone = "19900009999"
        session.flush()
        raise RuntimeError("abandon")
    with store.session() as session:
        rows = session.scalars(select(OutboxEntry)).all()
        assert [(r.op, r.version) for r in rows] == [("upsert", 1)]
        person = session.scalars(select(Person)).one()
        assert person.phone == PHONE and person.version == 1
        person.deleted = True
    with store.session() as session:
        rows = session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
        assert [(r.op, r.version, r.entity) for r in rows] == [("upsert", 1, "person"), ("delete", 2, "person")]
        assert rows[1].payload["deleted"] is True and rows[1].payload["birth_date"] == "1990-01-01"


def test_remote_apply_queues_nothing(store: Store) -> None:
    with store.session(remote_apply=True) as session:
        session.add(_person(server_version=3))
    with store.session() as session:
        assert session.scalars(select(OutboxEntry)).all() == []


def test_rows_are_tombstoned_never_deleted(store: Store) -> None:
    with store.session() as session:
        session.add(_person())
    with pytest.raises(TombstoneOnlyError), store.session() as session:
        session.delete(session.scalars(select(Person)).one())


def test_unique_live_document_number(store: Store) -> None:
    with store.session() as session:
        session.add(_person())
    with pytest.raises(Exception, match="UNIQUE"), store.session() as session:
        session.add(_person())


def test_reopen_and_init_twice_refused(store: Store, data_dir: DataDir) -> None:
    store.close()
    again = open_store(data_dir)
    assert again.station() is not None and again.station().name == "测试街道就业服务站"  # type: ignore[union-attr]
    again.close()
    with pytest.raises(StoreError, match="不能重复初始化"):
        create_store(data_dir, "520102001", "x")


def test_not_initialised(tmp_path: Path) -> None:
    with pytest.raises(StoreNotInitialisedError, match="fuwutai init"):
        open_store(DataDir(tmp_path / "empty"))


def test_missing_key_is_a_clear_error(store: Store, data_dir: DataDir) -> None:
    store.close()
    store_keys.delete_key(store.store_id)
    with pytest.raises(KeyMissingError, match="找不到此数据库的加密密钥"):
        open_store(data_dir)


def test_wrong_key_is_a_clear_error(store: Store, data_dir: DataDir) -> None:
    store.close()
    keyring.set_password(store_keys.SERVICE, store.store_id, "ab" * 32)
    with pytest.raises(WrongKeyOrCorruptError, match="密钥不匹配"):
        open_store(data_dir)


def test_foreign_plain_sqlite_file(store: Store, data_dir: DataDir) -> None:
    store.close()
    data_dir.db.unlink()
    Path(str(data_dir.db) + "-wal").unlink(missing_ok=True)
    conn = sqlite3.connect(data_dir.db)
    conn.execute("create table other(x)")
    conn.commit()
    conn.close()
    with pytest.raises(ForeignFileError, match="未加密"):
        open_store(data_dir)


def test_garbage_file(store: Store, data_dir: DataDir) -> None:
    store.close()
    data_dir.db.write_bytes(b"not a database at all" * 100)
    with pytest.raises(WrongKeyOrCorruptError):
        open_store(data_dir)


def test_newer_schema_refused_without_damage(store: Store, data_dir: DataDir) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    store.close()
    before = data_dir.db.read_bytes()
    with pytest.raises(NewerSchemaError, match="更新版本"):
        open_store(data_dir)
    assert data_dir.db.read_bytes() == before


def test_no_keyring_is_explained(data_dir: DataDir) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        with pytest.raises(KeyringUnavailableError, match="安全密钥库"):
            create_store(data_dir, "520102001", "x")
    finally:
        keyring.set_keyring(previous)


def test_outbox_payload_has_foreign_keys_set_through_relationships(store: Store) -> None:
    from app.store.models import PersonDocument

    with store.session() as session:
        person = _person()
        session.add(person)
        session.add(PersonDocument(person=person, doc_type="resident_id", number=ID))
    with store.session() as session:
        doc_entry = session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "person_document")).one()
        person_id = session.scalars(select(Person.id)).one()
        assert doc_entry.payload["person_id"] == person_id


def test_staff_secrets_and_login_counters_stay_local(store: Store) -> None:
    from app.auth import AuthError, authenticate, create_staff

    with store.session() as session:
        create_staff(session, "clerk9", "某某", "clerk", "clerk-pass-9")
    with store.session() as session:
        entry = session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "staff")).one()
        assert "password_hash" not in entry.payload and "failed_logins" not in entry.payload
    with store.session() as session:
        authenticate(session, "clerk9", "clerk-pass-9")
    with pytest.raises(AuthError), store.session() as session:
        authenticate(session, "clerk9", "wrong-pass-1")
    with store.session() as session:
        assert len(session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "staff")).all()) == 1
