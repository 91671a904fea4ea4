"""Green channel (绿色通道, 黔人社发〔2019〕20号（十二））: key-group persons served first.

A person is flagged with a reason (which key group); the flag shows on the person and in the day's
queue until it is ended. Persons whose tags mark a key group (残疾人, 就业困难人员, 零就业家庭成员,
脱贫人口, 易地扶贫搬迁劳动力) are suggested for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo
from app.clock import today as local_today
from app.services_extra.common import ServiceError, clean, live_person
from app.store.models import PersonTag
from app.store.models_services import GreenChannel

KEY_GROUP_TAGS = {
    "07": "残疾人",
    "09": "就业困难人员",
    "10": "零就业家庭成员",
    "06": "脱贫人口",
    "05": "易地扶贫搬迁劳动力",
}


@dataclass(frozen=True)
class GreenChannelInfo:
    id: str
    person_id: str
    reason: str
    since: date


def suggested_reasons(tags: Iterable[str]) -> list[str]:
    """Key-group labels among a person's tags (empty: not a key-group person)."""
    have = set(tags)  # tags are stored by label; codes of the person_tag table are accepted too
    return [label for code, label in KEY_GROUP_TAGS.items() if code in have or label in have]


def active_flag(session: Session, person_id: str) -> GreenChannelInfo | None:
    row = session.scalar(
        select(GreenChannel).where(
            GreenChannel.person_id == person_id, GreenChannel.deleted.is_(False), GreenChannel.until.is_(None)
        )
    )
    return GreenChannelInfo(row.id, row.person_id, row.reason, row.since) if row else None


def green_persons(session: Session, person_ids: Iterable[str] | None = None) -> set[str]:
    """Who of ``person_ids`` (everyone, when None) is in the green channel now."""
    query = select(GreenChannel.person_id).where(GreenChannel.deleted.is_(False), GreenChannel.until.is_(None))
    if person_ids is not None:
        ids = list({p for p in person_ids if p})
        if not ids:
            return set()
        query = query.where(GreenChannel.person_id.in_(ids))
    return set(session.scalars(query))


def flag(session: Session, actor: StaffInfo, person_id: str, reason: str, *, today: date | None = None) -> str:
    live_person(session, person_id)
    why = clean(reason)
    if why is None:
        raise ServiceError("绿色通道原因：请填写属于哪类重点群体（如残疾人、就业困难人员）。")
    if len(why) > 200:
        raise ServiceError("绿色通道原因：不能超过 200 个字。")
    if active_flag(session, person_id):
        raise ServiceError("此人已在绿色通道中，无需重复设置。")
    row = GreenChannel(person_id=person_id, reason=why, since=today or local_today(), flagged_by=actor.id)
    session.add(row)
    session.flush()
    audit.record(session, actor.id, "green_channel.flag", "green_channel", row.id, {"person_id": person_id})
    return row.id


def end(session: Session, actor: StaffInfo, person_id: str, *, today: date | None = None) -> None:
    row = session.scalar(
        select(GreenChannel).where(
            GreenChannel.person_id == person_id, GreenChannel.deleted.is_(False), GreenChannel.until.is_(None)
        )
    )
    if row is None:
        raise ServiceError("此人不在绿色通道中。")
    row.until = today or local_today()
    session.flush()
    audit.record(session, actor.id, "green_channel.end", "green_channel", row.id, {"person_id": person_id})


def person_tags(session: Session, person_id: str) -> list[str]:
    return list(
        session.scalars(select(PersonTag.tag).where(PersonTag.person_id == person_id, PersonTag.deleted.is_(False)))
    )
