"""The 单位与岗位 list and one employer's detail (its postings with their verification state)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo
from app.calendar import WorkingCalendar
from app.clock import today as local_today
from app.employers import rules
from app.employers.model import EmployerDetail, EmployerRow, PostingInfo
from app.employers.service import EMPLOYER_ITEM, employer_row
from app.employers.verification import verification_list
from app.store.models import Case, Employer, JobPosting
from app.store.models_employment import EmployerVerification, PostingTerms


def list_employers(
    session: Session, text: str = "", *, today: date | None = None, limit: int = 500
) -> list[EmployerRow]:
    """Employers whose name contains ``text`` or whose 统一社会信用代码 starts with it; newest first."""
    day = today or local_today()
    query = select(Employer).where(Employer.deleted.is_(False))
    text = text.strip()
    if text:
        upper = text.upper()
        query = query.where(or_(Employer.name.contains(text), Employer.uscc.startswith(upper)))
    employers = list(session.scalars(query.order_by(Employer.updated_at.desc()).limit(limit)))
    ids = [e.id for e in employers]
    counts = dict(
        session.execute(
            select(JobPosting.employer_id, func.count())
            .where(JobPosting.employer_id.in_(ids), JobPosting.deleted.is_(False), JobPosting.status == "open")
            .group_by(JobPosting.employer_id)
        ).all()
    )
    checks: dict[str, EmployerVerification] = {}
    for row in session.scalars(
        select(EmployerVerification)
        .where(EmployerVerification.employer_id.in_(ids), EmployerVerification.kind == "employer")
        .order_by(EmployerVerification.accepted_on)
    ):
        checks[row.employer_id] = row
    return [
        EmployerRow(
            id=e.id,
            name=e.name,
            uscc=e.uscc,
            kind=e.kind,
            division_code=e.division_code,
            on_commitment=e.on_commitment,
            verified_on=e.verified_on,
            status=(
                rules.verification_status(checks[e.id].state, checks[e.id].due_on, day) if e.id in checks else None
            ),
            open_postings=int(counts.get(e.id, 0)),
            synced=e.server_version == e.version,
        )
        for e in employers
    ]


def _posting_info(posting: JobPosting, terms: PostingTerms | None, verification: str | None) -> PostingInfo:
    return PostingInfo(
        id=posting.id,
        employer_id=posting.employer_id,
        title=posting.title,
        occupation_code=posting.occupation_code,
        headcount=posting.headcount,
        salary_min=posting.salary_min,
        salary_max=posting.salary_max,
        conditions=posting.conditions,
        division_code=posting.division_code,
        key_industry=posting.key_industry,
        on_commitment=posting.on_commitment,
        marking=rules.commitment_marking(posting.on_commitment),
        status=posting.status,
        published_on=posting.published_on,
        expires_on=posting.expires_on,
        work_time=terms.work_time if terms else None,
        employment_type=terms.employment_type if terms else None,
        work_address=terms.work_address if terms else None,
        verification=verification,
    )


def get_employer(
    session: Session, actor: StaffInfo | None, employer_id: str, calendar: WorkingCalendar, *, today: date | None = None
) -> EmployerDetail:
    day = today or local_today()
    employer = employer_row(session, employer_id)
    checks = verification_list(session, day, calendar, employer_id=employer_id)
    by_posting = {c.posting_id: c.status for c in reversed(checks) if c.posting_id}
    postings = list(
        session.scalars(
            select(JobPosting)
            .where(JobPosting.employer_id == employer_id, JobPosting.deleted.is_(False))
            .order_by(JobPosting.published_on.desc(), JobPosting.title)
        )
    )
    terms = {
        t.posting_id: t
        for t in session.scalars(
            select(PostingTerms).where(
                PostingTerms.posting_id.in_([p.id for p in postings]), PostingTerms.deleted.is_(False)
            )
        )
    }
    case_form: dict[str, Any] = {}
    case = session.scalar(
        select(Case)
        .where(Case.employer_id == employer_id, Case.item_code == EMPLOYER_ITEM, Case.deleted.is_(False))
        .order_by(Case.created_at.desc())
    )
    if case is not None:
        case_form = dict(case.form_data)
    form = {
        **case_form,
        "employer_name": employer.name,
        "uscc": employer.uscc,
        "employer_kind": employer.kind,
        "industry": employer.industry_section,
        "key_industries": list(rules.split_codes(employer.key_industry)),
        "division": employer.division_code,
        "address": employer.address,
        "contact_name": employer.contact_name,
        "contact_phone": employer.contact_phone,
        "founded_on": employer.founded_on.isoformat() if employer.founded_on else None,
    }
    form.setdefault("is_startup", employer.on_commitment)
    if actor is not None:
        audit.record(session, actor.id, "employer.view", "employer", employer.id, {})
    return EmployerDetail(
        id=employer.id,
        name=employer.name,
        uscc=employer.uscc,
        kind=employer.kind,
        industry_section=employer.industry_section,
        key_industries=rules.split_codes(employer.key_industry),
        division_code=employer.division_code,
        address=employer.address,
        contact_name=employer.contact_name,
        contact_phone=employer.contact_phone,
        founded_on=employer.founded_on,
        on_commitment=employer.on_commitment,
        verified_on=employer.verified_on,
        synced=employer.server_version == employer.version,
        form={k: v for k, v in form.items() if v is not None},
        postings=tuple(_posting_info(p, terms.get(p.id), by_posting.get(p.id)) for p in postings),
        verifications=tuple(checks),
    )
