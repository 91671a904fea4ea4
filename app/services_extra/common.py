"""Small helpers shared by the service modules."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.errors import NotFound, UserError
from app.store.models import Case, Person


class ServiceError(UserError):
    """A rule of a service area was not met; the message says what to do."""


def live_person(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise NotFound("找不到该人员，可能已被删除，请重新查找。")
    return person


def live_case(session: Session, case_id: str) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise NotFound("找不到该办件，可能已被删除，请刷新后重试。")
    return case


def clean(text: str | None) -> str | None:
    value = (text or "").strip()
    return value or None


def not_future(day: date, today: date, label: str) -> None:
    if day > today:
        raise ServiceError(f"{label}：不能晚于今天（{today.isoformat()}），请核对日期。")
