"""Cases (办件): drafts, role-checked transitions, deadlines at acceptance, follow-ups, overdue lists.

Every transition writes a case event and an audit entry in the caller's transaction; the outbox row
comes from the store's flush hook. Results are plain dataclasses, never ORM objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo, require
from app.calendar import WorkingCalendar
from app.catalog import Catalog, ItemDefinition, validate_form
from app.clock import today as local_today
from app.errors import NotFound, UserError, ValidationFailed
from app.store.models import Case, CaseEvent, FollowUp, Setting, Station
from app.workflow.deadlines import due_date, working_days_left
from app.workflow.states import EDITABLE_STATES, OPEN_STATES, STATE_LABELS, TRANSITIONS, State


class WorkflowError(UserError):
    pass


@dataclass(frozen=True)
class CaseSummary:
    id: str
    case_no: str
    item_code: str
    item_version: int
    state: str
    subject_kind: str
    person_id: str | None
    employer_id: str | None
    household_id: str | None
    on_commitment: bool
    accepted_on: date | None
    due_on: date | None
    closed_on: date | None
    handler_id: str | None

    @property
    def state_label(self) -> str:
        return STATE_LABELS[State(self.state)]

    def is_overdue(self, today: date) -> bool:
        return self.state in OPEN_STATES and self.due_on is not None and self.due_on < today


@dataclass(frozen=True)
class EventInfo:
    action: str
    from_state: str | None
    to_state: str
    actor_id: str | None
    at: str
    note: str | None


@dataclass(frozen=True)
class CaseDetail:
    summary: CaseSummary
    form_data: dict[str, Any]
    close_reason: str | None
    events: tuple[EventInfo, ...]


def summarize(case: Case) -> CaseSummary:
    return CaseSummary(
        case.id,
        case.case_no,
        case.item_code,
        case.item_version,
        case.state,
        case.subject_kind,
        case.person_id,
        case.employer_id,
        case.household_id,
        case.on_commitment,
        case.accepted_on,
        case.due_on,
        case.closed_on,
        case.handler_id,
    )


def next_case_no(session: Session, day: date) -> str:
    """Station code + date + device tag + daily sequence: unique across the station's devices."""
    station = session.scalars(select(Station)).first()
    if station is None:
        raise WorkflowError("本机尚未完成站点初始化，不能办件。请先由管理员完成站点设置。")
    key = f"case_seq:{day:%Y%m%d}"
    setting = session.get(Setting, key)
    seq = int(setting.value) + 1 if setting else 1
    if setting is None:
        session.add(Setting(key=key, value=str(seq)))
    else:
        setting.value = str(seq)
    return f"{station.code}-{day:%Y%m%d}-{station.device_id[:4].upper()}{seq:04d}"


def _subject_ids(item: ItemDefinition, subject_id: str) -> dict[str, str]:
    return {f"{item.subject}_id": subject_id}


def create_case(
    session: Session,
    actor: StaffInfo,
    item: ItemDefinition,
    subject_id: str,
    form_data: dict[str, Any] | None = None,
    *,
    channel: str = "counter",
    today: date | None = None,
) -> str:
    """Open a draft for ``item`` about a person, employer or household (per the item's subject)."""
    require(actor.role, "case.create")
    day = today or local_today()
    case = Case(
        case_no=next_case_no(session, day),
        item_code=item.code,
        item_version=item.version,
        subject_kind=item.subject,
        state=State.DRAFT.value,
        form_data=dict(form_data or {}),
        channel=channel,
        handler_id=actor.id,
        **_subject_ids(item, subject_id),
    )
    session.add(case)
    session.flush()
    audit.record(
        session,
        actor.id,
        "case.create",
        "case",
        case.id,
        {"item": item.code, "subject": item.subject, "subject_id": subject_id},
    )
    return case.id


def save_draft(session: Session, actor: StaffInfo, case_id: str, form_data: dict[str, Any]) -> None:
    require(actor.role, "case.edit_draft")
    case = _case(session, case_id)
    if case.state not in EDITABLE_STATES:
        raise WorkflowError("只有草稿和待受理的网上申请可以修改表单内容；已受理的件请走退回修改流程。")
    # Keys starting with "_" are kept by the program beside the form (e.g. the QR check); the form
    # itself never sends them, so a save must not drop them.
    form_data = {**{k: v for k, v in (case.form_data or {}).items() if k.startswith("_")}, **form_data}
    if case.form_data != form_data:
        case.form_data = dict(form_data)
        audit.record(session, actor.id, "case.edit", "case", case.id, {"fields": sorted(form_data)})


def transition(
    session: Session,
    actor: StaffInfo,
    case_id: str,
    action: str,
    *,
    catalog: Catalog,
    calendar: WorkingCalendar,
    reason: str | None = None,
    on_commitment: bool | None = None,
    today: date | None = None,
) -> CaseSummary:
    """Take a workflow action on a case. Raises PermissionDenied, WorkflowError or ValidationFailed."""
    rule = TRANSITIONS.get(action)
    if rule is None:
        raise WorkflowError(f"未知的办件操作“{action}”。")
    require(actor.role, f"case.{action}")
    case = _case(session, case_id)
    state = State(case.state)
    if state not in rule.sources:
        raise WorkflowError(f"此件当前为“{STATE_LABELS[state]}”，不能执行“{rule.label}”。")
    reason = (reason or "").strip() or None
    if rule.needs_reason and not reason:
        raise WorkflowError(f"“{rule.label}”需要填写原因，请填写后再确认。")
    item = catalog.get(case.item_code, case.item_version)
    day = today or local_today()

    if action == "accept":
        _accept(session, case, item, calendar, day, on_commitment=bool(on_commitment))
        if case.handler_id is None:  # an online application: the clerk who accepts it handles it
            case.handler_id = actor.id
    elif action == "complete" and item.review_required:
        raise WorkflowError(f"“{item.name}”需要审核，请先提交审核，由审核人员审核通过后办结。")
    elif action == "request_review" and not item.review_required:
        raise WorkflowError(f"“{item.name}”不需要审核，可直接办结。")
    elif action == "cancel" and not item.cancellable:
        raise WorkflowError(f"“{item.name}”办结后不能注销。")

    if rule.target in {State.COMPLETED, State.REJECTED, State.WITHDRAWN, State.CANCELLED}:
        case.closed_on = day
        case.close_reason = reason if rule.target != State.COMPLETED else None
    if action == "return":
        case.closed_on = None
    case.state = rule.target.value
    session.add(
        CaseEvent(
            case=case, action=action, from_state=state.value, to_state=rule.target.value, actor_id=actor.id, note=reason
        )
    )
    session.flush()
    from app.services.flows import after_transition  # the services build on the workflow: imported late

    after_transition(session, actor, case, action, catalog=catalog, day=day)
    detail: dict[str, Any] = {"from": state.value, "to": rule.target.value}
    if case.person_id:
        detail["person_id"] = case.person_id
    audit.record(session, actor.id, f"case.{action}", "case", case.id, detail)
    return summarize(case)


def _accept(
    session: Session, case: Case, item: ItemDefinition, calendar: WorkingCalendar, day: date, *, on_commitment: bool
) -> None:
    if on_commitment and (item.commitment is None or not item.commitment.allowed):
        raise WorkflowError(f"“{item.name}”不能以书面承诺方式受理。")
    result = validate_form(item, case.form_data)
    if not result.ok:
        raise ValidationFailed(result.errors)
    case.form_data = dict(result.normalized)
    deadline = item.deadline
    if on_commitment and item.commitment is not None and item.commitment.deadline is not None:
        deadline = item.commitment.deadline
    case.on_commitment = on_commitment
    case.accepted_on = day
    case.due_on = due_date(deadline, day, calendar)
    for follow in item.follow_ups:
        if follow.after is not None:
            session.add(
                FollowUp(
                    person_id=case.person_id,
                    case_id=case.id,
                    kind=follow.kind,
                    due_on=due_date(follow.after, day, calendar) or day,
                )
            )


def _case(session: Session, case_id: str) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise NotFound("找不到该办件，可能已被删除，请刷新列表后重试。")
    return case


def get_case(session: Session, actor: StaffInfo, case_id: str) -> CaseDetail:
    case = _case(session, case_id)
    if case.person_id:
        audit.record(
            session, actor.id, "person.view", "person", case.person_id, {"purpose": "case", "case_id": case.id}
        )
    events = tuple(
        EventInfo(e.action, e.from_state, e.to_state, e.actor_id, e.at.isoformat(timespec="seconds"), e.note)
        for e in case.events
    )
    return CaseDetail(summarize(case), dict(case.form_data), case.close_reason, events)


def list_cases(
    session: Session,
    *,
    state: str | None = None,
    item_code: str | None = None,
    handler_id: str | None = None,
    overdue_on: date | None = None,
    due_by: date | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[CaseSummary]:
    query = select(Case).where(Case.deleted.is_(False))
    if state:
        query = query.where(Case.state == state)
    if item_code:
        query = query.where(Case.item_code == item_code)
    if handler_id:
        query = query.where(Case.handler_id == handler_id)
    if overdue_on is not None:
        query = query.where(Case.state.in_([s.value for s in OPEN_STATES]), Case.due_on < overdue_on)
    if due_by is not None:
        query = query.where(Case.state.in_([s.value for s in OPEN_STATES]), Case.due_on <= due_by)
    query = query.order_by(Case.created_at.desc()).limit(limit).offset(offset)
    return [summarize(c) for c in session.scalars(query)]


def count_cases(session: Session, *, state: str | None = None) -> int:
    query = select(func.count()).select_from(Case).where(Case.deleted.is_(False))
    if state:
        query = query.where(Case.state == state)
    return session.scalar(query) or 0


def overdue_cases(session: Session, today: date) -> list[CaseSummary]:
    return list_cases(session, overdue_on=today, limit=10_000)


def due_soon(session: Session, today: date, calendar: WorkingCalendar, working_days: int = 2) -> list[CaseSummary]:
    """Open cases due within ``working_days`` working days (not yet overdue)."""
    horizon = calendar.add_working_days(today, working_days)
    return [c for c in list_cases(session, due_by=horizon, limit=10_000) if c.due_on and c.due_on >= today]


def days_left(summary: CaseSummary, today: date, calendar: WorkingCalendar) -> int | None:
    return working_days_left(summary.due_on, today, calendar)
