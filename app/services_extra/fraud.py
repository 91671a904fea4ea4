"""Credit records (信用记录, 黔人社发〔2019〕20号（二十一））: fraud flags on persons.

A reviewer (审核 / 站长) flags a person for 骗取、虚报 or 冒领 of employment or entrepreneurship funds or
unemployment insurance, with the facts (reason) and optionally the case concerned; the flag is synced
to the platform (entity ``fraud_flag``), which passes it on to the credit-sharing platforms. A flag
is never deleted: a mistaken one is withdrawn with a reason. Clerks can see flags but not make them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo
from app.auth.roles import PermissionDenied
from app.clock import today as local_today
from app.errors import NotFound
from app.services_extra.common import ServiceError, clean, live_case, live_person, not_future
from app.store.models_services import FraudFlag

KINDS = {"defraud": "骗取", "false_claim": "虚报", "impersonation": "冒领"}
FUNDS = ("失业保险金", "就业补助资金", "职业培训补贴", "创业担保贷款及贴息", "公益性岗位补贴", "其他就业创业资金")
REVIEWER_ROLES = frozenset({"reviewer"})
MIN_REASON = 10


@dataclass(frozen=True)
class FraudInfo:
    id: str
    person_id: str
    case_id: str | None
    kind: str
    fund: str | None
    reason: str
    flagged_on: date
    status: str

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


def _require_reviewer(actor: StaffInfo) -> None:
    if actor.role not in REVIEWER_ROLES:
        raise PermissionDenied("只有审核人员可以登记或撤销失信记录（骗取、冒领），请由审核人员办理。")


def flag_fraud(
    session: Session,
    actor: StaffInfo,
    person_id: str,
    kind: str,
    reason: str,
    *,
    fund: str | None = None,
    case_id: str | None = None,
    flagged_on: date | None = None,
    today: date | None = None,
) -> str:
    _require_reviewer(actor)
    live_person(session, person_id)
    if kind not in KINDS:
        raise ServiceError("失信类型：请选择骗取、虚报或冒领。")
    facts = clean(reason)
    if facts is None or len(facts) < MIN_REASON:
        raise ServiceError(f"事实和依据：请写明发现的事实和依据（至少 {MIN_REASON} 个字）。")
    if fund is not None and fund not in FUNDS:
        raise ServiceError("涉及资金：请从列表中选择。")
    if case_id:
        case = live_case(session, case_id)
        if case.person_id != person_id:
            raise ServiceError("所涉办件：不是此人的办件，请重新选择。")
    day = today or local_today()
    when = flagged_on or day
    not_future(when, day, "认定日期")
    row = FraudFlag(
        person_id=person_id,
        case_id=case_id,
        kind=kind,
        fund=fund,
        reason=facts,
        reviewer_id=actor.id,
        flagged_on=when,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor.id, "fraud.flag", "fraud_flag", row.id, {"person_id": person_id, "kind": kind})
    return row.id


def withdraw(session: Session, actor: StaffInfo, flag_id: str, reason: str) -> None:
    _require_reviewer(actor)
    row = session.get(FraudFlag, flag_id)
    if row is None or row.deleted:
        raise NotFound("找不到该失信记录，请刷新后重试。")
    if row.status != "open":
        raise ServiceError("此记录已撤销。")
    why = clean(reason)
    if why is None:
        raise ServiceError("撤销原因：请填写撤销的原因。")
    row.status = "withdrawn"
    row.withdrawn_reason = why
    session.flush()
    audit.record(session, actor.id, "fraud.withdraw", "fraud_flag", row.id, {"person_id": row.person_id})


def person_flags(session: Session, person_id: str) -> list[FraudInfo]:
    rows = session.scalars(
        select(FraudFlag)
        .where(FraudFlag.person_id == person_id, FraudFlag.deleted.is_(False))
        .order_by(FraudFlag.flagged_on.desc())
    ).all()
    return [FraudInfo(r.id, r.person_id, r.case_id, r.kind, r.fund, r.reason, r.flagged_on, r.status) for r in rows]
