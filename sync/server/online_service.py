"""Online applications (就业帮 APP stand-in) and province-wide person look-ups (全省通办 / 联网核查)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from sync.protocol import (
    RECEIVED_ONLINE,
    ErrorCode,
    OnlineApplication,
    OnlineApplicationResult,
    PersonLookupRequest,
    PersonLookupResponse,
    PersonSummary,
    Registration,
)
from sync.server.auth_service import DeviceContext, StaffContext
from sync.server.db import Database
from sync.server.entity_rules import check_record
from sync.server.errors import ApiError, invalid
from sync.server.models import AppKey, LookupLog, OnlineSubmission, Record, Station, UniqueKey
from sync.server.records import ItemRefused, RecordState, write_record
from sync.server.security import token_hash, utcnow
from sync.server.sequence import StationFeed

_CLOSED_STATES = frozenset({"draft", "withdrawn", "rejected", "cancelled"})


def check_app_key(db: Database, key: str | None) -> None:
    if key:
        with db.read() as session:
            row = session.get(AppKey, token_hash(key))
            if row is not None and row.revoked_at is None:
                return
    raise ApiError(401, ErrorCode.UNAUTHENTICATED, "网上渠道密钥无效。")


def submit_application(db: Database, application: OnlineApplication) -> OnlineApplicationResult:
    applicant = application.applicant
    problem = check_record(
        "person",
        {"name": applicant.name, "doc_type": applicant.doc_type, "doc_number": applicant.doc_number},
        deleted=False,
    )
    if problem is not None:
        raise invalid(problem[1])
    try:
        return _submit(db, application)
    except IntegrityError:
        # The application id was stored before (or concurrently): answer as a resend, create nothing.
        earlier = _earlier(db, application.application_id)
        if earlier is None:
            raise
        return earlier


def _earlier(db: Database, application_id: str) -> OnlineApplicationResult | None:
    with db.read() as session:
        row = session.get(OnlineSubmission, application_id)
        if row is None:
            return None
        return OnlineApplicationResult(
            status="duplicate", case_id=row.case_id, case_no=row.case_no, person_id=row.person_id
        )


def _submit(db: Database, application: OnlineApplication) -> OnlineApplicationResult:
    applicant = application.applicant
    now = utcnow()
    with db.write() as session:
        if session.get(Station, application.station_code) is None:
            raise invalid(f"站点“{application.station_code}”不存在，请选择正确的办理地点。")
        feed = StationFeed(session, application.station_code)
        case_id = str(uuid.uuid4())
        number = feed.next_seq()
        case_no = f"WB{application.station_code}-{now:%Y%m%d}-{number}"
        # The primary key on application_id decides resends; inserted first so a clash ends here.
        session.add(
            OnlineSubmission(
                application_id=application.application_id,
                station_code=application.station_code,
                case_id=case_id,
                case_no=case_no,
                person_id="",
                created_at=now,
            )
        )
        session.flush()
        doc_number = applicant.doc_number.upper()
        person_id = session.execute(
            select(UniqueKey.entity_id).where(
                UniqueKey.station_code == application.station_code,
                UniqueKey.kind == "person.doc_number",
                UniqueKey.value == doc_number,
            )
        ).scalar_one_or_none()
        try:
            if person_id is None:
                person_id = str(uuid.uuid4())
                _write(session, feed, "person", person_id, _person_payload(application, doc_number, now.isoformat()))
            _write(session, feed, "case", case_id, _case_payload(application, case_no, person_id, now.isoformat()))
            _write(
                session,
                feed,
                "case_event",
                str(uuid.uuid4()),
                {
                    "case_id": case_id,
                    "action": "submit_online",
                    "from_state": None,
                    "to_state": RECEIVED_ONLINE,
                    "actor_id": None,
                    "at": now.replace(tzinfo=None).isoformat(),
                    "note": "网上申请",
                    "version": 1,
                    "updated_at": now.replace(tzinfo=None).isoformat(),
                },
            )
        except ItemRefused as refusal:
            raise invalid(refusal.reason) from refusal
        submission = session.get(OnlineSubmission, application.application_id)
        assert submission is not None
        submission.person_id = person_id
        feed.save()
    return OnlineApplicationResult(status="accepted", case_id=case_id, case_no=case_no, person_id=person_id)


def _write(session: Any, feed: StationFeed, entity: str, entity_id: str, payload: dict[str, Any]) -> RecordState:
    return write_record(
        session,
        feed,
        entity=entity,
        entity_id=entity_id,
        payload=payload,
        deleted=False,
        origin="online",
        device_id=None,
        mutation_id=None,
        existing=None,
    )


def _person_payload(application: OnlineApplication, doc_number: str, now: str) -> dict[str, Any]:
    applicant = application.applicant
    return {
        "name": applicant.name,
        "gender": applicant.gender,
        "birth_date": applicant.birth_date.isoformat() if applicant.birth_date else None,
        "phone": applicant.phone,
        "doc_type": applicant.doc_type,
        "doc_number": doc_number,
        "residence_address": applicant.residence_address,
        "division_code": application.station_code,
        "version": 1,
        "updated_at": now[:26],
        "created_at": now[:26],
    }


def _case_payload(application: OnlineApplication, case_no: str, person_id: str, now: str) -> dict[str, Any]:
    return {
        "case_no": case_no,
        "item_code": application.item_code,
        "item_version": application.item_version or 1,
        "subject_kind": "person",
        "person_id": person_id,
        "employer_id": None,
        "household_id": None,
        "state": RECEIVED_ONLINE,
        "form_data": application.form_data,
        "on_commitment": False,
        "channel": "online",
        "handler_id": None,
        "created_at": now[:26],
        "accepted_on": None,
        "due_on": None,
        "closed_on": None,
        "close_reason": None,
        "version": 1,
        "updated_at": now[:26],
    }


def lookup(
    db: Database, device: DeviceContext, staff: StaffContext, request: PersonLookupRequest
) -> PersonLookupResponse:
    doc_number = request.doc_number.strip().upper()
    persons: list[PersonSummary] = []
    registrations: list[Registration] = []
    with db.write() as session:
        names = {code: name for code, name in session.execute(select(Station.code, Station.name))}
        keys = session.execute(
            select(UniqueKey.station_code, UniqueKey.entity_id).where(
                UniqueKey.kind == "person.doc_number", UniqueKey.value == doc_number
            )
        ).all()
        for station_code, person_id in keys:
            person = session.execute(
                select(Record).where(Record.entity == "person", Record.entity_id == person_id)
            ).scalar_one_or_none()
            if person is None or person.deleted:
                continue
            p = person.payload
            persons.append(
                PersonSummary(
                    name=str(p.get("name", "")),
                    doc_type=str(p.get("doc_type", "")),
                    doc_number=str(p.get("doc_number", "")),
                    gender=p.get("gender"),
                    birth_date=p.get("birth_date"),
                    employment_status=p.get("employment_status"),
                    station_code=station_code,
                    station_name=names.get(station_code, station_code),
                )
            )
            cases = session.execute(
                select(Record).where(Record.entity == "case", Record.subject_id == person_id, Record.deleted.is_(False))
            ).scalars()
            for case in cases:
                state = str(case.payload.get("state", ""))
                if state in _CLOSED_STATES:
                    continue
                registrations.append(
                    Registration(
                        station_code=case.station_code,
                        station_name=names.get(case.station_code, case.station_code),
                        item_code=str(case.payload.get("item_code", "")),
                        state=state,
                        accepted_on=case.payload.get("accepted_on"),
                    )
                )
        session.add(
            LookupLog(
                at=utcnow(),
                station_code=device.station_code,
                device_id=device.device_id,
                staff_id=staff.staff_id,
                purpose=request.purpose,
                doc_hash=token_hash(doc_number),
                found=len(persons),
            )
        )
    found = bool(persons)
    message = f"在全省找到 {len(persons)} 条人员记录。" if found else "全省范围内没有找到此证件号码的人员记录。"
    return PersonLookupResponse(found=found, persons=persons, registrations=registrations, message=message)
