"""Demo data of 单位与岗位 and 求职匹配: employers, a few hundred postings, intentions, referrals and 回访.

Synthetic only (names made up, USCC with valid check characters from ``app.validation``). Registered
through the real services, so cases, verifications, deadlines and outbox rows are as the counter makes
them: some verifications in time, some overdue, some done; start-ups on written commitment with
their postings marked. Most postings are older, already verified ones; the platform's 岗位信息 stream
gets entries too, so matching shows both sources (fewer of everything in the UI tests' 12-person demo).
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from app.auth import StaffInfo
from app.calendar import default_calendar
from app.catalog import load_bundled_catalog
from app.clock import today as local_today
from app.employers import add_posting, record_investigation, register_employer, verification_list, verify
from app.matching import IntentionInput, add_skill, record_follow_up, record_referral, save_intention
from app.matching.service import posting_index
from app.persons.model import PersonInput
from app.store.models import JobPosting, new_id
from app.store.models_employment import PostingTerms
from app.store.sync_models import RefDataEntry
from app.validation import synthetic_uscc

PLACES = ("520102001", "520102002", "520102003", "520102004", "520102005", "520102", "520103", "520111", "520113")
FAR = ("520302", "522601", "522701", "520402", "520502")
# (name stem, kind, industry section, key industries, is start-up, posts: (title, occupation, low, high))
EMPLOYERS: tuple[tuple[str, str, str, tuple[str, ...], bool, tuple[tuple[str, str, int, int], ...]], ...] = (
    ("云雾茶业有限公司", "01", "A", ("1001",), False, (("采茶工", "5", 2600, 3400), ("制茶工", "6", 3200, 4200))),
    ("黔味食品有限公司", "01", "C", ("2008",), False, (("食品包装工", "6", 2800, 3600), ("质检员", "2", 3500, 4800))),
    ("山地菌业专业合作社", "07", "A", ("1002",), True, (("食用菌种植工", "5", 2400, 3200),)),
    ("筑城装备制造有限公司", "01", "C", ("2006",), False, (("装配工", "6", 3600, 5200), ("焊工", "6", 4200, 6000))),
    ("南明区某社区服务中心", "03", "O", (), False, (("养老护理员", "4", 2800, 3800), ("保洁员", "4", 2200, 2800))),
    ("刺梨之乡农业开发有限公司", "01", "A", ("1009",), False, (("果园管护工", "5", 2500, 3300),)),
    ("小河湾餐饮店", "02", "H", (), False, (("厨师", "4", 3500, 5000), ("服务员", "4", 2400, 3000))),
    ("新建材科技有限公司", "01", "C", ("2004",), False, (("生产操作工", "6", 3400, 4600),)),
    ("乡村电商创业工作室", "06", "I", (), True, (("网店客服", "4", 2600, 3600), ("直播助理", "4", 2800, 4000))),
    ("黔中物流有限公司", "01", "G", (), False, (("快递分拣员", "4", 3000, 4200), ("货车司机", "4", 5000, 7000))),
    ("辣椒加工厂", "02", "C", ("1012",), False, (("辣椒分拣工", "6", 2400, 3000),)),
    ("大健康医药有限公司", "01", "C", ("2010",), False, (("药品包装工", "6", 3000, 3800), ("仓管员", "3", 3200, 4000))),
)
SKILLS = ("茶叶加工", "电焊", "叉车驾驶", "家政服务", "电子商务", "中式烹调", "果树管护", "普通话", "计算机操作")


def _employer_form(
    rng: random.Random,
    name: str,
    kind: str,
    section: str,
    keys: tuple[str, ...],
    startup: bool,
    place: str,
    founded: date,
) -> dict[str, Any]:
    form: dict[str, Any] = {
        "employer_name": name,
        "is_startup": startup,
        "employer_kind": kind,
        "industry": section,
        "key_industries": list(keys),
        "founded_on": founded.isoformat(),
        "division": place,
        "address": f"{name}经营场所（演示地址）",
        "legal_rep_name": "演示负责人",
        "legal_rep_id": {"doc_type": "resident_id", "number": "11010519491231002X"},
        "contact_name": "演示联系人",
        "contact_phone": f"139{rng.randint(10_000_000, 99_999_999)}",
        "employee_count": rng.randint(3, 300),
    }
    if not startup:
        form["uscc"] = synthetic_uscc(rng)
    else:
        form["site_visit_date"] = founded.isoformat() if founded > local_today() - timedelta(days=20) else None
    return {k: v for k, v in form.items() if v is not None}


def _posting_form(
    name: str, startup: bool, post: tuple[str, str, int, int], place: str, key: str | None, today: date
) -> dict[str, Any]:
    title, occupation, low, high = post
    form: dict[str, Any] = {
        "employer_name": name,
        "is_startup": startup,
        "contact_name": "演示联系人",
        "contact_phone": "13900000000",
        "post_name": title,
        "occupation": occupation,
        "headcount": 5,
        "requirements": "身体健康，遵纪守法；有相关经验者优先（演示）",
        "wage_min": str(low),
        "wage_max": str(high),
        "employment_type": "全日制劳动合同（一年）",
        "work_division": place,
        "work_address": f"{name}（演示地址）",
        "valid_until": (today + timedelta(days=60)).isoformat(),
    }
    if key:
        form["key_industry"] = key
    return form


def seed_employment(
    session: Session, staff: list[StaffInfo], people: list[tuple[str, PersonInput]], rng: random.Random
) -> None:
    catalog, calendar, today = load_bundled_catalog(), default_calendar(), local_today()
    clerk = next(s for s in staff if s.role == "clerk")
    reviewer = next(s for s in staff if s.role == "reviewer")
    employer_ids: list[tuple[str, int]] = []
    small = len(people) < 20  # the small demo of the UI tests: same shape, fewer rows
    for n, (stem, kind, section, keys, startup, posts) in enumerate(EMPLOYERS[:6] if small else EMPLOYERS):
        accepted = calendar.add_working_days(today, -(n % 6))  # 0–5 working days ago: some overdue
        place = PLACES[n % len(PLACES)]
        name = stem if n % 3 else f"贵阳{stem}"
        form = _employer_form(rng, name, kind, section, keys, startup, place, accepted - timedelta(days=60 + 200 * n))
        employer_id = register_employer(session, clerk, form, catalog=catalog, calendar=calendar, today=accepted)
        for post in posts:
            add_posting(
                session,
                clerk,
                employer_id,
                _posting_form(name, startup, post, place, keys[0] if keys else None, today),
                work_time="part" if post[0] in ("保洁员", "直播助理") else "full",
                catalog=catalog,
                calendar=calendar,
                today=accepted,
            )
        employer_ids.append((employer_id, n))
    # Half of the checks are done already (start-ups after their investigation).
    for item in verification_list(session, today, calendar):
        if rng.random() < 0.5:
            continue
        if item.on_commitment:
            record_investigation(
                session, clerk, item.id, item.accepted_on, "实地查看经营场所，负责人身份属实，用工需求真实。"
            )
        verify(
            session,
            reviewer,
            item.id,
            licence_ok=True,
            person_ok=True,
            posting_ok=True,
            catalog=catalog,
            calendar=calendar,
            today=today,
        )
    _older_postings(session, employer_ids, rng, today, 60 if small else 240)
    _platform_postings(session, rng, today, 30 if small else 80)
    _job_seekers(session, clerk, people, rng, today)


def _older_postings(
    session: Session, employers: list[tuple[str, int]], rng: random.Random, today: date, count: int
) -> None:
    """Postings registered and verified weeks ago (as a synced station would hold them)."""
    for i in range(count):
        employer_id, n = employers[i % len(employers)]
        stem, _kind, _section, keys, startup, posts = EMPLOYERS[n]
        title, occupation, low, high = posts[i % len(posts)]
        bump = rng.choice((0, 200, 400, 600))
        posting = JobPosting(
            id=new_id(),
            employer_id=employer_id,
            title=title,
            occupation_code=occupation,
            headcount=rng.randint(1, 20),
            salary_min=low + bump,
            salary_max=high + bump,
            conditions="身体健康；吃苦耐劳（演示）",
            division_code=rng.choice(PLACES + FAR),
            key_industry=keys[0] if keys else None,
            on_commitment=startup,
            status=rng.choice(("open", "open", "open", "filled")),
            published_on=today - timedelta(days=rng.randint(7, 60)),
            expires_on=today + timedelta(days=rng.randint(5, 90)),
        )
        session.add(posting)
        session.add(
            PostingTerms(
                posting_id=posting.id,
                work_time="part" if rng.random() < 0.1 else "full",
                employment_type="全日制劳动合同",
                work_address=f"{stem}（演示地址）",
            )
        )
    session.flush()


def _platform_postings(session: Session, rng: random.Random, today: date, count: int) -> None:
    titles = (
        ("电子厂普工", "6", "2006"),
        ("酒店服务员", "4", None),
        ("建筑工", "6", "2004"),
        ("茶园管护工", "5", "1001"),
        ("护工", "4", None),
        ("仓储理货员", "4", None),
    )
    for i in range(count):
        title, occupation, key = titles[i % len(titles)]
        low = rng.choice((2400, 2800, 3200, 3600, 4000))
        data = {
            "id": f"DEMO-{i:04d}",
            "title": title,
            "employer_name": f"省内某用人单位{i % 17 + 1}（演示）",
            "occupation_code": occupation,
            "headcount": rng.randint(2, 50),
            "salary_min": low,
            "salary_max": low + 1200,
            "conditions": "18-50周岁，身体健康（演示）",
            "division_code": rng.choice(PLACES + FAR),
            "key_industry": key,
            "on_commitment": False,
            "status": "open",
            "published_on": (today - timedelta(days=3)).isoformat(),
            "expires_on": (today + timedelta(days=45)).isoformat(),
            "contact": "请到服务站咨询",
        }
        session.add(RefDataEntry(stream="postings", key=data["id"], version=1, data=data))
    session.flush()


def _job_seekers(
    session: Session, clerk: StaffInfo, people: list[tuple[str, PersonInput]], rng: random.Random, today: date
) -> None:
    seekers = people[: max(1, len(people) * 2 // 3)]
    for person_id, _data in seekers:
        save_intention(
            session,
            clerk,
            person_id,
            IntentionInput(
                occupations=tuple(rng.sample(("4", "5", "6"), k=rng.randint(1, 2))),
                divisions=(rng.choice(PLACES[:5]),),
                wage_min=rng.choice((None, 2500, 3000, 3500)),
                work_time=rng.choice(("any", "any", "full", "part")),
                key_industries=("1001",) if rng.random() < 0.3 else (),
            ),
        )
        for skill in rng.sample(SKILLS, k=rng.randint(0, 2)):
            add_skill(session, clerk, person_id, skill, rng.choice((None, "初级工", "中级工")))
    # Referrals: one 10 days ago (回访 overdue), one 8 days ago (回访 done, hired), one today.
    index = posting_index(session, today)
    for days_ago, (person_id, _data) in zip((10, 8, 0), seekers, strict=False):
        from app.matching.service import intention_for_matching

        intention = intention_for_matching(session, person_id)
        if intention is None or not index.candidates:
            continue
        best = index.top(intention, 1)
        if not best:
            continue
        referral_id = record_referral(
            session, clerk, person_id, best[0].candidate.ref, today=today - timedelta(days=days_ago)
        )
        if days_ago == 8:
            from app.store.models_employment import Referral

            referral = session.get(Referral, referral_id)
            assert referral is not None and referral.follow_up_id is not None
            record_follow_up(
                session,
                clerk,
                referral.follow_up_id,
                "电话回访：已到岗上班（演示）",
                referral_outcome="hired",
                today=today - timedelta(days=1),
            )
