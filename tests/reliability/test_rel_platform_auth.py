"""Issue 8 point 7: credentials on every route. Revoked, missing and forged device credentials are refused
everywhere a device is needed; enrolment tokens are single-use and expire; staff sessions expire and
logout ends them.

The routes come from the FastAPI app (``platform_routes``): a new route is checked without editing this file.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select, update

from sync.protocol import device_authorization
from sync.server import admin
from sync.server.harness import PlatformHarness
from sync.server.models import Device, EnrolToken, StaffSession, StaffUser
from sync.server.security import token_hash, utcnow
from tests.reliability.platform_routes import DEVICE_ROUTES, ROUTES, STAFF_ROUTES, Route, fill, route_id, start_platform
from tests.sync.conftest import STATION_A, STATION_B, DeviceApi

# The only routes a device credential does not open; each has its own credential or none by design.
PUBLIC_ROUTES = {("GET", "/v1/hello"), ("POST", "/v1/enrol"), ("POST", "/v1/online/applications")}
DOC = "11010519491231002X"


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[PlatformHarness]:
    yield from start_platform(tmp_path)


def _send(platform: PlatformHarness, route: Route, headers: dict[str, str]) -> requests.Response:
    method, path = route
    body = b'{"doc_number": "11010519491231002X"}' if method == "POST" else None
    return requests.request(
        method,
        platform.url + fill(path),
        data=body,
        headers={"Content-Type": "application/json", **headers},
        timeout=10,
    )


def _device(platform: PlatformHarness, station: str = STATION_A) -> DeviceApi:
    credential = platform.enrol(station)
    return DeviceApi(platform.url, credential.device_id, credential.device_secret, station)


def _code(answer: requests.Response) -> str | None:
    if answer.request.method == "HEAD":
        return None
    code: str = answer.json()["error"]["code"]
    return code


def test_only_the_documented_routes_open_without_a_device_credential() -> None:
    assert set(ROUTES) - DEVICE_ROUTES == PUBLIC_ROUTES
    assert {("POST", "/v1/persons/lookup")} == STAFF_ROUTES


@pytest.mark.parametrize("route", sorted(DEVICE_ROUTES), ids=route_id)
def test_every_device_route_refuses_missing_forged_and_revoked_credentials(
    route: Route, platform: PlatformHarness
) -> None:
    api, other = _device(platform), _device(platform, STATION_B)
    platform.add_user(STATION_A, "clerk_a", "correct-horse")
    assert api.login("clerk_a", "correct-horse").status_code == 200
    session = {"X-Fuwutai-Session": api.session_token or ""}
    attempts: list[tuple[str, dict[str, str]]] = [
        ("missing", {}),
        ("not bearer", {"Authorization": f"Basic {api.device_id}:{api.device_secret}"}),
        ("wrong secret", {"Authorization": device_authorization(api.device_id, "not-the-secret")}),
        ("another device's secret", {"Authorization": device_authorization(api.device_id, other.device_secret)}),
        ("unknown device", {"Authorization": device_authorization("no-such-device", api.device_secret)}),
        ("overlong id", {"Authorization": device_authorization("x" * 5000, api.device_secret)}),
        ("session alone", session),
    ]
    for label, headers in attempts:
        answer = _send(platform, route, headers)
        assert answer.status_code == 401, (label, answer.status_code, answer.text[:200])
        assert _code(answer) in (None, "unauthenticated"), label
    admin.revoke_device(platform.db, api.device_id)
    revoked = _send(platform, route, {**api.headers(), **session})
    assert revoked.status_code == 401 and _code(revoked) in (None, "device_revoked")
    # The other station's device is untouched by the revocation.
    assert other.get("/v1/changes").status_code == 200


def test_public_routes_do_not_accept_a_revoked_device_as_a_credential(platform: PlatformHarness) -> None:
    api = _device(platform)
    admin.revoke_device(platform.db, api.device_id)
    online = requests.post(platform.url + "/v1/online/applications", json={}, headers=api.headers(), timeout=10)
    assert online.status_code == 401 and online.json()["error"]["code"] == "unauthenticated"


# --- enrolment tokens -----------------------------------------------------------------------------------


def _enrol(platform: PlatformHarness, token: str, name: str = "pc") -> requests.Response:
    return requests.post(platform.url + "/v1/enrol", json={"token": token, "device_name": name}, timeout=10)


def _devices(platform: PlatformHarness) -> int:
    with platform.db.read() as session:
        return int(session.execute(select(func.count()).select_from(Device)).scalar_one())


def test_an_enrolment_token_is_single_use_even_after_its_device_is_revoked(platform: PlatformHarness) -> None:
    token = platform.enrol_token(STATION_A)
    first = _enrol(platform, token)
    assert first.status_code == 200
    for _ in range(3):
        again = _enrol(platform, token, "second pc")
        assert again.status_code == 401 and again.json()["error"]["code"] == "invalid_token"
    admin.revoke_device(platform.db, first.json()["device_id"])
    assert _enrol(platform, token).status_code == 401
    assert _devices(platform) == 1
    with platform.db.read() as session:
        stored = session.execute(select(EnrolToken.token_hash)).scalars().all()
    assert stored == [token_hash(token)]  # the token itself is never stored


def test_enrolment_tokens_expire(platform: PlatformHarness) -> None:
    short = platform.enrol_token(STATION_A, hours=1)
    with platform.db.write() as session:
        session.execute(
            update(EnrolToken)
            .where(EnrolToken.token_hash == token_hash(short))
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    answer = _enrol(platform, short)
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "invalid_token"
    # A token one second from expiry still works, once.
    fresh = platform.enrol_token(STATION_A, hours=1)
    with platform.db.write() as session:
        session.execute(
            update(EnrolToken)
            .where(EnrolToken.token_hash == token_hash(fresh))
            .values(expires_at=utcnow() + timedelta(seconds=30))
        )
    assert _enrol(platform, fresh).status_code == 200
    assert _devices(platform) == 1
    # Near misses of a real token are refused too.
    other = platform.enrol_token(STATION_A)
    for guess in (other.upper(), other[:-1], other + "x", " " + other):
        if guess != other:
            assert _enrol(platform, guess).status_code in (401, 422)
    assert _devices(platform) == 1


# --- staff sessions ------------------------------------------------------------------------------------


def _lookup(api: DeviceApi) -> int:
    return api.post("/v1/persons/lookup", {"doc_number": DOC}).status_code


def test_staff_sessions_expire(platform: PlatformHarness) -> None:
    api = _device(platform)
    platform.add_user(STATION_A, "clerk_a", "correct-horse")
    answer = api.login("clerk_a", "correct-horse")
    expires = answer.json()["expires_at"]
    assert expires > utcnow().isoformat()[:19]  # a finite lifetime is announced
    assert _lookup(api) == 200
    with platform.db.write() as session:
        session.execute(update(StaffSession).values(expires_at=utcnow() - timedelta(seconds=1)))
    assert _lookup(api) == 401
    assert api.post("/v1/auth/logout").status_code == 401


def test_logout_ends_only_that_session(platform: PlatformHarness) -> None:
    first, second = _device(platform), _device(platform)
    platform.add_user(STATION_A, "clerk_a", "correct-horse")
    first.login("clerk_a", "correct-horse")
    second.login("clerk_a", "correct-horse")
    assert first.post("/v1/auth/logout").status_code == 200
    assert _lookup(first) == 401
    again = first.post("/v1/auth/logout")
    assert again.status_code == 401 and again.json()["error"]["code"] == "session_required"
    assert _lookup(second) == 200  # the same clerk's other session lives on
    assert first.login("clerk_a", "correct-horse").status_code == 200
    assert _lookup(first) == 200


def test_a_disabled_account_loses_its_sessions(platform: PlatformHarness) -> None:
    api = _device(platform)
    platform.add_user(STATION_A, "clerk_a", "correct-horse")
    api.login("clerk_a", "correct-horse")
    with platform.db.write() as session:
        session.execute(update(StaffUser).values(active=False))
    assert _lookup(api) == 401
    assert api.login("clerk_a", "correct-horse").status_code == 401


def test_sessions_of_a_revoked_device_open_nothing(platform: PlatformHarness) -> None:
    api = _device(platform)
    platform.add_user(STATION_A, "clerk_a", "correct-horse")
    api.login("clerk_a", "correct-horse")
    admin.revoke_device(platform.db, api.device_id)
    answer: Any = api.post("/v1/persons/lookup", {"doc_number": DOC})
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "device_revoked"


def test_a_revoked_devices_session_does_not_work_from_another_device(platform: PlatformHarness) -> None:
    stolen, other = _device(platform), _device(platform)
    platform.add_user(STATION_A, "clerk_a", "correct-horse")
    stolen.login("clerk_a", "correct-horse")
    other.session_token = stolen.session_token
    assert _lookup(other) == 200  # same station: the protocol allows it while the device is in good standing
    admin.revoke_device(platform.db, stolen.device_id)
    answer = other.post("/v1/persons/lookup", {"doc_number": DOC})
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "session_required"
