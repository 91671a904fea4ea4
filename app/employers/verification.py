"""The 3-working-day verification of employers and postings: the staff investigation for commitment
cases, the reviewer's decision (which approves or refuses the registration case), and the 待核实 list.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo, require
from app.calendar import WorkingCalendar
from app.catalog import Catalog
from app.clock import today as local_today
from app.employers import rules
from app.employers.model import VerificationItem
from app.employers.service import employer_row, posting_row
from app.errors import NotFound, UserError
from app.store.models import Case, Employer, JobPosting
from app.store.models_employment import EmployerVerification
from app.workflow import transition


def _verification(session: Session, verification_id: str) -> EmployerVerification:
    row = session.get(EmployerVerification, verification_id)
    if row is None or row.deleted:
        raise NotFound("找不到该核实记录，请刷新列表后重试。")
    return row


def record_investigation(
    session: Session, actor: StaffInfo, verification_id: str, on: date, note: str, *, today: date | None = None
) -> None:
    """The staff investigation (工作人员必要调查) of an employer or posting accepted on commitment."""
    note = " ".join(note.split())
    if not note:
        raise UserError("请填写调查情况：实地查看经营场所、核实负责人身份和用工需求的结果。")
    if on > (today or local_today()):
        raise UserError("调查日期不能晚于今天，请核对。")
    row = _verification(session, verification_id)
    row.investigated_on = on
    row.investigation_note = note
    audit.record(session, actor.id, "employer.investigate", "employer", row.employer_id, {"verification": row.id})


def verify(
    session: Session,
    actor: StaffInfo,
    verification_id: str,
    *,
    licence_ok: bool,
    person_ok: bool,
    posting_ok: bool,
    note: str | None = None,
    catalog: Catalog,
    calendar: WorkingCalendar,
    today: date | None = None,
) -> VerificationItem:
    """The reviewer's decision: all checks passed → 已核实 (the case is approved); otherwise the case is
    refused with ``note`` as the reason and a posting is taken off (停招)."""
    require(actor.role, "case.approve")
    day = today or local_today()
    row = _verification(session, verification_id)
    if row.state != rules.PENDING:
        raise UserError("此项已经核实过了，请刷新列表。")
    if row.on_commitment and row.investigated_on is None:
        raise UserError("书面承诺受理的单位和岗位须先记录工作人员调查情况，再作核实结论。")
    note = (note or "").strip() or None
    passed = licence_ok and person_ok and (posting_ok or row.kind == "employer")
    if not passed and not note:
        raise UserError("核实未通过时请填写原因，原因会告知用人单位。")
    row.licence_ok, row.person_ok = licence_ok, person_ok
    row.posting_ok = posting_ok if row.kind == "posting" else None
    row.note = note
    row.verified_on = day
    row.verified_by = actor.id
    row.state = rules.VERIFIED if passed else rules.REJECTED
    if row.case_id:
        case = session.get(Case, row.case_id)
        if case is not None and case.state in ("accepted", "pending_verification"):
            if passed:
                transition(session, actor, case.id, "request_review", catalog=catalog, calendar=calendar, today=day)
                transition(session, actor, case.id, "approve", catalog=catalog, calendar=calendar, today=day)
            else:
                transition(
                    session, actor, case.id, "reject", catalog=catalog, calendar=calendar, reason=note, today=day
                )
    if row.kind == "employer" and passed:
        employer_row(session, row.employer_id).verified_on = day
    if row.kind == "posting" and not passed and row.posting_id:
        posting_row(session, row.posting_id).status = "closed"
    audit.record(
        session, actor.id, "employer.verify", "employer", row.employer_id, {"verification": row.id, "passed": passed}
    )
    session.flush()
    return _verification_item(row, _names(session, [row]), day, calendar)


def _names(session: Session, rows: list[EmployerVerification]) -> dict[str, str]:
    ids = {r.employer_id for r in rows} | {r.posting_id for r in rows if r.posting_id}
    names = dict(session.execute(select(Employer.id, Employer.name).where(Employer.id.in_(ids))).all())
    names.update(session.execute(select(JobPosting.id, JobPosting.title).where(JobPosting.id.in_(ids))).all())
    return names


def _verification_item(
    row: EmployerVerification, names: Mapping[str, str], today: date, calendar: WorkingCalendar
) -> VerificationItem:
    return VerificationItem(
        id=row.id,
        kind=row.kind,
        employer_id=row.employer_id,
        employer_name=names.get(row.employer_id, ""),
        posting_id=row.posting_id,
        posting_title=names.get(row.posting_id or "", None),
        case_id=row.case_id,
        on_commitment=row.on_commitment,
        accepted_on=row.accepted_on,
        due_on=row.due_on,
        state=row.state,
        status=rules.verification_status(row.state, row.due_on, today),
        days_left=calendar.working_days_between(today, row.due_on),
        investigated_on=row.investigated_on,
        investigation_note=row.investigation_note,
        verified_on=row.verified_on,
    )


def verification_list(
    session: Session,
    today: date,
    calendar: WorkingCalendar,
    *,
    status: str | None = None,
    employer_id: str | None = None,
    limit: int = 1000,
) -> list[VerificationItem]:
    """Checks still to do, earliest due first; ``status`` "pending" (in time) or "overdue" narrows it.
    With ``employer_id`` every check of that employer, done ones too, newest first."""
    query = select(EmployerVerification).where(EmployerVerification.deleted.is_(False))
    if employer_id:
        query = query.where(EmployerVerification.employer_id == employer_id).order_by(
            EmployerVerification.accepted_on.desc()
        )
    else:
        query = query.where(EmployerVerification.state == rules.PENDING).order_by(EmployerVerification.due_on)
        if status == "overdue":
            query = query.where(EmployerVerification.due_on < today)
        elif status == "pending":
            query = query.where(EmployerVerification.due_on >= today)
    rows = list(session.scalars(query.limit(limit)))
    names = _names(session, rows)
    return [_verification_item(r, names, today, calendar) for r in rows]
