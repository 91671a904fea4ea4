"""Opening the encrypted SQLite file: SQLCipher with a raw key, WAL, foreign keys, full sync."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from app.store.errors import DiskFullError, ForeignFileError, WrongKeyOrCorruptError, is_disk_full

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


def raw_connect(path: Path, key_hex: str) -> Any:
    """A keyed SQLCipher DB-API connection with the store's pragmas applied."""
    conn = sqlcipher.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, isolation_level=None)
    # SQLCipher prints decryption failures to stderr; the caller turns them into clear errors.
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise classify_open_error(path) from exc
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def page_problems(conn: Any) -> list[str]:
    """Damaged pages: SQLCipher's per-page HMAC check, then SQLite's structural check. Empty if sound."""
    problems: list[str] = []
    try:
        problems += [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlcipher.DatabaseError as exc:
        return [*problems, f"数据库文件已损坏：{exc}"]
    return problems + ([] if rows == ["ok"] else rows)


def classify_open_error(path: Path) -> Exception:
    try:
        head = path.read_bytes()[:16] if path.exists() else b""
    except OSError:
        head = b""
    if head == SQLITE_MAGIC:
        return ForeignFileError(
            f"数据文件夹中的 {path.name} 是一个未加密的 SQLite 文件，不是本程序的数据库。"
            "请确认数据文件夹选择正确；不要删除该文件，联系信息技术人员处理。"
        )
    return WrongKeyOrCorruptError(
        f"无法打开数据库 {path.name}：密钥不匹配，或文件已损坏。"
        "请不要删除数据文件夹。可以运行“fuwutai restore”从自动备份恢复，"
        "或联系县级信息技术人员从省级平台恢复本站数据。"
    )


def make_engine(path: Path, key_hex: str) -> Engine:
    # The URL has no file name (the creator opens the file), which would make SQLAlchemy pick its
    # in-memory SingletonThreadPool; that pool closes connections still used by other threads once more
    # than pool_size threads have touched it. A file store gets a real QueuePool.
    engine = create_engine(
        "sqlite://",
        creator=lambda: raw_connect(path, key_hex),
        module=sqlcipher,
        poolclass=QueuePool,
        pool_size=5,
        max_overflow=10,
        pool_pre_ping=False,
    )

    # Python's sqlite3 module starts transactions lazily and never for SELECT; SQLAlchemy's recommended
    # recipe makes BEGIN explicit so every unit of work is one real transaction.
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")

    # SQLITE_FULL anywhere on this engine (a session, a bulk import, a sync page) becomes the one clear
    # Chinese message; SQLAlchemy has already rolled the statement back when this runs.
    @event.listens_for(engine, "handle_error")
    def _disk_full(context: Any) -> None:
        if is_disk_full(context.original_exception):
            raise DiskFullError() from context.original_exception

    return engine
