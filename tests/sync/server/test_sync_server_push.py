"""Push: accepted, duplicate, conflict and rejected answers, idempotency under concurrency, commands."""

from __future__ import annotations

import threading
import uuid
from typing import Any

from sqlalchemy import func, select

from sync.protocol import Paths
from sync.server import admin
from sync.server.models import Mutation, Record
from tests.sync.conftest import case_payload, make_item, person_payload


def _count(platform: Any, entity: str) -> int:
    with platform.db.read() as session:
        return int(
            session.execute(select(func.count()).select_from(Record).where(Record.entity == entity)).scalar_one()
        )


def test_new_records_are_accepted_with_version_one(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    person = make_item("person", person_payload())
    case = make_item("case", case_payload(person_id=person["entity_id"]))
    results = api.push([person, case])
    assert [r["status"] for r in results] == ["accepted", "accepted"]
    assert [r["mutation_id"] for r in results] == [person["mutation_id"], case["mutation_id"]]
    assert all(r["server_version"] == 1 for r in results)
    exported = admin.export(platform.db, "case")
    assert exported[0]["id"] == case["entity_id"] and exported[0]["server_version"] == 1


def test_a_resent_mutation_is_a_duplicate_never_a_second_copy(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    item = make_item("person", person_payload())
    first = api.push([item])[0]
    again = api.push([item, item])
    assert first["status"] == "accepted"
    assert [r["status"] for r in again] == ["duplicate", "duplicate"]
    assert all(r["server_version"] == 1 for r in again)
    assert _count(platform, "person") == 1


def test_concurrent_pushes_of_one_item_store_it_exactly_once(platform: Any, device_api: Any) -> None:
    apis = [device_api(platform) for _ in range(2)]
    items = [make_item("person", person_payload()) for _ in range(20)]
    barrier = threading.Barrier(6)
    answers: list[list[dict[str, Any]]] = []
    lock = threading.Lock()

    def send(index: int) -> None:
        barrier.wait()
        results = apis[index % 2].push(items)
        with lock:
            answers.append(results)

    threads = [threading.Thread(target=send, args=(i,)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for position in range(len(items)):
        statuses = sorted(answer[position]["status"] for answer in answers)
        assert statuses == ["accepted"] + ["duplicate"] * 5
        assert {answer[position]["server_version"] for answer in answers} == {1}
    assert _count(platform, "person") == 20
    with platform.db.read() as session:
        assert session.execute(select(func.count()).select_from(Mutation)).scalar_one() == 20


def test_an_edit_on_the_current_version_is_accepted(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    payload = person_payload()
    created = make_item("person", payload)
    api.push([created])
    edit = make_item(
        "person", {**payload, "phone": "19900001234"}, entity_id=created["entity_id"], base_version=1, version=2
    )
    first = api.push([edit])[0]
    assert (first["status"], first["server_version"]) == ("accepted", 2)
    again = api.push([edit])[0]
    assert (again["status"], again["server_version"]) == ("duplicate", 2)
    assert admin.export(platform.db, "person")[0]["phone"] == "19900001234"


def test_a_devices_own_later_edits_never_conflict_with_its_earlier_ones(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    payload = person_payload()
    entity_id = str(uuid.uuid4())
    # Saved three times before any sync: every outbox entry was based on "never synced".
    items = [
        make_item("person", {**payload, "phone": f"1990000000{n}"}, entity_id=entity_id, version=n + 1)
        for n in range(3)
    ]
    assert [r["server_version"] for r in api.push(items)] == [1, 2, 3]
    assert admin.export(platform.db, "person")[0]["phone"] == "19900000002"


def test_a_stale_edit_conflicts_and_names_the_fields_both_sides_changed(platform: Any, device_api: Any) -> None:
    first, second = device_api(platform, name="pc-1"), device_api(platform, name="pc-2")
    payload = person_payload()
    created = make_item("person", payload)
    first.push([created])
    eid = created["entity_id"]
    first.push([make_item("person", {**payload, "phone": "19900000001", "note": "甲"}, entity_id=eid, base_version=1)])
    clash = make_item(
        "person", {**payload, "phone": "19900000002", "name": payload["name"]}, entity_id=eid, base_version=1
    )
    result = second.push([clash])[0]
    assert result["status"] == "conflict"
    assert result["server_version"] == 2
    assert result["server_copy"]["phone"] == "19900000001"
    assert result["conflict_fields"] == ["phone"]
    # Non-overlapping edits still conflict (the base moved) but name no field: the client may rebase.
    apart = make_item("person", {**payload, "residence_address": "新地址"}, entity_id=eid, base_version=1)
    result = second.push([apart])[0]
    assert result["status"] == "conflict" and result["conflict_fields"] == []
    # A conflict is not recorded, so the same mutation id rebased onto version 2 is accepted.
    rebased = {**apart, "base_version": 2, "payload": {**result["server_copy"], "residence_address": "新地址"}}
    assert second.push([rebased])[0]["status"] == "accepted"


def test_invalid_records_are_rejected_with_a_reason_and_the_rest_go_through(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    good = make_item("person", person_payload())
    bad_id = make_item("person", person_payload(doc_number="520102199001011234"))
    unknown = make_item("spaceship", {"name": "x"})
    missing = make_item("case", {"item_code": "job_seeking"})
    results = api.push([bad_id, good, unknown, missing])
    assert [r["status"] for r in results] == ["rejected", "accepted", "rejected", "rejected"]
    assert results[0]["code"] == "invalid_field" and "证件号码" in results[0]["reason"]
    assert results[2]["code"] == "unknown_entity"
    assert results[3]["code"] == "invalid_payload" and "case_no" in results[3]["reason"]
    # Rejections are not remembered: the same item is judged again and answered the same way.
    assert api.push([bad_id])[0]["status"] == "rejected"


def test_business_keys_are_unique_among_a_stations_live_records(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    payload = person_payload()
    first = make_item("person", payload)
    twin = make_item("person", {**payload, "name": "另一人"})
    results = api.push([first, twin])
    assert [r["status"] for r in results] == ["accepted", "rejected"]
    assert results[1]["code"] == "duplicate_key"
    # Tombstoning the first releases the number.
    tomb = make_item("person", {**payload, "deleted": True}, entity_id=first["entity_id"], op="delete", base_version=1)
    assert api.push([tomb])[0]["status"] == "accepted"
    retry = {**twin, "mutation_id": str(uuid.uuid4())}
    assert api.push([retry])[0]["status"] == "accepted"


def test_case_commands_are_validated_against_the_platform_state(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    case = make_item("case", case_payload(state="draft"))
    api.push([case])
    cid = case["entity_id"]
    accept = make_item(
        "case",
        {"action": "accept", "fields": {"accepted_on": "2025-03-03"}},
        entity_id=cid,
        op="command",
        base_version=1,
    )
    result = api.push([accept])[0]
    assert result["status"] == "accepted" and result["server_version"] == 2
    assert result["server_copy"]["state"] == "accepted" and result["server_copy"]["accepted_on"] == "2025-03-03"
    approve = make_item("case", {"action": "approve"}, entity_id=cid, op="command", base_version=2)
    refused = api.push([approve])[0]
    assert refused["status"] == "rejected" and refused["code"] == "invalid_transition"
    assert "已受理" in refused["reason"]
    no_reason = make_item("case", {"action": "reject"}, entity_id=cid, op="command")
    assert api.push([no_reason])[0]["code"] == "invalid_payload"
    ghost = make_item("case", {"action": "accept"}, entity_id=str(uuid.uuid4()), op="command")
    assert api.push([ghost])[0]["code"] == "unknown_record"


def test_case_state_edits_must_follow_the_flow(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    payload = case_payload(state="accepted")
    created = make_item("case", payload)
    api.push([created])
    eid = created["entity_id"]
    skip = make_item("case", {**payload, "state": "cancelled"}, entity_id=eid, base_version=1)
    assert api.push([skip])[0]["code"] == "invalid_transition"
    done = make_item("case", {**payload, "state": "completed"}, entity_id=eid, base_version=1)
    assert api.push([done])[0]["status"] == "accepted"
    online = make_item("case", case_payload(state="received_online"))
    assert api.push([online])[0]["code"] == "invalid_transition"


def test_a_county_decision_flows_back_through_the_feed(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    payload = case_payload(state="in_review")
    created = make_item("case", payload)
    api.push([created])
    cursor = api.changes()["next_cursor"]
    decided = admin.case_command(platform.db, created["entity_id"], "approve", note="县级审核通过")
    assert decided["state"] == "completed"
    page = api.changes(cursor)
    by_entity = {item["entity"]: item for item in page["items"]}
    assert by_entity["case"]["payload"]["state"] == "completed"
    assert by_entity["case"]["origin"] == "platform" and by_entity["case"]["server_version"] == 2
    assert by_entity["case_event"]["payload"]["action"] == "approve"
    # The device's stale edit of the decided case now conflicts on the state.
    stale = make_item("case", {**payload, "form_data": {"cause": "02"}}, entity_id=created["entity_id"], base_version=1)
    result = api.push([stale])[0]
    assert result["status"] == "conflict" and result["server_copy"]["state"] == "completed"


def test_whole_request_errors_apply_nothing(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    too_many = [make_item("person", person_payload()) for _ in range(501)]
    answer = api.post(Paths.PUSH, {"items": too_many})
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "body_too_large"
    malformed = api.post(Paths.PUSH, {"items": [{"mutation_id": "x"}]})
    assert malformed.status_code == 422
    assert malformed.json()["error"]["details"]["errors"]
    assert _count(platform, "person") == 0


def test_values_that_do_not_store_alike_everywhere_are_refused(platform: Any, device_api: Any) -> None:
    # json.dumps writes NaN/Infinity (not JSON, but Python and pydantic read them); PostgreSQL cannot
    # keep them, integers beyond 64 bits or NUL characters either: the item is refused, the rest stored.
    api = device_api(platform)
    odd = [
        make_item("person", person_payload(note=float("nan"))),
        make_item("person", person_payload(note=float("inf"))),
        make_item("person", person_payload(note=2**70)),
        make_item("person", person_payload(note="a\x00b")),
    ]
    good = make_item("person", person_payload())
    results = api.push([*odd, good])
    assert [r["status"] for r in results] == ["rejected"] * 4 + ["accepted"]
    assert all(r["code"] == "invalid_payload" for r in results[:4])
    assert _count(platform, "person") == 1
