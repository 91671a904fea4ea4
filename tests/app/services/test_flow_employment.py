"""就业登记 / 灵活就业 on commitment: ends the unemployment registration, status, verification visit."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from app.auth import StaffInfo
from app.persons import get_person
from app.services.employment import latest_employment, record_verification_visit
from app.services.flows import accept_case
from app.services.unemployment import FlowError
from app.store import Store
from app.store.models import Case, CaseEvent, FollowUp
from app.workflow import create_case
from tests.app.services import flow_helpers as flow_unemp

DAY = date(2026, 3, 5)


def flexible_form(number: str) -> dict[str, Any]:
    return {
        "name": "杨某某",
        "gender": "2",
        "id_doc": {"doc_type": "resident_id", "number": number},
        "hukou_type": "01",
        "education": "71",
        "phone": "19900001234",
        "employment_form": "03",
        "employment_date": "2026-03-04",
        "flexible_work": "家政服务",
        "work_division": "520102001",
        "destination": "1",
        "truth_commitment": True,
    }


def test_flexible_employment_on_commitment_ends_the_open_registration(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]
) -> None:
    clerk = staff["clerk"]
    pid, reg_id, reg = flow_unemp.register(store, catalog, calendar, clerk, on_commitment=True)
    assert reg.state == "accepted"
    with store.session() as session:
        number = get_person(session, None, pid).doc_number
        form = flexible_form(number)
        tables = {}
        from app.refdata.local_tables import effective_code_tables

        tables = effective_code_tables(session)
        form["destination"] = next(iter(tables["destination"])).code
        case_id = create_case(session, clerk, catalog.get("employment_registration"), pid, form, today=DAY)
        done = accept_case(session, clerk, case_id, catalog=catalog, calendar=calendar, on_commitment=True, today=DAY)
        assert done.state == "completed" and done.on_commitment and done.due_on is None
        reg_case = session.get(Case, reg_id)
        # The open (commitment) registration is withdrawn with the reason; its contact follow-up stops.
        assert reg_case.state == "withdrawn" and reg_case.closed_on == DAY
        assert reg_case.close_reason and "灵活就业" in reg_case.close_reason and done.case_no in reg_case.close_reason
        events = [e.action for e in session.scalars(select(CaseEvent).where(CaseEvent.case_id == reg_id))]
        assert events[-1] == "withdraw"
        follow = session.scalars(select(FollowUp).where(FollowUp.case_id == reg_id)).one()
        assert follow.done_on == DAY and follow.outcome and follow.outcome.startswith("停止跟踪")
        assert get_person(session, None, pid).employment_status == "employed"
    # Optional verification visit, recorded on the case.
    with store.session() as session:
        with pytest.raises(FlowError, match="走访人员"):
            record_verification_visit(session, clerk, case_id, visit_on=DAY, visitors=" ", findings="属实", today=DAY)
        record_verification_visit(
            session,
            clerk,
            case_id,
            visit_on=DAY,
            visitors="王某、李某",
            findings="本人在小区从事家政服务，属实",
            today=DAY,
        )
        info = latest_employment(session, pid)
        assert info is not None and info.on_commitment and info.visits and "属实" in info.visits[0]


def test_employment_cancels_a_completed_registration(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]
) -> None:
    clerk = staff["clerk"]
    pid, reg_id, reg = flow_unemp.register(store, catalog, calendar, clerk, on_commitment=False)
    assert reg.state == "completed"
    with store.session() as session:
        from app.refdata.local_tables import effective_code_tables

        form = flexible_form(get_person(session, None, pid).doc_number)
        form["destination"] = next(iter(effective_code_tables(session)["destination"])).code
        case_id = create_case(session, clerk, catalog.get("employment_registration"), pid, form, today=DAY)
        accept_case(session, clerk, case_id, catalog=catalog, calendar=calendar, on_commitment=True, today=DAY)
        reg_case = session.get(Case, reg_id)
        assert reg_case.state == "cancelled"
        open_follow = session.scalars(
            select(FollowUp).where(FollowUp.case_id == reg_id, FollowUp.done_on.is_(None))
        ).all()
        assert open_follow == []
