"""Opening the platform database (SQLite file or PostgreSQL URL) and its unit-of-work helpers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from sync.server.models import Base

DEFAULT_DB_URL = "sqlite:///fuwutai-platform.db"
DB_ENV = "FUWUTAI_PLATFORM_DB"
_WRITE = "fuwutai_write"


def resolve_url(url: str | None) -> str:
    """A full SQLAlchemy URL from ``--db``: a URL, a bare file path (SQLite), or the default."""
    url = url or os.environ.get(DB_ENV) or DEFAULT_DB_URL
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith(("postgresql://", "postgres://")):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


class Database:
    """One engine plus the two kinds of unit of work the platform uses."""

    def __init__(self, url: str | None = None, *, create: bool = True) -> None:
        self.url = resolve_url(url)
        self.is_sqlite = make_url(self.url).get_backend_name() == "sqlite"
        self.engine = _make_engine(self.url, self.is_sqlite)
        if create:
            Base.metadata.create_all(self.engine)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (one snapshot on SQLite WAL; READ COMMITTED statements on PostgreSQL)."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction; on SQLite it starts with ``BEGIN IMMEDIATE`` so writers queue, never deadlock."""
        with self.engine.connect() as connection:
            connection.execution_options(**{_WRITE: True})
            with Session(bind=connection, expire_on_commit=False) as session:
                yield session
                session.commit()

    def dispose(self) -> None:
        self.engine.dispose()


def _make_engine(url: str, is_sqlite: bool) -> Engine:
    if not is_sqlite:
        return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Let SQLAlchemy issue BEGIN itself (pysqlite's own transaction handling is bypassed).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        immediate = connection.get_execution_options().get(_WRITE)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
