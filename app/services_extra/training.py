"""Vocational training (黔人社发〔2019〕20号（六）): the training catalog and enrolments with completion.

The catalog is the platform's ``trainings`` reference-data stream when it has been synced, otherwise
the bundled fallback ``resources/services/training_catalog.json``. An enrolment may name a catalog
course or be typed in (a course the catalog does not list yet). Rules:

- the training type must be one of the ``training_type`` code table (岗前培训, 以工代训, 新型学徒制,
  岗位技能提升, 创业培训 …); 岗前培训, 以工代训, 新型学徒制 and 岗位技能提升 are organised by an employer;
- one person cannot be enrolled twice in the same course while the first enrolment is open;
- completion needs a result (合格 / 不合格 / 结业); a certificate number only with 合格; the completion
  date is not before the course start and not in the future.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo
from app.clock import today as local_today
from app.errors import NotFound
from app.refdata.resources import resource_path
from app.services_extra.common import ServiceError, clean, live_case, live_person, not_future
from app.store.models_services import TrainingEnrolment
from app.store.sync_models import RefDataEntry

STREAM = "trainings"
TRAINING_TYPES = {"01": "岗前培训", "02": "以工代训", "03": "新型学徒制", "04": "岗位技能提升", "05": "创业培训"}
EMPLOYER_TYPES = frozenset({"01", "02", "03", "04"})
RESULTS = {"passed": "合格", "failed": "不合格", "attended": "结业（无考核）"}
STATUS_LABELS = {"enrolled": "在训", "completed": "已结业", "dropped": "已退出"}


@dataclass(frozen=True)
class Course:
    key: str
    title: str
    training_type: str
    provider: str | None
    starts_on: date | None
    ends_on: date | None
    hours: int | None
    subsidised: bool
    body: str
    source: str  # platform | bundled

    @property
    def type_label(self) -> str:
        return TRAINING_TYPES.get(self.training_type, self.training_type)


@dataclass(frozen=True)
class EnrolmentInfo:
    id: str
    person_id: str
    course_key: str | None
    course_name: str
    training_type: str
    provider: str | None
    starts_on: date | None
    ends_on: date | None
    enrolled_on: date
    status: str
    completed_on: date | None
    result: str | None
    certificate_no: str | None

    @property
    def type_label(self) -> str:
        return TRAINING_TYPES.get(self.training_type, self.training_type)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def result_label(self) -> str:
        return RESULTS.get(self.result or "", "")


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _course(entry: dict[str, Any], source: str) -> Course:
    return Course(
        key=str(entry["id"]),
        title=str(entry["title"]),
        training_type=str(entry["training_type"]),
        provider=entry.get("provider"),
        starts_on=_day(entry.get("starts_on")),
        ends_on=_day(entry.get("ends_on")),
        hours=entry.get("hours"),
        subsidised=bool(entry.get("subsidised", False)),
        body=str(entry.get("body") or ""),
        source=source,
    )


def bundled_courses() -> list[Course]:
    document = json.loads(resource_path("services", "training_catalog.json").read_text(encoding="utf-8"))
    return [_course(e, "bundled") for e in document["entries"]]


def training_catalog(session: Session, *, training_type: str | None = None) -> list[Course]:
    """The synced training catalog, or the bundled one when the platform has published none."""
    rows = session.scalars(select(RefDataEntry).where(RefDataEntry.stream == STREAM)).all()
    courses = sorted((_course(r.data, "platform") for r in rows), key=lambda c: c.key) if rows else bundled_courses()
    if rows:
        order = {r.key: int(r.data.get("sort", 0)) for r in rows}
        courses.sort(key=lambda c: (order.get(c.key, 0), c.key))
    return [c for c in courses if training_type is None or c.training_type == training_type]


def find_course(session: Session, key: str) -> Course | None:
    return next((c for c in training_catalog(session) if c.key == key), None)


def _info(row: TrainingEnrolment) -> EnrolmentInfo:
    return EnrolmentInfo(
        row.id,
        row.person_id,
        row.course_key,
        row.course_name,
        row.training_type,
        row.provider,
        row.starts_on,
        row.ends_on,
        row.enrolled_on,
        row.status,
        row.completed_on,
        row.result,
        row.certificate_no,
    )


def enrol(
    session: Session,
    actor: StaffInfo,
    person_id: str,
    *,
    course_key: str | None = None,
    course_name: str | None = None,
    training_type: str | None = None,
    provider: str | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
    case_id: str | None = None,
    note: str | None = None,
    today: date | None = None,
) -> str:
    """Enrol a person in a catalog course (``course_key``) or a typed-in one. Returns the enrolment id."""
    live_person(session, person_id)
    day = today or local_today()
    if course_key:
        course = find_course(session, course_key)
        if course is None:
            raise ServiceError("所选培训项目已不在培训目录中，请刷新目录后重新选择。")
        course_name = course_name or course.title
        training_type = course.training_type
        provider = provider or course.provider
        starts_on = starts_on or course.starts_on
        ends_on = ends_on or course.ends_on
    name = clean(course_name)
    if name is None:
        raise ServiceError("培训项目：请从培训目录中选择，或填写培训职业（工种）或项目名称。")
    if len(name) > 100:
        raise ServiceError("培训项目：名称不能超过 100 个字。")
    if training_type not in TRAINING_TYPES:
        raise ServiceError("培训类型：请选择岗前培训、以工代训、新型学徒制、岗位技能提升或创业培训。")
    if starts_on and ends_on and ends_on < starts_on:
        raise ServiceError("培训结束日期：不能早于开始日期，请核对。")
    if case_id:
        live_case(session, case_id)
    open_same = session.scalar(
        select(TrainingEnrolment.id).where(
            TrainingEnrolment.person_id == person_id,
            TrainingEnrolment.deleted.is_(False),
            TrainingEnrolment.status == "enrolled",
            (TrainingEnrolment.course_key == course_key) if course_key else (TrainingEnrolment.course_name == name),
        )
    )
    if open_same:
        raise ServiceError("此人已报名该培训且尚未结业，不能重复报名；如需改期，请先办理退出。")
    row = TrainingEnrolment(
        person_id=person_id,
        case_id=case_id,
        course_key=course_key,
        course_name=name,
        training_type=training_type,
        provider=clean(provider),
        starts_on=starts_on,
        ends_on=ends_on,
        enrolled_on=day,
        enrolled_by=actor.id,
        note=clean(note),
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor.id,
        "training.enrol",
        "training_enrolment",
        row.id,
        {"person_id": person_id, "training_type": training_type},
    )
    return row.id


def enrol_from_case(session: Session, actor: StaffInfo, case_id: str, *, today: date | None = None) -> str:
    """An enrolment from an accepted 职业培训报名 case (its training type, course, provider and start)."""
    case = live_case(session, case_id)
    if case.item_code != "training_enrolment" or not case.person_id:
        raise ServiceError("只有“职业培训报名”办件可以据此登记培训。")
    if case.state not in {"accepted", "completed"}:
        raise ServiceError("请先受理此报名，再登记培训。")
    form = case.form_data
    return enrol(
        session,
        actor,
        case.person_id,
        course_name=form.get("course_name"),
        training_type=form.get("training_type"),
        provider=form.get("training_provider"),
        starts_on=_day(form.get("planned_start")),
        case_id=case.id,
        today=today,
    )


def _enrolment(session: Session, enrolment_id: str) -> TrainingEnrolment:
    row = session.get(TrainingEnrolment, enrolment_id)
    if row is None or row.deleted:
        raise NotFound("找不到该培训记录，请刷新后重试。")
    return row


def complete(
    session: Session,
    actor: StaffInfo,
    enrolment_id: str,
    *,
    result: str,
    completed_on: date | None = None,
    certificate_no: str | None = None,
    note: str | None = None,
    today: date | None = None,
) -> EnrolmentInfo:
    """Record the completion (结业) of an enrolment with its result and, when passed, the certificate."""
    row = _enrolment(session, enrolment_id)
    day = today or local_today()
    if row.status != "enrolled":
        raise ServiceError(f"此培训记录为“{STATUS_LABELS.get(row.status, row.status)}”，不能再登记结业。")
    if result not in RESULTS:
        raise ServiceError("培训结果：请选择合格、不合格或结业（无考核）。")
    finished = completed_on or day
    not_future(finished, day, "结业日期")
    if row.starts_on and finished < row.starts_on:
        raise ServiceError(f"结业日期：不能早于开班日期（{row.starts_on.isoformat()}），请核对。")
    certificate = clean(certificate_no)
    if certificate and result != "passed":
        raise ServiceError("证书编号：只有考核合格的才能登记证书编号。")
    if certificate and len(certificate) > 60:
        raise ServiceError("证书编号：不能超过 60 个字符。")
    row.status = "completed"
    row.result = result
    row.completed_on = finished
    row.certificate_no = certificate
    if note:
        row.note = clean(note)
    session.flush()
    audit.record(
        session,
        actor.id,
        "training.complete",
        "training_enrolment",
        row.id,
        {"person_id": row.person_id, "result": result},
    )
    return _info(row)


def drop(session: Session, actor: StaffInfo, enrolment_id: str, reason: str) -> None:
    row = _enrolment(session, enrolment_id)
    if row.status != "enrolled":
        raise ServiceError("只有在训的培训记录可以办理退出。")
    why = clean(reason)
    if why is None:
        raise ServiceError("退出原因：请填写退出培训的原因。")
    row.status = "dropped"
    row.note = why
    session.flush()
    audit.record(session, actor.id, "training.drop", "training_enrolment", row.id, {"person_id": row.person_id})


def list_enrolments(session: Session, person_id: str) -> list[EnrolmentInfo]:
    rows = session.scalars(
        select(TrainingEnrolment)
        .where(TrainingEnrolment.person_id == person_id, TrainingEnrolment.deleted.is_(False))
        .order_by(TrainingEnrolment.enrolled_on.desc(), TrainingEnrolment.course_name)
    ).all()
    return [_info(r) for r in rows]
