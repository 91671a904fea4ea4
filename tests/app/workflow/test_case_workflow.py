"""Case workflow on a real store with the bundled catalog and calendar."""

from __future__ import annotations

import contextlib
import random
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from app.auth import PermissionDenied, StaffInfo
from app.errors import ValidationFailed
from app.persons import PersonInput, create_person
from app.store import Store
from app.store.models import AuditEntry, Case, CaseEvent, FollowUp, OutboxEntry
from app.validation import synthetic_resident_id
from app.workflow import (
    TRANSITIONS,
    State,
    WorkflowError,
    create_case,
    days_left,
    due_soon,
    get_case,
    list_cases,
    overdue_cases,
    save_draft,
    transition,
)

RNG = random.Random(11)
ID = synthetic_resident_id(RNG, region="520102", birth=date(1974, 3, 9), gender="2")
FRIDAY_BEFORE_NATIONAL_DAY = date(2026, 9, 25)


def unemployment_form(**overrides: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "name": "杨某某",
        "gender": "2",
        "id_doc": {"doc_type": "resident_id", "number": ID},
        "ethnic": "01",
        "hukou_type": "01",
        "education": "71",
        "health": "10",
        "hukou_address": "贵州省（演示地址）",
        "residence_address": "贵阳市南明区（演示地址）",
        "residence_division": "520102001",
        "phone": "19900001234",
        "registration_division": "520102001",
        "unemployed_since": "2026-08-01",
        "unemployment_cause": "02",
        "claims_ui_benefit": False,
        "training_intention": False,
        "truth_commitment": True,
    }
    form.update(overrides)
    return form


@pytest.fixture
def person_id(store: Store) -> str:
    with store.session() as session:
        pid, _ = create_person(session, "c", PersonInput(name="杨某某", doc_type="resident_id", doc_number=ID))
    return pid


def _new_case(
    store: Store,
    catalog: Any,
    actor: StaffInfo,
    person_id: str,
    code: str = "unemployment_registration",
    form: dict[str, Any] | None = None,
) -> str:
    with store.session() as session:
        return create_case(
            session,
            actor,
            catalog.get(code),
            person_id,
            unemployment_form() if form is None else form,
            today=FRIDAY_BEFORE_NATIONAL_DAY,
        )


def _act(store: Store, catalog: Any, calendar: Any, actor: StaffInfo, case_id: str, action: str, **kw: Any) -> Any:
    kw.setdefault("today", FRIDAY_BEFORE_NATIONAL_DAY)
    with store.session() as session:
        return transition(session, actor, case_id, action, catalog=catalog, calendar=calendar, **kw)


def test_commitment_path_deadline_over_national_day(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo], person_id: str
) -> None:
    case_id = _new_case(store, catalog, staff["clerk"], person_id)
    summary = _act(store, catalog, calendar, staff["clerk"], case_id, "accept", on_commitment=True)
    assert summary.state == State.ACCEPTED and summary.on_commitment
    # 7 working days after Friday 2026-09-25 across the National Day holiday and its make-up Saturday.
    assert summary.due_on == date(2026, 10, 12)
    assert summary.case_no.startswith("520102001-20260925-")
    with store.session() as session:
        follow = session.scalars(select(FollowUp)).one()
        assert follow.kind == "contact" and follow.due_on == calendar.add_working_days(FRIDAY_BEFORE_NATIONAL_DAY, 5)
        assert days_left(summary, date(2026, 10, 9), calendar) == 2
        assert [c.id for c in overdue_cases(session, date(2026, 10, 13))] == [case_id]
        assert overdue_cases(session, date(2026, 10, 12)) == []
        assert [c.id for c in due_soon(session, date(2026, 10, 9), calendar)] == [case_id]
    done = _act(store, catalog, calendar, staff["clerk"], case_id, "complete", today=date(2026, 10, 9))
    assert done.state == State.COMPLETED and done.closed_on == date(2026, 10, 9)
    with store.session() as session:
        detail = get_case(session, staff["clerk"], case_id)
        assert [e.action for e in detail.events] == ["accept", "complete"]
        actions = [a.action for a in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
        assert actions[-3:] == ["case.accept", "case.complete", "person.view"]
        case_versions = [o.version for o in session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "case"))]
        assert case_versions == [1, 2, 3]


def test_invalid_form_refused_names_field_and_changes_nothing(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo], person_id: str
) -> None:
    bad = unemployment_form(
        id_doc={"doc_type": "resident_id", "number": ID[:-1] + ("1" if ID[-1] != "1" else "2")}, phone="123"
    )
    case_id = _new_case(store, catalog, staff["clerk"], person_id, form=bad)
    with store.session() as session:
        before = session.scalar(select(OutboxEntry.seq).order_by(OutboxEntry.seq.desc()).limit(1))
    with pytest.raises(ValidationFailed) as caught:
        _act(store, catalog, calendar, staff["clerk"], case_id, "accept")
    assert set(caught.value.errors) == {"id_doc", "phone"}
    assert "手机号码" in caught.value.errors["phone"][0] or "联系" in caught.value.errors["phone"][0]
    with store.session() as session:
        assert get_case(session, staff["clerk"], case_id).summary.state == State.DRAFT
        assert session.scalar(select(OutboxEntry.seq).order_by(OutboxEntry.seq.desc()).limit(1)) == before


def test_review_path_roles(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo], person_id: str
) -> None:
    item = catalog.get("hardship_recognition")
    assert item.review_required
    with store.session() as session:
        case_id = create_case(session, staff["clerk"], item, person_id, {}, today=FRIDAY_BEFORE_NATIONAL_DAY)
    with pytest.raises(ValidationFailed):
        _act(store, catalog, calendar, staff["clerk"], case_id, "accept")
    # A review item cannot be closed by the clerk alone.
    with store.session() as session:
        case = session.get(Case, case_id)
        assert case is not None
        case.state = "accepted"
    with pytest.raises(WorkflowError, match="需要审核"):
        _act(store, catalog, calendar, staff["clerk"], case_id, "complete")
    _act(store, catalog, calendar, staff["clerk"], case_id, "request_review")
    with pytest.raises(PermissionDenied):
        _act(store, catalog, calendar, staff["clerk"], case_id, "approve")
    with pytest.raises(WorkflowError, match="需要填写原因"):
        _act(store, catalog, calendar, staff["reviewer"], case_id, "return")
    _act(store, catalog, calendar, staff["reviewer"], case_id, "return", reason="材料不全，请补充低保证明")
    _act(store, catalog, calendar, staff["clerk"], case_id, "request_review")
    assert _act(store, catalog, calendar, staff["reviewer"], case_id, "approve").state == State.COMPLETED
    with store.session() as session:
        notes = [e.note for e in session.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id))]
        assert "材料不全，请补充低保证明" in notes


ROLE_ACTIONS = [(role, action) for role in ("clerk", "reviewer", "admin") for action in TRANSITIONS]


@pytest.mark.parametrize(("role", "action"), ROLE_ACTIONS)
def test_every_transition_is_role_checked(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo], person_id: str, role: str, action: str
) -> None:
    from app.auth import allowed

    case_id = _new_case(store, catalog, staff["clerk"], person_id)
    if allowed(role, f"case.{action}"):
        # Allowed roles get past the permission check (they may still meet a state rule).
        with contextlib.suppress(WorkflowError):
            _act(store, catalog, calendar, staff[role], case_id, action, reason="原因", on_commitment=True)
    else:
        with pytest.raises(PermissionDenied):
            _act(store, catalog, calendar, staff[role], case_id, action, reason="原因")


def test_wrong_state_and_draft_rules(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo], person_id: str
) -> None:
    case_id = _new_case(store, catalog, staff["clerk"], person_id)
    with pytest.raises(WorkflowError, match="草稿"):
        _act(store, catalog, calendar, staff["clerk"], case_id, "complete")
    with store.session() as session:
        save_draft(session, staff["clerk"], case_id, unemployment_form(phone="19900005678"))
    _act(store, catalog, calendar, staff["clerk"], case_id, "accept")
    with pytest.raises(WorkflowError, match="只有草稿"), store.session() as session:
        save_draft(session, staff["clerk"], case_id, unemployment_form())
    with store.session() as session:
        other = create_case(session, staff["clerk"], catalog.get("hardship_recognition"), person_id, {})
    with pytest.raises(WorkflowError, match="不能以书面承诺"):
        _act(store, catalog, calendar, staff["clerk"], other, "accept", on_commitment=True)
    _act(store, catalog, calendar, staff["clerk"], other, "withdraw", reason="申请人撤回")
    with store.session() as session:
        states = {c.state for c in list_cases(session)}
    assert states == {"accepted", "withdrawn"}
