"""网上申请待受理 (received_online): the counter's 受理 / 不予受理, form completion, and the 工作台 list."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.auth import StaffInfo
from app.dashboard import build_dashboard
from app.persons import PersonInput, create_person
from app.store import Store
from app.store.models import Case, OutboxEntry
from app.validation import synthetic_resident_id
from app.workflow import STATE_LABELS, TRANSITIONS, State, WorkflowError, save_draft, transition
from app.workflow.online_check import CheckRecord, last_check, needs_check, record_online_check

MONDAY = date(2026, 3, 2)


def _online_case(store: Store) -> str:
    """As the change feed brings it: platform data, nothing queued."""
    import random

    doc = synthetic_resident_id(random.Random(4), region="520102", birth=date(1984, 5, 6), gender="1")
    with store.session() as session:
        person_id, _ = create_person(session, None, PersonInput(name="网某", doc_type="resident_id", doc_number=doc))
    with store.session(remote_apply=True) as session:
        case = Case(
            case_no="WB520102001-20260302-1",
            item_code="unemployment_registration",
            item_version=1,
            subject_kind="person",
            person_id=person_id,
            state="received_online",
            form_data={},
            channel="online",
            version=1,
            server_version=1,
        )
        session.add(case)
        session.flush()
        return case.id


def test_states_and_transitions_know_online_applications() -> None:
    assert State.RECEIVED_ONLINE.value == "received_online"
    assert STATE_LABELS[State.RECEIVED_ONLINE] == "网上申请待受理"
    assert State.RECEIVED_ONLINE in TRANSITIONS["accept"].sources
    assert TRANSITIONS["decline"].target == State.REJECTED and TRANSITIONS["decline"].needs_reason
    assert State.RECEIVED_ONLINE not in TRANSITIONS["reject"].sources
    assert needs_check("unemployment_registration") and needs_check("employment_registration")
    assert not needs_check("job_seeking")


def test_clerk_declines_with_a_reason(store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]) -> None:
    case_id = _online_case(store)
    with store.session() as session:
        board = build_dashboard(session, MONDAY, calendar, {})
        assert [line.id for line in board.online] == [case_id]
        with pytest.raises(WorkflowError, match="需要填写原因"):
            transition(session, staff["clerk"], case_id, "decline", catalog=catalog, calendar=calendar, today=MONDAY)
    with pytest.raises(WorkflowError, match="不能执行"), store.session() as session:
        transition(session, staff["clerk"], case_id, "complete", catalog=catalog, calendar=calendar, today=MONDAY)
    with store.session() as session:
        summary = transition(
            session,
            staff["clerk"],
            case_id,
            "decline",
            catalog=catalog,
            calendar=calendar,
            reason="不属于本站办理范围",
            today=MONDAY,
        )
        assert summary.state == "rejected" and summary.closed_on == MONDAY
        assert session.query(OutboxEntry).filter_by(entity="case", entity_id=case_id).count() == 1
        assert build_dashboard(session, MONDAY, calendar, {}).online == ()


def test_counter_completes_the_form_then_accepts(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]
) -> None:
    from tests.app.workflow.test_case_workflow import unemployment_form

    case_id = _online_case(store)
    with store.session() as session:
        save_draft(session, staff["clerk"], case_id, unemployment_form())  # 补正 before 受理
        record_online_check(session, staff["clerk"], case_id, CheckRecord("clear", ""))
        assert last_check(session, case_id) == "clear"
        summary = transition(
            session,
            staff["clerk"],
            case_id,
            "accept",
            catalog=catalog,
            calendar=calendar,
            on_commitment=True,
            today=MONDAY,
        )
    assert summary.state == "accepted" and summary.accepted_on == MONDAY
    assert summary.due_on == calendar.add_working_days(MONDAY, 7)  # the deadline starts at the counter's 受理
    assert summary.handler_id == staff["clerk"].id
