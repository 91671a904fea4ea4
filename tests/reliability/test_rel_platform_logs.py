"""Issue 8 point 7: passwords, device secrets, session/enrolment tokens and app keys never reach the platform's logs.

A platform with its uvicorn access log switched on (as ``fuwutai-platform serve`` runs) goes through a full
scenario over HTTP — enrolment, failed and good logins, push, pull, attachments, card, QR, look-up, online
application, logout, a revoked device, malformed requests and an internal error — while every log record
of the server (the ``fuwutai`` and ``uvicorn`` loggers, the root logger) and the process's stdout/stderr are
captured. Then the capture is searched for every secret and synthetic personal value used.
"""

from __future__ import annotations

import gzip
import hashlib
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import text

from sync.protocol import device_authorization
from sync.server import admin, card_service
from sync.server.harness import PlatformHarness
from sync.server.security import utcnow
from tests.sync.conftest import STATION_A, STATION_B, DeviceApi, case_payload, make_item, person_payload

LOGGERS = ("", "fuwutai", "uvicorn", "uvicorn.error", "uvicorn.access", "sync")


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))  # includes the formatted traceback, if any


@pytest.fixture
def logged_platform(tmp_path: Path) -> Iterator[tuple[PlatformHarness, _Capture]]:
    harness = PlatformHarness(f"sqlite:///{tmp_path / 'platform.db'}", access_log=True)
    capture = _Capture()
    saved: list[tuple[logging.Logger, int]] = []
    for name in LOGGERS:
        logger = logging.getLogger(name)
        saved.append((logger, logger.level))
        logger.addHandler(capture)
        if name:  # the root keeps its level: only the platform's own loggers are turned up
            logger.setLevel(logging.DEBUG)
    try:
        harness.start()
        harness.add_station(STATION_A, "测试甲镇服务站")
        harness.add_station(STATION_B, "测试乙镇服务站")
        yield harness, capture
    finally:
        harness.stop()
        for logger, level in saved:
            logger.removeHandler(capture)
            logger.setLevel(level)


def _scenario(platform: PlatformHarness, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Runs everything once; returns the secrets and personal values that must not be logged."""
    url = platform.url
    secrets: dict[str, str] = {}
    token = platform.enrol_token(STATION_A)
    secrets["enrol token"] = token
    secrets["unknown enrol token"] = "never-issued-" + uuid.uuid4().hex
    assert (
        requests.post(
            url + "/v1/enrol", json={"token": secrets["unknown enrol token"], "device_name": "pc"}, timeout=10
        ).status_code
        == 401
    )
    enrolled = requests.post(url + "/v1/enrol", json={"token": token, "device_name": "pc-1"}, timeout=10)
    assert enrolled.status_code == 200
    body = enrolled.json()
    api = DeviceApi(url, body["device_id"], body["device_secret"], STATION_A)
    secrets["device secret"] = body["device_secret"]
    assert requests.post(url + "/v1/enrol", json={"token": token, "device_name": "pc-2"}, timeout=10).status_code == 401

    secrets["password"] = "Pw-" + uuid.uuid4().hex
    secrets["wrong password"] = "Wrong-" + uuid.uuid4().hex
    platform.add_user(STATION_A, "clerk_a", secrets["password"])
    for _ in range(2):
        assert api.login("clerk_a", secrets["wrong password"]).status_code == 401
    assert api.login("clerk_a", secrets["password"]).status_code == 200
    assert api.session_token is not None
    secrets["session token"] = api.session_token

    person = person_payload(phone="19900000023", residence_address="甲镇日志测试村")
    secrets["name"], secrets["id number"] = person["name"], person["doc_number"]
    secrets["phone"], secrets["address"] = "19900000023", "甲镇日志测试村"
    item = make_item("person", person)
    assert [r["status"] for r in api.push([item, make_item("case", case_payload(person_id=item["entity_id"]))])] == [
        "accepted",
        "accepted",
    ]
    assert api.post("/v1/push", {"items": [item]}, gzip_body=True).status_code == 200
    assert len(api.pull_all()) == 2
    assert api.get("/v1/changes", params={"cursor": 0, "limit": 1, "count": "true"}).status_code == 200
    assert api.get("/v1/refdata").status_code == 200
    assert api.get("/v1/refdata/contacts").status_code == 404

    blob = person["doc_number"].encode() * 50
    sha = hashlib.sha256(blob).hexdigest()
    assert api.put(f"/v1/attachments/{sha}/chunks?offset=0", blob).status_code == 200
    assert api.post(f"/v1/attachments/{sha}/commit", {"size": len(blob)}).status_code == 200
    assert api.head(f"/v1/attachments/{sha}").status_code == 200
    assert api.get(f"/v1/attachments/{sha}", headers={"Range": "bytes=0-17"}).status_code == 206

    card = {"card_id": "0A1B2C3D4E5F", "step1": "0A1B2C3D|9F8E7D6C"}
    assert api.post("/v1/cards/authenticate", card).status_code == 200
    from sync.protocol import QrPerson

    qr = card_service.issue_qr(
        platform.db, QrPerson(name=person["name"], doc_type="resident_id", doc_number=person["doc_number"])
    )
    secrets["qr token"] = qr
    assert api.post("/v1/qr/verify", {"token": qr}).json()["status"] == "valid"
    assert api.post("/v1/persons/lookup", {"doc_number": person["doc_number"], "purpose": "verify"}).status_code == 200

    key = platform.app_key()
    secrets["app key"] = key
    secrets["wrong app key"] = "wrong-key-" + uuid.uuid4().hex
    other = person_payload(phone="19900000029")
    secrets["online applicant id number"] = other["doc_number"]
    application = {
        "application_id": f"app-{uuid.uuid4().hex}",
        "station_code": STATION_A,
        "item_code": "job_seeking",
        "applicant": {
            "name": other["name"],
            "doc_type": "resident_id",
            "doc_number": other["doc_number"],
            "phone": "19900000029",
        },
        "form_data": {},
        "submitted_at": "2025-03-03T01:00:00Z",
    }
    online = url + "/v1/online/applications"
    assert (
        requests.post(
            online, json=application, headers={"X-Fuwutai-App-Key": secrets["wrong app key"]}, timeout=10
        ).status_code
        == 401
    )
    assert requests.post(online, json=application, headers={"X-Fuwutai-App-Key": key}, timeout=10).status_code == 201

    # Malformed and refused requests, carrying secrets in their bodies and headers.
    assert (
        api.post(
            "/v1/auth/login",
            data=b'{"username": "clerk_a", "password": "' + secrets["password"].encode() + b'"',
            headers={"Content-Type": "application/json"},
        ).status_code
        == 422
    )
    assert (
        api.post("/v1/persons/lookup", {"doc_number": person["doc_number"], "extra": secrets["password"]}).status_code
        == 422
    )
    assert (
        api.post("/v1/push", data=gzip.compress(b"x" * 20_000_000), headers={"Content-Encoding": "gzip"}).status_code
        == 413
    )
    forged = {"Authorization": device_authorization(api.device_id, secrets["wrong password"])}
    assert requests.get(url + "/v1/changes", headers=forged, timeout=10).status_code == 401

    # An internal error whose database exception carries the secrets as statement parameters.
    def broken(_request: Any) -> Any:
        with platform.db.write() as session:
            session.execute(
                text("INSERT INTO station (code, name, last_seq, created_at) VALUES (:code, :name, 0, :at)"),
                {"code": STATION_A, "name": f"{secrets['session token']} {person['doc_number']}", "at": utcnow()},
            )
        raise AssertionError("the insert above clashes with an existing station")

    monkeypatch.setattr(card_service, "authenticate_card", broken)  # what routes_services calls
    failed = api.post("/v1/cards/authenticate", card)
    assert failed.status_code == 500 and failed.json()["error"]["code"] == "internal"
    monkeypatch.undo()

    assert api.post("/v1/auth/logout").status_code == 200
    assert api.post("/v1/persons/lookup", {"doc_number": person["doc_number"]}).status_code == 401
    admin.revoke_device(platform.db, api.device_id)
    assert api.get("/v1/changes").status_code == 401
    return secrets


def test_no_secret_or_personal_value_reaches_the_platform_logs(
    logged_platform: tuple[PlatformHarness, _Capture],
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    platform, capture = logged_platform
    secrets = _scenario(platform, monkeypatch)
    out, err = capfd.readouterr()
    logged = "\n".join(capture.lines) + "\n" + out + "\n" + err
    # The capture works: requests are in the access log, and the internal error was logged.
    assert "POST /v1/push" in logged and "GET /v1/changes?cursor=0" in logged
    assert "internal error on POST /v1/cards/authenticate" in logged
    requests_logged = sum(1 for line in capture.lines if line.startswith("uvicorn.access"))
    print(
        f"\nplatform log scan: {len(capture.lines)} log records ({requests_logged} access-log lines), "
        f"{len(out) + len(err)} bytes of stdout/stderr, {len(secrets)} values searched"
    )
    assert requests_logged >= 25
    found = {label: value for label, value in secrets.items() if value in logged}
    assert not found, f"found in the platform's logs: {sorted(found)}"
    # Not even the SHA-256 of a token (what the database stores) is logged.
    for label in ("device secret", "session token", "enrol token", "app key"):
        assert hashlib.sha256(secrets[label].encode()).hexdigest() not in logged, label


def test_database_errors_do_not_quote_statement_values(tmp_path: Path) -> None:
    from sqlalchemy.exc import IntegrityError

    from sync.server.db import Database

    db = Database(f"sqlite:///{tmp_path / 'p.db'}")
    try:
        admin.add_station(db, STATION_A, "测试甲镇服务站")
        marker = "secret-" + uuid.uuid4().hex
        with pytest.raises(IntegrityError) as caught, db.write() as session:
            session.execute(
                text("INSERT INTO station (code, name, last_seq, created_at) VALUES (:code, :name, 0, :at)"),
                {"code": STATION_A, "name": marker, "at": utcnow()},
            )
        assert marker not in str(caught.value) and "hidden" in str(caught.value)
    finally:
        db.dispose()
