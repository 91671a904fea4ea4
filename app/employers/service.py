"""Employers and their postings: registration and posting (the verification is in ``verification``,
the list and detail in ``listing``).

Registration and each posting go through the catalog items ``employer_registration`` and
``recruitment_registration``: the form is validated by the catalog, a case is opened and accepted
(on written commitment for start-ups) with the item's deadline; the reviewer's verification
approves or refuses it (``case.start_verification`` has no role allowed in ``app.auth.roles``, so the
case stays 已受理 until then).
An ``employer_verification`` row follows the check itself (licence, responsible person, posting; the
staff investigation for commitment cases) and gives the 待核实 / 已逾期 list.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo, require
from app.calendar import WorkingCalendar
from app.catalog import Catalog, ItemDefinition, validate_form
from app.clock import today as local_today
from app.employers import rules
from app.employers.model import EmployerDetail
from app.errors import NotFound, UserError, ValidationFailed
from app.store.models import Case, Employer, JobPosting
from app.store.models_employment import EmployerVerification, PostingTerms
from app.workflow import create_case, transition

EMPLOYER_ITEM = "employer_registration"
POSTING_ITEM = "recruitment_registration"


class DuplicateEmployer(UserError):
    def __init__(self, existing_id: str) -> None:
        self.existing_id = existing_id
        super().__init__("该统一社会信用代码的单位已经登记过，请在单位列表中打开已有单位，不要重复登记。")


def _code_sets(session: Session) -> dict[str, set[str]]:
    from app.refdata.local_tables import effective_code_tables

    return {name: {e.code for e in table} for name, table in effective_code_tables(session).items()}


def _validated(session: Session, item: ItemDefinition, form: Mapping[str, object], day: date) -> dict[str, Any]:
    result = validate_form(item, form, code_tables=_code_sets(session), today=day)
    if not result.ok:
        raise ValidationFailed(result.errors)
    return dict(result.normalized)


def _money(value: object) -> int | None:
    if value in (None, ""):
        return None
    return int(Decimal(str(value)))


def _date(value: object) -> date | None:
    return date.fromisoformat(str(value)) if value else None


def employer_row(session: Session, employer_id: str) -> Employer:
    employer = session.get(Employer, employer_id)
    if employer is None or employer.deleted:
        raise NotFound("找不到该单位，可能已被删除，请刷新单位列表后重试。")
    return employer


def posting_row(session: Session, posting_id: str) -> JobPosting:
    posting = session.get(JobPosting, posting_id)
    if posting is None or posting.deleted:
        raise NotFound("找不到该岗位，可能已被删除，请刷新后重试。")
    return posting


def _open_verified_case(
    session: Session,
    actor: StaffInfo,
    item: ItemDefinition,
    employer_id: str,
    data: dict[str, Any],
    on_commitment: bool,
    *,
    catalog: Catalog,
    calendar: WorkingCalendar,
    day: date,
    posting_id: str | None = None,
) -> None:
    """The registration's case (accepted: its deadline is the verification's) and the check it waits for."""
    case = _open_case(
        session,
        actor,
        item,
        employer_id,
        data,
        on_commitment=on_commitment,
        catalog=catalog,
        calendar=calendar,
        day=day,
    )
    session.add(
        EmployerVerification(
            employer_id=employer_id,
            posting_id=posting_id,
            case_id=case.id,
            kind="posting" if posting_id else "employer",
            on_commitment=on_commitment,
            accepted_on=day,
            due_on=case.due_on or rules.verification_due(day, calendar),
            investigated_on=_date(data.get("site_visit_date")),
            investigation_note=data.get("site_visit_record"),
        )
    )
    session.flush()


def _open_case(
    session: Session,
    actor: StaffInfo,
    item: ItemDefinition,
    employer_id: str,
    data: dict[str, Any],
    *,
    on_commitment: bool,
    catalog: Catalog,
    calendar: WorkingCalendar,
    day: date,
) -> Case:
    case_id = create_case(session, actor, item, employer_id, data, today=day)
    transition(
        session, actor, case_id, "accept", catalog=catalog, calendar=calendar, on_commitment=on_commitment, today=day
    )
    case = session.get(Case, case_id)
    assert case is not None
    return case


def _apply_employer(employer: Employer, data: Mapping[str, Any]) -> None:
    employer.name = str(data["employer_name"])
    employer.uscc = data.get("uscc") or None
    employer.kind = data.get("employer_kind")
    employer.industry_section = data.get("industry")
    employer.key_industry = rules.join_codes(data.get("key_industries") or ())
    employer.division_code = data.get("division")
    employer.address = data.get("address")
    employer.contact_name = data.get("contact_name")
    employer.contact_phone = data.get("contact_phone")
    employer.founded_on = _date(data.get("founded_on"))


def _check_unique_uscc(session: Session, uscc: str | None, employer_id: str | None) -> None:
    if not uscc:
        return
    other = session.scalar(select(Employer.id).where(Employer.uscc == uscc, Employer.deleted.is_(False)))
    if other and other != employer_id:
        raise DuplicateEmployer(other)


def register_employer(
    session: Session,
    actor: StaffInfo,
    form: Mapping[str, object],
    *,
    catalog: Catalog,
    calendar: WorkingCalendar,
    today: date | None = None,
) -> str:
    """Register an employer of any kind; returns its id. Raises ValidationFailed or DuplicateEmployer."""
    day = today or local_today()
    item = catalog.get(EMPLOYER_ITEM)
    data = _validated(session, item, form, day)
    _check_unique_uscc(session, data.get("uscc"), None)
    on_commitment = rules.accepted_on_commitment(bool(data.get("is_startup")), data.get("uscc"))
    employer = Employer(name=str(data["employer_name"]), on_commitment=on_commitment)
    _apply_employer(employer, data)
    session.add(employer)
    session.flush()
    _open_verified_case(
        session, actor, item, employer.id, data, on_commitment, catalog=catalog, calendar=calendar, day=day
    )
    audit.record(session, actor.id, "employer.create", "employer", employer.id, {"on_commitment": on_commitment})
    return employer.id


def update_employer(
    session: Session, actor: StaffInfo, employer_id: str, form: Mapping[str, object], *, catalog: Catalog
) -> None:
    """Correct an employer's details (the registration case keeps what was accepted)."""
    require(actor.role, "case.edit_draft")
    employer = employer_row(session, employer_id)
    data = _validated(session, catalog.get(EMPLOYER_ITEM), form, local_today())
    _check_unique_uscc(session, data.get("uscc"), employer_id)
    before = {c: getattr(employer, c) for c in _EMPLOYER_COLUMNS}
    _apply_employer(employer, data)
    changed = [c for c in _EMPLOYER_COLUMNS if getattr(employer, c) != before[c]]
    if changed:
        audit.record(session, actor.id, "employer.update", "employer", employer.id, {"fields": changed})


_EMPLOYER_COLUMNS = (
    "name",
    "uscc",
    "kind",
    "industry_section",
    "key_industry",
    "division_code",
    "address",
    "contact_name",
    "contact_phone",
    "founded_on",
)


def posting_form_defaults(employer: EmployerDetail) -> dict[str, Any]:
    """A new posting's form, prefilled from its employer."""
    values: dict[str, Any] = {
        "employer_name": employer.name,
        "is_startup": employer.on_commitment,
        "contact_name": employer.contact_name,
        "contact_phone": employer.contact_phone,
        "work_division": employer.division_code,
        "work_address": employer.address,
    }
    if employer.uscc:
        values["uscc"] = employer.uscc
    if employer.key_industries:
        values["key_industry"] = employer.key_industries[0]
    return {k: v for k, v in values.items() if v not in (None, "")}


def _apply_posting(posting: JobPosting, terms: PostingTerms, data: Mapping[str, Any], work_time: str) -> None:
    posting.title = str(data["post_name"])
    posting.occupation_code = data.get("occupation")
    posting.headcount = int(data["headcount"])
    posting.salary_min = _money(data.get("wage_min"))
    posting.salary_max = _money(data.get("wage_max"))
    posting.conditions = data.get("requirements")
    posting.division_code = data.get("work_division")
    posting.key_industry = data.get("key_industry")
    posting.expires_on = _date(data.get("valid_until"))
    terms.work_time = work_time
    terms.employment_type = data.get("employment_type")
    terms.work_address = data.get("work_address")
    terms.education_required = data.get("education_required")
    terms.min_age = data.get("min_age")
    terms.max_age = data.get("max_age")
    terms.benefits = data.get("benefits")


def _check_work_time(work_time: str) -> None:
    if work_time not in ("full", "part"):
        raise UserError("请选择岗位是全职还是兼职（非全日制）。")


def _with_employer(employer: Employer, form: Mapping[str, object]) -> dict[str, object]:
    """The recruitment form with the employer's own details filled in where the form leaves them empty."""
    known = {
        "employer_name": employer.name,
        "uscc": employer.uscc,
        "is_startup": employer.on_commitment,
        "contact_name": employer.contact_name,
        "contact_phone": employer.contact_phone,
    }
    return {k: v for k, v in known.items() if v not in (None, "")} | {
        k: v for k, v in form.items() if v not in (None, "")
    }


def add_posting(
    session: Session,
    actor: StaffInfo,
    employer_id: str,
    form: Mapping[str, object],
    *,
    work_time: str = "full",
    catalog: Catalog,
    calendar: WorkingCalendar,
    today: date | None = None,
) -> str:
    """Register a posting (招聘登记) of an employer; returns the posting id.

    A posting of an employer accepted on commitment, or one registered as a start-up's, is marked
    "书面承诺受理" and verified within 3 working days like the employer."""
    day = today or local_today()
    _check_work_time(work_time)
    employer = employer_row(session, employer_id)
    item = catalog.get(POSTING_ITEM)
    data = _validated(session, item, _with_employer(employer, form), day)
    on_commitment = employer.on_commitment or rules.accepted_on_commitment(
        bool(data.get("is_startup")), data.get("uscc")
    )
    posting = JobPosting(employer_id=employer.id, title=str(data["post_name"]), status="open", published_on=day)
    posting.on_commitment = on_commitment
    terms = PostingTerms(posting_id="")
    _apply_posting(posting, terms, data, work_time)
    if not posting.key_industry and employer.key_industry:
        posting.key_industry = rules.split_codes(employer.key_industry)[0]
    session.add(posting)
    session.flush()
    terms.posting_id = posting.id
    session.add(terms)
    _open_verified_case(
        session,
        actor,
        item,
        employer.id,
        data,
        on_commitment,
        catalog=catalog,
        calendar=calendar,
        day=day,
        posting_id=posting.id,
    )
    audit.record(session, actor.id, "posting.create", "job_posting", posting.id, {"employer_id": employer.id})
    return posting.id


def update_posting(
    session: Session,
    actor: StaffInfo,
    posting_id: str,
    form: Mapping[str, object],
    *,
    work_time: str,
    catalog: Catalog,
) -> None:
    require(actor.role, "case.edit_draft")
    _check_work_time(work_time)
    posting = posting_row(session, posting_id)
    terms = _terms(session, posting.id) or PostingTerms(posting_id=posting.id)
    if terms.id is None:
        session.add(terms)
    employer = employer_row(session, posting.employer_id) if posting.employer_id else None
    values = _with_employer(employer, form) if employer is not None else dict(form)
    data = _validated(session, catalog.get(POSTING_ITEM), values, local_today())
    _apply_posting(posting, terms, data, work_time)
    audit.record(session, actor.id, "posting.update", "job_posting", posting.id, {})


def set_posting_status(session: Session, actor: StaffInfo, posting_id: str, status: str) -> None:
    """open | closed | filled (招满)."""
    if status not in ("open", "closed", "filled"):
        raise UserError("岗位状态只能是“招聘中”“已停招”或“已招满”。")
    posting = posting_row(session, posting_id)
    if posting.status != status:
        posting.status = status
        audit.record(session, actor.id, "posting.status", "job_posting", posting.id, {"status": status})


def _terms(session: Session, posting_id: str) -> PostingTerms | None:
    return session.scalar(
        select(PostingTerms).where(PostingTerms.posting_id == posting_id, PostingTerms.deleted.is_(False))
    )


def posting_form(session: Session, posting_id: str) -> tuple[dict[str, Any], str]:
    """A posting's recruitment form values (from its case, corrected by the posting) and its work time."""
    posting = posting_row(session, posting_id)
    terms = _terms(session, posting_id)
    row = session.scalar(select(EmployerVerification).where(EmployerVerification.posting_id == posting_id))
    form: dict[str, Any] = {}
    if row is not None and row.case_id:
        case = session.get(Case, row.case_id)
        if case is not None:
            form = dict(case.form_data)
    form.update(
        {
            "post_name": posting.title,
            "occupation": posting.occupation_code,
            "headcount": posting.headcount,
            "wage_min": posting.salary_min,
            "wage_max": posting.salary_max,
            "requirements": posting.conditions,
            "work_division": posting.division_code,
            "key_industry": posting.key_industry,
            "valid_until": posting.expires_on.isoformat() if posting.expires_on else None,
        }
    )
    if terms is not None:
        form.update(
            {
                "employment_type": terms.employment_type,
                "work_address": terms.work_address,
                "education_required": terms.education_required,
                "min_age": terms.min_age,
                "max_age": terms.max_age,
                "benefits": terms.benefits,
            }
        )
    if posting.employer_id:
        form = _with_employer(employer_row(session, posting.employer_id), form)
    return {k: v for k, v in form.items() if v is not None}, (terms.work_time if terms else "full")
