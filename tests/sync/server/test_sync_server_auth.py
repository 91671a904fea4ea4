"""Enrolment, device credentials, staff login and sessions against a real platform on 127.0.0.1."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import requests
from sqlalchemy import select, update

from sync.protocol import PROTOCOL_HEADER, Paths, device_authorization
from sync.server import admin
from sync.server.models import Device, EnrolToken, StaffSession
from sync.server.security import token_hash, utcnow
from tests.sync.conftest import STATION_A, STATION_B


def _enrol(url: str, token: str, name: str = "pc-1") -> requests.Response:
    return requests.post(url + Paths.ENROL, json={"token": token, "device_name": name}, timeout=10)


def test_hello_needs_no_credential_and_tells_the_limits(platform: Any) -> None:
    answer = requests.get(platform.url + Paths.HELLO, timeout=10)
    assert answer.status_code == 200
    body = answer.json()
    assert body["protocol_version"] == 1
    assert body["limits"]["max_batch_items"] == 500


def test_an_enrolment_token_works_exactly_once(platform: Any) -> None:
    token = platform.enrol_token(STATION_A)
    first = _enrol(platform.url, token)
    assert first.status_code == 200
    body = first.json()
    assert body["station"] == {"code": STATION_A, "name": "测试甲镇服务站"}
    again = _enrol(platform.url, token)
    assert again.status_code == 401
    assert again.json()["error"]["code"] == "invalid_token"
    # The credential works and the secret is stored only as a hash.
    auth = {"Authorization": device_authorization(body["device_id"], body["device_secret"])}
    assert requests.get(platform.url + Paths.CHANGES, headers=auth, timeout=10).status_code == 200
    with platform.db.read() as session:
        device = session.get(Device, body["device_id"])
        assert device is not None
        assert device.secret_hash == token_hash(body["device_secret"])
        assert body["device_secret"] not in device.secret_hash


def test_racing_enrolments_with_one_token_make_one_device(platform: Any) -> None:
    token = platform.enrol_token(STATION_A)
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda i: _enrol(platform.url, token, f"pc-{i}").status_code, range(8)))
    assert sorted(answers) == [200] + [401] * 7
    with platform.db.read() as session:
        assert len(session.execute(select(Device)).scalars().all()) == 1


def test_expired_and_unknown_tokens_are_refused(platform: Any) -> None:
    token = platform.enrol_token(STATION_A)
    with platform.db.write() as session:
        session.execute(update(EnrolToken).values(expires_at=utcnow() - timedelta(seconds=1)))
    assert _enrol(platform.url, token).json()["error"]["code"] == "invalid_token"
    assert _enrol(platform.url, "never-issued-token").status_code == 401


def test_wrong_missing_and_revoked_credentials_are_refused(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    url = platform.url + Paths.CHANGES
    assert requests.get(url, timeout=10).json()["error"]["code"] == "unauthenticated"
    wrong = {"Authorization": device_authorization(api.device_id, "not-the-secret")}
    assert requests.get(url, headers=wrong, timeout=10).status_code == 401
    stranger = {"Authorization": device_authorization("x" * 300, "secret")}
    assert requests.get(url, headers=stranger, timeout=10).status_code == 401
    assert api.get(Paths.CHANGES).status_code == 200
    admin.revoke_device(platform.db, api.device_id)
    refused = api.get(Paths.CHANGES)
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "device_revoked"
    assert "重新登记" in refused.json()["error"]["message"]


def test_another_protocol_version_is_refused(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    answer = api.get(Paths.CHANGES, headers={PROTOCOL_HEADER: "2"})
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "unsupported_protocol"
    assert api.get(Paths.CHANGES, headers={PROTOCOL_HEADER: "1"}).status_code == 200


def test_staff_log_in_online_for_a_session(platform: Any, device_api: Any) -> None:
    platform.add_user(STATION_A, "zhangsan", "correct-horse", role="reviewer", display_name="张三")
    api = device_api(platform)
    answer = api.login("zhangsan", "correct-horse")
    assert answer.status_code == 200
    staff = answer.json()["staff"]
    assert staff["role"] == "reviewer" and staff["display_name"] == "张三" and staff["station_code"] == STATION_A
    assert api.post(Paths.LOGOUT).status_code == 200
    # A session that ended no longer opens online-only services.
    assert api.post(Paths.PERSON_LOOKUP, {"doc_number": "11010519491231002X"}).status_code == 401


def test_wrong_passwords_lock_the_account_for_a_while(platform: Any, device_api: Any) -> None:
    platform.add_user(STATION_A, "lisi", "correct-horse")
    api = device_api(platform)
    wrong = [api.login("lisi", "wrong-password").status_code for _ in range(5)]
    assert wrong == [401] * 5
    locked = api.login("lisi", "correct-horse")
    assert locked.status_code == 423
    assert locked.json()["error"]["code"] == "account_locked"
    assert int(locked.headers["Retry-After"]) > 0
    assert api.login("nobody", "whatever").json()["error"]["code"] == "invalid_credentials"


def test_staff_cannot_log_in_on_another_stations_device(platform: Any, device_api: Any) -> None:
    platform.add_user(STATION_B, "wangwu", "correct-horse")
    api_a = device_api(platform, STATION_A)
    assert api_a.login("wangwu", "correct-horse").status_code == 401
    api_b = device_api(platform, STATION_B)
    assert api_b.login("wangwu", "correct-horse").status_code == 200
    # B's session presented by A's device is refused.
    api_a.session_token = api_b.session_token
    assert api_a.post(Paths.PERSON_LOOKUP, {"doc_number": "11010519491231002X"}).status_code == 401


def test_passwords_and_tokens_are_stored_hashed(platform: Any, device_api: Any) -> None:
    platform.add_user(STATION_A, "zhaoliu", "correct-horse")
    api = device_api(platform)
    api.login("zhaoliu", "correct-horse")
    with platform.db.read() as session:
        stored = session.execute(select(StaffSession.token_hash)).scalars().all()
    assert stored == [token_hash(api.session_token)]
    with platform.db.read() as session:
        from sync.server.models import StaffUser

        user = session.execute(select(StaffUser)).scalar_one()
    assert user.password_hash.startswith("scrypt$") and "correct-horse" not in user.password_hash
    assert admin.list_devices(platform.db, STATION_A)[0]["device_id"] == api.device_id
