"""Job seekers: intentions and skills, matching against the locally cached postings, referrals and 回访.

Postings matched are the open, unexpired local ``job_posting`` rows and the platform's 岗位信息 stream
(``refdata_entry``, stream ``postings``). The index over them is kept in memory per store and rebuilt
only when a cheap fingerprint of both sources changes, so a profile opens with its matches at once.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo
from app.catalog import Catalog
from app.clock import today as local_today
from app.errors import NotFound, UserError
from app.matching.index import PostingIndex
from app.matching.model import (
    Candidate,
    DueFollowUp,
    Intention,
    IntentionInfo,
    JobSeekerView,
    Match,
    ReferralInfo,
    SkillInfo,
)
from app.store.models import Employer, FollowUp, JobPosting, Person, Setting
from app.store.models_employment import JobIntention, PersonSkill, PostingTerms, Referral
from app.store.sync_models import RefDataEntry
from app.validation import validate

WORK_TIMES = {"any": "不限", "full": "全职", "part": "兼职（非全日制）"}
OUTCOMES = {
    "pending": "待反馈",
    "interviewing": "面试中",
    "hired": "已录用",
    "rejected": "未录用",
    "declined": "本人放弃",
    "no_show": "未去应聘",
}
REFERRAL_FOLLOW_UP_ITEM = "job_seeking"  # its follow-up rule (推荐后约一周回访) schedules the 回访
DEFAULT_FOLLOW_UP_DAYS = 7
PLATFORM_PREFIX = "platform:"
SYNC_CURSOR_SETTING = "sync.cursor"  # written by sync/client/state.py with each pulled page


# ---------------------------------------------------------------- the posting index


_cache_lock = threading.Lock()
_cache: dict[str, tuple[tuple[Any, ...], PostingIndex]] = {}


def _fingerprint(session: Session, today: date) -> tuple[Any, ...]:
    """Cheap (indexed) signs that the postings changed: counts and newest ``updated_at`` of the local
    rows, the platform stream's version and size, and the sync cursor (pulled rows keep the platform's
    ``updated_at``, so a pull moves only the cursor)."""
    local = session.execute(select(func.count(), func.max(JobPosting.updated_at))).one()
    terms = session.execute(select(func.count(), func.max(PostingTerms.updated_at))).one()
    stream = RefDataEntry.stream == "postings"
    remote = (
        session.scalar(select(func.count()).select_from(RefDataEntry).where(stream)),
        session.scalar(select(RefDataEntry.version).where(stream).limit(1)),
    )
    cursor = session.scalar(select(Setting.value).where(Setting.key == SYNC_CURSOR_SETTING))
    return (today, *local, *terms, *remote, cursor)


def _key_industries(session: Session) -> tuple[frozenset[str], dict[str, str], dict[str, str]]:
    from app.refdata.local_tables import effective_code_tables

    tables = effective_code_tables(session)
    industries = tables.get("key_industry")
    occupations = tables.get("occupation_major")
    keys = frozenset(e.code for e in industries if e.parent is not None) if industries else frozenset()
    industry_labels = {e.code: e.label for e in industries} if industries else {}
    occupation_labels = {e.code: e.label for e in occupations} if occupations else {}
    return keys, occupation_labels, industry_labels


def load_candidates(session: Session, today: date) -> list[Candidate]:
    """Open, unexpired postings: local ones first, then the platform's.

    Plain SQL rows (no ORM loading) and the platform entries' fields read by SQLite's own JSON
    functions: at 50,000 postings this is what a rebuild of the index costs."""
    connection = session.connection()
    local = connection.execute(
        select(
            JobPosting.id,
            JobPosting.title,
            Employer.name,
            JobPosting.occupation_code,
            JobPosting.division_code,
            JobPosting.salary_min,
            JobPosting.salary_max,
            JobPosting.key_industry,
            JobPosting.on_commitment,
            PostingTerms.work_time,
            JobPosting.headcount,
            JobPosting.expires_on,
        )
        .outerjoin(Employer, Employer.id == JobPosting.employer_id)
        .outerjoin(PostingTerms, (PostingTerms.posting_id == JobPosting.id) & PostingTerms.deleted.is_(False))
        .where(
            JobPosting.deleted.is_(False),
            JobPosting.status == "open",
            (JobPosting.expires_on.is_(None)) | (JobPosting.expires_on >= today),
        )
        .order_by(JobPosting.published_on.desc(), JobPosting.id)
    ).all()
    found = [
        Candidate(r[0], "local", r[1], r[2], r[3], r[4], r[5], r[6], r[7], bool(r[8]), r[9], r[10] or 1, r[11])
        for r in local
    ]

    def field(name: str) -> Any:
        return func.json_extract(RefDataEntry.data, f"$.{name}")

    remote = connection.execute(
        select(
            RefDataEntry.key,
            field("id"),
            field("title"),
            field("employer_name"),
            field("occupation_code"),
            field("division_code"),
            field("salary_min"),
            field("salary_max"),
            field("key_industry"),
            field("on_commitment"),
            field("work_time"),
            field("headcount"),
            field("expires_on"),
            field("status"),
        )
        .where(RefDataEntry.stream == "postings")
        .order_by(RefDataEntry.key)
    ).all()
    today_text = today.isoformat()
    for (
        key,
        ident,
        title,
        employer,
        occupation,
        division,
        low,
        high,
        industry,
        commitment,
        time,
        count,
        expires,
        status,
    ) in remote:
        if (status or "open") != "open" or (expires and str(expires) < today_text):
            continue
        found.append(
            Candidate(
                PLATFORM_PREFIX + str(ident or key),
                "platform",
                str(title or ""),
                employer,
                None if occupation is None else str(occupation),
                None if division is None else str(division),
                _int(low),
                _int(high),
                industry,
                bool(commitment),
                time,
                _int(count) or 1,
                _date(expires),
            )
        )
    return found


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@lru_cache(maxsize=4096)
def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def posting_index(session: Session, today: date | None = None) -> PostingIndex:
    """The index of this store's postings, rebuilt only when they changed (or the day did)."""
    day = today or local_today()
    bind = session.get_bind()
    store_key = str(getattr(bind, "url", id(bind)))
    fingerprint = _fingerprint(session, day)
    with _cache_lock:
        cached = _cache.get(store_key)
        if cached is not None and cached[0] == fingerprint:
            return cached[1]
    keys, occupation_labels, industry_labels = _key_industries(session)
    index = PostingIndex(
        load_candidates(session, day), keys, occupation_labels=occupation_labels, industry_labels=industry_labels
    )
    with _cache_lock:
        _cache[store_key] = (fingerprint, index)
    return index


# ---------------------------------------------------------------- intentions and skills


@dataclass(frozen=True)
class IntentionInput:
    occupations: tuple[str, ...] = ()
    divisions: tuple[str, ...] = ()
    wage_min: int | None = None
    wage_max: int | None = None
    work_time: str = "any"
    key_industries: tuple[str, ...] = ()
    available_from: date | None = None
    note: str | None = None


def _person(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise NotFound("找不到该人员，可能已被删除，请重新查询。")
    return person


def _intention_row(session: Session, person_id: str) -> JobIntention | None:
    return session.scalar(
        select(JobIntention).where(JobIntention.person_id == person_id, JobIntention.deleted.is_(False))
    )


MAX_PLACES = 5  # 意向工作地: several places (the best one scores, see rules.place_part)


def check_intention(data: IntentionInput) -> IntentionInput:
    """Validated and normalised; raises UserError with the field named."""
    if not data.occupations:
        raise UserError("意向职业：请至少选择一个职业大类。")
    if len(data.occupations) > 5:
        raise UserError("意向职业：最多选择 5 个。")
    divisions = tuple(dict.fromkeys(d.strip() for d in data.divisions if d.strip()))
    if len(divisions) > MAX_PLACES:
        raise UserError(f"意向工作地：最多选择 {MAX_PLACES} 个，请删去不常去的地方。")
    for code in divisions:
        result = validate("admin_division", code)
        if not result.ok:
            raise UserError(f"意向工作地：{result.errors[0]}")
    for label, value in (("期望月工资下限", data.wage_min), ("期望月工资上限", data.wage_max)):
        if value is not None and not 0 <= value <= 100_000:
            raise UserError(f"{label}：应在 0 到 100000 元之间。")
    if data.wage_min is not None and data.wage_max is not None and data.wage_max < data.wage_min:
        raise UserError("期望月工资上限：不能低于下限，请核对。")
    if data.work_time not in WORK_TIMES:
        raise UserError("全职或兼职：请选择“不限”“全职”或“兼职”。")
    return IntentionInput(
        tuple(dict.fromkeys(data.occupations)),
        divisions,
        data.wage_min,
        data.wage_max,
        data.work_time,
        tuple(dict.fromkeys(data.key_industries)),
        data.available_from,
        (data.note or "").strip() or None,
    )


def save_intention(session: Session, actor: StaffInfo, person_id: str, data: IntentionInput) -> None:
    _person(session, person_id)
    clean = check_intention(data)
    row = _intention_row(session, person_id)
    if row is None:
        row = JobIntention(person_id=person_id)
        session.add(row)
    row.occupations = list(clean.occupations)
    row.divisions = list(clean.divisions)
    row.wage_min, row.wage_max = clean.wage_min, clean.wage_max
    row.work_time = clean.work_time
    row.key_industries = list(clean.key_industries)
    row.available_from = clean.available_from
    row.note = clean.note
    session.flush()
    audit.record(session, actor.id, "person.update", "person", person_id, {"fields": ["job_intention"]})


def _intention_info(row: JobIntention) -> IntentionInfo:
    return IntentionInfo(
        row.person_id,
        tuple(row.occupations or ()),
        tuple(row.divisions or ()),
        row.wage_min,
        row.wage_max,
        row.work_time,
        tuple(row.key_industries or ()),
        row.available_from,
        row.note,
    )


def add_skill(
    session: Session,
    actor: StaffInfo,
    person_id: str,
    name: str,
    level: str | None = None,
    certificate: str | None = None,
) -> str:
    _person(session, person_id)
    name = " ".join(name.split())
    if not name or len(name) > 60:
        raise UserError("技能名称：请填写 1 到 60 个字，例如“电焊”“茶叶加工”“叉车驾驶”。")
    row = PersonSkill(
        person_id=person_id,
        name=name,
        level=(level or "").strip()[:30] or None,
        certificate=(certificate or "").strip()[:100] or None,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor.id, "person.update", "person", person_id, {"fields": ["skills"]})
    return row.id


def remove_skill(session: Session, actor: StaffInfo, skill_id: str) -> None:
    row = session.get(PersonSkill, skill_id)
    if row is None or row.deleted:
        raise NotFound("找不到该技能记录，请刷新后重试。")
    row.deleted = True
    audit.record(session, actor.id, "person.update", "person", row.person_id, {"fields": ["skills"]})


# ---------------------------------------------------------------- matching


def intention_for_matching(session: Session, person_id: str) -> Intention | None:
    """The person's intention with the residence as the place when no place is named; None without one."""
    row = _intention_row(session, person_id)
    if row is None:
        return None
    divisions = tuple(row.divisions or ())
    if not divisions:
        home = session.scalar(select(Person.division_code).where(Person.id == person_id))
        divisions = (home,) if home else ()
    return Intention(
        tuple(row.occupations or ()),
        divisions,
        row.wage_min,
        row.wage_max,
        row.work_time,
        tuple(row.key_industries or ()),
        _place_names(divisions) if len(divisions) > 1 else (),
    )


def _place_names(divisions: tuple[str, ...]) -> tuple[str, ...]:
    from app.refdata.divisions import DivisionDataError, load_bundled_divisions

    index = load_bundled_divisions()
    names: list[str] = []
    for code in divisions:
        try:
            division = index.get(code)
        except DivisionDataError:  # the village file is missing: say the code rather than nothing
            division = None
        names.append(division.name if division is not None else code)
    return tuple(names)


def match_person(session: Session, person_id: str, *, limit: int = 20, today: date | None = None) -> list[Match]:
    intention = intention_for_matching(session, person_id)
    if intention is None:
        return []
    return posting_index(session, today).top(intention, limit)


# ---------------------------------------------------------------- referrals and 回访


def _follow_up_days(catalog: Catalog | None) -> int:
    if catalog is not None:
        try:
            item = catalog.get(REFERRAL_FOLLOW_UP_ITEM)
        except Exception:  # noqa: BLE001 - an older catalog without the item: keep the default
            return DEFAULT_FOLLOW_UP_DAYS
        for rule in item.follow_ups:
            if rule.kind == "visit" and rule.after is not None and rule.after.unit == "calendar":
                return rule.after.days
    return DEFAULT_FOLLOW_UP_DAYS


def record_referral(
    session: Session,
    actor: StaffInfo,
    person_id: str,
    posting_ref: str,
    *,
    catalog: Catalog | None = None,
    today: date | None = None,
) -> str:
    """Recommend a posting (推荐) and schedule the 回访; returns the referral id."""
    day = today or local_today()
    _person(session, person_id)
    open_same = session.scalar(
        select(Referral.id).where(
            Referral.person_id == person_id,
            Referral.posting_ref == posting_ref,
            Referral.outcome.in_(("pending", "interviewing")),
            Referral.deleted.is_(False),
        )
    )
    if open_same:
        raise UserError("已向此人推荐过该岗位，结果尚未反馈。请在“推荐记录”中登记结果，不要重复推荐。")
    index = posting_index(session, day)
    candidate = next((c for c in index.candidates if c.ref == posting_ref), None)
    if candidate is None:
        raise UserError("该岗位已停招、过期或不存在，不能推荐。请刷新匹配岗位后重新选择。")
    intention = intention_for_matching(session, person_id) or Intention()
    match = index.explain(candidate, intention)
    follow = FollowUp(person_id=person_id, kind="visit", due_on=day + timedelta(days=_follow_up_days(catalog)))
    session.add(follow)
    session.flush()
    referral = Referral(
        person_id=person_id,
        posting_ref=posting_ref,
        posting_title=candidate.title[:100],
        employer_name=(candidate.employer_name or None),
        referred_on=day,
        referred_by=actor.id,
        score=match.score,
        reasons=list(match.reasons),
        follow_up_id=follow.id,
    )
    session.add(referral)
    session.flush()
    audit.record(session, actor.id, "referral.create", "person", person_id, {"referral": referral.id})
    return referral.id


def set_referral_outcome(
    session: Session,
    actor: StaffInfo,
    referral_id: str,
    outcome: str,
    note: str | None = None,
    *,
    today: date | None = None,
) -> None:
    if outcome not in OUTCOMES:
        raise UserError("推荐结果：请从列表中选择。")
    row = session.get(Referral, referral_id)
    if row is None or row.deleted:
        raise NotFound("找不到该推荐记录，请刷新后重试。")
    row.outcome = outcome
    row.outcome_on = None if outcome == "pending" else (today or local_today())
    row.outcome_note = (note or "").strip() or None
    audit.record(
        session, actor.id, "referral.outcome", "person", row.person_id, {"referral": row.id, "outcome": outcome}
    )


def record_follow_up(
    session: Session,
    actor: StaffInfo,
    follow_up_id: str,
    outcome_text: str,
    *,
    referral_outcome: str | None = None,
    today: date | None = None,
) -> None:
    """The 回访 done: its result in words, and optionally the referral's outcome learnt on the visit."""
    text = " ".join(outcome_text.split())
    if not text:
        raise UserError("回访结果：请填写联系情况和求职结果，例如“电话联系，已到岗”。")
    follow = session.get(FollowUp, follow_up_id)
    if follow is None or follow.deleted:
        raise NotFound("找不到该回访，请刷新后重试。")
    if follow.done_on is not None:
        raise UserError("此次回访已经记录过结果。")
    day = today or local_today()
    follow.done_on = day
    follow.done_by = actor.id
    follow.outcome = text
    if referral_outcome is not None:
        referral = session.scalar(select(Referral).where(Referral.follow_up_id == follow_up_id))
        if referral is not None:
            set_referral_outcome(session, actor, referral.id, referral_outcome, text, today=day)
    audit.record(session, actor.id, "follow_up.done", "person", follow.person_id, {"follow_up": follow.id})


def _referral_infos(session: Session, referrals: Sequence[Referral]) -> list[ReferralInfo]:
    follow_ids = [r.follow_up_id for r in referrals if r.follow_up_id]
    follows = {f.id: f for f in session.scalars(select(FollowUp).where(FollowUp.id.in_(follow_ids)))}
    infos = []
    for r in referrals:
        f = follows.get(r.follow_up_id or "")
        infos.append(
            ReferralInfo(
                r.id,
                r.person_id,
                r.posting_ref,
                r.posting_title,
                r.employer_name,
                r.referred_on,
                r.score,
                tuple(r.reasons or ()),
                r.outcome,
                r.outcome_on,
                r.outcome_note,
                r.follow_up_id,
                f.due_on if f else None,
                f.done_on if f else None,
                f.outcome if f else None,
            )
        )
    return infos


def due_referral_follow_ups(session: Session, today: date, *, limit: int = 500) -> list[DueFollowUp]:
    """回访 of referrals due today or earlier and not yet done, oldest first."""
    rows = session.execute(
        select(FollowUp.id, Referral.id, Referral.person_id, Person.name, Referral.posting_title, FollowUp.due_on)
        .join(Referral, Referral.follow_up_id == FollowUp.id)
        .join(Person, Person.id == Referral.person_id)
        .where(
            FollowUp.deleted.is_(False),
            FollowUp.done_on.is_(None),
            FollowUp.due_on <= today,
            Referral.deleted.is_(False),
        )
        .order_by(FollowUp.due_on)
        .limit(limit)
    )
    return [DueFollowUp(f, r, p, n, t, d, d < today) for f, r, p, n, t, d in rows]


def job_seeker_view(
    session: Session, actor: StaffInfo | None, person_id: str, *, limit: int = 20, today: date | None = None
) -> JobSeekerView:
    """Intention, skills, ranked matches with reasons and referrals of one person (an audited view)."""
    day = today or local_today()
    _person(session, person_id)
    if actor is not None:
        audit.record(session, actor.id, "person.view", "person", person_id, {"purpose": "job_seeking"})
    row = _intention_row(session, person_id)
    skills = tuple(
        SkillInfo(s.id, s.name, s.level, s.certificate)
        for s in session.scalars(
            select(PersonSkill).where(PersonSkill.person_id == person_id, PersonSkill.deleted.is_(False))
        )
    )
    index = posting_index(session, day)
    matches: tuple[Match, ...] = ()
    if row is not None:
        intention = intention_for_matching(session, person_id)
        assert intention is not None
        matches = tuple(index.top(intention, limit))
    referrals = list(
        session.scalars(
            select(Referral)
            .where(Referral.person_id == person_id, Referral.deleted.is_(False))
            .order_by(Referral.referred_on.desc(), Referral.updated_at.desc())
        )
    )
    return JobSeekerView(
        person_id,
        _intention_info(row) if row is not None else None,
        skills,
        matches,
        tuple(_referral_infos(session, referrals)),
        len(index),
    )
