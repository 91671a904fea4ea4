"""Everything the person profile's 培训与创业 panel shows, in one read."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app import audit
from app.services_extra.entrepreneurship import EntrepreneurshipInfo, list_records
from app.services_extra.fraud import FraudInfo, person_flags
from app.services_extra.green_channel import GreenChannelInfo, active_flag, person_tags, suggested_reasons
from app.services_extra.training import EnrolmentInfo, list_enrolments


@dataclass(frozen=True)
class ServicesProfile:
    person_id: str
    enrolments: list[EnrolmentInfo]
    entrepreneurship: list[EntrepreneurshipInfo]
    green_channel: GreenChannelInfo | None
    green_suggested: list[str]
    fraud_flags: list[FraudInfo]
    returnee: bool


def services_profile(
    session: Session, actor_id: str | None, person_id: str, *, audit_view: bool = True
) -> ServicesProfile:
    """Inside the person profile the profile's own read is the audited view (``audit_view=False``)."""
    tags = person_tags(session, person_id)
    if audit_view:
        audit.record(session, actor_id, "person.view", "person", person_id, {"purpose": "services_profile"})
    return ServicesProfile(
        person_id,
        list_enrolments(session, person_id),
        list_records(session, person_id),
        active_flag(session, person_id),
        suggested_reasons(tags),
        person_flags(session, person_id),
        bool({"返乡创业", "08"} & set(tags)),
    )
