"""Employers' verification, posting terms, job seekers' intentions and skills, referrals (推荐).

- :class:`EmployerVerification`: the 3-working-day check (证照、负责人身份、招聘信息) of a registered
  employer or one posting, with the written-commitment path and the staff investigation recorded.
- :class:`PostingTerms`: what a local posting has beyond ``job_posting`` (全职/兼职, 用工形式, 工作地点 …).
- :class:`JobIntention` / :class:`PersonSkill`: what a job seeker wants and can do.
- :class:`Referral`: a posting recommended to a person, its outcome and the 回访 (a ``follow_up`` row).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, JobPosting, Synced


class EmployerVerification(Synced, Base):
    __tablename__ = "employer_verification"
    __entity__ = "employer_verification"
    employer_id: Mapped[str] = mapped_column(ForeignKey("employer.id"), index=True)
    posting_id: Mapped[str | None] = mapped_column(ForeignKey("job_posting.id"), default=None, index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case.id"), default=None, index=True)
    kind: Mapped[str] = mapped_column(String(10))  # employer | posting
    on_commitment: Mapped[bool] = mapped_column(Boolean, default=False)
    accepted_on: Mapped[date] = mapped_column(Date)
    due_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(12), default="pending")  # pending | verified | rejected
    verified_on: Mapped[date | None] = mapped_column(Date, default=None)
    verified_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    licence_ok: Mapped[bool | None] = mapped_column(Boolean, default=None)
    person_ok: Mapped[bool | None] = mapped_column(Boolean, default=None)
    posting_ok: Mapped[bool | None] = mapped_column(Boolean, default=None)
    investigated_on: Mapped[date | None] = mapped_column(Date, default=None)
    investigation_note: Mapped[str | None] = mapped_column(Text, default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    __table_args__ = (Index("ix_employer_verification_state_due", "state", "due_on"),)


class PostingTerms(Synced, Base):
    __tablename__ = "posting_terms"
    __entity__ = "posting_terms"
    posting_id: Mapped[str] = mapped_column(ForeignKey("job_posting.id"), index=True)
    work_time: Mapped[str] = mapped_column(String(10), default="full")  # full | part
    employment_type: Mapped[str | None] = mapped_column(String(100), default=None)
    work_address: Mapped[str | None] = mapped_column(String(200), default=None)
    education_required: Mapped[str | None] = mapped_column(String(2), default=None)
    min_age: Mapped[int | None] = mapped_column(Integer, default=None)
    max_age: Mapped[int | None] = mapped_column(Integer, default=None)
    benefits: Mapped[str | None] = mapped_column(Text, default=None)
    __table_args__ = (
        Index("ux_posting_terms_posting", "posting_id", unique=True, sqlite_where=text("deleted = 0")),
        Index("ix_posting_terms_updated_at", "updated_at"),
    )


class JobIntention(Synced, Base):
    """One per person (the live row): occupations and places wanted, wage, full or part time."""

    __tablename__ = "job_intention"
    __entity__ = "job_intention"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    occupations: Mapped[list[str]] = mapped_column(default=list)
    divisions: Mapped[list[str]] = mapped_column(default=list)
    wage_min: Mapped[int | None] = mapped_column(Integer, default=None)
    wage_max: Mapped[int | None] = mapped_column(Integer, default=None)
    work_time: Mapped[str] = mapped_column(String(10), default="any")  # full | part | any
    key_industries: Mapped[list[str]] = mapped_column(default=list)
    available_from: Mapped[date | None] = mapped_column(Date, default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    __table_args__ = (
        Index("ux_job_intention_person", "person_id", unique=True, sqlite_where=text("deleted = 0")),
    )


class PersonSkill(Synced, Base):
    __tablename__ = "person_skill"
    __entity__ = "person_skill"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    level: Mapped[str | None] = mapped_column(String(30), default=None)
    certificate: Mapped[str | None] = mapped_column(String(100), default=None)


class Referral(Synced, Base):
    """A posting recommended to a person (推荐). ``posting_ref`` is a local ``job_posting`` id or
    ``platform:<id>`` for a posting from the platform's 岗位信息 stream; title and employer are kept
    as they were, so the record stays readable after the posting is gone."""

    __tablename__ = "referral"
    __entity__ = "referral"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    posting_ref: Mapped[str] = mapped_column(String(80))
    posting_title: Mapped[str] = mapped_column(String(100))
    employer_name: Mapped[str | None] = mapped_column(String(200), default=None)
    referred_on: Mapped[date] = mapped_column(Date)
    referred_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    score: Mapped[int | None] = mapped_column(Integer, default=None)
    reasons: Mapped[list[str]] = mapped_column(default=list)
    outcome: Mapped[str] = mapped_column(String(20), default="pending")
    outcome_on: Mapped[date | None] = mapped_column(Date, default=None)
    outcome_note: Mapped[str | None] = mapped_column(Text, default=None)
    follow_up_id: Mapped[str | None] = mapped_column(ForeignKey("follow_up.id"), default=None)


# The matcher's cache key reads the newest change of the postings (app/matching/service.py): an index on
# job_posting.updated_at (declared here, beside the other tables of this area; created by migration 0006).
Index("ix_job_posting_updated_at", JobPosting.updated_at)

# Synced models defined here, added to app.store.models.SYNCED_MODELS.
SYNCED: tuple[type[Synced], ...] = (EmployerVerification, PostingTerms, JobIntention, PersonSkill, Referral)
