"""The 就业援助 tables travel: each is a protocol entity, and real outbox payloads pass the platform's check."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from app.auth import StaffInfo
from app.services.assistance import add_step, place, recognize
from app.services.assistance_model import PlacementInput, RecognitionInput
from app.store import Store
from app.store.models import OutboxEntry
from app.store.models_assistance import SYNCED
from sync.protocol import ENTITIES
from sync.server.entity_rules import REQUIRED, check_record
from tests.app.services.flow_helpers import MONDAY, register


def test_every_assistance_table_is_a_protocol_entity() -> None:
    for model in SYNCED:
        assert model.__entity__ in ENTITIES and model.__entity__ in REQUIRED


def test_outbox_payloads_pass_the_platform_check(
    store: Store, catalog: Any, calendar: Any, staff: dict[str, StaffInfo]
) -> None:
    clerk = staff["clerk"]
    pid, _, _ = register(store, catalog, calendar, clerk, on_commitment=False)
    with store.session() as session:
        recognize(
            session,
            staff["reviewer"],
            pid,
            RecognitionInput(("02",), "info_check", "经残联核查属实"),
            catalog=catalog,
            today=MONDAY,
        )
        add_step(session, clerk, pid, content="推荐岗位", owner="经办", due_on=date(2026, 3, 20), today=MONDAY)
        place(
            session,
            clerk,
            pid,
            PlacementInput("保洁", "街道（演示）", date(2026, 4, 1), date(2026, 12, 31)),
            catalog=catalog,
            today=MONDAY,
        )
    wanted = {model.__entity__ for model in SYNCED}
    with store.session() as session:
        rows = [r for r in session.scalars(select(OutboxEntry)) if r.entity in wanted]
        cases = [r for r in session.scalars(select(OutboxEntry)) if r.entity in {"case", "case_event", "follow_up"}]
    assert {r.entity for r in rows} == wanted
    for row in rows + cases:
        assert check_record(row.entity, row.payload, deleted=False) is None, row.entity
