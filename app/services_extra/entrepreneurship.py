"""Entrepreneurship services (黔人社发〔2019〕20号（九））: one record per service given.

Kinds: 创业培训 (``training``), 开业指导 (``guidance``), 创业担保贷款转介 (``loan_referral``, with the amount
asked for), 孵化基地 / 农民工创业园入驻 (``incubator``, with its name). A returnee entrepreneur (返乡创业,
“雁归兴贵”) is marked on the record and gets the person tag 返乡创业 so lists and statistics find them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo
from app.clock import today as local_today
from app.services_extra.common import ServiceError, clean, live_case, live_person, not_future
from app.store.models import PersonTag
from app.store.models_services import EntrepreneurshipRecord

KINDS = {
    "training": "创业培训",
    "guidance": "开业指导",
    "loan_referral": "创业担保贷款转介",
    "incubator": "孵化基地入驻",
}
RETURNEE_TAG = "返乡创业"  # person tags are stored by label (ui person editor); code table person_tag 08
LOAN_CAP_YUAN = 300_000  # individual cap, unconfirmed (see entrepreneurship_service.v1.json limits)
_CASE_FLAGS = {
    "wants_training": "training",
    "wants_opening_guidance": "guidance",
    "wants_loan_referral": "loan_referral",
    "wants_incubator": "incubator",
}


@dataclass(frozen=True)
class EntrepreneurshipInfo:
    id: str
    person_id: str
    kind: str
    served_on: date
    returnee: bool
    project_name: str | None
    loan_amount: int | None
    incubator_name: str | None
    outcome: str | None
    note: str | None

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)


def record_service(
    session: Session,
    actor: StaffInfo,
    person_id: str,
    kind: str,
    *,
    served_on: date | None = None,
    returnee: bool = False,
    project_name: str | None = None,
    loan_amount: int | None = None,
    incubator_name: str | None = None,
    outcome: str | None = None,
    note: str | None = None,
    case_id: str | None = None,
    today: date | None = None,
) -> tuple[str, list[str]]:
    """Record one service; returns its id and warnings (e.g. a loan above the usual cap)."""
    live_person(session, person_id)
    day = today or local_today()
    if kind not in KINDS:
        raise ServiceError("服务类型：请选择创业培训、开业指导、创业担保贷款转介或孵化基地入驻。")
    when = served_on or day
    not_future(when, day, "服务日期")
    warnings: list[str] = []
    if kind == "loan_referral":
        if loan_amount is None or loan_amount <= 0:
            raise ServiceError("拟申请贷款金额：创业担保贷款转介须填写大于 0 的金额（元）。")
        if loan_amount > LOAN_CAP_YUAN:
            warnings.append("拟申请贷款金额：超过个人创业担保贷款一般额度上限，请按本地当年政策核实。")
    elif loan_amount is not None:
        raise ServiceError("贷款金额：只有创业担保贷款转介才填写贷款金额。")
    if kind == "incubator" and clean(incubator_name) is None:
        raise ServiceError("孵化基地：请填写推荐入驻的孵化基地或创业园名称。")
    if case_id:
        live_case(session, case_id)
    row = EntrepreneurshipRecord(
        person_id=person_id,
        case_id=case_id,
        kind=kind,
        served_on=when,
        served_by=actor.id,
        returnee=returnee,
        project_name=clean(project_name),
        loan_amount=loan_amount,
        incubator_name=clean(incubator_name),
        outcome=clean(outcome),
        note=clean(note),
    )
    session.add(row)
    if returnee:
        # (person_id, tag) is unique even among tombstones: revive a removed tag instead of adding one
        tag = session.scalar(select(PersonTag).where(PersonTag.person_id == person_id, PersonTag.tag == RETURNEE_TAG))
        if tag is None:
            session.add(PersonTag(person_id=person_id, tag=RETURNEE_TAG))
        elif tag.deleted:
            tag.deleted = False
    session.flush()
    audit.record(
        session,
        actor.id,
        "entrepreneurship.record",
        "entrepreneurship_record",
        row.id,
        {"person_id": person_id, "kind": kind},
    )
    return row.id, warnings


def records_from_case(session: Session, actor: StaffInfo, case_id: str, *, today: date | None = None) -> list[str]:
    """One record per service asked for on an accepted 创业服务申请 case."""
    case = live_case(session, case_id)
    if case.item_code != "entrepreneurship_service" or not case.person_id:
        raise ServiceError("只有“创业服务申请”办件可以据此登记创业服务。")
    if case.state not in {"accepted", "completed"}:
        raise ServiceError("请先受理此申请，再登记创业服务。")
    form = case.form_data
    ids: list[str] = []
    for flag, kind in _CASE_FLAGS.items():
        if not form.get(flag):
            continue
        amount = form.get("loan_amount") if kind == "loan_referral" else None
        record_id, _warnings = record_service(
            session,
            actor,
            case.person_id,
            kind,
            returnee=bool(form.get("returnee")),
            project_name=form.get("project_name"),
            loan_amount=int(float(amount)) if amount else None,
            incubator_name=(form.get("incubator_name") or "（待定）") if kind == "incubator" else None,
            case_id=case.id,
            today=today,
        )
        ids.append(record_id)
    return ids


def list_records(session: Session, person_id: str) -> list[EntrepreneurshipInfo]:
    rows = session.scalars(
        select(EntrepreneurshipRecord)
        .where(EntrepreneurshipRecord.person_id == person_id, EntrepreneurshipRecord.deleted.is_(False))
        .order_by(EntrepreneurshipRecord.served_on.desc())
    ).all()
    return [
        EntrepreneurshipInfo(
            r.id,
            r.person_id,
            r.kind,
            r.served_on,
            r.returnee,
            r.project_name,
            r.loan_amount,
            r.incubator_name,
            r.outcome,
            r.note,
        )
        for r in rows
    ]
