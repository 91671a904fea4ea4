"""Satisfaction evaluation (满意度, 黔人社发〔2019〕20号（十八）（二十一））: one rating per completed case.

The person answers on the screen (满意 / 基本满意 / 不满意, an optional comment) or skips; a skipped
question stores nothing. Only a completed case can be rated, and only once. The summary gives the
station's satisfaction rate: (满意 + 基本满意) / ratings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo
from app.services_extra.common import ServiceError, clean, live_case
from app.store.models_services import SatisfactionRating

RATINGS = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"}
MAX_COMMENT = 500


@dataclass(frozen=True)
class SatisfactionSummary:
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def rate(self) -> float | None:
        """Share of 满意 + 基本满意, or None without ratings."""
        if not self.total:
            return None
        return (self.counts.get("satisfied", 0) + self.counts.get("basic", 0)) / self.total


def rate(session: Session, actor: StaffInfo, case_id: str, rating: str, comment: str | None = None) -> str:
    case = live_case(session, case_id)
    if case.state != "completed":
        raise ServiceError("只有已办结的办件才能评价满意度。")
    if rating not in RATINGS:
        raise ServiceError("满意度：请选择满意、基本满意或不满意。")
    text = clean(comment)
    if text and len(text) > MAX_COMMENT:
        raise ServiceError(f"意见建议：不能超过 {MAX_COMMENT} 个字。")
    if case_rating(session, case_id) is not None:
        raise ServiceError("此件已经评价过，不能重复评价。")
    row = SatisfactionRating(
        case_id=case.id,
        person_id=case.person_id,
        item_code=case.item_code,
        rating=rating,
        comment=text,
        handler_id=case.handler_id or actor.id,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor.id, "satisfaction.rate", "satisfaction_rating", row.id, {"case_id": case.id})
    return row.id


def case_rating(session: Session, case_id: str) -> str | None:
    return session.scalar(
        select(SatisfactionRating.rating).where(
            SatisfactionRating.case_id == case_id, SatisfactionRating.deleted.is_(False)
        )
    )


def summary(session: Session, *, since: date | None = None, until: date | None = None) -> SatisfactionSummary:
    query = select(SatisfactionRating.rating, func.count()).where(SatisfactionRating.deleted.is_(False))
    if since:
        query = query.where(SatisfactionRating.rated_at >= datetime.combine(since, time.min))
    if until:
        query = query.where(SatisfactionRating.rated_at <= datetime.combine(until, time.max))
    rows = session.execute(query.group_by(SatisfactionRating.rating)).all()
    return SatisfactionSummary({rating: int(n) for rating, n in rows})
