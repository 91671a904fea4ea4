"""Scale layoff reports (规模性裁员, 黔人社发〔2019〕20号（十））: what an enterprise reported and the measures.

A report names the employer (a registered one, or by name and 统一社会信用代码), the date reported, the
planned layoff date, how many people are affected (and the workforce), and the measures taken
(就业指导、岗位对接、培训 …). The 劳动合同法 §41 threshold — 20 people or more, or fewer but at least
10% of the workforce — is checked as a warning: a smaller layoff may still be recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo
from app.clock import today as local_today
from app.employers import list_employers
from app.errors import NotFound
from app.services_extra.common import ServiceError, clean, not_future
from app.store.models import Employer
from app.store.models_services import LayoffReport
from app.validation import validate


@dataclass(frozen=True)
class LayoffInfo:
    id: str
    employer_id: str | None
    employer_name: str
    reported_on: date
    layoff_on: date | None
    affected: int
    workforce: int | None
    measures: str
    scale: bool
    uscc: str | None = None
    registered: bool = False  # names a registered employer still on record (a link to it is offered)


@dataclass(frozen=True)
class EmployerChoice:
    """A registered employer as the layoff form's picker lists it."""

    id: str
    name: str
    uscc: str | None


def find_employers(session: Session, text: str, *, limit: int = 20) -> list[EmployerChoice]:
    """Registered employers whose name contains ``text`` or whose 统一社会信用代码 starts with it."""
    if not text.strip():
        return []
    # The 单位与岗位 list's own search rule, so both find the same employers.
    return [EmployerChoice(row.id, row.name, row.uscc) for row in list_employers(session, text, limit=limit)]


def is_scale_layoff(affected: int, workforce: int | None) -> bool:
    """劳动合同法 §41: 裁减人员二十人以上或者裁减不足二十人但占企业职工总数百分之十以上."""
    return affected >= 20 or (bool(workforce) and affected * 10 >= (workforce or 0))


def record_layoff(
    session: Session,
    actor: StaffInfo,
    *,
    affected: int,
    measures: str,
    employer_id: str | None = None,
    employer_name: str | None = None,
    uscc: str | None = None,
    reported_on: date | None = None,
    layoff_on: date | None = None,
    workforce: int | None = None,
    reason: str | None = None,
    today: date | None = None,
) -> tuple[str, list[str]]:
    day = today or local_today()
    name = clean(employer_name)
    code = clean(uscc)
    warnings = []
    if employer_id:
        employer = session.get(Employer, employer_id)
        if employer is None or employer.deleted:
            raise NotFound("找不到该用人单位，请重新选择。")
        name, code = employer.name, employer.uscc
    if name is None:
        raise ServiceError("企业名称：请选择已登记的用人单位或填写企业名称。")
    if code:
        checked = validate("uscc", code)
        if not checked.ok:
            raise ServiceError("统一社会信用代码：" + "；".join(checked.errors))
        code = checked.normalized
        if not employer_id:  # typed by hand, but the enterprise is registered here: link the report to it
            known = session.scalar(select(Employer).where(Employer.uscc == code, Employer.deleted.is_(False)))
            if known is not None:
                employer_id, name = known.id, known.name
                warnings.append(f"该统一社会信用代码属于已登记单位“{known.name}”，报告已关联该单位。")
    if affected <= 0:
        raise ServiceError("裁减人数：请填写大于 0 的人数。")
    if workforce is not None and workforce < affected:
        raise ServiceError("职工总数：不能少于裁减人数，请核对。")
    steps = clean(measures)
    if steps is None:
        raise ServiceError("帮扶措施：请填写已采取或计划采取的措施（如就业指导、岗位对接、职业培训）。")
    reported = reported_on or day
    not_future(reported, day, "报告日期")
    if not is_scale_layoff(affected, workforce):
        warnings.append("裁减人数不足 20 人且未达职工总数的 10%，不属于规模性裁员；仍已记录。")
    row = LayoffReport(
        employer_id=employer_id,
        employer_name=name,
        uscc=code,
        reported_on=reported,
        layoff_on=layoff_on,
        affected=affected,
        workforce=workforce,
        reason=clean(reason),
        measures=steps,
        recorded_by=actor.id,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor.id, "layoff.record", "layoff_report", row.id, {"affected": affected})
    return row.id, warnings


def list_layoffs(session: Session, *, since: date | None = None) -> list[LayoffInfo]:
    query = select(LayoffReport).where(LayoffReport.deleted.is_(False))
    if since:
        query = query.where(LayoffReport.reported_on >= since)
    rows = session.scalars(query.order_by(LayoffReport.reported_on.desc())).all()
    linked = {r.employer_id for r in rows if r.employer_id}
    live = (
        set(session.scalars(select(Employer.id).where(Employer.id.in_(linked), Employer.deleted.is_(False))))
        if linked
        else set()
    )
    return [
        LayoffInfo(
            r.id,
            r.employer_id,
            r.employer_name,
            r.reported_on,
            r.layoff_on,
            r.affected,
            r.workforce,
            r.measures,
            is_scale_layoff(r.affected, r.workforce),
            r.uscc,
            r.employer_id in live,
        )
        for r in rows
    ]
