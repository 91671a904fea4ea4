"""What the person profile's 就业失业登记与就业援助 panel shows, gathered in one read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from app import audit
from app.calendar import WorkingCalendar
from app.catalog import Catalog
from app.refdata.local_tables import effective_code_tables
from app.services.assistance import assistance_info
from app.services.assistance_model import AssistanceInfo
from app.services.employment import EmploymentInfo, latest_employment
from app.services.unemployment import (
    STATUS_LABELS,
    FollowUpLine,
    RegistrationStatus,
    follow_up_lines,
    registration_status,
)
from app.store.models import Person


@dataclass(frozen=True)
class FlowProfile:
    person_id: str
    employment_status: str | None
    employment_status_label: str
    registration: RegistrationStatus | None
    cause_label: str
    employment: EmploymentInfo | None
    employment_form_label: str
    assistance: AssistanceInfo
    follow_ups: tuple[FollowUpLine, ...]
    categories: tuple[tuple[str, str], ...]


def flow_profile(
    session: Session,
    person_id: str,
    *,
    catalog: Catalog,
    today: date,
    calendar: WorkingCalendar,
    audit_actor: str | None = None,
) -> FlowProfile:
    """Inside the person profile the profile's own read is the audited view; shown on its own (from a list),
    pass ``audit_actor`` and the view is audited here."""
    person = session.get(Person, person_id)
    if audit_actor is not None:
        audit.record(session, audit_actor, "person.view", "person", person_id, {"purpose": "assistance"})
    status = person.employment_status if person is not None else None
    tables = effective_code_tables(session)

    def label(table: str, code: str | None) -> str:
        codes = tables.get(table)
        if not code or codes is None:
            return code or ""
        return codes.label(code) or code

    registration = registration_status(session, person_id, today, calendar)
    employment = latest_employment(session, person_id)
    hardship = tables.get("hardship_category")
    return FlowProfile(
        person_id,
        status,
        STATUS_LABELS.get(status or "", status or "未登记"),
        registration,
        label("unemployment_cause", registration.cause if registration else None),
        employment,
        label("employment_form", employment.employment_form if employment else None),
        assistance_info(session, person_id, catalog=catalog, today=today),
        tuple(follow_up_lines(session, person_id)),
        tuple((e.code, e.label) for e in hardship) if hardship is not None else (),
    )
