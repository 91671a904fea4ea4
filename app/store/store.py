"""Creating and opening a station's local store: key, engine, migrations, sessions."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.clock import utcnow
from app.store import backup as backups
from app.store import keys, migrate, recovery
from app.store.engine import make_engine, page_problems, raw_connect
from app.store.errors import (
    BackupError,
    DiskFullError,
    ForeignFileError,
    StoreError,
    StoreNotInitialisedError,
    is_disk_full,
)
from app.store.models import Station
from app.store.outbox import REMOTE_APPLY
from app.store.paths import DataDir

DAILY_BACKUP_AFTER = timedelta(hours=24)


@dataclass
class Store:
    data_dir: DataDir
    engine: Engine
    store_id: str
    _key: str = field(repr=False)
    sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self, *, remote_apply: bool = False) -> Iterator[Session]:
        """One unit of work: commits on success, rolls back on any error."""
        with self.sessions() as session:
            if remote_apply:
                session.info[REMOTE_APPLY] = True
            try:
                yield session
                session.commit()
            except Exception as exc:
                session.rollback()
                if not isinstance(exc, DiskFullError) and is_disk_full(exc):
                    raise DiskFullError() from exc
                raise

    def station(self) -> Station | None:
        with self.sessions() as session:
            return session.scalars(select(Station)).first()

    def backup(self, reason: str = "manual") -> backups.BackupFile:
        return backups.take_backup(self.data_dir.db, self._key, self.data_dir.backups, reason)

    def backup_if_due(self) -> backups.BackupFile | None:
        routine = [b for b in backups.list_backups(self.data_dir.backups) if b.reason in {"daily", "manual"}]
        if routine and utcnow() - routine[0].taken_at < DAILY_BACKUP_AFTER:
            return None
        return self.backup("daily")

    def verify_backup(self, path: Path) -> None:
        backups.verify_backup(path, self._key)

    def integrity_check(self) -> list[str]:
        conn = raw_connect(self.data_dir.db, self._key)
        try:
            return page_problems(conn)
        finally:
            conn.close()

    def close(self) -> None:
        self.engine.dispose()
        recovery.mark_closed(self.data_dir.db)


def _info(data_dir: DataDir) -> keys.StoreInfo:
    return keys.StoreInfo.read(data_dir.store_info)


def store_exists(data_dir: DataDir) -> bool:
    return data_dir.db.exists() or data_dir.store_info.exists()


def create_store(data_dir: DataDir, station_code: str, station_name: str) -> Store:
    """Create a new, empty, encrypted store with its station row. Refuses to touch existing data."""
    if store_exists(data_dir):
        raise StoreError(
            f"数据文件夹 {data_dir.root} 中已经有服务台数据库，不能重复初始化。"
            "如需重新开始，请先备份并换用新的数据文件夹。"
        )
    data_dir.ensure()
    info = keys.StoreInfo(store_id=str(uuid.uuid4()))
    key = keys.create_key(info.store_id)
    info.write(data_dir.store_info)
    engine = make_engine(data_dir.db, key)
    migrate.upgrade(engine)
    store = Store(data_dir, engine, info.store_id, key)
    with store.session() as session:
        session.add(Station(code=station_code, name=station_name))
    return store


def open_store(data_dir: DataDir, *, auto_backup: bool = True) -> Store:
    """Open an existing store, migrating it (after a verified backup) when the program is newer."""
    if not data_dir.db.exists():
        if data_dir.store_info.exists():
            raise StoreError(
                f"数据文件夹 {data_dir.root} 中缺少数据库文件 {data_dir.db.name}。"
                "请运行“fuwutai restore”从备份恢复，或联系信息技术人员。"
            )
        raise StoreNotInitialisedError(
            f"数据文件夹 {data_dir.root} 中还没有服务台数据。"
            "请先运行“fuwutai init --station-code 区划代码 --station-name 站点名称”完成初始化。"
        )
    if not data_dir.store_info.exists():
        raise ForeignFileError(
            f"数据文件夹 {data_dir.root} 中的数据库缺少配套的 {data_dir.store_info.name}，"
            "无法确认它属于本站。请确认数据文件夹选择正确，或联系信息技术人员。"
        )
    data_dir.ensure()
    info = _info(data_dir)
    key = keys.load_key(info.store_id)
    recovery.check_at_start(data_dir.db, key)  # damaged pages: StoreCorruptError before any SQL runs
    engine = make_engine(data_dir.db, key)
    try:
        current = migrate.current_revision(engine)
        migrate.check_not_newer(current)
        if current != migrate.head_revision():
            if current is not None:
                backups.take_backup(data_dir.db, key, data_dir.backups, "pre-migration")
            migrate.upgrade(engine)
        store = Store(data_dir, engine, info.store_id, key)
        if auto_backup:
            try:
                store.backup_if_due()
            except BackupError:
                # The daily backup reads every page: a damaged page outside the start sample shows here.
                damaged = recovery.bad_pages(data_dir.db, key, sample=None)
                if damaged:
                    problems = [f"数据页 {p} 校验失败" for p in damaged]
                    raise recovery.StoreCorruptError(recovery.corrupt_message(problems), problems) from None
                raise
        return store
    except BaseException:
        engine.dispose()
        recovery.mark_closed(data_dir.db)
        raise
