"""Rules of training, entrepreneurship, campaigns, green channel, appointments, layoffs, agents,
satisfaction and fraud flags, on a real store."""

from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import select

from app.auth import PermissionDenied, StaffInfo
from app.errors import UserError
from app.persons import PersonInput, create_person
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
from app.services_extra.profile import services_profile
from app.store import Store
from app.store.models import Case, OutboxEntry, PersonTag
from app.store.sync_models import RefDataEntry
from app.validation import synthetic_resident_id, synthetic_uscc

RNG = random.Random(808)
ID = synthetic_resident_id(RNG, region="520102", birth=date(1980, 5, 1), gender="1")
AGENT_ID = synthetic_resident_id(RNG, region="520102", birth=date(1975, 2, 3), gender="2")
TODAY = date(2026, 3, 10)


@pytest.fixture
def person_id(store: Store) -> str:
    with store.session() as session:
        pid, _ = create_person(session, "c", PersonInput(name="龙某", doc_type="resident_id", doc_number=ID))
    return pid


def _case(store: Store, person_id: str, state: str = "completed", code: str = "follow_up_visit") -> str:
    with store.session() as session:
        case = Case(
            case_no=f"T-{RNG.randint(0, 10**9)}",
            item_code=code,
            item_version=1,
            subject_kind="person",
            person_id=person_id,
            state=state,
            form_data={},
        )
        session.add(case)
        session.flush()
        return case.id


def test_training_enrol_complete_and_rules(store: Store, staff: dict[str, StaffInfo], person_id: str) -> None:
    clerk = staff["clerk"]
    with store.session() as session:
        courses = training.training_catalog(session)
        assert courses and all(c.source == "bundled" for c in courses)
        sewing = next(c for c in courses if c.training_type == "02")
        eid = training.enrol(session, clerk, person_id, course_key=sewing.key, starts_on=date(2026, 3, 2), today=TODAY)
        with pytest.raises(UserError, match="不能重复报名"):
            training.enrol(session, clerk, person_id, course_key=sewing.key, today=TODAY)
        with pytest.raises(UserError, match="培训类型"):
            training.enrol(session, clerk, person_id, course_name="厨师", training_type="99", today=TODAY)
        with pytest.raises(UserError, match="不能早于开始日期"):
            training.enrol(
                session,
                clerk,
                person_id,
                course_name="电工",
                training_type="04",
                starts_on=date(2026, 4, 2),
                ends_on=date(2026, 4, 1),
                today=TODAY,
            )
        with pytest.raises(UserError, match="只有考核合格"):
            training.complete(session, clerk, eid, result="failed", certificate_no="C1", today=TODAY)
        with pytest.raises(UserError, match="不能早于开班日期"):
            training.complete(session, clerk, eid, result="passed", completed_on=date(2026, 3, 1), today=TODAY)
        with pytest.raises(UserError, match="不能晚于今天"):
            training.complete(session, clerk, eid, result="passed", completed_on=date(2026, 3, 11), today=TODAY)
        done = training.complete(session, clerk, eid, result="passed", certificate_no="ZS-2026-001", today=TODAY)
        assert (done.status, done.result_label, done.certificate_no) == ("completed", "合格", "ZS-2026-001")
        with pytest.raises(UserError, match="不能再登记结业"):
            training.complete(session, clerk, eid, result="passed", today=TODAY)
        # completed: the same course may be taken again
        training.enrol(session, clerk, person_id, course_key=sewing.key, today=TODAY)
        assert session.scalar(select(OutboxEntry.id).where(OutboxEntry.entity == "training_enrolment"))


def test_training_catalog_prefers_synced_stream(store: Store) -> None:
    with store.session() as session:
        session.add(
            RefDataEntry(
                stream="trainings",
                key="P1",
                version=3,
                data={
                    "id": "P1",
                    "title": "茶艺师（平台）",
                    "training_type": "04",
                    "starts_on": "2026-04-01",
                    "sort": 0,
                },
            )
        )
    with store.session() as session:
        courses = training.training_catalog(session)
    assert [(c.key, c.source, c.starts_on) for c in courses] == [("P1", "platform", date(2026, 4, 1))]


def test_entrepreneurship_records_and_returnee_tag(store: Store, staff: dict[str, StaffInfo], person_id: str) -> None:
    clerk = staff["clerk"]
    with store.session() as session:
        with pytest.raises(UserError, match="大于 0"):
            entrepreneurship.record_service(session, clerk, person_id, "loan_referral", today=TODAY)
        with pytest.raises(UserError, match="孵化基地"):
            entrepreneurship.record_service(session, clerk, person_id, "incubator", today=TODAY)
        _rid, warnings = entrepreneurship.record_service(
            session, clerk, person_id, "loan_referral", loan_amount=400_000, returnee=True, today=TODAY
        )
        assert warnings and "额度上限" in warnings[0]
        entrepreneurship.record_service(
            session, clerk, person_id, "guidance", project_name="刺绣工坊", returnee=True, today=TODAY
        )  # a second returnee record: the tag is not added twice
    with store.session() as session:
        tags = session.scalars(select(PersonTag.tag).where(PersonTag.person_id == person_id)).all()
        assert "返乡创业" in tags
        kinds = [r.kind_label for r in entrepreneurship.list_records(session, person_id)]
        assert sorted(kinds) == ["创业担保贷款转介", "开业指导"]


def test_campaign_windows_suggestion_tags_and_events(store: Store, staff: dict[str, StaffInfo], person_id: str) -> None:
    clerk = staff["clerk"]
    with store.session() as session:
        assert [c.name for c in campaigns.active_campaigns(session, date(2026, 2, 10))] == ["就业援助月", "春风行动"]
        assert campaigns.suggested_campaign(session, date(2026, 2, 10)).name == "春风行动"  # type: ignore[union-attr]
        assert campaigns.suggested_campaign(session, date(2026, 10, 10)) is None
        # a platform campaign and a local one
        session.add(
            RefDataEntry(
                stream="campaigns",
                key="11",
                version=1,
                data={
                    "id": "11",
                    "title": "农民工返乡就业服务",
                    "valid_from": "2026-10-01",
                    "valid_until": "2026-10-31",
                },
            )
        )
        session.flush()
        assert campaigns.suggested_campaign(session, date(2026, 10, 10)).source == "platform"  # type: ignore[union-attr]
        with pytest.raises(UserError, match="不能早于开始日期"):
            campaigns.define_campaign(session, clerk, "L1", "金秋招聘月", date(2026, 9, 30), date(2026, 9, 1))
        campaigns.define_campaign(session, clerk, "L1", "金秋招聘月", date(2026, 9, 1), date(2026, 9, 30))
        assert campaigns.suggested_campaign(session, date(2026, 9, 5)).code == "L1"  # type: ignore[union-attr]
    case_id = _case(store, person_id, state="accepted")
    with store.session() as session:
        assert campaigns.tag_case(session, clerk, case_id, "02", today=TODAY) is True
        assert campaigns.tag_case(session, clerk, case_id, "02", today=TODAY) is False
        with pytest.raises(UserError, match="不存在"):
            campaigns.tag_case(session, clerk, case_id, "ZZ", today=TODAY)
        assert campaigns.case_campaigns(session, case_id) == ["02"]
        assert campaigns.case_counts(session) == {"02": 1}
        with pytest.raises(UserError, match="不在“民营企业招聘周”的时段"):
            campaigns.record_event(session, clerk, "03", "招聘会", date(2026, 6, 2))
        campaigns.record_event(
            session, clerk, "03", "民营企业专场招聘会", date(2026, 5, 12), employers=30, postings=420
        )
        assert [e.postings for e in campaigns.list_events(session, 2026)] == [420]
        campaigns.untag_case(session, clerk, case_id, "02")
        assert campaigns.case_campaigns(session, case_id) == []


def test_green_channel_and_day_queue(store: Store, staff: dict[str, StaffInfo], person_id: str) -> None:
    clerk = staff["clerk"]
    with store.session() as session:
        assert green_channel.suggested_reasons(["07", "01"]) == ["残疾人"]
        assert green_channel.suggested_reasons(["脱贫人口", "农民工", "残疾人"]) == ["残疾人", "脱贫人口"]
        plain = appointments.book(session, clerk, day=TODAY, applicant_name="甲", slot="09:00-10:00", today=TODAY)
        first = appointments.book(session, clerk, day=TODAY, applicant_name="乙", slot="08:30-09:00", today=TODAY)
        green = appointments.book(
            session, clerk, day=TODAY, applicant_name="龙某", person_id=person_id, slot="10:00-11:00", today=TODAY
        )
        with pytest.raises(UserError, match="不能早于今天"):
            appointments.book(session, clerk, day=date(2026, 3, 9), applicant_name="丙", today=TODAY)
        green_channel.flag(session, clerk, person_id, "残疾人", today=TODAY)
        with pytest.raises(UserError, match="无需重复"):
            green_channel.flag(session, clerk, person_id, "残疾人", today=TODAY)
        queue = appointments.day_queue(session, TODAY)
        assert [a.id for a in queue] == [green, first, plain]
        assert queue[0].green
        assert appointments.move(session, clerk, first, "arrive") == "arrived"
        with pytest.raises(UserError, match="不能执行"):
            appointments.move(session, clerk, first, "no_show", today=TODAY)
        appointments.move(session, clerk, first, "serve")
        assert [a.id for a in appointments.day_queue(session, TODAY)][-1] == first
        green_channel.end(session, clerk, person_id, today=TODAY)
        assert green_channel.active_flag(session, person_id) is None


def test_layoff_report_rules(store: Store, staff: dict[str, StaffInfo]) -> None:
    clerk = staff["clerk"]
    uscc = synthetic_uscc(RNG)
    with store.session() as session:
        with pytest.raises(UserError, match="帮扶措施"):
            layoffs.record_layoff(session, clerk, employer_name="某矿业公司", affected=30, measures=" ", today=TODAY)
        with pytest.raises(UserError, match="不能少于裁减人数"):
            layoffs.record_layoff(
                session, clerk, employer_name="某矿业公司", affected=30, workforce=20, measures="岗位对接", today=TODAY
            )
        with pytest.raises(UserError, match="统一社会信用代码"):
            layoffs.record_layoff(
                session,
                clerk,
                employer_name="某矿业公司",
                uscc="91350100M000100Y4A",
                affected=30,
                measures="岗位对接",
                today=TODAY,
            )
        _id, warnings = layoffs.record_layoff(
            session,
            clerk,
            employer_name="某矿业公司",
            uscc=uscc,
            affected=35,
            workforce=120,
            measures="专场招聘、职业指导",
            today=TODAY,
        )
        assert warnings == []
        _id, warnings = layoffs.record_layoff(
            session, clerk, employer_name="某小厂", affected=5, workforce=100, measures="政策宣讲", today=TODAY
        )
        assert warnings and "不属于规模性裁员" in warnings[0]
        assert [x.scale for x in layoffs.list_layoffs(session)] == [True, False]
    assert (
        layoffs.is_scale_layoff(20, None) and layoffs.is_scale_layoff(10, 100) and not layoffs.is_scale_layoff(9, 100)
    )


def test_agent_identity_and_authorisation(store: Store, staff: dict[str, StaffInfo], person_id: str) -> None:
    clerk = staff["clerk"]
    case_id = _case(store, person_id, state="accepted")
    with store.session() as session:
        common = {"name": "龙某某", "doc_type": "resident_id", "relation": "relative", "authorisation": "letter"}
        with pytest.raises(UserError, match="代理人证件号码"):
            agents.record_agent(
                session,
                clerk,
                case_id,
                doc_number=AGENT_ID[:-1] + "0" if AGENT_ID[-1] != "0" else AGENT_ID[:-1] + "1",
                **common,
            )
        with pytest.raises(UserError, match="与申请人本人相同"):
            agents.record_agent(session, clerk, case_id, doc_number=ID, **common)
        with pytest.raises(UserError, match="书面委托书"):
            agents.record_agent(
                session,
                clerk,
                case_id,
                name="张某",
                doc_type="resident_id",
                doc_number=AGENT_ID,
                relation="other",
                authorisation="in_person",
            )
        agents.record_agent(session, clerk, case_id, doc_number=AGENT_ID.lower(), **common)
        agents.record_agent(session, clerk, case_id, doc_number=AGENT_ID, **{**common, "relation": "village_official"})
        info = agents.case_agent(session, case_id)
        assert info is not None and info.relation_label == "村（社区）干部"
        assert AGENT_ID not in info.masked_number and info.masked_number.endswith(AGENT_ID[-4:])


def test_satisfaction_once_per_completed_case(store: Store, staff: dict[str, StaffInfo], person_id: str) -> None:
    clerk = staff["clerk"]
    open_case = _case(store, person_id, state="accepted")
    done = [_case(store, person_id) for _ in range(4)]
    with store.session() as session:
        with pytest.raises(UserError, match="已办结"):
            satisfaction.rate(session, clerk, open_case, "satisfied")
        with pytest.raises(UserError, match="请选择"):
            satisfaction.rate(session, clerk, done[0], "great")
        for case_id, rating in zip(done, ["satisfied", "satisfied", "basic", "unsatisfied"], strict=True):
            satisfaction.rate(session, clerk, case_id, rating, "  ")
        with pytest.raises(UserError, match="重复评价"):
            satisfaction.rate(session, clerk, done[0], "basic")
        result = satisfaction.summary(session)
        assert result.total == 4 and result.rate == 0.75
        assert session.scalar(select(OutboxEntry.id).where(OutboxEntry.entity == "satisfaction_rating"))


def test_fraud_flag_reviewer_only(store: Store, staff: dict[str, StaffInfo], person_id: str) -> None:
    case_id = _case(store, person_id)
    with store.session() as session:
        with pytest.raises(PermissionDenied, match="只有审核人员"):
            fraud.flag_fraud(session, staff["clerk"], person_id, "impersonation", "冒领失业保险金三个月，经核查属实。")
        with pytest.raises(UserError, match="至少 10 个字"):
            fraud.flag_fraud(session, staff["reviewer"], person_id, "impersonation", "冒领")
        fid = fraud.flag_fraud(
            session,
            staff["reviewer"],
            person_id,
            "impersonation",
            "冒领失业保险金三个月，经核查属实。",
            fund="失业保险金",
            case_id=case_id,
            today=TODAY,
        )
        with pytest.raises(PermissionDenied):
            fraud.withdraw(session, staff["clerk"], fid, "误判")
        profile = services_profile(session, staff["clerk"].id, person_id)
        assert [f.kind_label for f in profile.fraud_flags] == ["冒领"]
        fraud.withdraw(session, staff["reviewer"], fid, "复核后为误判")
        assert fraud.person_flags(session, person_id)[0].status == "withdrawn"
        entry = session.scalar(select(OutboxEntry).where(OutboxEntry.entity == "fraud_flag"))
        assert entry is not None and entry.payload["reviewer_id"] == staff["reviewer"].id


def test_after_accept_turns_catalog_cases_into_records(
    store: Store, staff: dict[str, StaffInfo], person_id: str
) -> None:
    from app.services_extra.case_hooks import after_accept

    clerk = staff["clerk"]
    with store.session() as session:
        training_case = Case(
            case_no="T-TR",
            item_code="training_enrolment",
            item_version=1,
            subject_kind="person",
            person_id=person_id,
            state="accepted",
            form_data={"training_type": "05", "course_name": "创办你的企业（SYB）", "planned_start": "2026-03-02"},
        )
        ent_case = Case(
            case_no="T-EN",
            item_code="entrepreneurship_service",
            item_version=1,
            subject_kind="person",
            person_id=person_id,
            state="accepted",
            form_data={
                "returnee": True,
                "wants_loan_referral": True,
                "loan_amount": "200000.00",
                "wants_opening_guidance": True,
                "project_name": "茶叶网店",
            },
        )
        session.add_all([training_case, ent_case])
        session.flush()
        first = after_accept(session, clerk, training_case.id, campaign_code="01")
        assert first.tagged and first.enrolment_id
        assert after_accept(session, clerk, training_case.id).enrolment_id is None  # once only
        done = after_accept(session, clerk, ent_case.id)
        assert len(done.entrepreneurship_ids) == 2
        (enrolment,) = training.list_enrolments(session, person_id)
        assert (enrolment.type_label, enrolment.starts_on) == ("创业培训", date(2026, 3, 2))
        records = entrepreneurship.list_records(session, person_id)
        assert sorted(r.kind for r in records) == ["guidance", "loan_referral"]
        assert next(r for r in records if r.kind == "loan_referral").loan_amount == 200_000
