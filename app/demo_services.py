"""Demo data of training, entrepreneurship, campaigns, priority service, satisfaction and credit.

Synthetic only; deterministic (its own seeded generator, so it does not shift the other seeders).
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import StaffInfo
from app.clock import today
from app.persons.model import PersonInput
from app.services_extra import (
    agents,
    appointments,
    campaigns,
    entrepreneurship,
    fraud,
    green_channel,
    layoffs,
    satisfaction,
    training,
)
from app.store.models import Case
from app.validation import synthetic_resident_id, synthetic_uscc

SLOTS = ("08:30-09:30", "09:30-10:30", "10:30-11:30", "14:00-15:00", "15:00-16:00")


def seed_services(
    session: Session, staff: list[StaffInfo], people: list[tuple[str, PersonInput]], _rng: random.Random
) -> None:
    rng = random.Random(20191113)
    clerk = next(s for s in staff if s.role == "clerk")
    reviewer = next(s for s in staff if s.role == "reviewer")
    day = today()
    persons = [pid for pid, _data in people]
    if len(persons) < 12:
        return
    # training: enrolments from the catalog, some completed
    courses = training.training_catalog(session)
    for n, person_id in enumerate(persons[:7]):
        course = courses[n % len(courses)]
        start = day - timedelta(days=60 - 5 * n)
        eid = training.enrol(session, clerk, person_id, course_key=course.key, starts_on=start, today=day)
        if n % 2 == 0:
            passed = n != 4
            training.complete(
                session,
                clerk,
                eid,
                result="passed" if passed else "failed",
                certificate_no=f"SC{day.year}{n:05d}" if passed else None,
                completed_on=start + timedelta(days=20),
                today=day,
            )
    # entrepreneurship: a returnee with a loan referral, opening guidance, an incubator place
    entrepreneurship.record_service(
        session,
        clerk,
        persons[7],
        "loan_referral",
        loan_amount=150_000,
        returnee=True,
        project_name="刺梨种植合作社（演示）",
        served_on=day - timedelta(days=12),
        today=day,
    )
    entrepreneurship.record_service(
        session,
        clerk,
        persons[7],
        "guidance",
        returnee=True,
        project_name="刺梨种植合作社（演示）",
        served_on=day - timedelta(days=30),
        today=day,
    )
    entrepreneurship.record_service(
        session,
        clerk,
        persons[8],
        "incubator",
        incubator_name="南明区创业孵化基地（演示）",
        project_name="民族服饰网店（演示）",
        served_on=day - timedelta(days=5),
        today=day,
    )
    # green channel: key-group persons by tag, at most three
    flagged: list[str] = []
    for person_id, data in people:
        reasons = green_channel.suggested_reasons(data.tags)
        if reasons and len(flagged) < 3:
            green_channel.flag(session, clerk, person_id, "、".join(reasons), today=day)
            flagged.append(person_id)
    # today's appointments: online ones (as if synced) and a phone booking, a green-channel person among them
    booked = [*flagged[:1], persons[9], persons[10], persons[11]]
    for n, person_id in enumerate(booked):
        name = next(d.name for pid, d in people if pid == person_id)
        appointments.book(
            session,
            clerk,
            day=day,
            applicant_name=name,
            person_id=person_id,
            item_code=("job_seeking", "unemployment_registration", "training_enrolment")[n % 3],
            slot=SLOTS[n],
            channel="online" if n < 3 else "phone",
            today=day,
        )
    # layoff reports
    layoffs.record_layoff(
        session,
        clerk,
        employer_name="贵州某建材有限公司（演示）",
        uscc=synthetic_uscc(rng),
        affected=46,
        workforce=210,
        reported_on=day - timedelta(days=20),
        layoff_on=day + timedelta(days=10),
        reason="石料厂关停转产",
        measures="召开专场招聘会、逐人职业指导、告知失业保险待遇、推荐岗位技能提升培训",
        today=day,
    )
    layoffs.record_layoff(
        session,
        clerk,
        employer_name="南明区某制衣厂（演示）",
        affected=12,
        workforce=80,
        reported_on=day - timedelta(days=3),
        measures="岗位对接、推荐帮扶车间",
        today=day,
    )
    # campaigns: cases tagged, one event
    cases = session.scalars(select(Case).where(Case.deleted.is_(False)).order_by(Case.case_no)).all()
    for case in cases[:4]:
        campaigns.tag_case(session, clerk, case.id, "02", today=day)
    spring = next(c for c in campaigns.campaigns(session, day.year) if c.code == "02")
    campaigns.record_event(
        session,
        clerk,
        "02",
        "春风行动专场招聘会（演示）",
        spring.starts_on + timedelta(days=10),
        place="南明区人力资源市场",
        employers=36,
        postings=820,
        attendees=1500,
    )
    # agent service on one open case
    open_case = next((c for c in cases if c.state == "accepted" and c.person_id), None)
    if open_case is not None:
        agents.record_agent(
            session,
            clerk,
            open_case.id,
            name="村委会演示干部",
            doc_type="resident_id",
            doc_number=synthetic_resident_id(rng, region="520102", birth=date(1978, 6, 1)),
            relation="village_official",
            authorisation="village_proof",
        )
    # satisfaction on completed cases
    for n, case in enumerate(c for c in cases if c.state == "completed"):
        satisfaction.rate(session, clerk, case.id, ("satisfied", "satisfied", "basic", "unsatisfied")[n % 4])
    # one fraud flag, by the reviewer
    fraud.flag_fraud(
        session,
        reviewer,
        persons[11],
        "impersonation",
        "冒领已就业亲属的失业保险金两个月，经入户核查属实（演示）。",
        fund="失业保险金",
        today=day,
    )
