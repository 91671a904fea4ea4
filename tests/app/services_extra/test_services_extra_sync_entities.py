"""The service-area tables travel: each is a protocol entity, and real outbox payloads pass the platform's check."""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select

from app.auth import StaffInfo
from app.demo_services import seed_services  # the demo seeder exercises every service
from app.persons import PersonInput, create_person
from app.services_extra.campaigns import define_campaign
from app.store import Store
from app.store.models import Case, OutboxEntry
from app.store.models_services import SYNCED
from app.validation import synthetic_resident_id
from sync.protocol import ENTITIES
from sync.server.entity_rules import REQUIRED, check_record


def test_every_service_table_is_a_protocol_entity() -> None:
    for model in SYNCED:
        assert model.__entity__ in ENTITIES
        required = REQUIRED[model.__entity__]
        columns = model.__table__.columns  # type: ignore[attr-defined]
        for name in required:
            assert not columns[name].nullable, (model.__entity__, name)


def test_outbox_payloads_pass_the_platform_check(store: Store, staff: dict[str, StaffInfo]) -> None:
    rng = random.Random(5)
    with store.session() as session:
        people = []
        for n in range(14):
            data = PersonInput(
                name=f"同步{n}",
                doc_type="resident_id",
                doc_number=synthetic_resident_id(rng),
                tags=("残疾人",) if n == 0 else (),
            )
            people.append((create_person(session, staff["clerk"].id, data)[0], data))
        for state in ("accepted", "completed"):
            session.add(
                Case(
                    case_no=f"S-{state}",
                    item_code="follow_up_visit",
                    item_version=1,
                    subject_kind="person",
                    person_id=people[0][0],
                    state=state,
                    form_data={},
                )
            )
        session.flush()
        seed_services(session, list(staff.values()), people, rng)
        define_campaign(session, staff["admin"], "L1", "本站活动", date(2026, 9, 1), date(2026, 9, 30))
    wanted = {model.__entity__ for model in SYNCED}
    with store.session() as session:
        rows = [r for r in session.scalars(select(OutboxEntry)) if r.entity in wanted]
    assert {r.entity for r in rows} == wanted
    for row in rows:
        assert check_record(row.entity, row.payload, deleted=False) is None, row.entity
