"""社保卡 online authentication (reference stand-in for the HSM) and 电子社保卡 QR tokens."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sync.protocol import (
    CardAuthRequest,
    CardAuthResponse,
    QrPerson,
    QrVerifyRequest,
    QrVerifyResponse,
    reference_hsm_answer,
)
from sync.server.db import Database
from sync.server.models import QrToken, QrTokenUse
from sync.server.security import new_secret, token_hash, utcnow

QR_PREFIX = "FWTQR1."


def authenticate_card(request: CardAuthRequest) -> CardAuthResponse:
    internal, external = reference_hsm_answer(request.card_identity, request.step1)
    return CardAuthResponse(internal_auth=internal, external_auth=external, algorithm="reference-hmac-sha256")


def issue_qr(db: Database, person: QrPerson, *, minutes: int = 10) -> str:
    token = QR_PREFIX + new_secret()
    with db.write() as session:
        session.add(
            QrToken(
                token_hash=token_hash(token),
                person=person.model_dump(mode="json"),
                expires_at=utcnow() + timedelta(minutes=minutes),
            )
        )
    return token


def verify_qr(db: Database, request: QrVerifyRequest, device_id: str = "") -> QrVerifyResponse:
    """Valid once: the first device to verify a live code uses it up. The same device asking again (its
    answer was lost on the way) gets the same answer; any other device is told the code was used."""
    key = token_hash(request.token)
    with db.write() as session:
        row = session.get(QrToken, key)
        if row is None:
            return QrVerifyResponse(
                status="invalid", message="二维码无效，请让服务对象刷新电子社保卡二维码后重新扫描。"
            )
        if row.expires_at <= utcnow():
            return QrVerifyResponse(
                status="expired", expires_at=row.expires_at, message="二维码已过期，请让服务对象刷新后重新扫描。"
            )
        use = session.get(QrTokenUse, key)
        if use is None:
            session.add(QrTokenUse(token_hash=key, device_id=device_id, used_at=utcnow()))
        elif use.device_id != device_id:
            return QrVerifyResponse(
                status="invalid", message="这个二维码已经核验过一次，不能再用。请让服务对象刷新电子社保卡后重新出示。"
            )
        person: dict[str, Any] = dict(row.person)
        return QrVerifyResponse(
            status="valid",
            person=QrPerson.model_validate(person),
            expires_at=row.expires_at,
            message="电子社保卡有效。",
        )
