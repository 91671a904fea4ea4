"""The local store's tables, as SQLAlchemy 2.0 typed ORM classes.

Rows that travel to the provincial platform carry :class:`Synced`: a device-made UUID, a local
version, the server version last seen, ``updated_at`` and a tombstone flag (rows are never deleted,
so a deletion can be synchronised). The outbox row for each change is written by
:mod:`app.store.outbox` in the same flush.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.clock import utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {dict[str, Any]: JSON, list[str]: JSON}


class Synced:
    """Columns every synchronised row has."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    server_version: Mapped[int | None] = mapped_column(Integer, default=None)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)

    # Entity name used on the wire and in the outbox.
    __entity__: str = ""
    # Columns that stay on this workstation: never sent, and changing only them queues nothing.
    __local_only__: frozenset[str] = frozenset()


class Station(Base):
    """This workstation's service point. One row."""

    __tablename__ = "station"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    code: Mapped[str] = mapped_column(String(12))
    name: Mapped[str] = mapped_column(String(100))
    device_id: Mapped[str] = mapped_column(String(36), default=new_id)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Staff(Synced, Base):
    __tablename__ = "staff"
    __entity__ = "staff"
    # Password hashes and login counters never leave the workstation.
    __local_only__ = frozenset({"password_hash", "failed_logins", "locked_until", "last_login_at"})
    username: Mapped[str] = mapped_column(String(50), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(20))  # clerk | reviewer | admin
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime, default=None)
    last_login_at: Mapped[datetime | None] = mapped_column(DateTime, default=None)


class Person(Synced, Base):
    __tablename__ = "person"
    __entity__ = "person"
    name: Mapped[str] = mapped_column(String(60))
    gender: Mapped[str | None] = mapped_column(String(1), default=None)  # GB/T 2261.1
    birth_date: Mapped[date | None] = mapped_column(Date, default=None)
    ethnic: Mapped[str | None] = mapped_column(String(2), default=None)
    education: Mapped[str | None] = mapped_column(String(2), default=None)
    hukou_type: Mapped[str | None] = mapped_column(String(10), default=None)
    phone: Mapped[str | None] = mapped_column(String(20), default=None)
    # The main document: type code (doc_type table) and normalised number; unique among live rows.
    doc_type: Mapped[str] = mapped_column(String(20))
    doc_number: Mapped[str] = mapped_column(String(30))
    hukou_address: Mapped[str | None] = mapped_column(String(200), default=None)
    residence_address: Mapped[str | None] = mapped_column(String(200), default=None)
    division_code: Mapped[str | None] = mapped_column(String(12), default=None)
    employment_status: Mapped[str | None] = mapped_column(String(20), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    documents: Mapped[list[PersonDocument]] = relationship(
        back_populates="person", cascade="all", order_by="PersonDocument.doc_type"
    )
    tags: Mapped[list[PersonTag]] = relationship(back_populates="person", cascade="all")

    __table_args__ = (
        Index("ux_person_doc", "doc_number", unique=True, sqlite_where=text("deleted = 0")),
        Index("ix_person_phone", "phone"),
    )


class PersonDocument(Synced, Base):
    """Every identity document a person has shown (居民身份证, 社保卡, 居住证, 通行证)."""

    __tablename__ = "person_document"
    __entity__ = "person_document"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    doc_type: Mapped[str] = mapped_column(String(20))
    number: Mapped[str] = mapped_column(String(30))
    card_number: Mapped[str | None] = mapped_column(String(20), default=None)  # 社保卡卡号
    valid_until: Mapped[date | None] = mapped_column(Date, default=None)
    person: Mapped[Person] = relationship(back_populates="documents")
    __table_args__ = (UniqueConstraint("doc_type", "number", name="uq_person_document_type_number"),)


class PersonTag(Synced, Base):
    __tablename__ = "person_tag"
    __entity__ = "person_tag"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    tag: Mapped[str] = mapped_column(String(30))
    person: Mapped[Person] = relationship(back_populates="tags")
    __table_args__ = (
        UniqueConstraint("person_id", "tag", name="uq_person_tag_person_tag"),
        Index("ix_person_tag_tag", "tag"),
    )


class Household(Synced, Base):
    __tablename__ = "household"
    __entity__ = "household"
    head_person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), default=None)
    address: Mapped[str | None] = mapped_column(String(200), default=None)
    division_code: Mapped[str | None] = mapped_column(String(12), default=None)
    relocated: Mapped[bool] = mapped_column(Boolean, default=False)
    settlement_name: Mapped[str | None] = mapped_column(String(100), default=None)
    origin_village: Mapped[str | None] = mapped_column(String(100), default=None)
    zero_employment_since: Mapped[date | None] = mapped_column(Date, default=None)
    zero_employment_cleared_on: Mapped[date | None] = mapped_column(Date, default=None)
    members: Mapped[list[HouseholdMember]] = relationship(back_populates="household", cascade="all")


class HouseholdMember(Synced, Base):
    __tablename__ = "household_member"
    __entity__ = "household_member"
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    relation: Mapped[str | None] = mapped_column(String(10), default=None)
    working_age: Mapped[bool] = mapped_column(Boolean, default=True)
    able_to_work: Mapped[bool] = mapped_column(Boolean, default=True)
    # Changes of membership (app.households.members): a member who left is tombstoned with when and why.
    joined_on: Mapped[date | None] = mapped_column(Date, default=None)
    left_on: Mapped[date | None] = mapped_column(Date, default=None)
    left_reason: Mapped[str | None] = mapped_column(String(20), default=None)
    left_note: Mapped[str | None] = mapped_column(String(200), default=None)
    household: Mapped[Household] = relationship(back_populates="members")
    __table_args__ = (UniqueConstraint("household_id", "person_id", name="uq_household_member_pair"),)


class Employer(Synced, Base):
    __tablename__ = "employer"
    __entity__ = "employer"
    uscc: Mapped[str | None] = mapped_column(String(18), default=None)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str | None] = mapped_column(String(10), default=None)
    industry_section: Mapped[str | None] = mapped_column(String(2), default=None)
    key_industry: Mapped[str | None] = mapped_column(String(20), default=None)
    division_code: Mapped[str | None] = mapped_column(String(12), default=None)
    address: Mapped[str | None] = mapped_column(String(200), default=None)
    contact_name: Mapped[str | None] = mapped_column(String(60), default=None)
    contact_phone: Mapped[str | None] = mapped_column(String(20), default=None)
    founded_on: Mapped[date | None] = mapped_column(Date, default=None)
    on_commitment: Mapped[bool] = mapped_column(Boolean, default=False)
    verified_on: Mapped[date | None] = mapped_column(Date, default=None)
    __table_args__ = (Index("ux_employer_uscc", "uscc", unique=True, sqlite_where=text("deleted = 0")),)


class JobPosting(Synced, Base):
    __tablename__ = "job_posting"
    __entity__ = "job_posting"
    employer_id: Mapped[str | None] = mapped_column(ForeignKey("employer.id"), default=None, index=True)
    title: Mapped[str] = mapped_column(String(100))
    occupation_code: Mapped[str | None] = mapped_column(String(20), default=None)
    headcount: Mapped[int] = mapped_column(Integer, default=1)
    salary_min: Mapped[int | None] = mapped_column(Integer, default=None)
    salary_max: Mapped[int | None] = mapped_column(Integer, default=None)
    conditions: Mapped[str | None] = mapped_column(Text, default=None)
    division_code: Mapped[str | None] = mapped_column(String(12), default=None)
    key_industry: Mapped[str | None] = mapped_column(String(20), default=None)
    on_commitment: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="open")
    published_on: Mapped[date | None] = mapped_column(Date, default=None)
    expires_on: Mapped[date | None] = mapped_column(Date, default=None)


class Case(Synced, Base):
    """One service handled for a subject (办件)."""

    __tablename__ = "case"
    __entity__ = "case"
    case_no: Mapped[str] = mapped_column(String(40), unique=True)
    item_code: Mapped[str] = mapped_column(String(50))
    item_version: Mapped[int] = mapped_column(Integer)
    subject_kind: Mapped[str] = mapped_column(String(20))  # person | employer | household
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), default=None, index=True)
    employer_id: Mapped[str | None] = mapped_column(ForeignKey("employer.id"), default=None, index=True)
    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"), default=None, index=True)
    state: Mapped[str] = mapped_column(String(20), default="draft")
    form_data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    on_commitment: Mapped[bool] = mapped_column(Boolean, default=False)
    channel: Mapped[str] = mapped_column(String(20), default="counter")
    handler_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None, index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    accepted_on: Mapped[date | None] = mapped_column(Date, default=None)
    due_on: Mapped[date | None] = mapped_column(Date, default=None)
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    close_reason: Mapped[str | None] = mapped_column(Text, default=None)
    events: Mapped[list[CaseEvent]] = relationship(back_populates="case", cascade="all", order_by="CaseEvent.at")
    __table_args__ = (
        Index("ix_case_state_due", "state", "due_on"),
        Index("ix_case_item", "item_code"),
        # 统计: registrations per item and month read this index alone (migration 0009).
        Index("ix_case_item_accepted", "item_code", "accepted_on", "state", "deleted"),
        # Covers the case list (live, newest first) and its filters: see migration 0004.
        Index(
            "ix_case_list",
            "created_at", "deleted", "id", "state", "item_code", "handler_id", "due_on", "accepted_on",
        ),
    )


class CaseEvent(Synced, Base):
    __tablename__ = "case_event"
    __entity__ = "case_event"
    case_id: Mapped[str] = mapped_column(ForeignKey("case.id"), index=True)
    action: Mapped[str] = mapped_column(String(30))
    from_state: Mapped[str | None] = mapped_column(String(20), default=None)
    to_state: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    case: Mapped[Case] = relationship(back_populates="events")


class Attachment(Synced, Base):
    """A scanned or attached file; the bytes live content-addressed under ``attachments/``."""

    __tablename__ = "attachment"
    __entity__ = "attachment"
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int] = mapped_column(Integer)
    media_type: Mapped[str] = mapped_column(String(100), default="application/octet-stream")
    filename: Mapped[str | None] = mapped_column(String(200), default=None)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case.id"), default=None, index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), default=None, index=True)
    material: Mapped[str | None] = mapped_column(String(50), default=None)
    uploaded: Mapped[bool] = mapped_column(Boolean, default=False)


class FollowUp(Synced, Base):
    __tablename__ = "follow_up"
    __entity__ = "follow_up"
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), default=None, index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case.id"), default=None, index=True)
    kind: Mapped[str] = mapped_column(String(30))
    due_on: Mapped[date] = mapped_column(Date, index=True)
    done_on: Mapped[date | None] = mapped_column(Date, default=None)
    done_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    outcome: Mapped[str | None] = mapped_column(Text, default=None)


class AuditEntry(Base):
    """Append-only, hash-chained record of every view and change of personal data.

    ``detail`` holds ids and field names only, never names, ID numbers or phones.
    """

    __tablename__ = "audit_entry"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    actor_id: Mapped[str | None] = mapped_column(String(36), default=None)
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class OutboxEntry(Base):
    """One change waiting to reach the platform; ``id`` is its idempotency key."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(36), unique=True, default=new_id)
    entity: Mapped[str] = mapped_column(String(30))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(20))  # upsert | delete | command
    base_version: Mapped[int | None] = mapped_column(Integer, default=None)
    version: Mapped[int] = mapped_column(Integer)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    state: Mapped[str] = mapped_column(String(20), default="pending")  # pending | done | rejected
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)
    __table_args__ = (Index("ix_outbox_state_seq", "state", "seq"),)


class CodeEntry(Base):
    """Local code tables (bundled, edited locally, or pushed by the platform)."""

    __tablename__ = "code_entry"
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    label: Mapped[str] = mapped_column(String(100))
    parent: Mapped[str | None] = mapped_column(String(20), default=None)
    sort: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    source_version: Mapped[str] = mapped_column(String(40), default="bundled")


class CalendarOverride(Base):
    """A working-day decision that wins over the bundled holiday table."""

    __tablename__ = "calendar_override"
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    is_workday: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(String(100), default=None)
    source: Mapped[str] = mapped_column(String(20), default="local")


class Setting(Base):
    """Small key/value state (sync cursor, last backup, case number counter)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


SYNCED_MODELS: tuple[type[Synced], ...] = (
    Staff,
    Person,
    PersonDocument,
    PersonTag,
    Household,
    HouseholdMember,
    Employer,
    JobPosting,
    Case,
    CaseEvent,
    Attachment,
    FollowUp,
)

from app.store import models_assistance as _assistance  # noqa: E402
from app.store import models_employment as _employment  # noqa: E402
from app.store import models_households as _households  # noqa: E402
from app.store import models_services as _services  # noqa: E402
from app.store import sync_models as _sync_models  # noqa: E402, F401  (client sync tables share Base.metadata)

SYNCED_MODELS = SYNCED_MODELS + _households.SYNCED + _employment.SYNCED + _assistance.SYNCED + _services.SYNCED
