"""Agent service (代理服务, 黔人社发〔2019〕20号（十八））: a case applied for on someone's behalf.

The agent is a relative or a village (community) official, or another person with a written
authorisation. Recorded on the case: the agent's name, identity document (validated like a person's),
relation, phone and the authorisation (委托书 / 村（居）委会证明 / 当面确认). The agent cannot be the
person the case is about. One live agent per case: recording again replaces it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo
from app.catalog.model import DOC_TYPE_KINDS
from app.services_extra.common import ServiceError, clean, live_case
from app.store.models import Person
from app.store.models_services import CaseAgent
from app.validation import validate

RELATIONS = {"relative": "亲属", "village_official": "村（社区）干部", "other": "其他受托人"}
AUTHORISATIONS = {"letter": "书面委托书", "village_proof": "村（居）委会证明", "in_person": "本人当面确认"}


@dataclass(frozen=True)
class AgentInfo:
    id: str
    case_id: str
    agent_name: str
    agent_doc_type: str
    masked_number: str
    relation: str
    authorisation: str
    phone: str | None
    note: str | None

    @property
    def relation_label(self) -> str:
        return RELATIONS.get(self.relation, self.relation)

    @property
    def authorisation_label(self) -> str:
        return AUTHORISATIONS.get(self.authorisation, self.authorisation)


def _mask(number: str) -> str:
    return number[:4] + "*" * max(len(number) - 8, 0) + number[-4:] if len(number) > 8 else "*" * len(number)


def record_agent(
    session: Session,
    actor: StaffInfo,
    case_id: str,
    *,
    name: str,
    doc_type: str,
    doc_number: str,
    relation: str,
    authorisation: str,
    phone: str | None = None,
    note: str | None = None,
) -> str:
    case = live_case(session, case_id)
    agent_name = clean(name)
    if agent_name is None or len(agent_name) > 60:
        raise ServiceError("代理人姓名：请填写，不超过 60 个字。")
    kind = DOC_TYPE_KINDS.get(doc_type)
    if kind is None:
        raise ServiceError("代理人证件类型：请选择居民身份证、社会保障卡、居住证或通行证。")
    checked = validate(kind, doc_number)
    if not checked.ok or checked.normalized is None:
        raise ServiceError("代理人证件号码：" + "；".join(checked.errors))
    number = checked.normalized
    if relation not in RELATIONS:
        raise ServiceError("与申请人关系：请选择亲属、村（社区）干部或其他受托人。")
    if authorisation not in AUTHORISATIONS:
        raise ServiceError("授权方式：请选择书面委托书、村（居）委会证明或本人当面确认。")
    if relation == "other" and authorisation != "letter":
        raise ServiceError("授权方式：亲属和村（社区）干部以外的受托人须提供书面委托书。")
    if case.person_id:
        person = session.get(Person, case.person_id)
        if person is not None and person.doc_number == number:
            raise ServiceError("代理人证件号码：与申请人本人相同。本人办理时不需要登记代理人。")
    tel = clean(phone)
    if tel:
        mobile = validate("mobile", tel)
        if not mobile.ok:
            raise ServiceError("代理人联系电话：" + "；".join(mobile.errors))
        tel = mobile.normalized
    row = session.scalar(select(CaseAgent).where(CaseAgent.case_id == case.id, CaseAgent.deleted.is_(False)))
    if row is None:
        row = CaseAgent(case_id=case.id)
        session.add(row)
    row.agent_name, row.agent_doc_type, row.agent_doc_number = agent_name, doc_type, number
    row.relation, row.authorisation, row.phone = relation, authorisation, tel
    row.authorisation_note, row.recorded_by = clean(note), actor.id
    session.flush()
    detail = {"case_id": case.id, "relation": relation}
    if case.person_id:
        detail["person_id"] = case.person_id
    audit.record(session, actor.id, "case.agent", "case_agent", row.id, detail)
    return row.id


def case_agent(session: Session, case_id: str) -> AgentInfo | None:
    row = session.scalar(select(CaseAgent).where(CaseAgent.case_id == case_id, CaseAgent.deleted.is_(False)))
    if row is None:
        return None
    return AgentInfo(
        row.id,
        row.case_id,
        row.agent_name,
        row.agent_doc_type,
        _mask(row.agent_doc_number),
        row.relation,
        row.authorisation,
        row.phone,
        row.authorisation_note,
    )
