"""Special campaigns (专项活动, 黔人社发〔2019〕20号（十））: definitions with date ranges, case tags, events.

Where the campaigns of a year come from, later ones winning for the same code:

1. bundled annual windows (``resources/services/campaigns.json``: 就业援助月, 春风行动, 民营企业招聘周,
   高校毕业生就业服务; dates unconfirmed);
2. the platform's ``campaigns`` reference-data stream (``id`` = code, ``title``, ``valid_from``,
   ``valid_until``);
3. campaigns defined at this station (:class:`~app.store.models_services.Campaign`, synced upward).

The campaign running today is suggested on new cases (the latest-starting one when several run).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo
from app.clock import today as local_today
from app.errors import NotFound
from app.refdata.resources import resource_path
from app.services_extra.common import ServiceError, clean, live_case
from app.store.models import Case
from app.store.models_services import Campaign, CampaignEvent, CampaignTag
from app.store.sync_models import RefDataEntry

STREAM = "campaigns"
_CODE = re.compile(r"^[A-Za-z0-9_-]{1,20}$")


@dataclass(frozen=True)
class CampaignInfo:
    code: str
    name: str
    starts_on: date
    ends_on: date
    source: str  # bundled | platform | local

    def active_on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True)
class EventInfo:
    id: str
    campaign_code: str
    title: str
    held_on: date
    place: str | None
    employers: int
    postings: int
    attendees: int


def _bundled(year: int) -> list[CampaignInfo]:
    document = json.loads(resource_path("services", "campaigns.json").read_text(encoding="utf-8"))
    found = []
    for entry in document["annual"]:
        start = date.fromisoformat(f"{year}-{entry['from']}")
        end = date.fromisoformat(f"{year}-{entry['to']}")
        found.append(CampaignInfo(entry["code"], entry["name"], start, end, "bundled"))
    return found


def campaigns(session: Session, year: int) -> list[CampaignInfo]:
    """Every campaign touching ``year``, ordered by start date."""
    by_code: dict[str, CampaignInfo] = {c.code: c for c in _bundled(year)}
    for row in session.scalars(select(RefDataEntry).where(RefDataEntry.stream == STREAM)):
        data = row.data
        start, end = data.get("valid_from"), data.get("valid_until")
        if not start or not end:
            continue
        info = CampaignInfo(
            str(data["id"]), str(data["title"]), date.fromisoformat(start), date.fromisoformat(end), "platform"
        )
        if info.starts_on.year <= year <= info.ends_on.year:
            by_code[info.code] = info
    for local in session.scalars(select(Campaign).where(Campaign.deleted.is_(False))):
        if local.starts_on.year <= year <= local.ends_on.year:
            by_code[local.code] = CampaignInfo(local.code, local.name, local.starts_on, local.ends_on, "local")
    return sorted(by_code.values(), key=lambda c: (c.starts_on, c.code))


def active_campaigns(session: Session, day: date | None = None) -> list[CampaignInfo]:
    when = day or local_today()
    return [c for c in campaigns(session, when.year) if c.active_on(when)]


def suggested_campaign(session: Session, day: date | None = None) -> CampaignInfo | None:
    """The campaign to preselect on a new case: the most recently started of those running."""
    running = active_campaigns(session, day)
    return max(running, key=lambda c: (c.starts_on, c.code)) if running else None


def campaign_name(session: Session, code: str, year: int) -> str:
    return next((c.name for c in campaigns(session, year) if c.code == code), code)


def define_campaign(
    session: Session, actor: StaffInfo, code: str, name: str, starts_on: date, ends_on: date, note: str | None = None
) -> str:
    """A campaign of this station (new, or new dates for a known code): editable like a code table."""
    code = code.strip()
    if not _CODE.match(code):
        raise ServiceError("活动代码：请用 1–20 位字母、数字、下划线或连字符。")
    title = clean(name)
    if title is None or len(title) > 100:
        raise ServiceError("活动名称：请填写，不超过 100 个字。")
    if ends_on < starts_on:
        raise ServiceError("活动结束日期：不能早于开始日期，请核对。")
    if (ends_on - starts_on).days > 366:
        raise ServiceError("活动时段：一次专项活动不能超过一年，请分年度设置。")
    row = session.scalar(select(Campaign).where(Campaign.code == code, Campaign.deleted.is_(False)))
    if row is None:
        row = Campaign(code=code, name=title, starts_on=starts_on, ends_on=ends_on, note=clean(note))
        session.add(row)
    else:
        row.name, row.starts_on, row.ends_on, row.note = title, starts_on, ends_on, clean(note)
    session.flush()
    audit.record(session, actor.id, "campaign.define", "campaign", row.id, {"code": code})
    return row.id


def _known(session: Session, code: str, day: date) -> CampaignInfo:
    for year in (day.year, day.year - 1):
        for info in campaigns(session, year):
            if info.code == code:
                return info
    raise NotFound(f"专项活动“{code}”不存在，请从列表中选择。")


def tag_case(session: Session, actor: StaffInfo, case_id: str, code: str, *, today: date | None = None) -> bool:
    """Tag a case with a campaign; False when it already carries that tag."""
    case = live_case(session, case_id)
    _known(session, code, today or local_today())
    exists = session.scalar(
        select(CampaignTag.id).where(
            CampaignTag.case_id == case.id, CampaignTag.campaign_code == code, CampaignTag.deleted.is_(False)
        )
    )
    if exists:
        return False
    row = CampaignTag(case_id=case.id, campaign_code=code, tagged_by=actor.id)
    session.add(row)
    session.flush()
    detail = {"case_id": case.id, "campaign": code}
    if case.person_id:
        detail["person_id"] = case.person_id
    audit.record(session, actor.id, "campaign.tag", "campaign_tag", row.id, detail)
    return True


def untag_case(session: Session, actor: StaffInfo, case_id: str, code: str) -> None:
    for row in session.scalars(
        select(CampaignTag).where(
            CampaignTag.case_id == case_id, CampaignTag.campaign_code == code, CampaignTag.deleted.is_(False)
        )
    ):
        row.deleted = True
        audit.record(session, actor.id, "campaign.untag", "campaign_tag", row.id, {"case_id": case_id})
    session.flush()


def case_campaigns(session: Session, case_id: str) -> list[str]:
    return list(
        session.scalars(
            select(CampaignTag.campaign_code)
            .where(CampaignTag.case_id == case_id, CampaignTag.deleted.is_(False))
            .order_by(CampaignTag.campaign_code)
        )
    )


def case_counts(session: Session) -> dict[str, int]:
    """Live cases per campaign code."""
    rows = session.execute(
        select(CampaignTag.campaign_code, func.count(func.distinct(CampaignTag.case_id)))
        .join(Case, Case.id == CampaignTag.case_id)
        .where(CampaignTag.deleted.is_(False), Case.deleted.is_(False))
        .group_by(CampaignTag.campaign_code)
    ).all()
    return {code: int(n) for code, n in rows}


def record_event(
    session: Session,
    actor: StaffInfo,
    code: str,
    title: str,
    held_on: date,
    *,
    place: str | None = None,
    employers: int = 0,
    postings: int = 0,
    attendees: int = 0,
    note: str | None = None,
) -> str:
    """An event held in a campaign (招聘会, 政策宣讲 …); it must fall inside the campaign's dates."""
    info = _known(session, code, held_on)
    if not info.active_on(held_on):
        raise ServiceError(
            f"活动日期：{held_on.isoformat()} 不在“{info.name}”的时段"
            f"（{info.starts_on.isoformat()} 至 {info.ends_on.isoformat()}）内，请核对日期或所属活动。"
        )
    name = clean(title)
    if name is None or len(name) > 200:
        raise ServiceError("活动名称：请填写，不超过 200 个字。")
    if min(employers, postings, attendees) < 0:
        raise ServiceError("参会单位、岗位和人数：不能是负数。")
    row = CampaignEvent(
        campaign_code=code,
        title=name,
        held_on=held_on,
        place=clean(place),
        employers=employers,
        postings=postings,
        attendees=attendees,
        note=clean(note),
    )
    session.add(row)
    session.flush()
    audit.record(session, actor.id, "campaign.event", "campaign_event", row.id, {"campaign": code})
    return row.id


def list_events(session: Session, year: int) -> list[EventInfo]:
    rows = session.scalars(
        select(CampaignEvent)
        .where(CampaignEvent.deleted.is_(False))
        .where(CampaignEvent.held_on >= date(year, 1, 1), CampaignEvent.held_on <= date(year, 12, 31))
        .order_by(CampaignEvent.held_on.desc())
    ).all()
    return [
        EventInfo(r.id, r.campaign_code, r.title, r.held_on, r.place, r.employers, r.postings, r.attendees)
        for r in rows
    ]
