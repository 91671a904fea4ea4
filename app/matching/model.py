"""Plain data of matching: what a person wants, postings as the matcher sees them, ranked results."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple


@dataclass(frozen=True)
class Intention:
    """What a job seeker wants. ``divisions`` are the places wanted; the person's residence is added
    by the service when none is given."""

    occupations: tuple[str, ...] = ()
    divisions: tuple[str, ...] = ()
    wage_min: int | None = None
    wage_max: int | None = None
    work_time: str = "any"  # full | part | any
    key_industries: tuple[str, ...] = ()
    place_names: tuple[str, ...] = ()  # the divisions' names, parallel to ``divisions`` (for reasons)


class Candidate(NamedTuple):
    """A posting as the matcher sees it: a local ``job_posting`` (``ref`` = its id) or one from the
    platform's 岗位信息 stream (``ref`` = ``platform:<id>``). A named tuple: 50,000 are built at once."""

    ref: str
    source: str  # local | platform
    title: str
    employer_name: str | None
    occupation_code: str | None
    division_code: str | None
    salary_min: int | None
    salary_max: int | None
    key_industry: str | None
    on_commitment: bool
    work_time: str | None = None
    headcount: int = 1
    expires_on: date | None = None


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    score: int
    reasons: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class IntentionInfo:
    person_id: str
    occupations: tuple[str, ...]
    divisions: tuple[str, ...]
    wage_min: int | None
    wage_max: int | None
    work_time: str
    key_industries: tuple[str, ...]
    available_from: date | None
    note: str | None


@dataclass(frozen=True)
class SkillInfo:
    id: str
    name: str
    level: str | None
    certificate: str | None


@dataclass(frozen=True)
class ReferralInfo:
    id: str
    person_id: str
    posting_ref: str
    posting_title: str
    employer_name: str | None
    referred_on: date
    score: int | None
    reasons: tuple[str, ...]
    outcome: str
    outcome_on: date | None
    outcome_note: str | None
    follow_up_id: str | None
    follow_up_due: date | None
    follow_up_done: date | None
    follow_up_outcome: str | None


@dataclass(frozen=True)
class DueFollowUp:
    follow_up_id: str
    referral_id: str
    person_id: str
    person_name: str
    posting_title: str
    due_on: date
    overdue: bool


@dataclass(frozen=True)
class JobSeekerView:
    """Everything the profile's 求职 panel shows."""

    person_id: str
    intention: IntentionInfo | None
    skills: tuple[SkillInfo, ...]
    matches: tuple[Match, ...]
    referrals: tuple[ReferralInfo, ...]
    postings_considered: int
