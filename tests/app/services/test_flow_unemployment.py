"""失业登记 and its follow-through on a real store: 即时办结, commitment deadline, follow-ups, 注销."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from app.auth import StaffInfo
from app.persons import get_person
from app.services.flows import accept_case
from app.services.unemployment import (
    FlowError,
    policy_entries,
    recommendation_text,
    record_follow_up,
    registration_status,
)
from app.store import Store
from app.store.models import Case, CaseEvent, FollowUp
from app.workflow import create_case, transition
from tests.app.services.flow_helpers import MONDAY, register


def test_complete_materials_are_settled_on_the_spot_with_monthly_follow_up(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]
) -> None:
    pid, case_id, summary = register(store, catalog, calendar, staff["clerk"], on_commitment=False)
    assert summary.state == "completed" and summary.due_on is None and summary.closed_on == MONDAY
    with store.session() as session:
        kinds = {f.kind: f.due_on for f in session.scalars(select(FollowUp).where(FollowUp.case_id == case_id))}
        assert kinds == {"contact": calendar.add_working_days(MONDAY, 5), "monthly": date(2026, 4, 2)}
        assert get_person(session, None, pid).employment_status == "unemployed"
        status = registration_status(session, pid, MONDAY, calendar)
        assert status is not None and status.in_force and status.cause == "02"
        assert status.cause_analysis and "采石场" in status.cause_analysis


def test_commitment_path_seven_working_days_and_contact_in_five(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]
) -> None:
    pid, case_id, summary = register(store, catalog, calendar, staff["clerk"], on_commitment=True)
    assert summary.state == "accepted" and summary.on_commitment
    assert summary.due_on == calendar.add_working_days(MONDAY, 7) == date(2026, 3, 11)
    with store.session() as session:
        follow = session.scalars(select(FollowUp).where(FollowUp.case_id == case_id)).one()
        assert follow.kind == "contact" and follow.due_on == date(2026, 3, 9)
        status = registration_status(session, pid, date(2026, 3, 9), calendar)
        assert status is not None and status.days_left == 2
    # Completing within the deadline starts the monthly follow-ups.
    with store.session() as session:
        transition(session, staff["clerk"], case_id, "complete", catalog=catalog, calendar=calendar, today=MONDAY)
        monthly = session.scalars(select(FollowUp).where(FollowUp.kind == "monthly")).one()
        assert monthly.due_on == date(2026, 4, 2)


def test_each_monthly_follow_up_schedules_the_next_until_employment(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]
) -> None:
    _pid, _case_id, _ = register(store, catalog, calendar, staff["clerk"], on_commitment=False)
    with store.session() as session:
        monthly = session.scalars(select(FollowUp).where(FollowUp.kind == "monthly")).one()
        with pytest.raises(FlowError, match="回访结果"):
            record_follow_up(session, staff["clerk"], monthly.id, "  ", catalog=catalog, today=date(2026, 4, 2))
        nxt = record_follow_up(
            session, staff["clerk"], monthly.id, "电话联系，仍在找工作", catalog=catalog, today=date(2026, 4, 2)
        )
        assert nxt is not None and session.get(FollowUp, nxt).due_on == date(2026, 5, 2)
        with pytest.raises(FlowError, match="无需重复"):
            record_follow_up(session, staff["clerk"], monthly.id, "再记一次", catalog=catalog, today=date(2026, 4, 2))


def deregistration_form(number: str, reason: str = "02") -> dict[str, Any]:
    return {
        "name": "杨某某",
        "id_doc": {"doc_type": "resident_id", "number": number},
        "deregistration_reason": reason,
        "reason_date": "2026-03-20",
        "new_employer": "某某物业公司（演示）",
        "initiated_by_person": True,
    }


def test_deregistration_cancels_with_reason_and_stops_follow_ups(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]
) -> None:
    pid, case_id, _ = register(store, catalog, calendar, staff["clerk"], on_commitment=False)
    day = date(2026, 3, 23)
    with store.session() as session:
        number = get_person(session, None, pid).doc_number
        dereg = create_case(
            session, staff["clerk"], catalog.get("unemployment_deregistration"), pid, deregistration_form(number)
        )
        done = accept_case(session, staff["clerk"], dereg, catalog=catalog, calendar=calendar, today=day)
        assert done.state == "completed"
        case = session.get(Case, case_id)
        assert case.state == "cancelled" and case.closed_on == day
        assert case.close_reason and "被用人单位录用" in case.close_reason
        event = session.scalars(
            select(CaseEvent).where(CaseEvent.case_id == case_id, CaseEvent.action == "cancel")
        ).one()
        assert event.from_state == "completed" and event.note == case.close_reason
        assert all(f.done_on == day for f in session.scalars(select(FollowUp).where(FollowUp.case_id == case_id)))
        assert get_person(session, None, pid).employment_status == "employed"
    # Nothing left to deregister: refused in Chinese and the second case stays a draft.
    with store.session() as session:
        again = create_case(
            session, staff["clerk"], catalog.get("unemployment_deregistration"), pid, deregistration_form(number, "04")
        )
    with pytest.raises(FlowError, match="没有有效的失业登记"), store.session() as session:
        accept_case(session, staff["clerk"], again, catalog=catalog, calendar=calendar, today=day)
    with store.session() as session:
        assert session.get(Case, again).state == "draft"


def test_policies_fall_back_to_the_bundled_list_and_prefer_synced_ones(store: Store) -> None:
    from app.store.sync_models import RefDataEntry

    with store.session() as session:
        bundled = policy_entries(session, MONDAY)
        assert len(bundled) >= 5 and any("培训" in e.category for e in bundled)
        text = recommendation_text(bundled[:2] + [e for e in bundled if "培训" in e.category][:1])
        assert text.startswith("推介政策：") and "推荐培训：" in text
        session.add(
            RefDataEntry(
                stream="policies",
                key="p1",
                version=3,
                data={"id": "p1", "title": "省级平台下发的政策", "body": "", "category": "就业政策"},
            )
        )
        session.add(
            RefDataEntry(
                stream="policies",
                key="p2",
                version=3,
                data={"id": "p2", "title": "已失效", "category": "就业政策", "valid_until": "2025-12-31"},
            )
        )
        session.flush()
        assert [e.title for e in policy_entries(session, MONDAY)] == ["省级平台下发的政策"]
