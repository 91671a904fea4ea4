"""The change feed: ordering, paging, compaction, tombstones, concurrent writers, resets, online cases."""

from __future__ import annotations

import threading
import uuid
from typing import Any

import requests

from sync.protocol import APP_KEY_HEADER, RESET_HEADER, Paths
from sync.server import admin
from tests.sync.conftest import STATION_A, DeviceApi, make_item, person_payload


def _seqs(items: list[dict[str, Any]]) -> list[int]:
    return [item["seq"] for item in items]


def test_pages_are_strictly_increasing_and_resume_from_the_cursor(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    pushed = [make_item("person", person_payload()) for _ in range(25)]
    api.push(pushed)
    first = api.changes(0, 10)
    assert len(first["items"]) == 10 and first["has_more"] is True
    assert first["next_cursor"] == first["items"][-1]["seq"]
    everything = api.pull_all(0, 10)
    seqs = _seqs(everything)
    assert seqs == sorted(set(seqs)) and len(seqs) == 25
    assert {item["entity_id"] for item in everything} == {item["entity_id"] for item in pushed}
    drained = api.changes(seqs[-1])
    assert drained == {**drained, "items": [], "has_more": False, "next_cursor": seqs[-1]}
    # Re-reading from an earlier cursor is safe and gives the same records.
    assert _seqs(api.pull_all(seqs[9], 7)) == seqs[10:]


def test_the_feed_is_compacted_and_keeps_tombstones(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    payload = person_payload()
    created = make_item("person", payload)
    api.push([created])
    eid = created["entity_id"]
    api.push([make_item("person", {**payload, "phone": "19900000001"}, entity_id=eid, base_version=1)])
    api.push([make_item("person", {**payload, "deleted": True}, entity_id=eid, op="delete", base_version=2)])
    items = api.pull_all()
    assert len(items) == 1
    only = items[0]
    assert only["deleted"] is True and only["server_version"] == 3 and only["payload"]["phone"] is None
    assert only["origin"] == "device" and only["origin_device_id"] == api.device_id


def test_cursor_and_limit_are_validated(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    for params in ({"cursor": -1}, {"limit": 0}, {"limit": 1001}, {"cursor": "abc"}):
        answer = api.get(Paths.CHANGES, params=params)
        assert answer.status_code == 422, params
        assert answer.json()["error"]["code"] == "invalid_request"


def test_concurrent_writers_never_make_a_reader_skip(platform: Any, device_api: Any) -> None:
    writers = [device_api(platform, name=f"pc-{i}") for i in range(4)]
    reader = device_api(platform, name="reader")
    expected: set[str] = set()
    lock = threading.Lock()
    done = threading.Event()

    def write(api: DeviceApi) -> None:
        for _ in range(8):
            batch = [make_item("person", person_payload()) for _ in range(5)]
            api.push(batch)
            with lock:
                expected.update(item["entity_id"] for item in batch)

    seen: dict[str, int] = {}
    last_seq = 0

    def read() -> None:
        nonlocal last_seq
        cursor = 0
        while True:
            finished = done.is_set()
            page = reader.changes(cursor, 7)
            for item in page["items"]:
                assert item["seq"] > last_seq
                last_seq = item["seq"]
                seen[item["entity_id"]] = item["seq"]
            cursor = page["next_cursor"]
            if finished and not page["has_more"]:
                return

    threads = [threading.Thread(target=write, args=(api,)) for api in writers]
    reading = threading.Thread(target=read)
    reading.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    reading.join(60)
    assert set(seen) == expected and len(expected) == 160


def test_a_reset_order_is_flagged_until_acknowledged(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    assert api.changes()["reset_required"] is False
    assert admin.order_reset(platform.db, STATION_A) == 1
    later = device_api(platform)  # enrolled after the order: not affected
    answer = api.get(Paths.CHANGES)
    assert answer.headers[RESET_HEADER] == "1" and answer.json()["reset_required"] is True
    push = api.post(Paths.PUSH, {"items": [make_item("person", person_payload())]})
    assert push.json()["reset_required"] is True
    assert RESET_HEADER not in later.get(Paths.CHANGES).headers
    ack = api.post(Paths.RESET_ACK)
    assert ack.status_code == 200 and ack.json()["reset_required"] is False
    assert RESET_HEADER not in api.get(Paths.CHANGES).headers


def test_online_applications_arrive_as_received_online_cases(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    key = platform.app_key()
    known = person_payload()
    api.push([make_item("person", known)])
    cursor = api.changes()["next_cursor"]
    application = {
        "application_id": f"app-{uuid.uuid4()}",
        "station_code": STATION_A,
        "item_code": "job_seeking",
        "applicant": {"name": known["name"], "doc_number": known["doc_number"], "phone": "19900000009"},
        "form_data": {"intention": "会计"},
    }
    url = platform.url + Paths.ONLINE_APPLICATIONS
    assert requests.post(url, json=application, timeout=10).status_code == 401
    first = requests.post(url, json=application, headers={APP_KEY_HEADER: key}, timeout=10)
    assert first.status_code == 201
    again = requests.post(url, json=application, headers={APP_KEY_HEADER: key}, timeout=10)
    assert again.status_code == 200 and again.json()["status"] == "duplicate"
    assert again.json()["case_id"] == first.json()["case_id"]
    page = api.changes(cursor)
    cases = [item for item in page["items"] if item["entity"] == "case"]
    assert len(cases) == 1
    case = cases[0]
    assert case["origin"] == "online" and case["payload"]["state"] == "received_online"
    assert case["payload"]["channel"] == "online" and case["payload"]["form_data"] == {"intention": "会计"}
    # The station already knew this person: the case points at the existing record, no new person.
    assert [item for item in page["items"] if item["entity"] == "person"] == []
    # The counter accepts it with a command; the online channel's copy follows.
    accept = make_item(
        "case",
        {"action": "accept", "expected_state": "received_online"},
        entity_id=case["entity_id"],
        op="command",
        base_version=1,
    )
    assert api.push([accept])[0]["status"] == "accepted"
    assert admin.export(platform.db, "case", STATION_A)[0]["state"] == "accepted"


def test_online_applications_are_validated(platform: Any) -> None:
    headers = {APP_KEY_HEADER: platform.app_key()}
    url = platform.url + Paths.ONLINE_APPLICATIONS
    base = {
        "application_id": "app-1",
        "station_code": STATION_A,
        "item_code": "job_seeking",
        "applicant": {"name": "甲", "doc_number": "520102199001011234"},
    }
    bad_id = requests.post(url, json=base, headers=headers, timeout=10)
    assert bad_id.status_code == 422 and "证件号码" in bad_id.json()["error"]["message"]
    good = person_payload()
    nowhere = {**base, "station_code": "529999999", "applicant": {"name": "甲", "doc_number": good["doc_number"]}}
    assert requests.post(url, json=nowhere, headers=headers, timeout=10).status_code == 422
    new_person = {**base, "application_id": "app-2", "applicant": {"name": "乙", "doc_number": good["doc_number"]}}
    created = requests.post(url, json=new_person, headers=headers, timeout=10)
    assert created.status_code == 201
    persons = admin.export(platform.db, "person", STATION_A)
    assert [p["id"] for p in persons] == [created.json()["person_id"]]
