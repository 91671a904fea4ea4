"""Appointments made online (预约服务): the platform writes them into the station's change feed.

Stands in for the booking function of the 就业帮 APP / 网上服务大厅. An appointment is an ordinary
synced record (entity ``appointment``, origin ``online``) of the station it was booked at; the
counter's 今日预约 list shows it after the next sync, and the counter's later changes (到场, 已办理)
come back by push like any record. When the station already has a live person with the applicant's
document number, the appointment names that person (so the green-channel flag shows in the queue).
"""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import select

from sync.server.db import Database
from sync.server.entity_rules import check_record
from sync.server.errors import invalid
from sync.server.models import Station, UniqueKey
from sync.server.records import ItemRefused, write_record
from sync.server.security import utcnow
from sync.server.sequence import StationFeed


def book_online(
    db: Database,
    station_code: str,
    *,
    applicant_name: str,
    day: date,
    doc_number: str | None = None,
    phone: str | None = None,
    item_code: str | None = None,
    slot: str | None = None,
    note: str | None = None,
) -> str:
    """Store an online appointment for a station; returns its id. Raises ApiError (422) when invalid."""
    now = utcnow().replace(tzinfo=None).isoformat()
    payload: dict[str, Any] = {
        "person_id": None,
        "applicant_name": applicant_name,
        "phone": phone,
        "item_code": item_code,
        "day": day.isoformat(),
        "slot": slot,
        "channel": "online",
        "state": "booked",
        "case_id": None,
        "note": note,
        "version": 1,
        "updated_at": now,
    }
    problem = check_record("appointment", payload, deleted=False)
    if problem is not None:
        raise invalid(problem[1])
    appointment_id = str(uuid.uuid4())
    with db.write() as session:
        if session.get(Station, station_code) is None:
            raise invalid(f"站点“{station_code}”不存在，请选择正确的办理地点。")
        if doc_number:
            payload["person_id"] = session.execute(
                select(UniqueKey.entity_id).where(
                    UniqueKey.station_code == station_code,
                    UniqueKey.kind == "person.doc_number",
                    UniqueKey.value == doc_number.strip().upper(),
                )
            ).scalar_one_or_none()
        feed = StationFeed(session, station_code)
        try:
            write_record(
                session,
                feed,
                entity="appointment",
                entity_id=appointment_id,
                payload=payload,
                deleted=False,
                origin="online",
                device_id=None,
                mutation_id=None,
                existing=None,
            )
        except ItemRefused as refusal:
            raise invalid(refusal.reason) from refusal
        feed.save()
    return appointment_id
