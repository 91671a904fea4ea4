"""Demo data of 失业登记 follow-through, 就业登记 and 就业援助 (synthetic persons of the demo station).

- a person registered unemployed two years ago, followed up monthly, recognised as 就业困难人员 with an
  information check whose recognition runs out within weeks (认定即将到期), with a three-step plan;
- a person recognised after a field investigation, with a plan in progress;
- a person placed on a 公益性岗位 (registration ended, plan closed);
- a person who registered 灵活就业 on written commitment (registration ended) with a verification visit.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.auth import StaffInfo
from app.calendar import default_calendar
from app.catalog import load_bundled_catalog
from app.clock import today as local_today
from app.persons.model import PersonInput
from app.refdata.local_tables import effective_code_tables
from app.services import assistance, assistance_model, employment, unemployment
from app.services.flows import accept_case
from app.store.models import FollowUp
from app.workflow import create_case

STATION = "520102001"


def _registration_form(data: PersonInput, since: date) -> dict[str, Any]:
    return {
        "name": data.name,
        "gender": "1" if int(data.doc_number[16]) % 2 else "2",
        "id_doc": {"doc_type": "resident_id", "number": data.doc_number},
        "ethnic": "01",
        "hukou_type": "01",
        "education": "71",
        "health": "10",
        "hukou_address": "贵州省（演示地址）",
        "residence_address": data.residence_address or "贵阳市南明区（演示地址）",
        "residence_division": STATION,
        "phone": data.phone,
        "registration_division": STATION,
        "unemployed_since": since.isoformat(),
        "unemployment_cause": "02",
        "previous_employer": "某建材厂（演示）",
        "cause_analysis": "原单位停产，年龄偏大、技能单一，本地同类岗位少。",
        "policy_recommendations": "推介政策：失业保险金申领、灵活就业社会保险补贴；推荐培训：职业技能培训补贴。",
        "claims_ui_benefit": False,
        "training_intention": False,
        "truth_commitment": True,
    }


def seed_assistance(
    session: Session, staff: list[StaffInfo], people: list[tuple[str, PersonInput]], rng: random.Random
) -> None:
    if len(people) < 10:
        return
    del rng  # the dates below are fixed offsets from today: nothing random is needed
    clerk = staff[1]
    reviewer = staff[2]  # 就业困难人员认定 is decided by 审核 (hardship.recognize)
    catalog, calendar, day = load_bundled_catalog(), default_calendar(), local_today()

    def register(person: tuple[str, PersonInput], accepted: date, *, on_commitment: bool = False) -> str:
        pid, data = person
        form = _registration_form(data, accepted - timedelta(days=20))
        case_id = create_case(session, clerk, catalog.get(unemployment.UNEMPLOYMENT), pid, form, today=accepted)
        accept_case(
            session, clerk, case_id, catalog=catalog, calendar=calendar, on_commitment=on_commitment, today=accepted
        )
        return case_id

    def follow_up_until(case_id: str, until: date, outcome: str) -> None:
        for _ in range(40):
            follow = session.scalars(
                select(FollowUp)
                .where(FollowUp.case_id == case_id, FollowUp.done_on.is_(None))
                .order_by(FollowUp.due_on)
                .limit(1)
            ).first()
            if follow is None or follow.due_on > until:
                return
            unemployment.record_follow_up(session, clerk, follow.id, outcome, catalog=catalog, today=follow.due_on)

    # 1. Registered two years ago, recognised by information check; recognition ends within weeks.
    long_term = people[6]
    start = calendar.add_working_days(day - timedelta(days=735), 0)
    case_id = register(long_term, start)
    follow_up_until(case_id, day - timedelta(days=3), "电话联系上本人，仍未就业，已推荐岗位信息。")
    assistance.recognize(
        session,
        reviewer,
        long_term[0],
        assistance_model.RecognitionInput(
            categories=("01", "04"),
            check_method="info_check",
            info_check_result="经社保信息核查：连续失业1年以上，年龄符合大龄失业人员条件。",
            recognized_on=start + timedelta(days=30),
        ),
        catalog=catalog,
        today=day,
    )
    steps = [
        ("推荐3个物业保洁岗位", "演示经办", start + timedelta(days=45)),
        ("参加家政服务技能培训", "区就业局培训科", day + timedelta(days=20)),
        ("评估是否需要公益性岗位安置", "演示审核", day + timedelta(days=45)),
    ]
    step_ids = [
        assistance.add_step(session, clerk, long_term[0], content=c, owner=o, due_on=d, today=day) for c, o, d in steps
    ]
    assistance.update_step(session, clerk, step_ids[0], progress="已推荐3个岗位，面试未通过。", done=True, today=day)
    assistance.update_step(session, clerk, step_ids[1], progress="已报名下月培训班。", done=False, today=day)

    # 2. Recognised after a field investigation; plan in progress.
    investigated = people[7]
    start = calendar.add_working_days(day, -25)
    case_id = register(investigated, start)
    follow_up_until(case_id, day - timedelta(days=3), "上门走访，本人有就业意愿，需要技能培训。")
    assistance.recognize(
        session,
        reviewer,
        investigated[0],
        assistance_model.RecognitionInput(
            categories=("02",),
            check_method="investigation",
            investigation_on=start + timedelta(days=7),
            investigators="演示经办、社区网格员",
            investigation_findings="入户核实：肢体残疾，家庭收入来源单一，本人愿意从事手工类工作。",
            recognized_on=start + timedelta(days=10),
        ),
        catalog=catalog,
        today=day,
    )
    assistance.add_step(
        session,
        clerk,
        investigated[0],
        content="对接帮扶车间手工岗位",
        owner="演示经办",
        due_on=day + timedelta(days=10),
        today=day,
    )

    # 3. Placed on a 公益性岗位: the registration ends and the plan closes.
    placed = people[8]
    start = calendar.add_working_days(day, -60)
    register(placed, start)
    assistance.recognize(
        session,
        reviewer,
        placed[0],
        assistance_model.RecognitionInput(
            categories=("05",),
            check_method="info_check",
            info_check_result="经户籍和就业信息核查：家庭劳动年龄成员均无业。",
            recognized_on=start + timedelta(days=5),
        ),
        catalog=catalog,
        today=day,
    )
    assistance.place(
        session,
        clerk,
        placed[0],
        assistance_model.PlacementInput(
            "安置点保洁", "五里冲街道办事处（演示）", start + timedelta(days=30), day + timedelta(days=330)
        ),
        catalog=catalog,
        today=start + timedelta(days=30),
    )

    # 4. 灵活就业 on written commitment ends an open (commitment) registration; a verification visit follows.
    flexible = people[9]
    start = calendar.add_working_days(day, -4)
    register(flexible, start, on_commitment=True)
    pid, data = flexible
    destination = next(iter(effective_code_tables(session)["destination"])).code
    form = {
        "name": data.name,
        "gender": "1" if int(data.doc_number[16]) % 2 else "2",
        "id_doc": {"doc_type": "resident_id", "number": data.doc_number},
        "hukou_type": "01",
        "education": "71",
        "phone": data.phone,
        "employment_form": "03",
        "employment_date": (day - timedelta(days=2)).isoformat(),
        "flexible_work": "网约配送",
        "work_division": STATION,
        "destination": destination,
        "truth_commitment": True,
    }
    emp_id = create_case(session, clerk, catalog.get(employment.EMPLOYMENT), pid, form, today=day)
    accept_case(session, clerk, emp_id, catalog=catalog, calendar=calendar, on_commitment=True, today=day)
    employment.record_verification_visit(
        session,
        clerk,
        emp_id,
        visit_on=day,
        visitors="演示经办",
        findings="电话核实配送平台注册信息，属实。",
        today=day,
    )
