"""Shared helpers of the service-flow tests: a person and an accepted 失业登记."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from app.auth import StaffInfo
from app.persons import PersonInput, create_person
from app.services.flows import accept_case
from app.store import Store
from app.validation import synthetic_resident_id
from app.workflow import create_case

MONDAY = date(2026, 3, 2)
RNG = random.Random(61)


def unemployment_form(number: str, **overrides: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "name": "杨某某",
        "gender": "2",
        "id_doc": {"doc_type": "resident_id", "number": number},
        "ethnic": "01",
        "hukou_type": "01",
        "education": "71",
        "health": "10",
        "hukou_address": "贵州省（演示地址）",
        "residence_address": "贵阳市南明区（演示地址）",
        "residence_division": "520102001",
        "phone": "19900001234",
        "registration_division": "520102001",
        "unemployed_since": "2026-02-01",
        "unemployment_cause": "02",
        "cause_analysis": "采石场关停，技能单一，年龄偏大。",
        "claims_ui_benefit": False,
        "training_intention": False,
        "truth_commitment": True,
    }
    form.update(overrides)
    return form


def new_person(store: Store) -> tuple[str, str]:
    number = synthetic_resident_id(RNG, region="520102", birth=date(1974, 3, 9), gender="2")
    with store.session() as session:
        pid, _ = create_person(session, None, PersonInput(name="杨某某", doc_type="resident_id", doc_number=number))
    return pid, number


def register(
    store: Store, catalog: Any, calendar: Any, clerk: StaffInfo, *, on_commitment: bool, day: date = MONDAY
) -> tuple[str, str, Any]:
    pid, number = new_person(store)
    with store.session() as session:
        case_id = create_case(
            session, clerk, catalog.get("unemployment_registration"), pid, unemployment_form(number), today=day
        )
        summary = accept_case(
            session, clerk, case_id, catalog=catalog, calendar=calendar, on_commitment=on_commitment, today=day
        )
    return pid, case_id, summary
