"""Intentions, skills, matching over local and platform postings, referrals and their 回访."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.auth import StaffInfo
from app.calendar import WorkingCalendar
from app.catalog import Catalog
from app.employers import add_posting, register_employer
from app.errors import UserError
from app.matching import (
    IntentionInput,
    add_skill,
    due_referral_follow_ups,
    job_seeker_view,
    record_follow_up,
    record_referral,
    remove_skill,
    save_intention,
)
from app.persons import PersonInput, create_person
from app.store import Store
from app.store.models import FollowUp, JobPosting
from app.store.models_employment import Referral
from app.store.sync_models import RefDataEntry
from tests.app.employers.test_employer_service import employer_form, posting_form


@pytest.fixture
def seeker(store: Store, staff: dict[str, StaffInfo]) -> str:
    with store.session() as session:
        person_id, _ = create_person(
            session,
            staff["clerk"].id,
            PersonInput(
                name="测试求职者", doc_type="resident_id", doc_number="360426199101010071", division_code="520102001"
            ),
        )
    return person_id


def _postings(store: Store, staff: dict[str, StaffInfo], catalog: Catalog, calendar: WorkingCalendar, day: date) -> str:
    with store.session() as session:
        employer_id = register_employer(
            session, staff["clerk"], employer_form(), catalog=catalog, calendar=calendar, today=day
        )
        tea = add_posting(
            session,
            staff["clerk"],
            employer_id,
            posting_form(),
            work_time="full",
            catalog=catalog,
            calendar=calendar,
            today=day,
        )
        add_posting(
            session,
            staff["clerk"],
            employer_id,
            posting_form(
                post_name="夜班保安",
                occupation="4",
                key_industry=None,
                wage_min="2000",
                wage_max="2400",
                work_division="520302",
            ),
            work_time="part",
            catalog=catalog,
            calendar=calendar,
            today=day,
        )
        session.add(
            RefDataEntry(
                stream="postings",
                key="P-1",
                version=1,
                data={
                    "id": "P-1",
                    "title": "平台岗位：茶叶加工",
                    "employer_name": "平台某公司",
                    "occupation_code": "5",
                    "division_code": "520102001",
                    "salary_min": 3200,
                    "salary_max": 3800,
                    "key_industry": "1001",
                    "on_commitment": False,
                    "status": "open",
                    "expires_on": None,
                },
            )
        )
        session.add(
            RefDataEntry(
                stream="postings",
                key="P-2",
                version=1,
                data={
                    "id": "P-2",
                    "title": "平台岗位：已过期",
                    "occupation_code": "5",
                    "division_code": "520102001",
                    "status": "open",
                    "expires_on": "2020-01-01",
                },
            )
        )
    return tea


def test_intention_validation(store: Store, staff: dict[str, StaffInfo], seeker: str) -> None:
    with store.session() as session, pytest.raises(UserError, match="意向职业"):
        save_intention(session, staff["clerk"], seeker, IntentionInput())
    with store.session() as session, pytest.raises(UserError, match="上限"):
        save_intention(
            session, staff["clerk"], seeker, IntentionInput(occupations=("5",), wage_min=3000, wage_max=2000)
        )
    with store.session() as session, pytest.raises(UserError, match="意向工作地"):
        save_intention(session, staff["clerk"], seeker, IntentionInput(occupations=("5",), divisions=("12345",)))


def test_matches_with_reasons_referral_and_follow_up(
    store: Store, staff: dict[str, StaffInfo], catalog: Catalog, calendar: WorkingCalendar, seeker: str
) -> None:
    day = date.today()
    tea = _postings(store, staff, catalog, calendar, day)
    with store.session() as session:
        save_intention(
            session,
            staff["clerk"],
            seeker,
            IntentionInput(occupations=("5",), wage_min=3000, work_time="full", key_industries=("1001",)),
        )
        skill = add_skill(session, staff["clerk"], seeker, "茶叶加工", "中级工", "茶叶加工工证书")
        add_skill(session, staff["clerk"], seeker, "叉车驾驶")
    with store.session() as session:
        remove_skill(session, staff["clerk"], skill)
        view = job_seeker_view(session, staff["clerk"], seeker, today=day)
    assert view.intention is not None and view.intention.occupations == ("5",)
    assert [s.name for s in view.skills] == ["叉车驾驶"]
    # No place named: the residence (520102001) is used. The part-time guard post and the expired platform
    # posting are left out.
    assert view.postings_considered == 3
    assert [(m.candidate.title, m.score) for m in view.matches] == [
        ("平台岗位：茶叶加工", 40 + 25 + 15 + 15),
        ("采茶工", 40 + 18 + 8 + 15),
    ]
    assert view.matches[0].candidate.ref == "platform:P-1"
    assert "同乡镇（街道）" in view.matches[0].reasons and "同县（区）" in view.matches[1].reasons

    with store.session() as session:
        referral_id = record_referral(session, staff["clerk"], seeker, tea, catalog=catalog, today=day)
    with store.session() as session, pytest.raises(UserError, match="推荐过"):
        record_referral(session, staff["clerk"], seeker, tea, catalog=catalog, today=day)
    with store.session() as session:
        referral = session.get(Referral, referral_id)
        assert referral is not None and referral.posting_title == "采茶工" and referral.score == 81
        follow = session.get(FollowUp, referral.follow_up_id)
        assert follow is not None and follow.kind == "visit" and follow.due_on == day + timedelta(days=7)
        assert due_referral_follow_ups(session, day) == []
        [due] = due_referral_follow_ups(session, day + timedelta(days=8))
        assert due.referral_id == referral_id and due.overdue and due.person_name == "测试求职者"
    with store.session() as session, pytest.raises(UserError, match="回访结果"):
        record_follow_up(session, staff["clerk"], due.follow_up_id, "  ")
    with store.session() as session:
        record_follow_up(
            session,
            staff["clerk"],
            due.follow_up_id,
            "电话联系，已到岗",
            referral_outcome="hired",
            today=day + timedelta(days=8),
        )
    with store.session() as session:
        view = job_seeker_view(session, staff["clerk"], seeker, today=day)
        [info] = view.referrals
        assert (info.outcome, info.follow_up_done, info.follow_up_outcome) == (
            "hired",
            day + timedelta(days=8),
            "电话联系，已到岗",
        )
        assert due_referral_follow_ups(session, day + timedelta(days=30)) == []


def test_the_index_follows_new_and_closed_postings(
    store: Store, staff: dict[str, StaffInfo], catalog: Catalog, calendar: WorkingCalendar, seeker: str
) -> None:
    day = date.today()
    tea = _postings(store, staff, catalog, calendar, day)
    with store.session() as session:
        save_intention(session, staff["clerk"], seeker, IntentionInput(occupations=("5",)))
        # Full or part time not restricted: the part-time guard post is in too (its key industry is the employer's).
        assert len(job_seeker_view(session, None, seeker, today=day).matches) == 3
    with store.session() as session:
        posting = session.get(JobPosting, tea)
        assert posting is not None
        posting.status = "filled"
    with store.session() as session:
        titles = [m.candidate.title for m in job_seeker_view(session, None, seeker, today=day).matches]
        assert titles == ["平台岗位：茶叶加工", "夜班保安"]
        assert session.scalar(select(Referral.id)) is None
