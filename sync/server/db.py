"""Opening the platform database (SQLite file or PostgreSQL URL) and its unit-of-work helpers."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from sync.server.models import Base

DEFAULT_DB_URL = "sqlite:///fuwutai-platform.db"
DB_ENV = "FUWUTAI_PLATFORM_DB"
_WRITE = "fuwutai_write"
WRITE_QUEUE_SECONDS = 30.0


class WriteQueueTimeout(PoolTimeout):
    """A SQLite writer waited its whole turn for the write lock: the platform is overloaded (HTTP 503)."""


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
        # SQLite has one writer at a time. This process's writers queue here, holding no connection,
        # and take the lock as soon as it is free. Left to SQLite's busy handler they poll with sleeps of
        # up to 100 ms: the lock idles between polls, an unlucky writer loses race after race (pushes
        # waited 29 s with 20 stations), and pollers hold pool connections that readers then wait for.
        self._writers = threading.RLock() if self.is_sqlite else None
        if create:
            Base.metadata.create_all(self.engine)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work (one snapshot on SQLite WAL; READ COMMITTED statements on PostgreSQL)."""
        with Session(self.engine, expire_on_commit=False) as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A write transaction; on SQLite it starts with ``BEGIN IMMEDIATE`` so writers queue, never deadlock.

        On SQLite the process's writers first take turns (:class:`WriteQueueTimeout`, answered 503, after
        ``WRITE_QUEUE_SECONDS``); other processes (admin commands) still meet SQLite's busy timeout.
        """
        if self._writers is not None and not self._writers.acquire(timeout=WRITE_QUEUE_SECONDS):
            raise WriteQueueTimeout("platform write queue: timed out")
        try:
            with self.engine.connect() as connection:
                connection.execution_options(**{_WRITE: True})
                with Session(bind=connection, expire_on_commit=False) as session:
                    yield session
                    session.commit()
        finally:
            if self._writers is not None:
                self._writers.release()

    def dispose(self) -> None:
        self.engine.dispose()


def _make_engine(url: str, is_sqlite: bool) -> Engine:
    if not is_sqlite:
        return create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True, hide_parameters=True)
    # hide_parameters: database errors never quote statement values (secrets' hashes, personal data) into logs.
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False}, hide_parameters=True)

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
