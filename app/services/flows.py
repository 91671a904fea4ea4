"""What a workflow transition sets off for each service item, and acceptance with 即时办结.

:func:`after_transition` is called by ``app.workflow.transition`` after the case's state has changed and
before the transition is audited, in the same transaction: an error here (a Chinese ``UserError``) undoes
the whole transition.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.auth import StaffInfo
from app.calendar import WorkingCalendar
from app.catalog import Catalog
from app.refdata.local_tables import effective_code_tables
from app.services import assistance, employment, unemployment
from app.store.models import Case
from app.workflow.cases import CaseSummary, transition
from app.workflow.states import State

# Items settled on the spot (即时办结) when accepted with complete materials: acceptance completes them.
IMMEDIATE_ITEMS = frozenset({unemployment.UNEMPLOYMENT, unemployment.DEREGISTRATION, employment.EMPLOYMENT})


def _labels(session: Session, table: str) -> dict[str, str]:
    codes = effective_code_tables(session).get(table)
    return {e.code: e.label for e in codes} if codes is not None else {}


def after_transition(
    session: Session, actor: StaffInfo, case: Case, action: str, *, catalog: Catalog, day: date
) -> None:
    code, completed = case.item_code, case.state == State.COMPLETED.value
    if code == unemployment.UNEMPLOYMENT:
        if action == "accept":
            unemployment.on_registration_accepted(session, actor, case)
        elif completed:
            unemployment.on_registration_completed(session, case, catalog, day)
    elif code == unemployment.DEREGISTRATION and completed:
        unemployment.on_deregistration_completed(session, actor, case, _labels(session, "deregistration_reason"))
    elif code == employment.EMPLOYMENT and completed:
        employment.on_employment_registered(session, actor, case, _labels(session, "employment_form"), day)
    elif code == assistance.RECOGNITION_ITEM and completed and case.person_id:
        data = assistance.recognition_from_case_form(case.form_data or {})
        if data is not None:
            assistance.recognize(session, actor, case.person_id, data, catalog=catalog, today=day, case_id=case.id)
    elif code == assistance.PLACEMENT_ITEM and completed and case.person_id:
        placement = assistance.placement_from_case_form(case.form_data or {})
        if placement is not None:
            assistance.place(session, actor, case.person_id, placement, catalog=catalog, today=day, case_id=case.id)


def accept_case(
    session: Session,
    actor: StaffInfo,
    case_id: str,
    *,
    catalog: Catalog,
    calendar: WorkingCalendar,
    on_commitment: bool = False,
    today: date | None = None,
) -> CaseSummary:
    """受理; an item settled on the spot (no deadline, no review) is completed at once (即时办结)."""
    summary = transition(
        session, actor, case_id, "accept", catalog=catalog, calendar=calendar, on_commitment=on_commitment, today=today
    )
    item = catalog.get(summary.item_code, summary.item_version)
    if summary.item_code in IMMEDIATE_ITEMS and summary.due_on is None and not item.review_required:
        summary = transition(session, actor, case_id, "complete", catalog=catalog, calendar=calendar, today=today)
    return summary
