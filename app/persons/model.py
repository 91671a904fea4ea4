"""Plain data for persons, safe to hand across threads (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class PersonInput:
    name: str
    doc_type: str
    doc_number: str
    gender: str | None = None
    birth_date: date | None = None
    ethnic: str | None = None
    education: str | None = None
    hukou_type: str | None = None
    phone: str | None = None
    hukou_address: str | None = None
    residence_address: str | None = None
    division_code: str | None = None
    ss_card_number: str | None = None
    tags: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class DocumentInfo:
    doc_type: str
    number: str
    card_number: str | None


@dataclass(frozen=True)
class PersonDetail:
    id: str
    name: str
    doc_type: str
    doc_number: str
    gender: str | None
    birth_date: date | None
    ethnic: str | None
    education: str | None
    hukou_type: str | None
    phone: str | None
    hukou_address: str | None
    residence_address: str | None
    division_code: str | None
    employment_status: str | None
    note: str | None
    version: int
    synced: bool
    documents: tuple[DocumentInfo, ...] = field(default=())
    tags: tuple[str, ...] = field(default=())
