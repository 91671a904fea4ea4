"""就业登记 / 灵活就业: what completing a registration changes, and the optional verification visit.

灵活就业 and 新就业形态 are accepted on the person's written commitment and settled on the spot (the item's
commitment has no deadline); a verification visit (必要时进行信息核验或工作人员调查) can be recorded later
on the case as an event: when, who, what was found.

Completing a 就业登记 ends the person's 失业登记 in force (state change, event, follow-ups stopped), sets
``person.employment_status`` to employed and closes an open 就业援助计划 ("实现就业").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo, require
from app.errors import NotFound
from app.persons.service import set_employment_status
from app.services.unemployment import EMPLOYED, FlowError, end_registrations
from app.store.models import Case, CaseEvent

EMPLOYMENT = "employment_registration"
VERIFICATION_VISIT = "verification_visit"


@dataclass(frozen=True)
class EmploymentInfo:
    case_id: str
    case_no: str
    state: str
    on_commitment: bool
    employment_form: str | None
    employment_date: str | None
    accepted_on: date | None
    visits: tuple[str, ...]


def on_employment_registered(
    session: Session, actor: StaffInfo, case: Case, form_labels: dict[str, str], day: date
) -> list[str]:
    """Consequences of a completed 就业登记; returns the 失业登记 cases it ended."""
    if not case.person_id:
        return []
    form = case.form_data or {}
    code = str(form.get("employment_form") or "")
    reason = f"已办理就业登记（{form_labels.get(code, code) or '就业'}，办件 {case.case_no}）"
    ended = end_registrations(session, actor, case.person_id, reason, day)
    set_employment_status(session, actor.id, case.person_id, EMPLOYED)
    from app.services.assistance import close_open_plan

    close_open_plan(session, actor, case.person_id, "实现就业：" + reason, day)
    return ended


def record_verification_visit(
    session: Session,
    actor: StaffInfo,
    case_id: str,
    *,
    visit_on: date,
    visitors: str,
    findings: str,
    today: date,
) -> None:
    """Record the optional verification visit (核验走访) of a 就业登记 accepted on commitment."""
    require(actor.role, "case.complete")
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise NotFound("找不到该办件，可能已被删除，请刷新列表后重试。")
    if case.item_code != EMPLOYMENT:
        raise FlowError("只有就业登记可以记录核验走访。")
    if case.accepted_on is None:
        raise FlowError("此件尚未受理，受理后才能记录核验走访。")
    visitors, findings = visitors.strip(), findings.strip()
    problems = []
    if visit_on > today:
        problems.append("走访日期：不能晚于今天。")
    if visit_on < case.accepted_on:
        problems.append(f"走访日期：不能早于受理日期 {case.accepted_on}。")
    if not visitors:
        problems.append("走访人员：请填写走访的工作人员。")
    if not findings:
        problems.append("核验情况：请填写走访看到的就业情况（是否属实）。")
    if problems:
        raise FlowError(problems[0])
    note = f"{visit_on.isoformat()} {visitors}：{findings}"
    session.add(
        CaseEvent(
            case=case,
            action=VERIFICATION_VISIT,
            from_state=case.state,
            to_state=case.state,
            actor_id=actor.id,
            note=note,
        )
    )
    session.flush()
    audit.record(session, actor.id, "case.verification_visit", "case", case.id, {"person_id": case.person_id})


def latest_employment(session: Session, person_id: str) -> EmploymentInfo | None:
    case = session.scalars(
        select(Case)
        .where(
            Case.person_id == person_id,
            Case.item_code == EMPLOYMENT,
            Case.deleted.is_(False),
            Case.accepted_on.is_not(None),
        )
        .order_by(Case.created_at.desc())
        .limit(1)
    ).first()
    if case is None:
        return None
    form = case.form_data or {}
    visits = tuple(e.note or "" for e in case.events if e.action == VERIFICATION_VISIT)
    return EmploymentInfo(
        case.id,
        case.case_no,
        case.state,
        case.on_commitment,
        form.get("employment_form"),
        form.get("employment_date"),
        case.accepted_on,
        visits,
    )
