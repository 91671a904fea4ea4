"""就业援助: recognition with a check or an investigation, plan steps, 公益性岗位 limits, expiry list."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from app.auth import StaffInfo
from app.errors import ValidationFailed
from app.persons import get_person
from app.services.assistance import (
    add_step,
    assistance_info,
    end_placement,
    expiring_recognitions,
    open_plans,
    place,
    placement_limits,
    recognize,
    update_step,
)
from app.services.assistance_model import PlacementInput, RecognitionInput
from app.services.unemployment import FlowError
from app.store import Store
from app.store.models import Case, PersonTag
from app.store.models_assistance import AssistancePlan
from tests.app.services.flow_helpers import MONDAY, new_person, register

INFO = RecognitionInput(categories=("01", "02"), check_method="info_check", info_check_result="经残联信息核查属实")


def test_limits_come_from_the_item_definition(catalog: Any) -> None:
    limits = placement_limits(catalog)
    assert (limits.max_months, limits.max_placements, limits.extension_years) == (36, 2, 5)
    item = catalog.get("public_welfare_placement")
    assert {limit.key for limit in item.limits} >= {"subsidy_max_years", "max_placements"}


def test_recognition_rules(store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]) -> None:
    clerk = staff["clerk"]
    unregistered, _ = new_person(store)
    with store.session() as session, pytest.raises(FlowError, match="请先为其办理失业登记"):
        recognize(session, staff["reviewer"], unregistered, INFO, catalog=catalog, today=MONDAY)
    pid, _, _ = register(store, catalog, calendar, clerk, on_commitment=False)
    with store.session() as session:
        with pytest.raises(ValidationFailed) as caught:
            recognize(
                session,
                staff["reviewer"],
                pid,
                RecognitionInput(categories=("77",), check_method="investigation"),
                catalog=catalog,
                today=MONDAY,
            )
        assert set(caught.value.errors) == {"categories", "investigators", "investigation_on", "investigation_findings"}
        assert "77" in caught.value.errors["categories"][0]
        rec_id = recognize(
            session,
            staff["reviewer"],
            pid,
            RecognitionInput(
                categories=("01",),
                check_method="investigation",
                investigation_on=date(2026, 2, 27),
                investigators="王某、李某",
                investigation_findings="入户了解：原采石场关停后无业，家庭无其他收入来源。",
            ),
            catalog=catalog,
            today=MONDAY,
        )
        info = assistance_info(session, pid, catalog=catalog, today=MONDAY)
        assert info.recognition is not None and info.recognition.id == rec_id
        assert info.recognition.check_label == "工作人员调查" and info.recognition.investigators == "王某、李某"
        assert info.recognition.valid_until == date(2028, 3, 1)  # 24 months (item validity), last day included
        assert info.recognition.category_labels[0].startswith("大龄失业人员")
        assert info.plan is not None and info.plan.status == "open"
        with pytest.raises(FlowError, match="无需重复认定"):
            recognize(session, staff["reviewer"], pid, INFO, catalog=catalog, today=MONDAY)


def test_plan_steps_progress_and_closure_on_placement(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]
) -> None:
    clerk = staff["clerk"]
    pid, reg_id, _ = register(store, catalog, calendar, clerk, on_commitment=False)
    with store.session() as session:
        recognize(session, staff["reviewer"], pid, INFO, catalog=catalog, today=MONDAY)
        with pytest.raises(ValidationFailed, match="责任人"):
            add_step(session, clerk, pid, content="推荐保洁岗位", owner="", due_on=MONDAY, today=MONDAY)
        first = add_step(
            session, clerk, pid, content="推荐3个保洁岗位", owner="演示经办", due_on=date(2026, 3, 16), today=MONDAY
        )
        add_step(session, clerk, pid, content="参加家政培训", owner="区就业局", due_on=date(2026, 4, 30), today=MONDAY)
        update_step(session, clerk, first, progress="已推荐2个岗位，等待面试", done=False, today=MONDAY)
        lines = open_plans(session, date(2026, 3, 20))
        assert len(lines) == 1 and "推荐3个保洁岗位" in lines[0].detail and "已超期" in lines[0].detail
        update_step(session, clerk, first, progress="面试未通过", done=True, today=date(2026, 3, 20))
        steps = assistance_info(session, pid, catalog=catalog, today=MONDAY).plan.steps  # type: ignore[union-attr]
        assert [s.status for s in steps] == ["done", "planned"] and steps[0].progress.count("\n") == 1  # type: ignore[union-attr]
        place(
            session,
            clerk,
            pid,
            PlacementInput("保洁", "五里冲街道办事处", date(2026, 4, 1), date(2027, 3, 31)),
            catalog=catalog,
            today=date(2026, 3, 25),
        )
        plan = session.scalars(select(AssistancePlan).where(AssistancePlan.person_id == pid)).one()
        assert plan.status == "closed" and plan.close_reason and "公益性岗位" in plan.close_reason
        assert session.get(Case, reg_id).state == "cancelled"
        assert get_person(session, None, pid).employment_status == "employed"
        assert open_plans(session, date(2026, 3, 25)) == []


def test_placement_limits_duration_and_count(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]
) -> None:
    clerk = staff["clerk"]
    pid, _, _ = register(store, catalog, calendar, clerk, on_commitment=False)
    with store.session() as session:
        recognize(session, staff["reviewer"], pid, INFO, catalog=catalog, today=MONDAY)
        # A 零就业家庭成员 stays eligible after the recognition has run out.
        session.add(PersonTag(person_id=pid, tag="10"))
        with pytest.raises(FlowError, match="最长 36 个月") as caught:
            place(
                session,
                clerk,
                pid,
                PlacementInput("护林", "某林场（演示）", date(2026, 4, 1), date(2029, 4, 30)),
                catalog=catalog,
                today=MONDAY,
            )
        assert "本次 37 个月" in str(caught.value)
        first = place(
            session,
            clerk,
            pid,
            PlacementInput("护林", "某林场（演示）", date(2026, 4, 1), date(2028, 3, 31)),
            catalog=catalog,
            today=MONDAY,
        )
        with pytest.raises(FlowError, match="同一时间只能安置一个"):
            place(
                session,
                clerk,
                pid,
                PlacementInput("保洁", "街道（演示）", date(2026, 6, 1), date(2026, 12, 31)),
                catalog=catalog,
                today=MONDAY,
            )
        end_placement(session, clerk, first, "协议期满", date(2028, 3, 31))
        with pytest.raises(FlowError, match="已享受 24 个月，本次 24 个月"):
            place(
                session,
                clerk,
                pid,
                PlacementInput("保洁", "街道（演示）", date(2028, 4, 1), date(2030, 3, 31)),
                catalog=catalog,
                today=date(2028, 3, 31),
            )
        # Within 5 years of retirement the cumulative cap does not apply (until retirement).
        place(
            session,
            clerk,
            pid,
            PlacementInput("保洁", "街道（演示）", date(2028, 4, 1), date(2030, 3, 31), near_retirement=True),
            catalog=catalog,
            today=date(2028, 3, 31),
        )
        session.flush()
        rows = assistance_info(session, pid, catalog=catalog, today=date(2028, 4, 1)).placements
        end_placement(session, clerk, rows[-1].id, "本人辞职", date(2028, 5, 31))
        with pytest.raises(FlowError, match="安置次数上限（2 次）"):
            place(
                session,
                clerk,
                pid,
                PlacementInput("保洁", "街道（演示）", date(2028, 7, 1), date(2028, 12, 31), near_retirement=True),
                catalog=catalog,
                today=date(2028, 6, 1),
            )


def test_placement_needs_recognition_or_a_qualifying_tag(
    store: Store, catalog: Any, staff: dict[str, StaffInfo]
) -> None:
    pid, _ = new_person(store)
    with store.session() as session, pytest.raises(FlowError, match="请先办理就业困难人员认定"):
        place(
            session,
            staff["clerk"],
            pid,
            PlacementInput("保洁", "街道（演示）", date(2026, 4, 1), date(2026, 12, 31)),
            catalog=catalog,
            today=MONDAY,
        )


def test_expiring_recognitions_list(store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]) -> None:
    clerk = staff["clerk"]
    soon, _, _ = register(store, catalog, calendar, clerk, on_commitment=False)
    later, _, _ = register(store, catalog, calendar, clerk, on_commitment=False)
    with store.session() as session:
        recognize(
            session,
            staff["reviewer"],
            soon,
            RecognitionInput(("04",), "info_check", "经社保信息核查连续失业1年以上", recognized_on=date(2024, 4, 10)),
            catalog=catalog,
            today=MONDAY,
        )
        recognize(session, staff["reviewer"], later, INFO, catalog=catalog, today=MONDAY)
        lines = expiring_recognitions(session, MONDAY)
        assert [line.person_id for line in lines] == [soon]
        assert lines[0].due_on == date(2026, 4, 9) and "还剩 38 天" in lines[0].detail
        assert "连续失业1年以上" in lines[0].detail
        # Renewal is allowed inside the window and ends the old recognition.
        recognize(session, staff["reviewer"], soon, INFO, catalog=catalog, today=MONDAY)
        assert expiring_recognitions(session, MONDAY) == []
