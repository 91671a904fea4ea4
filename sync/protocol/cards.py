"""社保卡 online authentication (the step between the reader's HSM step 1 and step 2) and QR checks."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date, datetime
from typing import Annotated, Final, Literal

from pydantic import Field, StringConstraints, model_validator

from sync.protocol.common import WireRequest, WireResponse

# The reference platform has no encryption machine (加密机); it answers with this documented
# deterministic stand-in so readers, simulators and tests can check the round trip. A real platform
# forwards the factors to the provincial HSM instead.
REFERENCE_HSM_KEY: Final = b"fuwutai-reference-hsm-not-a-secret"


class CardAuthRequest(WireRequest):
    """``POST /v1/cards/authenticate``: key factors returned by the reader's ``iReadCardBas_HSM_Step1``.

    Step1 cannot read the 卡号 (that is what Step2 unlocks): the reader sends the chip's ``card_id``
    from the Step1 output; ``card_number`` is only for callers that know it. At least one is required.
    """

    card_id: Annotated[str, StringConstraints(pattern=r"^[0-9A-Fa-f]{8,64}$")] | None = Field(
        default=None, description="卡识别码 from the Step1 output (hex)"
    )
    card_number: Annotated[str, StringConstraints(pattern=r"^[0-9A-Z]{6,20}$")] | None = None
    # The reader's own alphabet for factors (app.cards.bas): hex from most drivers, Base64 from some.
    step1: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z+/=|]{8,2048}$")] = Field(
        description="the step-1 output string, passed through unchanged"
    )
    region_code: Annotated[str, StringConstraints(pattern=r"^[0-9]{6}$")] | None = None
    card_type: Literal["3", "2", "1"] = "3"

    @model_validator(mode="after")
    def _identifies_the_card(self) -> CardAuthRequest:
        if not self.card_id and not self.card_number:
            raise ValueError("card_id or card_number is required")
        return self

    @property
    def card_identity(self) -> str:
        """What the reference stand-in keys its answer on: the chip's card_id, else the 卡号."""
        return (self.card_id or self.card_number or "").upper()


class CardAuthResponse(WireResponse):
    """Give ``internal_auth`` and ``external_auth`` to ``iReadCardBas_HSM_Step2`` unchanged."""

    internal_auth: str
    external_auth: str
    algorithm: str = Field(description='"reference-hmac-sha256" on the reference platform')


def reference_hsm_answer(card_identity: str, step1: str) -> tuple[str, str]:
    """The reference platform's stand-in: ``(internal, external)`` = upper-case hex HMAC-SHA256, 32 chars."""
    factors = f"{card_identity}|{step1.upper()}".encode()
    internal = hmac.new(REFERENCE_HSM_KEY, b"internal|" + factors, hashlib.sha256).hexdigest()[:32].upper()
    external = hmac.new(REFERENCE_HSM_KEY, b"external|" + factors, hashlib.sha256).hexdigest()[:32].upper()
    return internal, external


class QrVerifyRequest(WireRequest):
    """``POST /v1/qr/verify``: the opaque text scanned from an 电子社保卡 QR code."""

    token: Annotated[str, StringConstraints(min_length=8, max_length=1024)]


class QrPerson(WireResponse):
    name: str
    doc_type: str
    doc_number: str
    card_number: str | None = None
    gender: str | None = None
    birth_date: date | None = None


class QrVerifyResponse(WireResponse):
    status: Literal["valid", "invalid", "expired"]
    person: QrPerson | None = None
    expires_at: datetime | None = None
    message: str = Field(description="Chinese sentence for the counter")
