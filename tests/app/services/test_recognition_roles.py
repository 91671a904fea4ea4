"""就业困难人员认定 respects roles: only 审核/站点管理员 record one directly; a clerk starts a prefilled case,
which the reviewer's approval turns into the recognition."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from app.auth import PermissionDenied, StaffInfo
from app.persons import get_person
from app.services.assistance import recognize
from app.services.assistance_model import RecognitionInput
from app.services.recognition_case import start_recognition_case
from app.services.unemployment import FlowError
from app.store import Store
from app.store.models import Case
from app.store.models_assistance import HardshipRecognition
from app.workflow import save_draft, transition
from tests.app.services.flow_helpers import MONDAY, new_person, register

VISIT = RecognitionInput(
    categories=("01",),
    check_method="investigation",
    investigation_on=MONDAY,
    investigators="王某、李某",
    investigation_findings="入户核实：原单位关停后无业。",
)


def _count(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(HardshipRecognition)) or 0)


def test_only_deciding_roles_record_directly(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]
) -> None:
    pid, _, _ = register(store, catalog, calendar, staff["clerk"], on_commitment=False)
    with store.session() as session, pytest.raises(PermissionDenied) as refused:
        recognize(session, staff["clerk"], pid, VISIT, catalog=catalog, today=MONDAY)
    message = str(refused.value)
    assert "窗口经办" in message and "不能直接认定" in message and "申请认定（送审核）" in message
    assert _count(store) == 0
    # A case id is no way around it: only a completed 认定 case of the same person counts.
    with store.session() as session:
        draft = start_recognition_case(session, staff["clerk"], pid, VISIT, catalog=catalog, today=MONDAY)
    with store.session() as session, pytest.raises(PermissionDenied, match="请先完成审核"):
        recognize(session, staff["clerk"], pid, VISIT, catalog=catalog, today=MONDAY, case_id=draft)
    for role in ("reviewer", "admin"):
        other, _, _ = register(store, catalog, calendar, staff["clerk"], on_commitment=False)
        with store.session() as session:
            assert recognize(session, staff[role], other, VISIT, catalog=catalog, today=MONDAY)
    assert _count(store) == 2


def test_clerk_starts_a_prefilled_case_that_review_decides(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]
) -> None:
    clerk, reviewer = staff["clerk"], staff["reviewer"]
    unregistered, _ = new_person(store)
    with store.session() as session, pytest.raises(FlowError, match="请先为其办理失业登记"):
        start_recognition_case(session, clerk, unregistered, VISIT, catalog=catalog, today=MONDAY)
    pid, _, _ = register(store, catalog, calendar, clerk, on_commitment=False)
    with store.session() as session:
        case_id = start_recognition_case(session, clerk, pid, VISIT, catalog=catalog, today=MONDAY)
    with store.session() as session, pytest.raises(FlowError, match="不要重复发起"):
        start_recognition_case(session, clerk, pid, VISIT, catalog=catalog, today=MONDAY)
    with store.session() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.state == "draft" and case.item_code == "hardship_recognition"
        form = dict(case.form_data or {})
        assert form["hardship_categories"] == ["01"] and form["field_investigation"] is True
        assert form["investigators"] == "王某、李某" and form["investigation_date"] == MONDAY.isoformat()
        person = get_person(session, None, pid)
    # The clerk completes what the profile form does not ask (person fields, commitment) and sends it on.
    form |= {
        "name": person.name,
        "gender": "2",
        "id_doc": {"doc_type": "resident_id", "number": person.doc_number},
        "phone": "19900001234",
        "hukou_address": "贵州省（演示地址）",
        "truth_commitment": True,
    }
    with store.session() as session:
        save_draft(session, clerk, case_id, form)
    for actor, action in ((clerk, "accept"), (clerk, "request_review")):
        with store.session() as session:
            transition(session, actor, case_id, action, catalog=catalog, calendar=calendar, today=MONDAY)
    assert _count(store) == 0  # nothing decided before the review
    with store.session() as session:
        transition(session, reviewer, case_id, "approve", catalog=catalog, calendar=calendar, today=MONDAY)
    with store.session() as session:
        rec = session.scalars(select(HardshipRecognition).where(HardshipRecognition.person_id == pid)).one()
        assert rec.case_id == case_id and rec.categories == ["01"]
