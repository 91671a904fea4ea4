"""就业困难人员认定 started from the person's profile by a clerk: a draft case, prefilled, to be reviewed.

A clerk may not record a recognition directly (``hardship.recognize`` is for 审核 / 站点管理员); the
profile's button opens the same short form and this turns it into a draft of the
``hardship_recognition`` item, which the clerk completes, accepts and sends to review. Approval and
completion then record the recognition (:func:`app.services.flows.after_transition`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import StaffInfo
from app.catalog import Catalog
from app.errors import NotFound, ValidationFailed
from app.services.assistance import RECOGNITION_ITEM
from app.services.assistance_model import RecognitionInput
from app.services.unemployment import FlowError, registrations_in_force
from app.store.models import Case, Person
from app.workflow.cases import create_case
from app.workflow.states import FINAL_STATES


def recognition_case_form(data: RecognitionInput) -> dict[str, Any]:
    """The case form fields a recognition input fills (the inverse of ``recognition_from_case_form``)."""
    investigated = data.check_method == "investigation"
    form: dict[str, Any] = {
        "hardship_categories": list(data.categories),
        "unemployment_registered": True,
        "field_investigation": investigated,
    }
    if investigated:
        if data.investigation_on is not None:
            form["investigation_date"] = data.investigation_on.isoformat()
        if (data.investigators or "").strip():
            form["investigators"] = (data.investigators or "").strip()
        if (data.investigation_findings or "").strip():
            form["investigation_record"] = (data.investigation_findings or "").strip()
    elif (data.info_check_result or "").strip():
        form["info_check_result"] = (data.info_check_result or "").strip()
    return form


def open_recognition_case(session: Session, person_id: str) -> tuple[str, str] | None:
    """(id, case number) of the person's 就业困难人员认定 case still being handled, if any."""
    final_states = [s.value for s in FINAL_STATES]
    row = session.execute(
        select(Case.id, Case.case_no).where(
            Case.person_id == person_id,
            Case.item_code == RECOGNITION_ITEM,
            Case.deleted.is_(False),
            Case.state.not_in(final_states),
        )
    ).first()
    return (row[0], row[1]) if row else None


def start_recognition_case(
    session: Session,
    actor: StaffInfo,
    person_id: str,
    data: RecognitionInput,
    *,
    catalog: Catalog,
    today: date,
) -> str:
    """Open a draft 就业困难人员认定 case prefilled from ``data``; returns the case id."""
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise NotFound("找不到该人员，可能已被删除，请重新查找。")
    if not tuple(c for c in data.categories if c.strip()):
        raise ValidationFailed({"categories": ["就业困难人员类别：请至少选择一个类别。"]})
    registrations = registrations_in_force(session, person_id)
    if not registrations:
        raise FlowError("该人员没有有效的失业登记。就业困难人员应为登记失业人员，请先为其办理失业登记。")
    existing = open_recognition_case(session, person_id)
    if existing is not None:
        raise FlowError(
            f"该人员已有正在办理的就业困难人员认定办件（{existing[1]}），请在“办件”中继续办理，不要重复发起。"
        )
    form = recognition_case_form(data)
    registered_on = registrations[0].accepted_on
    if registered_on is not None:
        form["unemployment_registration_date"] = registered_on.isoformat()
    return create_case(session, actor, catalog.get(RECOGNITION_ITEM), person_id, form, today=today)
