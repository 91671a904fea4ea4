"""Plain results of the employer services (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class EmployerRow:
    id: str
    name: str
    uscc: str | None
    kind: str | None
    division_code: str | None
    on_commitment: bool
    verified_on: date | None
    status: str | None  # pending | overdue | verified | rejected (of the employer's own check)
    open_postings: int
    synced: bool


@dataclass(frozen=True)
class VerificationItem:
    id: str
    kind: str  # employer | posting
    employer_id: str
    employer_name: str
    posting_id: str | None
    posting_title: str | None
    case_id: str | None
    on_commitment: bool
    accepted_on: date
    due_on: date
    state: str
    status: str  # pending | overdue | verified | rejected
    days_left: int
    investigated_on: date | None
    investigation_note: str | None
    verified_on: date | None


@dataclass(frozen=True)
class PostingInfo:
    id: str
    employer_id: str | None
    title: str
    occupation_code: str | None
    headcount: int
    salary_min: int | None
    salary_max: int | None
    conditions: str | None
    division_code: str | None
    key_industry: str | None
    on_commitment: bool
    marking: str | None  # "书面承诺受理" when on commitment
    status: str
    published_on: date | None
    expires_on: date | None
    work_time: str | None
    employment_type: str | None
    work_address: str | None
    verification: str | None  # pending | overdue | verified | rejected


@dataclass(frozen=True)
class EmployerDetail:
    id: str
    name: str
    uscc: str | None
    kind: str | None
    industry_section: str | None
    key_industries: tuple[str, ...]
    division_code: str | None
    address: str | None
    contact_name: str | None
    contact_phone: str | None
    founded_on: date | None
    on_commitment: bool
    verified_on: date | None
    synced: bool
    form: dict[str, Any]  # employer_registration values, for the edit dialog
    postings: tuple[PostingInfo, ...]
    verifications: tuple[VerificationItem, ...]


@dataclass(frozen=True)
class GuideEntry:
    """A wage guide price (工资指导价位) or a contract template (劳动合同示范文本)."""

    id: str
    title: str
    body: str
    category: str
    source: str  # platform | bundled
    division_code: str | None = None
    url: str | None = None
