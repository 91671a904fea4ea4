"""Employers, postings, their verification, intentions, skills and referrals made offline reach a second workstation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select

from app.auth import create_staff
from app.calendar import default_calendar
from app.catalog import load_bundled_catalog
from app.employers import add_posting, register_employer
from app.matching import IntentionInput, add_skill, job_seeker_view, record_referral, save_intention
from app.persons import PersonInput, create_person
from app.store import Store
from app.store.models import OutboxEntry
from app.store.models_employment import SYNCED
from sync.server.harness import PlatformHarness
from tests.app.employers.test_employer_service import employer_form, posting_form
from tests.sync.client.conftest import local_records, platform_records


def test_sync_client_employment_records_round_trip(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    one, two = enrolled("pc1"), enrolled("pc2")
    catalog, calendar, day = load_bundled_catalog(), default_calendar(), date.today()
    with one.session() as session:
        clerk = create_staff(session, "clerk9", "同步经办", "clerk", "sync-pass-123")
        employer_id = register_employer(session, clerk, employer_form(), catalog=catalog, calendar=calendar, today=day)
        posting_id = add_posting(
            session, clerk, employer_id, posting_form(), catalog=catalog, calendar=calendar, today=day
        )
        person_id, _ = create_person(
            session, None, PersonInput("同步求职者", "resident_id", "360426199101010071", division_code="520102001")
        )
        save_intention(session, clerk, person_id, IntentionInput(occupations=("5",), wage_min=3000))
        add_skill(session, clerk, person_id, "茶叶加工")
        record_referral(session, clerk, person_id, posting_id, catalog=catalog, today=day)
        pending = set(session.scalars(select(OutboxEntry.entity).where(OutboxEntry.state == "pending")))
    assert {m.__entity__ for m in SYNCED} <= pending
    report = sync_round(one)
    assert report.ok, report.error
    assert (report.pending, report.quarantined) == (0, 0)
    report = sync_round(two)
    assert report.ok, report.error
    with two.session() as session:
        for model in SYNCED:
            assert session.scalar(select(func.count()).select_from(model)) == (
                2 if model.__tablename__ == "employer_verification" else 1
            ), model
        view = job_seeker_view(session, None, person_id, today=day)
        assert [m.candidate.ref for m in view.matches] == [posting_id]
        [referral] = view.referrals
        assert referral.follow_up_due == day + timedelta(days=7)

    # Staff password hashes stay on their workstation; everything else is the same everywhere.
    def records(found: dict[tuple[str, str], dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
        return {key: value for key, value in found.items() if key[0] != "staff"}

    assert records(local_records(one)) == records(local_records(two)) == records(platform_records(platform))
