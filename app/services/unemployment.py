"""失业登记 and its follow-through: status, monthly follow-ups, ending a registration, policy recommendations.

- Acceptance on the spot (材料齐全) completes at once (:func:`app.services.flows.accept_case`); on written
  commitment the deadline is the item's commitment deadline (seed: 7 working days) and the case stays open.
- The 5-working-day contact follow-up is scheduled by the workflow at acceptance (the item's ``contact`` rule);
  the first monthly follow-up is scheduled when the registration completes, and each one recorded schedules
  the next while the registration is in force (``monthly`` rule, ``repeat_months``).
- A registration ends by 注销 (``unemployment_deregistration``), by 就业登记 or by a 公益性岗位 placement:
  a completed registration is cancelled (注销), an open one withdrawn; both get an event with the reason,
  and their open follow-ups are closed ("停止跟踪").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo
from app.calendar import WorkingCalendar
from app.catalog import Catalog
from app.catalog.model import FOLLOW_UP_KINDS
from app.clock import today as local_today
from app.errors import NotFound, UserError
from app.persons.service import set_employment_status
from app.refdata.resources import resource_path
from app.services.dates import add_months
from app.store.models import Case, CaseEvent, FollowUp
from app.store.sync_models import RefDataEntry
from app.workflow.states import OPEN_STATES, STATE_LABELS, State

UNEMPLOYMENT = "unemployment_registration"
DEREGISTRATION = "unemployment_deregistration"
IN_FORCE_STATES = frozenset({s.value for s in OPEN_STATES} | {State.COMPLETED.value})

# Person.employment_status values written by the flows.
UNEMPLOYED = "unemployed"
EMPLOYED = "employed"
DEREGISTERED = "deregistered"
STATUS_LABELS = {UNEMPLOYED: "登记失业", EMPLOYED: "已就业", DEREGISTERED: "已注销失业登记"}


class FlowError(UserError):
    pass


@dataclass(frozen=True)
class RegistrationStatus:
    case_id: str
    case_no: str
    state: str
    state_label: str
    in_force: bool
    on_commitment: bool
    accepted_on: date | None
    due_on: date | None
    days_left: int | None
    closed_on: date | None
    close_reason: str | None
    cause: str | None
    cause_analysis: str | None
    policy_recommendations: str | None


@dataclass(frozen=True)
class FollowUpLine:
    id: str
    case_id: str | None
    kind: str
    kind_label: str
    due_on: date
    done_on: date | None
    outcome: str | None

    def overdue(self, today: date) -> bool:
        return self.done_on is None and self.due_on < today


@dataclass(frozen=True)
class PolicyEntry:
    id: str
    title: str
    body: str
    category: str


# --- registration ----------------------------------------------------------------------------------


def registrations_in_force(session: Session, person_id: str) -> list[Case]:
    return list(
        session.scalars(
            select(Case)
            .where(
                Case.person_id == person_id,
                Case.item_code == UNEMPLOYMENT,
                Case.deleted.is_(False),
                Case.state.in_(IN_FORCE_STATES),
            )
            .order_by(Case.created_at.desc())
        )
    )


def registration_status(
    session: Session, person_id: str, today: date, calendar: WorkingCalendar
) -> RegistrationStatus | None:
    """The person's latest accepted 失业登记 (in force or ended), or None."""
    case = session.scalars(
        select(Case)
        .where(
            Case.person_id == person_id,
            Case.item_code == UNEMPLOYMENT,
            Case.deleted.is_(False),
            Case.accepted_on.is_not(None),
        )
        .order_by(Case.created_at.desc())
        .limit(1)
    ).first()
    if case is None:
        return None
    left = None
    if case.due_on is not None and case.state in {s.value for s in OPEN_STATES}:
        left = calendar.working_days_between(today, case.due_on)
    form = case.form_data or {}
    return RegistrationStatus(
        case.id,
        case.case_no,
        case.state,
        STATE_LABELS[State(case.state)],
        case.state in IN_FORCE_STATES,
        case.on_commitment,
        case.accepted_on,
        case.due_on,
        left,
        case.closed_on,
        case.close_reason,
        form.get("unemployment_cause"),
        form.get("cause_analysis"),
        form.get("policy_recommendations"),
    )


def on_registration_accepted(session: Session, actor: StaffInfo, case: Case) -> None:
    if case.person_id:
        set_employment_status(session, actor.id, case.person_id, UNEMPLOYED)


def on_registration_completed(session: Session, case: Case, catalog: Catalog, day: date) -> None:
    """Schedule the first monthly follow-up (unless one is already open)."""
    schedule_next_monthly(session, case, catalog, day)


def _monthly_rule_months(case: Case, catalog: Catalog) -> int | None:
    item = catalog.get(case.item_code, case.item_version)
    for rule in item.follow_ups:
        if rule.kind == "monthly" and rule.repeat_months:
            return rule.repeat_months
    return None


def schedule_next_monthly(session: Session, case: Case, catalog: Catalog, after: date) -> str | None:
    months = _monthly_rule_months(case, catalog)
    if months is None:
        return None
    already = session.scalar(
        select(FollowUp.id).where(
            FollowUp.case_id == case.id,
            FollowUp.kind == "monthly",
            FollowUp.done_on.is_(None),
            FollowUp.deleted.is_(False),
        )
    )
    if already:
        return None
    follow = FollowUp(person_id=case.person_id, case_id=case.id, kind="monthly", due_on=add_months(after, months))
    session.add(follow)
    session.flush()
    return follow.id


def end_registrations(session: Session, actor: StaffInfo, person_id: str, reason: str, day: date) -> list[str]:
    """End every 失业登记 in force for the person; returns the case ids ended (empty when none was)."""
    ended: list[str] = []
    for case in registrations_in_force(session, person_id):
        before = case.state
        if before == State.COMPLETED.value:
            target, action = State.CANCELLED.value, "cancel"
        else:
            target, action = State.WITHDRAWN.value, "withdraw"
        case.state = target
        case.closed_on = day
        case.close_reason = reason
        session.add(
            CaseEvent(case=case, action=action, from_state=before, to_state=target, actor_id=actor.id, note=reason)
        )
        stop_follow_ups(session, actor, case.id, "停止跟踪：" + reason, day)
        session.flush()  # one outbox row per state change, each a transition the platform accepts
        audit.record(
            session, actor.id, f"case.{action}", "case", case.id, {"from": before, "to": target, "person_id": person_id}
        )
        ended.append(case.id)
    return ended


def stop_follow_ups(session: Session, actor: StaffInfo, case_id: str, outcome: str, day: date) -> int:
    count = 0
    for follow in session.scalars(
        select(FollowUp).where(FollowUp.case_id == case_id, FollowUp.done_on.is_(None), FollowUp.deleted.is_(False))
    ):
        follow.done_on = day
        follow.done_by = actor.id
        follow.outcome = outcome
        count += 1
    return count


def on_deregistration_completed(session: Session, actor: StaffInfo, case: Case, code_labels: dict[str, str]) -> None:
    """注销: end the registration in force with the coded reason; refuse when there is none."""
    if not case.person_id:
        return
    form = case.form_data or {}
    code = str(form.get("deregistration_reason") or "")
    label = code_labels.get(code, code)
    reason = f"注销失业登记：{label}" + (f"（{form['other_reason']}）" if form.get("other_reason") else "")
    reason += f"，办件 {case.case_no}"
    if not end_registrations(session, actor, case.person_id, reason, case.closed_on or local_today()):
        raise FlowError(
            "该人员在本站没有有效的失业登记，无需注销。请核对人员；在外地登记的，请由登记地办理注销，本件可撤回。"
        )
    status = EMPLOYED if code in {"02", "03"} else DEREGISTERED
    set_employment_status(session, actor.id, case.person_id, status)


# --- follow-ups --------------------------------------------------------------------------------------


def follow_up_lines(session: Session, person_id: str) -> list[FollowUpLine]:
    return [
        FollowUpLine(f.id, f.case_id, f.kind, FOLLOW_UP_KINDS.get(f.kind, f.kind), f.due_on, f.done_on, f.outcome)
        for f in session.scalars(
            select(FollowUp)
            .where(FollowUp.person_id == person_id, FollowUp.deleted.is_(False))
            .order_by(FollowUp.due_on.desc())
        )
    ]


def record_follow_up(
    session: Session,
    actor: StaffInfo,
    follow_up_id: str,
    outcome: str,
    *,
    catalog: Catalog,
    today: date,
) -> str | None:
    """Mark a follow-up done; while the registration is in force the next monthly one is scheduled.

    Returns the id of the follow-up scheduled next, if any.
    """
    outcome = outcome.strip()
    if not outcome:
        raise FlowError("回访结果：请填写联系情况和本人当前的就业状态、需求。")
    follow = session.get(FollowUp, follow_up_id)
    if follow is None or follow.deleted:
        raise NotFound("找不到该回访任务，可能已被删除，请刷新后重试。")
    if follow.done_on is not None:
        raise FlowError(f"该回访已于 {follow.done_on} 完成，无需重复记录。")
    follow.done_on = today
    follow.done_by = actor.id
    follow.outcome = outcome
    session.flush()
    audit.record(
        session,
        actor.id,
        "follow_up.done",
        "follow_up",
        follow.id,
        {"person_id": follow.person_id, "kind": follow.kind},
    )
    case = session.get(Case, follow.case_id) if follow.case_id else None
    if case is None or case.item_code != UNEMPLOYMENT or case.state not in IN_FORCE_STATES:
        return None
    if follow.kind in {"monthly", "contact"}:
        return schedule_next_monthly(session, case, catalog, today)
    return None


# --- policies and training recommended at registration ------------------------------------------------


def policy_entries(session: Session, today: date | None = None) -> list[PolicyEntry]:
    """The synced 政策清单 (refdata stream ``policies``) still valid today; the bundled list when none synced."""
    rows = list(session.scalars(select(RefDataEntry).where(RefDataEntry.stream == "policies")))
    raw: list[dict[str, Any]] = [r.data for r in rows]
    if not raw:
        raw = bundled_policies()
    day = today.isoformat() if today else None
    entries = []
    for data in sorted(raw, key=lambda d: (int(d.get("sort") or 0), str(d.get("title", "")))):
        if day and (data.get("valid_until") and str(data["valid_until"]) < day):
            continue
        if day and data.get("valid_from") and str(data["valid_from"]) > day:
            continue
        entries.append(
            PolicyEntry(
                str(data["id"]), str(data["title"]), str(data.get("body") or ""), str(data.get("category") or "")
            )
        )
    return entries


def bundled_policies() -> list[dict[str, Any]]:
    document = json.loads(resource_path("policies", "policies.json").read_text(encoding="utf-8"))
    return list(document["entries"])


def recommendation_text(entries: list[PolicyEntry]) -> str:
    """What is written into the case's 政策推介及服务建议 field."""
    training = [e.title for e in entries if "培训" in e.category]
    policies = [e.title for e in entries if "培训" not in e.category]
    parts = []
    if policies:
        parts.append("推介政策：" + "、".join(policies))
    if training:
        parts.append("推荐培训：" + "、".join(training))
    return "；".join(parts) + ("。" if parts else "")
