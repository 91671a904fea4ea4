"""The core push/pull guarantees again, on a real PostgreSQL (the province's database)."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import func, select

from sync.protocol import APP_KEY_HEADER, Paths
from sync.server import admin
from sync.server.models import Record
from tests.sync.conftest import STATION_A, DeviceApi, case_payload, make_item, person_payload


def test_postgres_is_really_used(pg_platform: Any) -> None:
    assert pg_platform.db.engine.dialect.name == "postgresql"


def test_push_answers_on_postgres(pg_platform: Any, device_api: Any) -> None:
    first, second = device_api(pg_platform, name="pc-1"), device_api(pg_platform, name="pc-2")
    payload = person_payload()
    created = make_item("person", payload)
    bad = make_item("person", person_payload(doc_number="520102199001011234"))
    twin = make_item("person", {**payload, "name": "另一人"})
    results = first.push([created, created, bad, twin])
    assert [r["status"] for r in results] == ["accepted", "duplicate", "rejected", "rejected"]
    assert [r["code"] for r in results[2:]] == ["invalid_field", "duplicate_key"]
    eid = created["entity_id"]
    first.push([make_item("person", {**payload, "phone": "19900000001"}, entity_id=eid, base_version=1)])
    clash = second.push([make_item("person", {**payload, "phone": "19900000002"}, entity_id=eid, base_version=1)])[0]
    assert clash["status"] == "conflict" and clash["conflict_fields"] == ["phone"] and clash["server_version"] == 2


def test_concurrent_duplicate_pushes_store_once_on_postgres(pg_platform: Any, device_api: Any) -> None:
    apis = [device_api(pg_platform, name=f"pc-{i}") for i in range(3)]
    items = [make_item("person", person_payload()) for _ in range(30)]
    barrier = threading.Barrier(6)
    answers: list[list[dict[str, Any]]] = []
    lock = threading.Lock()

    def send(index: int) -> None:
        barrier.wait()
        results = apis[index % 3].push(items)
        with lock:
            answers.append(results)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for position in range(len(items)):
        assert sorted(a[position]["status"] for a in answers) == ["accepted"] + ["duplicate"] * 5
    with pg_platform.db.read() as session:
        assert session.execute(select(func.count()).select_from(Record)).scalar_one() == 30


def test_readers_never_skip_late_commits_on_postgres(pg_platform: Any, device_api: Any) -> None:
    writers = [device_api(pg_platform, name=f"pc-{i}") for i in range(6)]
    reader = device_api(pg_platform, name="reader")
    expected: set[str] = set()
    lock = threading.Lock()
    done = threading.Event()
    seen: set[str] = set()
    problems: list[str] = []

    def write(api: DeviceApi) -> None:
        for _ in range(10):
            batch = [make_item("person", person_payload()) for _ in range(4)]
            api.push(batch)
            with lock:
                expected.update(item["entity_id"] for item in batch)

    def read() -> None:
        cursor, last = 0, 0
        while True:
            finished = done.is_set()
            page = reader.changes(cursor, 5)
            for item in page["items"]:
                if item["seq"] <= last:
                    problems.append(f"seq {item['seq']} after {last}")
                last = item["seq"]
                seen.add(item["entity_id"])
            cursor = page["next_cursor"]
            if finished and not page["has_more"]:
                return

    reading = threading.Thread(target=read)
    threads = [threading.Thread(target=write, args=(api,)) for api in writers]
    reading.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    reading.join(60)
    assert problems == []
    assert seen == expected and len(expected) == 240


def test_commands_online_cases_and_reset_on_postgres(pg_platform: Any, device_api: Any) -> None:
    import requests

    api = device_api(pg_platform)
    case = make_item("case", case_payload(state="in_review"))
    api.push([case])
    assert admin.case_command(pg_platform.db, case["entity_id"], "approve")["state"] == "completed"
    key = pg_platform.app_key()
    application = {
        "application_id": "app-pg-1",
        "station_code": STATION_A,
        "item_code": "job_seeking",
        "applicant": {"name": "乙", "doc_number": person_payload()["doc_number"]},
    }
    url = pg_platform.url + Paths.ONLINE_APPLICATIONS
    assert requests.post(url, json=application, headers={APP_KEY_HEADER: key}, timeout=10).status_code == 201
    assert requests.post(url, json=application, headers={APP_KEY_HEADER: key}, timeout=10).status_code == 200
    states = sorted(i["payload"]["state"] for i in api.pull_all() if i["entity"] == "case")
    assert states == ["completed", "received_online"]
    admin.order_reset(pg_platform.db, STATION_A)
    assert api.changes()["reset_required"] is True
    assert api.post(Paths.RESET_ACK).json()["reset_required"] is False
