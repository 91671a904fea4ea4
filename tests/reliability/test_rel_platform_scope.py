"""Issue 8 point 7: one station's device credential can neither read nor write another station's data.

Every route of the FastAPI app (enumerated from the app, see ``platform_routes``) must have a check in
:data:`SCOPE_CHECKS`; a new route without one fails ``test_every_route_keeps_to_its_station``.
Station A owns the data; station B's device (and B's staff) tries to reach it through that route.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import requests

from sync.protocol import QrPerson, device_authorization
from sync.server import admin, appointment_service, card_service, refdata_service
from sync.server.harness import PlatformHarness
from tests.reliability.platform_routes import NON_API_ROUTES, ROUTES, Route, fill, route_id, start_platform
from tests.sync.conftest import STATION_A, STATION_B, DeviceApi, case_payload, make_item, person_payload

PASSWORD_A = "correct-horse-a"
PASSWORD_B = "correct-horse-b"


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[PlatformHarness]:
    yield from start_platform(tmp_path)


@dataclass
class World:
    """Station A's data on a platform, and one device (with a logged-in clerk) per station."""

    platform: PlatformHarness
    a: DeviceApi
    b: DeviceApi
    person: dict[str, Any]
    case: dict[str, Any]
    appointment_id: str
    sha: str
    blob: bytes
    qr_token: str

    def a_ids(self) -> set[str]:
        return {self.person["entity_id"], self.case["entity_id"], self.appointment_id}


def _world(platform: PlatformHarness) -> World:
    def device(station: str) -> DeviceApi:
        credential = platform.enrol(station)
        return DeviceApi(platform.url, credential.device_id, credential.device_secret, station)

    a, b = device(STATION_A), device(STATION_B)
    platform.add_user(STATION_A, "clerk_a", PASSWORD_A)
    platform.add_user(STATION_B, "clerk_b", PASSWORD_B)
    assert a.login("clerk_a", PASSWORD_A).status_code == 200
    assert b.login("clerk_b", PASSWORD_B).status_code == 200
    payload = person_payload(phone="19900000017", residence_address="甲镇某村三组")
    person = make_item("person", payload)
    case = make_item("case", case_payload(person_id=person["entity_id"]))
    assert [r["status"] for r in a.push([person, case])] == ["accepted", "accepted"]
    appointment_id = appointment_service.book_online(
        platform.db, STATION_A, applicant_name=payload["name"], day=date(2025, 3, 4), doc_number=payload["doc_number"]
    )
    blob = b"station A's scanned certificate " * 20
    sha = hashlib.sha256(blob).hexdigest()
    assert a.put(fill("/v1/attachments/{sha256}/chunks", sha256=sha) + "?offset=0", blob).status_code == 200
    assert a.post(fill("/v1/attachments/{sha256}/commit", sha256=sha), {"size": len(blob)}).status_code == 200
    refdata_service.publish(platform.db, "contacts", [{"id": "c1", "title": "省人社厅"}])
    qr = card_service.issue_qr(
        platform.db, QrPerson(name=payload["name"], doc_type="resident_id", doc_number=payload["doc_number"])
    )
    return World(platform, a, b, person, case, appointment_id, sha, blob, qr)


def _record(world: World, entity: str, entity_id: str) -> dict[str, Any]:
    rows = [r for r in admin.export(world.platform.db, entity) if r["id"] == entity_id]
    assert len(rows) == 1
    return rows[0]


def _leaks(world: World, text: str) -> list[str]:
    """Pieces of A's data found in an answer B received."""
    secret_bits = [world.person["payload"]["phone"], world.person["payload"]["residence_address"]]
    secret_bits += [*sorted(world.a_ids()), world.a.device_id]
    return [bit for bit in secret_bits if bit in text]


# --- one check per route ------------------------------------------------------------------------


def _hello(world: World) -> None:
    answer = requests.get(world.platform.url + "/v1/hello", timeout=10)
    assert answer.status_code == 200 and not _leaks(world, answer.text)


def _enrol(world: World) -> None:
    # The token decides the station; nothing in the request can redirect it to another station.
    token = world.platform.enrol_token(STATION_B)
    body = {"token": token, "device_name": f"pretends {STATION_A}", "station_code": STATION_A}
    assert requests.post(world.platform.url + "/v1/enrol", json=body, timeout=10).status_code == 422
    body.pop("station_code")
    answer = requests.post(world.platform.url + "/v1/enrol", json=body, timeout=10)
    assert answer.status_code == 200 and answer.json()["station"]["code"] == STATION_B


def _login(world: World) -> None:
    # A's clerk cannot log in on B's device, even with the right password.
    answer = world.b.post("/v1/auth/login", {"username": "clerk_a", "password": PASSWORD_A})
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "invalid_credentials"


def _logout(world: World) -> None:
    # B's device cannot end A's session, and A's session keeps working.
    answer = world.b.post("/v1/auth/logout", headers={"X-Fuwutai-Session": world.a.session_token or ""})
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "session_required"
    doc = world.person["payload"]["doc_number"]
    assert world.a.post("/v1/persons/lookup", {"doc_number": doc}).status_code == 200


def _push(world: World) -> None:
    person, case = world.person, world.case
    theirs = {**person["payload"], "name": "篡改"}
    appointment = _record(world, "appointment", world.appointment_id)
    items = [
        make_item("person", theirs, entity_id=person["entity_id"], base_version=1),
        make_item("person", theirs, entity_id=person["entity_id"], base_version=None),
        make_item("person", {**theirs, "deleted": True}, entity_id=person["entity_id"], op="delete", base_version=1),
        make_item("case", {"action": "complete"}, entity_id=case["entity_id"], op="command", base_version=1),
        make_item("case", {**case["payload"], "state": "completed"}, entity_id=case["entity_id"], base_version=1),
        make_item("appointment", {**appointment, "state": "cancelled"}, entity_id=world.appointment_id, base_version=1),
        # A's mutation id, replayed with B's own new record.
        {**make_item("person", person_payload()), "mutation_id": person["mutation_id"]},
    ]
    answer = world.b.post("/v1/push", {"items": items})
    assert answer.status_code == 200
    results = answer.json()["results"]
    assert [(r["status"], r["code"]) for r in results] == [("rejected", "out_of_scope")] * len(items)
    assert all(r["server_copy"] is None and r["server_version"] is None for r in results)
    assert not _leaks(world, answer.text)
    assert _record(world, "person", person["entity_id"])["name"] == person["payload"]["name"]
    assert _record(world, "case", case["entity_id"])["state"] == "accepted"
    assert _record(world, "appointment", world.appointment_id)["state"] == "booked"


def _changes(world: World) -> None:
    seen: list[dict[str, Any]] = []
    for cursor in (0, 1, 2):
        for limit in (1, 1000):
            seen.extend(world.b.changes(cursor, limit)["items"])
    assert not {i["entity_id"] for i in seen} & world.a_ids()
    page = world.b.get("/v1/changes", params={"cursor": 0})
    assert not _leaks(world, page.text)
    assert {i["entity_id"] for i in world.a.pull_all()} >= world.a_ids()


def _reset_ack(world: World) -> None:
    admin.order_reset(world.platform.db, STATION_A)
    assert world.b.post("/v1/reset/ack").status_code == 200
    assert world.a.changes()["reset_required"] is True
    assert world.a.post("/v1/reset/ack").status_code == 200
    assert world.a.changes()["reset_required"] is False


def _refdata_index(world: World) -> None:
    a, b = world.a.get("/v1/refdata"), world.b.get("/v1/refdata")
    assert a.status_code == b.status_code == 200 and a.json() == b.json() and not _leaks(world, b.text)


def _refdata_page(world: World) -> None:
    a, b = world.a.get("/v1/refdata/contacts"), world.b.get("/v1/refdata/contacts")
    assert a.status_code == b.status_code == 200 and a.json() == b.json() and not _leaks(world, b.text)
    # Station records are not a reference-data stream.
    for stream in ("person", "case", "appointment", "record", "staff"):
        assert world.b.get(f"/v1/refdata/{stream}").status_code == 404


def _attachment_head(world: World) -> None:
    answer = world.b.head(fill("/v1/attachments/{sha256}", sha256=world.sha))
    assert answer.status_code == 404 and answer.headers["Upload-Offset"] == "0"
    assert world.a.head(fill("/v1/attachments/{sha256}", sha256=world.sha)).status_code == 200


def _attachment_status(world: World) -> None:
    answer = world.b.get(fill("/v1/attachments/{sha256}/status", sha256=world.sha))
    assert answer.status_code == 200 and answer.json()["state"] == "absent" and answer.json()["size"] is None


def _attachment_chunks(world: World) -> None:
    path = fill("/v1/attachments/{sha256}/chunks", sha256=world.sha)
    # B's upload under A's hash is B's own partial upload: it neither sees nor changes A's file.
    answer = world.b.put(path + "?offset=0", b"forged bytes")
    assert answer.status_code == 200 and answer.json()["state"] == "partial" and answer.json()["received"] == 12
    conflict = world.b.put(path + f"?offset={len(world.blob)}", b"x")
    assert conflict.status_code == 409 and conflict.json()["error"]["details"] == {"received": 12}
    assert world.a.get(fill("/v1/attachments/{sha256}", sha256=world.sha)).content == world.blob


def _attachment_commit(world: World) -> None:
    path = fill("/v1/attachments/{sha256}/commit", sha256=world.sha)
    answer = world.b.post(path, {"size": len(world.blob)})
    assert answer.status_code == 422 and answer.json()["error"]["code"] == "hash_mismatch"
    assert world.b.get(fill("/v1/attachments/{sha256}", sha256=world.sha)).status_code == 404


def _attachment_download(world: World) -> None:
    path = fill("/v1/attachments/{sha256}", sha256=world.sha)
    for headers in (None, {"Range": "bytes=0-9"}, {"Range": "bytes=-5"}):
        answer = world.b.get(path, headers=headers)
        assert answer.status_code == 404 and world.blob[:10] not in answer.content
    assert world.a.get(path, headers={"Range": "bytes=0-9"}).content == world.blob[:10]


def _card(world: World) -> None:
    # Stateless and province-wide: the same answer for every station, nothing of a station in it.
    card = {"card_id": "0A1B2C3D4E5F", "step1": "0A1B2C3D|9F8E7D6C"}
    a, b = world.a.post("/v1/cards/authenticate", card), world.b.post("/v1/cards/authenticate", card)
    assert a.status_code == b.status_code == 200 and a.json() == b.json() and not _leaks(world, b.text)


def _qr(world: World) -> None:
    # An 电子社保卡 is valid province-wide: the holder shows it at any station.
    answer = world.b.post("/v1/qr/verify", {"token": world.qr_token})
    assert answer.status_code == 200 and answer.json()["status"] == "valid" and not _leaks(world, answer.text)


def _lookup(world: World) -> None:
    doc = world.person["payload"]["doc_number"]
    answer = world.b.post("/v1/persons/lookup", {"doc_number": doc, "purpose": "transfer"})
    assert answer.status_code == 200 and answer.json()["found"] is True
    assert not _leaks(world, answer.text)  # a summary only: no phone, address or record ids
    # A's session on B's device opens nothing.
    borrowed = world.b.post(
        "/v1/persons/lookup", {"doc_number": doc}, headers={"X-Fuwutai-Session": world.a.session_token or ""}
    )
    assert borrowed.status_code == 401 and borrowed.json()["error"]["code"] == "session_required"


def _online(world: World) -> None:
    key = world.platform.app_key()
    application = {
        "application_id": f"app-{uuid.uuid4().hex}",
        "station_code": STATION_A,
        "item_code": "job_seeking",
        "applicant": {"name": "测试申请人", "doc_type": "resident_id", "doc_number": person_payload()["doc_number"]},
        "form_data": {},
        "submitted_at": "2025-03-03T01:00:00Z",
    }
    url = world.platform.url + "/v1/online/applications"
    # A device credential is not the online channel's key.
    refused = requests.post(url, json=application, headers=world.b.headers(), timeout=10)
    assert refused.status_code == 401
    answer = requests.post(url, json=application, headers={"X-Fuwutai-App-Key": key}, timeout=10)
    assert answer.status_code == 201
    case_id = answer.json()["case_id"]
    assert case_id not in {i["entity_id"] for i in world.b.pull_all()}
    assert case_id in {i["entity_id"] for i in world.a.pull_all()}


SCOPE_CHECKS: dict[Route, Callable[[World], None]] = {
    ("GET", "/v1/hello"): _hello,
    ("POST", "/v1/enrol"): _enrol,
    ("POST", "/v1/auth/login"): _login,
    ("POST", "/v1/auth/logout"): _logout,
    ("POST", "/v1/push"): _push,
    ("GET", "/v1/changes"): _changes,
    ("POST", "/v1/reset/ack"): _reset_ack,
    ("GET", "/v1/refdata"): _refdata_index,
    ("GET", "/v1/refdata/{stream}"): _refdata_page,
    ("HEAD", "/v1/attachments/{sha256}"): _attachment_head,
    ("GET", "/v1/attachments/{sha256}/status"): _attachment_status,
    ("PUT", "/v1/attachments/{sha256}/chunks"): _attachment_chunks,
    ("POST", "/v1/attachments/{sha256}/commit"): _attachment_commit,
    ("GET", "/v1/attachments/{sha256}"): _attachment_download,
    ("POST", "/v1/cards/authenticate"): _card,
    ("POST", "/v1/qr/verify"): _qr,
    ("POST", "/v1/persons/lookup"): _lookup,
    ("POST", "/v1/online/applications"): _online,
}


def test_the_app_has_only_the_routes_enumerated() -> None:
    assert NON_API_ROUTES == 0  # no docs, no static mounts: nothing outside the checked routes
    assert len(ROUTES) >= 18


@pytest.mark.parametrize("route", ROUTES, ids=route_id)
def test_every_route_keeps_to_its_station(route: Route, platform: PlatformHarness) -> None:
    check = SCOPE_CHECKS.get(route)
    assert check is not None, f"{route_id(route)} has no station-scope test: add one to SCOPE_CHECKS"
    world = _world(platform)
    check(world)
    # Whatever B tried, A's records are as A left them and B's feed never shows them.
    assert _record(world, "person", world.person["entity_id"])["name"] == world.person["payload"]["name"]
    assert not {i["entity_id"] for i in world.b.pull_all()} & world.a_ids()


def test_a_forged_credential_naming_another_stations_device_is_refused(platform: PlatformHarness) -> None:
    world = _world(platform)
    forged = device_authorization(world.a.device_id, world.b.device_secret)
    answer = requests.get(platform.url + "/v1/changes", headers={"Authorization": forged}, timeout=10)
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "unauthenticated"
