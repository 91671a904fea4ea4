"""社保卡 online authentication and 电子社保卡 QR verification."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import update

from sync.protocol import Paths, reference_hsm_answer
from sync.server import admin
from sync.server.models import QrToken
from sync.server.security import utcnow
from tests.sync.conftest import person_payload


def test_card_authentication_answers_the_documented_stand_in(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    answer = api.post(Paths.CARD_AUTH, {"card_number": "A12345678", "step1": "0A1B2C3D|FF00", "region_code": "520100"})
    assert answer.status_code == 200
    body = answer.json()
    assert (body["internal_auth"], body["external_auth"]) == reference_hsm_answer("A12345678", "0A1B2C3D|FF00")
    assert body["algorithm"] == "reference-hmac-sha256"
    assert api.post(Paths.CARD_AUTH, {"card_number": "A1", "step1": "zz"}).status_code == 422


def test_card_authentication_by_the_chip_card_id_from_step1(platform: Any, device_api: Any) -> None:
    # Step1 cannot read the 卡号; the reader sends the 卡识别码 instead.
    api = device_api(platform)
    card_id = "520100D15600000512345678ABCDEF01"
    answer = api.post(Paths.CARD_AUTH, {"card_id": card_id.lower(), "step1": "0A1B2C3D|FF00"})
    assert answer.status_code == 200
    body = answer.json()
    assert (body["internal_auth"], body["external_auth"]) == reference_hsm_answer(card_id, "0A1B2C3D|FF00")
    assert api.post(Paths.CARD_AUTH, {"step1": "0A1B2C3D|FF00"}).status_code == 422


def test_qr_tokens_are_valid_expired_or_invalid(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    person = person_payload()
    token = admin.issue_qr(
        platform.db, {"name": person["name"], "doc_type": "resident_id", "doc_number": person["doc_number"]}
    )
    valid = api.post(Paths.QR_VERIFY, {"token": token}).json()
    assert valid["status"] == "valid" and valid["person"]["doc_number"] == person["doc_number"]
    # Single-use: the same workstation asking again (its answer was lost) gets the same answer; another
    # workstation is told the code was used.
    assert api.post(Paths.QR_VERIFY, {"token": token}).json()["status"] == "valid"
    other = device_api(platform, name="另一台工作站").post(Paths.QR_VERIFY, {"token": token}).json()
    assert other["status"] == "invalid" and other["person"] is None and "已经核验过" in other["message"]
    invalid = api.post(Paths.QR_VERIFY, {"token": token[:-3] + "xyz"}).json()
    assert invalid == {**invalid, "status": "invalid", "person": None}
    with platform.db.write() as session:
        session.execute(update(QrToken).values(expires_at=utcnow() - timedelta(seconds=1)))
    expired = api.post(Paths.QR_VERIFY, {"token": token}).json()
    assert expired["status"] == "expired" and expired["person"] is None and "过期" in expired["message"]


def test_look_up_of_an_unknown_number_says_so_and_is_audited(platform: Any, device_api: Any) -> None:
    from sqlalchemy import select

    from sync.server.models import LookupLog

    platform.add_user("520102001", "clerk_a", "correct-horse")
    api = device_api(platform)
    api.login("clerk_a", "correct-horse")
    number = person_payload()["doc_number"]
    body = api.post(Paths.PERSON_LOOKUP, {"doc_number": number, "purpose": "transfer"}).json()
    assert body["found"] is False and body["persons"] == [] and "没有找到" in body["message"]
    with platform.db.read() as session:
        log = session.execute(select(LookupLog)).scalar_one()
    assert log.purpose == "transfer" and number not in log.doc_hash and log.found == 0
