"""The catalog cases decide too: an approved 就业困难人员认定 records the recognition, an approved
公益性岗位安置 is checked against its limits (refused: the approval does not happen)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from app.auth import StaffInfo
from app.persons import get_person
from app.services.unemployment import FlowError
from app.store import Store
from app.store.models import Case
from app.store.models_assistance import HardshipRecognition, WelfarePlacement
from app.workflow import create_case, transition
from tests.app.services.flow_helpers import MONDAY, register


def _act(store: Store, catalog: Any, calendar: Any, actor: StaffInfo, case_id: str, action: str) -> Any:
    with store.session() as session:
        return transition(session, actor, case_id, action, catalog=catalog, calendar=calendar, today=MONDAY)


def test_reviewed_cases_record_recognition_and_check_placement(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]
) -> None:
    clerk, reviewer = staff["clerk"], staff["reviewer"]
    pid, _, _ = register(store, catalog, calendar, clerk, on_commitment=False)
    with store.session() as session:
        person = get_person(session, None, pid)
    common = {
        "name": person.name,
        "gender": "2",
        "id_doc": {"doc_type": "resident_id", "number": person.doc_number},
        "phone": "19900001234",
        "truth_commitment": True,
    }
    recognition = common | {
        "hukou_address": "贵州省（演示地址）",
        "unemployment_registered": True,
        "unemployment_registration_date": "2026-03-02",
        "hardship_categories": ["01"],
        "info_check_result": "经社保信息核查属实",
        "field_investigation": False,
    }
    with store.session() as session:
        rec_case = create_case(session, clerk, catalog.get("hardship_recognition"), pid, recognition, today=MONDAY)
    for actor, action in ((clerk, "accept"), (clerk, "request_review"), (reviewer, "approve")):
        _act(store, catalog, calendar, actor, rec_case, action)
    with store.session() as session:
        rec = session.scalars(select(HardshipRecognition).where(HardshipRecognition.person_id == pid)).one()
        assert rec.case_id == rec_case and rec.categories == ["01"] and rec.valid_until == date(2028, 3, 1)
    placement = common | {
        "placement_basis": ["09"],
        "post_name": "护林员",
        "post_category": "护林",
        "post_employer": "某林场（演示）",
        "work_division": "520102001",
        "start_date": "2026-04-01",
        "end_date": "2029-06-30",
        "monthly_wage": "1800",
        "previous_subsidy_months": 0,
        "near_retirement": False,
        "contract_signed": True,
    }
    with store.session() as session:
        item = catalog.get("public_welfare_placement")
        assert item.version == 2
        place_case = create_case(session, clerk, item, pid, placement, today=MONDAY)
    _act(store, catalog, calendar, clerk, place_case, "accept")
    _act(store, catalog, calendar, clerk, place_case, "request_review")
    with pytest.raises(FlowError, match="最长 36 个月"):
        _act(store, catalog, calendar, reviewer, place_case, "approve")
    with store.session() as session:
        assert session.get(Case, place_case).state == "in_review"
        assert session.scalars(select(WelfarePlacement)).all() == []
