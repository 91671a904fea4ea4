"""The employment tables travel: each is a protocol entity, and real outbox payloads pass the platform's check."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.auth import StaffInfo
from app.calendar import WorkingCalendar
from app.catalog import Catalog
from app.employers import add_posting, register_employer
from app.matching import IntentionInput, add_skill, record_referral, save_intention
from app.persons import PersonInput, create_person
from app.store import Store
from app.store.models import OutboxEntry
from app.store.models_employment import SYNCED
from sync.protocol import ENTITIES
from sync.server.entity_rules import REQUIRED, check_record
from tests.app.employers.test_employer_service import employer_form, posting_form


def test_every_employment_table_is_a_protocol_entity() -> None:
    for model in SYNCED:
        assert model.__entity__ in ENTITIES
        assert model.__entity__ in REQUIRED


def test_outbox_payloads_pass_the_platform_check(
    store: Store, staff: dict[str, StaffInfo], catalog: Catalog, calendar: WorkingCalendar
) -> None:
    day = date.today()
    with store.session() as session:
        employer_id = register_employer(
            session, staff["clerk"], employer_form(), catalog=catalog, calendar=calendar, today=day
        )
        posting_id = add_posting(
            session, staff["clerk"], employer_id, posting_form(), catalog=catalog, calendar=calendar, today=day
        )
        person_id, _ = create_person(
            session,
            staff["clerk"].id,
            PersonInput(
                name="同步测试", doc_type="resident_id", doc_number="360426199101010071", division_code="520102001"
            ),
        )
        save_intention(session, staff["clerk"], person_id, IntentionInput(occupations=("5",)))
        add_skill(session, staff["clerk"], person_id, "电焊")
        record_referral(session, staff["clerk"], person_id, posting_id, catalog=catalog, today=day)
    wanted = {model.__entity__ for model in SYNCED}
    with store.session() as session:
        rows = [r for r in session.scalars(select(OutboxEntry)) if r.entity in wanted]
    assert {r.entity for r in rows} == wanted
    for row in rows:
        assert check_record(row.entity, row.payload, deleted=False) is None, row.entity
