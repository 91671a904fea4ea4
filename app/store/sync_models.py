"""Client-side synchronisation state kept in the local store.

Written only by the sync client (``sync/client``); the core reads nothing here except through the
client's own functions. The rows of the synced tables themselves, their outbox entries and simple
key/value state (cursor, server address, reference-data versions) live in :mod:`app.store.models`.

- :class:`SyncShadow`: the platform's copy of each synced row as last seen (pulled or acknowledged).
  It is the common base of a three-way comparison: which fields did this station change, which did
  the platform change? Without it a pull could not tell a rebase from a conflict.
- :class:`SyncConflict`: a change the platform and this station both made to the same fields; both
  versions are kept until staff choose field by field.
- :class:`SyncParked`: a pulled change that could not be applied yet (its parent record has not
  arrived, or it clashes with a local record); kept so the cursor can move on and retried each pull.
- :class:`RefDataEntry`: entries of the platform's reference-data streams that have no table of
  their own (catalog definitions, job postings, policy / service / contact lists).
- :class:`OnlineLogin`: staff who logged in online on this workstation, the only ones who may later
  log in offline here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.clock import utcnow
from app.store.models import Base, new_id


class SyncShadow(Base):
    """The platform's copy of one synced row at ``server_version`` (wire form, as last seen)."""

    __tablename__ = "sync_shadow"
    entity: Mapped[str] = mapped_column(String(30), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    server_version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)


class SyncConflict(Base):
    """Both versions of a record that this station and the platform changed in the same fields.

    ``origin`` says where it was found: ``push`` (the platform answered "conflict") or ``pull`` (a
    change arrived for a record with unsent local edits). ``fields`` lists the fields in dispute;
    ``local`` and ``server`` are whole rows in wire form. At most one open conflict per record.
    """

    __tablename__ = "sync_conflict"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(36))
    origin: Mapped[str] = mapped_column(String(10))  # push | pull
    state: Mapped[str] = mapped_column(String(10), default="open")  # open | resolved
    server_version: Mapped[int | None] = mapped_column(Integer, default=None)
    fields: Mapped[list[str]] = mapped_column(JSON)
    base: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    local: Mapped[dict[str, Any]] = mapped_column(JSON)
    server: Mapped[dict[str, Any]] = mapped_column(JSON)
    server_deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    resolved_by: Mapped[str | None] = mapped_column(String(36), default=None)
    resolution: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    __table_args__ = (
        Index(
            "ux_sync_conflict_open",
            "entity",
            "entity_id",
            unique=True,
            sqlite_where=text("state = 'open'"),
        ),
        Index("ix_sync_conflict_state", "state"),
    )


class SyncParked(Base):
    """A pulled change waiting to be applied; ``reason`` says why it could not be (Chinese)."""

    __tablename__ = "sync_parked"
    entity: Mapped[str] = mapped_column(String(30), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    server_version: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    reason: Mapped[str] = mapped_column(Text)
    parked_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class RefDataEntry(Base):
    """One entry of a reference-data stream at the version last applied (the stream is replaced whole)."""

    __tablename__ = "refdata_entry"
    stream: Mapped[str] = mapped_column(String(20), primary_key=True)
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class OnlineLogin(Base):
    """A staff member who logged in online (checked by the platform) on this workstation."""

    __tablename__ = "online_login"
    username: Mapped[str] = mapped_column(String(50), primary_key=True)
    staff_id: Mapped[str | None] = mapped_column(String(36), default=None)
    first_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    note: Mapped[str | None] = mapped_column(Text, default=None)
