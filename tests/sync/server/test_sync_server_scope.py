"""Station scope: a station's credential can never read or write another station's records."""

from __future__ import annotations

import hashlib
from typing import Any

from sync.protocol import Paths
from sync.server import admin
from tests.sync.conftest import STATION_A, STATION_B, case_payload, make_item, person_payload


def _pair(platform: Any, device_api: Any) -> tuple[Any, Any]:
    return device_api(platform, STATION_A), device_api(platform, STATION_B)


def test_the_feed_holds_only_the_stations_own_records(platform: Any, device_api: Any) -> None:
    a, b = _pair(platform, device_api)
    a.push([make_item("person", person_payload()) for _ in range(3)])
    b.push([make_item("person", person_payload(division_code=STATION_B))])
    assert len(a.pull_all()) == 3
    assert len(b.pull_all()) == 1
    # Each station's positions are its own.
    assert [i["seq"] for i in b.pull_all()] == [1]


def test_pushes_cannot_touch_another_stations_records(platform: Any, device_api: Any) -> None:
    a, b = _pair(platform, device_api)
    payload = person_payload()
    created = make_item("person", payload)
    a.push([created])
    eid = created["entity_id"]
    overwrite = make_item("person", {**payload, "name": "篡改"}, entity_id=eid, base_version=1)
    stale = make_item("person", {**payload, "name": "篡改"}, entity_id=eid, base_version=None)
    tomb = make_item("person", {**payload, "deleted": True}, entity_id=eid, op="delete", base_version=1)
    results = b.push([overwrite, stale, tomb])
    assert [r["status"] for r in results] == ["rejected"] * 3
    assert {r["code"] for r in results} == {"out_of_scope"}
    assert all(r["server_copy"] is None for r in results)  # nothing of A's record leaks
    assert admin.export(platform.db, "person")[0]["name"] == payload["name"]


def test_commands_cannot_decide_another_stations_cases(platform: Any, device_api: Any) -> None:
    a, b = _pair(platform, device_api)
    case = make_item("case", case_payload(state="accepted"))
    a.push([case])
    command = make_item("case", {"action": "complete"}, entity_id=case["entity_id"], op="command")
    result = b.push([command])[0]
    assert result["status"] == "rejected" and result["code"] == "out_of_scope"
    assert admin.export(platform.db, "case")[0]["state"] == "accepted"


def test_a_mutation_id_of_another_station_is_not_reported_as_theirs(platform: Any, device_api: Any) -> None:
    a, b = _pair(platform, device_api)
    item = make_item("person", person_payload())
    a.push([item])
    copy = {**item, "entity_id": "someone-else", "payload": {**item["payload"], "id": "someone-else"}}
    result = b.push([copy])[0]
    assert result["status"] == "rejected" and result["code"] == "out_of_scope"
    assert result["server_version"] is None


def test_business_keys_are_per_station(platform: Any, device_api: Any) -> None:
    a, b = _pair(platform, device_api)
    payload = person_payload()
    assert a.push([make_item("person", payload)])[0]["status"] == "accepted"
    # The same person registered where they live as well as where their hukou is: both stations keep a record.
    assert b.push([make_item("person", payload)])[0]["status"] == "accepted"


def test_attachments_are_visible_only_to_the_station_that_uploaded_them(platform: Any, device_api: Any) -> None:
    a, b = _pair(platform, device_api)
    data = b"scan of a dismissal certificate" * 10
    sha = hashlib.sha256(data).hexdigest()
    assert a.put(Paths.attachment_chunk(sha) + "?offset=0", data).status_code == 200
    assert a.post(Paths.attachment_commit(sha), {"size": len(data), "media_type": "image/png"}).status_code == 200
    assert a.get(Paths.attachment(sha)).content == data
    assert b.head(Paths.attachment(sha)).status_code == 404
    assert b.head(Paths.attachment(sha)).headers["Upload-Offset"] == "0"
    assert b.get(Paths.attachment(sha) + "/status").json()["state"] == "absent"
    assert b.get(Paths.attachment(sha)).status_code == 404
    # Committing without sending the bytes proves nothing and gains nothing.
    refused = b.post(Paths.attachment_commit(sha), {"size": len(data)})
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "hash_mismatch"
    assert b.get(Paths.attachment(sha)).status_code == 404
    # B's own partial upload is separate from A's complete one.
    assert b.put(Paths.attachment_chunk(sha) + "?offset=0", data[:10]).json()["received"] == 10
    assert a.get(Paths.attachment(sha) + "/status").json()["state"] == "complete"


def test_look_ups_show_other_stations_only_a_summary(platform: Any, device_api: Any) -> None:
    a, b = _pair(platform, device_api)
    payload = person_payload(phone="19900000007", residence_address="甲镇某村")
    person = make_item("person", payload)
    a.push([person, make_item("case", case_payload(person_id=person["entity_id"]))])
    platform.add_user(STATION_B, "clerk_b", "correct-horse")
    b.login("clerk_b", "correct-horse")
    answer = b.post(Paths.PERSON_LOOKUP, {"doc_number": payload["doc_number"], "purpose": "verify"})
    assert answer.status_code == 200
    body = answer.json()
    assert body["found"] is True
    summary = body["persons"][0]
    assert summary["station_code"] == STATION_A and summary["name"] == payload["name"]
    assert "19900000007" not in answer.text and "甲镇某村" not in answer.text
    assert body["registrations"][0]["item_code"] == "unemployment_registration"
    # Without a staff session the look-up is refused.
    b.session_token = None
    assert b.post(Paths.PERSON_LOOKUP, {"doc_number": payload["doc_number"]}).status_code == 401


def test_reset_orders_and_acks_stay_within_their_station(platform: Any, device_api: Any) -> None:
    a, b = _pair(platform, device_api)
    admin.order_reset(platform.db, STATION_A)
    assert a.changes()["reset_required"] is True
    assert b.changes()["reset_required"] is False
    b.post(Paths.RESET_ACK)
    assert a.changes()["reset_required"] is True


def test_province_wide_services_answer_every_station_alike(platform: Any, device_api: Any) -> None:
    from sync.server import refdata_service

    a, b = _pair(platform, device_api)
    refdata_service.publish(platform.db, "contacts", [{"id": "c1", "title": "省人社厅"}])
    assert a.get(Paths.refdata_stream("contacts")).json() == b.get(Paths.refdata_stream("contacts")).json()
    card = {"card_number": "A12345678", "step1": "0A1B2C3D|FF00"}
    answer_a, answer_b = a.post(Paths.CARD_AUTH, card), b.post(Paths.CARD_AUTH, card)
    assert answer_a.status_code == answer_b.status_code == 200
    assert answer_a.json() == answer_b.json()
