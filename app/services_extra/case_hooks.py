"""What follows the acceptance of a case at the counter, in one transaction.

- the campaign chosen on the editor is tagged on the case;
- the agent (代理服务) entered on the editor is recorded;
- a 职业培训报名 case becomes a training enrolment, a 创业服务申请 case one entrepreneurship record per
  service asked for — so the person's profile shows them and completion can be recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import StaffInfo
from app.services_extra import agents, campaigns, entrepreneurship, training
from app.services_extra.common import live_case
from app.store.models_services import EntrepreneurshipRecord, TrainingEnrolment


@dataclass
class AfterAccept:
    tagged: bool = False
    agent_id: str | None = None
    enrolment_id: str | None = None
    entrepreneurship_ids: list[str] = field(default_factory=list)


def after_accept(
    session: Session,
    actor: StaffInfo,
    case_id: str,
    *,
    campaign_code: str | None = None,
    agent: dict[str, Any] | None = None,
) -> AfterAccept:
    case = live_case(session, case_id)
    done = AfterAccept()
    if campaign_code:
        done.tagged = campaigns.tag_case(session, actor, case_id, campaign_code)
    if agent:
        done.agent_id = agents.record_agent(session, actor, case_id, **agent)
    if case.item_code == "training_enrolment" and not session.scalar(
        select(TrainingEnrolment.id).where(TrainingEnrolment.case_id == case_id)
    ):
        done.enrolment_id = training.enrol_from_case(session, actor, case_id)
    elif case.item_code == "entrepreneurship_service" and not session.scalar(
        select(EntrepreneurshipRecord.id).where(EntrepreneurshipRecord.case_id == case_id)
    ):
        done.entrepreneurship_ids = entrepreneurship.records_from_case(session, actor, case_id)
    return done
