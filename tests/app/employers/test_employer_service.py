"""Registering employers and postings, the 3-working-day verification and the commitment marking."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from app.auth import StaffInfo
from app.auth.roles import PermissionDenied
from app.calendar import WorkingCalendar
from app.catalog import Catalog
from app.employers import (
    DuplicateEmployer,
    add_posting,
    employer_guides,
    get_employer,
    list_employers,
    record_investigation,
    register_employer,
    verification_list,
    verify,
)
from app.errors import UserError, ValidationFailed
from app.store import Store
from app.store.models import Case, Employer, JobPosting, OutboxEntry

USCC = "91110108551385082Q"


def employer_form(**changes: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "employer_name": "贵阳某茶业有限公司",
        "is_startup": False,
        "uscc": USCC,
        "employer_kind": "01",
        "industry": "A",
        "key_industries": ["1001"],
        "division": "520102",
        "address": "贵阳市南明区某路1号（测试）",
        "legal_rep_name": "测试负责人",
        "legal_rep_id": {"doc_type": "resident_id", "number": "11010519491231002X"},
        "contact_name": "测试联系人",
        "contact_phone": "13800000000",
    }
    form.update(changes)
    return form


def posting_form(**changes: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "employer_name": "贵阳某茶业有限公司",
        "is_startup": False,
        "uscc": USCC,
        "contact_name": "测试联系人",
        "contact_phone": "13800000000",
        "post_name": "采茶工",
        "occupation": "5",
        "headcount": 15,
        "requirements": "身体健康，能吃苦",
        "wage_min": "2800",
        "wage_max": "3600",
        "employment_type": "季节性用工",
        "work_division": "520102",
        "work_address": "南明区茶园（测试）",
        "key_industry": "1001",
        "valid_until": (date.today() + timedelta(days=90)).isoformat(),
    }
    form.update(changes)
    return form


def test_register_employer_opens_a_verification_due_in_three_working_days(
    store: Store, staff: dict[str, StaffInfo], catalog: Catalog, calendar: WorkingCalendar, monday: date
) -> None:
    with store.session() as session:
        employer_id = register_employer(
            session, staff["clerk"], employer_form(), catalog=catalog, calendar=calendar, today=monday
        )
    with store.session() as session:
        employer = session.get(Employer, employer_id)
        assert employer is not None and employer.uscc == USCC and employer.key_industry == "1001"
        assert employer.on_commitment is False
        case = session.scalar(select(Case).where(Case.employer_id == employer_id))
        assert case is not None and case.item_code == "employer_registration"
        assert case.state == "accepted" and case.due_on == date(2026, 3, 5)
        pending = verification_list(session, monday, calendar)
        assert [(v.kind, v.due_on, v.status, v.days_left) for v in pending] == [
            ("employer", date(2026, 3, 5), "pending", 3)
        ]
        # After Thursday it is overdue, and only in the overdue list.
        assert [v.status for v in verification_list(session, date(2026, 3, 6), calendar, status="overdue")] == [
            "overdue"
        ]
        assert verification_list(session, date(2026, 3, 6), calendar, status="pending") == []
        rows = list_employers(session, "茶业", today=monday)
        assert [(r.name, r.status) for r in rows] == [("贵阳某茶业有限公司", "pending")]
        assert [r.id for r in list_employers(session, "911101", today=monday)] == [employer_id]
        entities = set(session.scalars(select(OutboxEntry.entity)))
        assert {"employer", "employer_verification", "case"} <= entities


def test_bad_uscc_and_duplicates_are_refused(
    store: Store, staff: dict[str, StaffInfo], catalog: Catalog, calendar: WorkingCalendar, monday: date
) -> None:
    with store.session() as session, pytest.raises(ValidationFailed) as error:
        register_employer(
            session,
            staff["clerk"],
            employer_form(uscc="91350100M000100Y4A"),
            catalog=catalog,
            calendar=calendar,
            today=monday,
        )
    assert "uscc" in error.value.errors
    with store.session() as session:
        register_employer(session, staff["clerk"], employer_form(), catalog=catalog, calendar=calendar, today=monday)
    with store.session() as session, pytest.raises(DuplicateEmployer):
        register_employer(
            session,
            staff["clerk"],
            employer_form(employer_name="另一家"),
            catalog=catalog,
            calendar=calendar,
            today=monday,
        )


def test_startup_on_commitment_marks_postings_and_needs_an_investigation(
    store: Store, staff: dict[str, StaffInfo], catalog: Catalog, calendar: WorkingCalendar, monday: date
) -> None:
    form = employer_form(employer_name="某农民专业合作社", is_startup=True, uscc=None, employer_kind="07")
    form.pop("uscc")
    with store.session() as session:
        employer_id = register_employer(session, staff["clerk"], form, catalog=catalog, calendar=calendar, today=monday)
        posting_id = add_posting(
            session,
            staff["clerk"],
            employer_id,
            posting_form(employer_name="某农民专业合作社", is_startup=True, uscc=None),
            work_time="full",
            catalog=catalog,
            calendar=calendar,
            today=monday,
        )
    with store.session() as session:
        detail = get_employer(session, staff["clerk"], employer_id, calendar, today=monday)
        assert detail.on_commitment
        [posting] = detail.postings
        assert posting.id == posting_id and posting.marking == "书面承诺受理" and posting.on_commitment
        assert posting.salary_min == 2800 and posting.salary_max == 3600 and posting.headcount == 15
        assert posting.work_time == "full" and posting.verification == "pending"
        case = session.scalar(
            select(Case).where(Case.employer_id == employer_id, Case.item_code == "recruitment_registration")
        )
        assert case is not None and case.on_commitment and case.state == "accepted"
        checks = verification_list(session, monday, calendar)
        assert {(c.kind, c.on_commitment) for c in checks} == {("employer", True), ("posting", True)}
        employer_check = next(c for c in checks if c.kind == "employer")
    # A commitment case cannot be concluded before the staff investigation is recorded.
    with store.session() as session, pytest.raises(UserError, match="调查"):
        verify(
            session,
            staff["reviewer"],
            employer_check.id,
            licence_ok=True,
            person_ok=True,
            posting_ok=True,
            catalog=catalog,
            calendar=calendar,
            today=monday,
        )
    with store.session() as session:
        record_investigation(
            session, staff["clerk"], employer_check.id, monday, "实地查看合作社茶园，负责人身份属实。", today=monday
        )
    # A clerk may record the investigation, only a reviewer concludes.
    with store.session() as session, pytest.raises(PermissionDenied):
        verify(
            session,
            staff["clerk"],
            employer_check.id,
            licence_ok=True,
            person_ok=True,
            posting_ok=True,
            catalog=catalog,
            calendar=calendar,
            today=monday,
        )
    with store.session() as session:
        done = verify(
            session,
            staff["reviewer"],
            employer_check.id,
            licence_ok=True,
            person_ok=True,
            posting_ok=True,
            catalog=catalog,
            calendar=calendar,
            today=monday + timedelta(days=1),
        )
        assert done.status == "verified"
    with store.session() as session:
        employer = session.get(Employer, employer_id)
        assert employer is not None and employer.verified_on == monday + timedelta(days=1)
        case = session.scalar(
            select(Case).where(Case.employer_id == employer_id, Case.item_code == "employer_registration")
        )
        assert case is not None and case.state == "completed"
        assert [c.kind for c in verification_list(session, monday, calendar)] == ["posting"]


def test_failed_posting_check_needs_a_reason_and_stops_the_posting(
    store: Store, staff: dict[str, StaffInfo], catalog: Catalog, calendar: WorkingCalendar, monday: date
) -> None:
    with store.session() as session:
        employer_id = register_employer(
            session, staff["clerk"], employer_form(), catalog=catalog, calendar=calendar, today=monday
        )
        posting_id = add_posting(
            session,
            staff["clerk"],
            employer_id,
            posting_form(),
            work_time="part",
            catalog=catalog,
            calendar=calendar,
            today=monday,
        )
        check = next(c for c in verification_list(session, monday, calendar) if c.kind == "posting")
    with store.session() as session, pytest.raises(UserError, match="原因"):
        verify(
            session,
            staff["reviewer"],
            check.id,
            licence_ok=True,
            person_ok=True,
            posting_ok=False,
            catalog=catalog,
            calendar=calendar,
            today=monday,
        )
    with store.session() as session:
        result = verify(
            session,
            staff["reviewer"],
            check.id,
            licence_ok=True,
            person_ok=True,
            posting_ok=False,
            note="工资待遇与实际不符",
            catalog=catalog,
            calendar=calendar,
            today=monday,
        )
        assert result.status == "rejected"
    with store.session() as session:
        posting = session.get(JobPosting, posting_id)
        assert posting is not None and posting.status == "closed" and posting.on_commitment is False


def test_wage_guides_and_contract_templates_fall_back_to_the_bundled_ones(store: Store) -> None:
    from app.store.sync_models import RefDataEntry

    with store.session() as session:
        bundled = employer_guides(session, "contract_template")
        assert bundled and all(g.source == "bundled" for g in bundled)
        assert any("劳动合同" in g.title for g in bundled)
        session.add(
            RefDataEntry(
                stream="policies",
                key="wg1",
                version=1,
                data={"id": "wg1", "title": "2026年某市工资指导价位", "body": "…", "category": "工资指导价位"},
            )
        )
    with store.session() as session:
        guides = employer_guides(session, "wage_guide")
        assert [(g.title, g.source) for g in guides] == [("2026年某市工资指导价位", "platform")]
        assert all(g.source == "bundled" for g in employer_guides(session, "contract_template"))


def test_a_posting_without_its_case_can_be_edited_and_stopped(
    store: Store, staff: dict[str, StaffInfo], catalog: Catalog, calendar: WorkingCalendar, monday: date
) -> None:
    from app.employers import posting_form as stored_form
    from app.employers import set_posting_status, update_posting

    with store.session() as session:
        employer_id = register_employer(
            session, staff["clerk"], employer_form(), catalog=catalog, calendar=calendar, today=monday
        )
        old = JobPosting(employer_id=employer_id, title="老岗位", occupation_code="6", headcount=2, status="open")
        session.add(old)
        session.flush()
        old_id = old.id
    with store.session() as session:
        values, work_time = stored_form(session, old_id)
        assert values["employer_name"] == "贵阳某茶业有限公司" and work_time == "full"
        values.update(posting_form(post_name="老岗位（更新）"))
        update_posting(session, staff["clerk"], old_id, values, work_time="part", catalog=catalog)
    with store.session() as session:
        assert stored_form(session, old_id)[1] == "part"
        assert [r.open_postings for r in list_employers(session, today=monday)] == [1]
        set_posting_status(session, staff["clerk"], old_id, "filled")
    with store.session() as session:
        posting = session.get(JobPosting, old_id)
        assert posting is not None and posting.title == "老岗位（更新）" and posting.status == "filled"
        assert [r.open_postings for r in list_employers(session, today=monday)] == [0]
        with pytest.raises(UserError):
            set_posting_status(session, staff["clerk"], old_id, "gone")
