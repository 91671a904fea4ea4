"""Appointments (预约服务, 黔人社发〔2019〕20号（十八））: the day's queue at the counter.

Appointments made online arrive from the platform through the change feed (entity ``appointment``,
origin ``online``); the counter can also book one by phone or at the window. The 今日预约 list puts
green-channel persons first, then orders by time slot.

States: ``booked`` → ``arrived`` → ``served``; ``booked``/``arrived`` → ``cancelled``; ``booked`` →
``no_show`` (only once the day is over or has started).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo
from app.clock import today as local_today
from app.errors import NotFound
from app.services_extra.common import ServiceError, clean, live_case, live_person
from app.services_extra.green_channel import green_persons
from app.store.models_services import Appointment

STATE_LABELS = {"booked": "已预约", "arrived": "已到场", "served": "已办理", "cancelled": "已取消", "no_show": "未到"}
CHANNEL_LABELS = {"online": "网上预约", "phone": "电话预约", "counter": "窗口预约"}
_MOVES = {
    "arrive": ({"booked"}, "arrived"),
    "serve": ({"booked", "arrived"}, "served"),
    "cancel": ({"booked", "arrived"}, "cancelled"),
    "no_show": ({"booked"}, "no_show"),
}


@dataclass(frozen=True)
class AppointmentRow:
    id: str
    person_id: str | None
    applicant_name: str
    item_code: str | None
    day: date
    slot: str | None
    channel: str
    state: str
    case_id: str | None
    green: bool

    @property
    def state_label(self) -> str:
        return STATE_LABELS.get(self.state, self.state)

    @property
    def channel_label(self) -> str:
        return CHANNEL_LABELS.get(self.channel, self.channel)


def day_queue(session: Session, day: date | None = None) -> list[AppointmentRow]:
    """今日预约: the day's live appointments, green channel first, then by slot."""
    when = day or local_today()
    rows = session.scalars(select(Appointment).where(Appointment.day == when, Appointment.deleted.is_(False))).all()
    green = green_persons(session, (r.person_id for r in rows if r.person_id))
    found = [
        AppointmentRow(
            r.id,
            r.person_id,
            r.applicant_name,
            r.item_code,
            r.day,
            r.slot,
            r.channel,
            r.state,
            r.case_id,
            r.person_id in green,
        )
        for r in rows
    ]
    closed = {"cancelled", "served", "no_show"}
    return sorted(found, key=lambda a: (a.state in closed, not a.green, a.slot or "99", a.applicant_name))


def book(
    session: Session,
    actor: StaffInfo,
    *,
    day: date,
    applicant_name: str,
    person_id: str | None = None,
    phone: str | None = None,
    item_code: str | None = None,
    slot: str | None = None,
    channel: str = "phone",
    today: date | None = None,
) -> str:
    if day < (today or local_today()):
        raise ServiceError("预约日期：不能早于今天。")
    if channel not in CHANNEL_LABELS:
        raise ServiceError("预约渠道：请选择网上、电话或窗口预约。")
    name = clean(applicant_name)
    if name is None:
        raise ServiceError("预约人：请填写姓名。")
    if person_id:
        live_person(session, person_id)
    row = Appointment(
        person_id=person_id,
        applicant_name=name,
        phone=clean(phone),
        item_code=item_code,
        day=day,
        slot=clean(slot),
        channel=channel,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor.id, "appointment.book", "appointment", row.id, {"person_id": person_id})
    return row.id


def move(
    session: Session,
    actor: StaffInfo,
    appointment_id: str,
    action: str,
    *,
    case_id: str | None = None,
    today: date | None = None,
) -> str:
    """Take ``arrive`` / ``serve`` / ``cancel`` / ``no_show``; returns the new state."""
    row = session.get(Appointment, appointment_id)
    if row is None or row.deleted:
        raise NotFound("找不到该预约，请刷新列表。")
    if action not in _MOVES:
        raise ServiceError(f"未知的预约操作“{action}”。")
    sources, target = _MOVES[action]
    if row.state not in sources:
        raise ServiceError(f"此预约当前为“{STATE_LABELS.get(row.state, row.state)}”，不能执行此操作。")
    if action == "no_show" and row.day > (today or local_today()):
        raise ServiceError("预约日期未到，不能登记为未到。")
    if case_id:
        live_case(session, case_id)
        row.case_id = case_id
    row.state = target
    session.flush()
    audit.record(session, actor.id, f"appointment.{action}", "appointment", row.id, {"person_id": row.person_id})
    return target
