"""The card reader's two online helpers, implemented against the platform.

- ``PlatformCardAuthenticator`` is the ``OnlineAuthenticator`` a 3rd-generation 社保卡 needs between
  ``iReadCardBas_HSM_Step1`` and ``Step2``: the Step1 factors go to ``POST /v1/cards/authenticate``.
- ``PlatformQrVerifier`` is the ``QrVerifier`` for 电子社保卡 QR codes: ``POST /v1/qr/verify``.

Both run while a clerk waits at the counter, so they use short timeouts and few retries instead of the
sync round's patient back-off. Not reaching the platform becomes ``NeedsNetwork`` (the reader and the
QR code then say "needs network" / keep the code "to verify"); a platform refusal becomes a typed card
error carrying the platform's Chinese reason. Card data never reaches the log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, Final

from app.cards.bas import HsmStep1
from app.cards.errors import CardDataInvalid, NeedsNetwork, NeedsOnlineAuth, QrRejected
from app.cards.qr import QrToken
from app.cards.record import CardRecord
from app.store import Store
from app.validation import validate
from sync.client.api import PlatformApi
from sync.client.credentials import platform_api
from sync.client.errors import SyncError
from sync.protocol.cards import CardAuthRequest, QrVerifyRequest

log = logging.getLogger("fuwutai.sync.cards")

# A clerk and a citizen are waiting: give up within seconds and say so.
COUNTER_TUNING: Final[dict[str, Any]] = {
    "connect_timeout": 3.0,
    "read_timeout": 10.0,
    "max_attempts": 2,
    "backoff_base": 0.3,
    "backoff_cap": 1.0,
    "retry_budget": 12.0,
}

ApiFactory = Callable[[], PlatformApi]

NOT_ENROLLED = (
    "本机尚未接入人社平台，无法联网认证这张卡。请先由县级信息技术人员完成接入（fuwutai enroll），或改用二代身份证办理。"
)


def store_api_factory(store: Store) -> ApiFactory:
    """A fresh, short-timeout platform client for each call (card reads are rare; sessions stay simple)."""
    return lambda: platform_api(store, tuning=COUNTER_TUNING)


def _offline(error: SyncError) -> bool:
    """Whether the platform could not answer (unreachable, slow, failing, misconfigured) rather than
    refused: only a refusal ("refused", a 4xx answer) says anything about the card or the code."""
    return error.kind != "refused"


def _call(factory: ApiFactory, what: Callable[[PlatformApi], Any], *, not_enrolled: Exception) -> Any:
    try:
        api = factory()
    except SyncError as exc:
        if exc.kind == "config":
            raise not_enrolled from exc
        raise NeedsNetwork() from exc
    try:
        return what(api)
    finally:
        api.close()


class PlatformCardAuthenticator:
    """``OnlineAuthenticator``: hands the Step1 factors to the platform's encryption machine."""

    def __init__(self, factory: ApiFactory) -> None:
        self.factory = factory

    def authenticate(self, step1: HsmStep1) -> str:
        try:
            request = CardAuthRequest(
                card_id=step1.card_id or None,
                step1=step1.text,
                region_code=step1.region_code[:6] if step1.region_code[:6].isdigit() else None,
            )
        except ValueError as exc:
            raise CardDataInvalid("联网认证因子格式不正确") from exc

        def ask(api: PlatformApi) -> str:
            answer = api.card_authenticate(request)
            return f"{answer.internal_auth}|{answer.external_auth}|"

        try:
            result: str = _call(self.factory, ask, not_enrolled=NeedsOnlineAuth(NOT_ENROLLED))
        except SyncError as exc:
            if _offline(exc):
                raise NeedsNetwork() from exc
            log.warning("card online authentication refused: kind=%s code=%s", exc.kind, exc.code)
            raise NeedsOnlineAuth(
                "人社平台没有通过这张卡的联网认证："
                + (exc.platform_message or str(exc))
                + " 请再读一次；仍不行请改用二代身份证办理，并联系信息技术人员。"
            ) from exc
        return result


class PlatformQrVerifier:
    """``QrVerifier``: the platform decides whether a scanned 电子社保卡 code is valid and whose it is."""

    def __init__(self, factory: ApiFactory) -> None:
        self.factory = factory

    def verify(self, token: QrToken) -> CardRecord:
        try:
            request = QrVerifyRequest(token=token.code)
        except ValueError as exc:
            raise QrRejected() from exc
        try:
            # Not enrolled is "offline" for a QR code: it stays on the case to verify.
            answer = _call(self.factory, lambda api: api.qr_verify(request), not_enrolled=NeedsNetwork())
        except SyncError as exc:
            if _offline(exc):
                raise NeedsNetwork() from exc
            raise QrRejected("人社平台无法核验这个二维码：" + (exc.platform_message or str(exc))) from exc
        if answer.status != "valid" or answer.person is None:
            raise QrRejected(answer.message or None)
        person = answer.person
        # The holder comes from outside: check it like any card before the counter relies on it.
        if person.doc_type == "resident_id" and not validate("resident_id", person.doc_number).ok:
            raise QrRejected("人社平台返回的持卡人证件号码校验不通过，请改用证件办理，并联系信息技术人员。")
        return CardRecord(
            ss_number=person.doc_number,
            card_number=person.card_number or "",
            name=person.name,
            gender=person.gender,
            birth_date=person.birth_date,
            source="qr",
        )
