"""Training / campaign reference data, online appointments and the new service records travel both ways."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select

from app.auth import create_staff
from app.clock import today
from app.services_extra import appointments, campaigns, fraud, green_channel, satisfaction, training
from app.store import Store
from app.store.models import Case, Person
from sync.server import refdata_service
from sync.server.appointment_service import book_online
from sync.server.harness import PlatformHarness
from sync.server.models import Record
from tests.sync.client.conftest import add_persons
from tests.sync.conftest import STATION_A


def test_sync_client_services_extra_round_trip(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    store = enrolled()
    (person_id,) = add_persons(store, 1, seed=77)
    with store.session() as session:
        reviewer = create_staff(session, "rev1", "审核员", "reviewer", "test-pass-123")
        doc_number = session.get(Person, person_id).doc_number  # type: ignore[union-attr]
        case = Case(
            case_no="T-1",
            item_code="follow_up_visit",
            item_version=1,
            subject_kind="person",
            person_id=person_id,
            state="completed",
            form_data={},
        )
        session.add(case)
        session.flush()
        green_channel.flag(session, reviewer, person_id, "残疾人")
        satisfaction.rate(session, reviewer, case.id, "basic", "等候时间稍长")
        fraud.flag_fraud(session, reviewer, person_id, "defraud", "虚构灵活就业骗取社保补贴，已核实。")
    refdata_service.publish(
        platform.db, "trainings", [{"id": "TR-1", "title": "茶叶加工（平台）", "training_type": "01"}]
    )
    year = today().year
    refdata_service.publish(
        platform.db,
        "campaigns",
        [{"id": "21", "title": "平台专项", "valid_from": f"{year}-01-01", "valid_until": f"{year}-12-31"}],
    )
    report = sync_round(store)
    assert report.ok, report.error
    # booked online once the platform knows the person: the appointment names them
    book_online(platform.db, STATION_A, applicant_name="网上预约人", day=today(), doc_number=doc_number, slot="09:00")
    assert sync_round(store).ok
    with platform.db.read() as session:
        entities = {r.entity for r in session.scalars(select(Record).where(Record.station_code == STATION_A))}
    assert {"green_channel", "satisfaction_rating", "fraud_flag", "appointment"} <= entities
    with store.session() as session:
        queue = appointments.day_queue(session, today())
        assert [(a.applicant_name, a.channel, a.green) for a in queue] == [("网上预约人", "online", True)]
        assert [c.key for c in training.training_catalog(session)] == ["TR-1"]
        assert any(c.code == "21" for c in campaigns.active_campaigns(session, date(year, 6, 1)))


def test_sync_client_services_extra_appointment_cli(platform: PlatformHarness, capsys: Any) -> None:
    from sync.server.cli import build_parser, run

    parser = build_parser()
    url = str(platform.db.engine.url)
    args = parser.parse_args(
        [
            "appointment",
            "book",
            "--db",
            url,
            "--station",
            STATION_A,
            "--name",
            "李某",
            "--day",
            "2030-01-02",
            "--slot",
            "09:00-10:00",
            "--item",
            "job_seeking",
        ]
    )
    assert run(args, parser) == 0
    assert "已登记网上预约" in capsys.readouterr().out
    with platform.db.read() as session:
        (record,) = session.scalars(select(Record).where(Record.entity == "appointment")).all()
    assert record.origin == "online"
    assert record.payload["day"] == "2030-01-02" and record.payload["channel"] == "online"
    args = parser.parse_args(
        ["appointment", "book", "--db", url, "--station", "999999", "--name", "李某", "--day", "2030-01-02"]
    )
    assert run(args, parser) == 1
    assert "站点" in capsys.readouterr().err
