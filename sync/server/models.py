"""The platform's own tables (SQLAlchemy 2.0 typed ORM), for SQLite and PostgreSQL alike.

Uniqueness is decided by constraints, never by looking first: mutation ids are a primary key,
``(entity, entity_id)`` is unique, per-station business keys live in :class:`UniqueKey`, and each
station's feed positions are unique per station.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
# SQLite autoincrements only INTEGER PRIMARY KEY; PostgreSQL gets a BIGINT identity.
BigId = BigInteger().with_variant(Integer, "sqlite")


class UtcDateTime(TypeDecorator[datetime]):
    """Stored as naive UTC on every backend, handed back as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, datetime: UtcDateTime()}


class Station(Base):
    __tablename__ = "station"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    # Highest feed position handed out; bumped under this row's lock (see sync.server.sequence).
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime]


class Device(Base):
    __tablename__ = "device"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("station.code"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    client_version: Mapped[str] = mapped_column(String(40), default="")
    secret_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    reset_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    last_seen_at: Mapped[datetime | None] = mapped_column(default=None)


class EnrolToken(Base):
    __tablename__ = "enrol_token"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("station.code"))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None] = mapped_column(default=None)
    device_id: Mapped[str | None] = mapped_column(String(36), default=None)


class StaffUser(Base):
    __tablename__ = "staff_user"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_code: Mapped[str] = mapped_column(ForeignKey("station.code"))
    username: Mapped[str] = mapped_column(String(50))
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(default=None)
    created_at: Mapped[datetime]
    __table_args__ = (UniqueConstraint("station_code", "username", name="uq_staff_user_station_username"),)


class StaffSession(Base):
    __tablename__ = "staff_session"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff_user.id"), index=True)
    station_code: Mapped[str] = mapped_column(String(12))
    device_id: Mapped[str] = mapped_column(String(36))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    ended_at: Mapped[datetime | None] = mapped_column(default=None)


class AppKey(Base):
    __tablename__ = "app_key"
    key_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)


class Record(Base):
    """The current state of one synced record; ``seq`` is its position in its station's feed."""

    __tablename__ = "record"
    pk: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(64))
    station_code: Mapped[str] = mapped_column(ForeignKey("station.code"))
    seq: Mapped[int] = mapped_column(BigInteger)
    server_version: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    payload: Mapped[dict[str, Any]]
    origin: Mapped[str] = mapped_column(String(10))
    origin_device_id: Mapped[str | None] = mapped_column(String(36), default=None)
    # The person a case/document/tag is about, for province-wide look-ups.
    subject_id: Mapped[str | None] = mapped_column(String(64), default=None, index=True)
    changed_at: Mapped[datetime]
    __table_args__ = (
        UniqueConstraint("entity", "entity_id", name="uq_record_entity_id"),
        UniqueConstraint("station_code", "seq", name="uq_record_station_seq"),
    )


class RecordVersion(Base):
    """Every accepted version of a record, so a conflict can name the fields both sides changed."""

    __tablename__ = "record_version"
    entity: Mapped[str] = mapped_column(String(30), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    server_version: Mapped[int] = mapped_column(Integer, primary_key=True)
    payload: Mapped[dict[str, Any]]
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    origin_device_id: Mapped[str | None] = mapped_column(String(36), default=None)
    mutation_id: Mapped[str | None] = mapped_column(String(64), default=None)
    changed_at: Mapped[datetime]


class Mutation(Base):
    """Every accepted mutation id: the idempotency key of a push item (primary key = exactly once)."""

    __tablename__ = "mutation"
    mutation_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    station_code: Mapped[str] = mapped_column(String(12))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(64))
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    applied_at: Mapped[datetime]


class UniqueKey(Base):
    """A business key that must be unique among a station's live records (ID number, USCC, case number)."""

    __tablename__ = "unique_key"
    station_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(100), primary_key=True)
    entity_id: Mapped[str] = mapped_column(String(64), index=True)
    __table_args__ = (Index("ix_unique_key_kind_value", "kind", "value"),)


class RefDataVersion(Base):
    __tablename__ = "refdata_version"
    stream: Mapped[str] = mapped_column(String(20), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    published_at: Mapped[datetime]
    total: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))


class RefDataEntry(Base):
    __tablename__ = "refdata_entry"
    stream: Mapped[str] = mapped_column(String(20), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    data: Mapped[dict[str, Any]]


class Blob(Base):
    __tablename__ = "blob"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(100))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]


class BlobOwner(Base):
    __tablename__ = "blob_owner"
    sha256: Mapped[str] = mapped_column(ForeignKey("blob.sha256"), primary_key=True)
    station_code: Mapped[str] = mapped_column(String(12), primary_key=True)


class UploadPart(Base):
    __tablename__ = "upload_part"
    station_code: Mapped[str] = mapped_column(String(12), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    offset: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class QrToken(Base):
    __tablename__ = "qr_token"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    person: Mapped[dict[str, Any]]
    expires_at: Mapped[datetime]


class QrTokenUse(Base):
    """The first verification of a QR token: the code is single-use (a table of its own, so platform
    databases made before it gain it at start without a schema change to ``qr_token``)."""

    __tablename__ = "qr_token_use"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime]


class OnlineSubmission(Base):
    __tablename__ = "online_submission"
    application_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    station_code: Mapped[str] = mapped_column(String(12))
    case_id: Mapped[str] = mapped_column(String(64))
    case_no: Mapped[str] = mapped_column(String(60))
    person_id: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class LookupLog(Base):
    """Audit of province-wide look-ups: who asked what, when (the ID number hashed)."""

    __tablename__ = "lookup_log"
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    station_code: Mapped[str] = mapped_column(String(12))
    device_id: Mapped[str] = mapped_column(String(36))
    staff_id: Mapped[str] = mapped_column(String(36))
    purpose: Mapped[str] = mapped_column(String(20))
    doc_hash: Mapped[str] = mapped_column(String(64))
    found: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text, default=None)


Index("ix_record_entity_station", Record.station_code, Record.entity)
