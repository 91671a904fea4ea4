"""Protocol version, paths, headers and limits every client and server of protocol 1 agrees on."""

from __future__ import annotations

from typing import Annotated, Final

from pydantic import BaseModel, ConfigDict, StringConstraints

PROTOCOL_VERSION: Final = 1
API_PREFIX: Final = f"/v{PROTOCOL_VERSION}"

# Requests may name the protocol they speak; a server answers 400 ``unsupported_protocol`` otherwise.
PROTOCOL_HEADER: Final = "X-Fuwutai-Protocol"
# Staff session token from /v1/auth/login (sent together with the device credential).
SESSION_HEADER: Final = "X-Fuwutai-Session"
# Key of the online channel (就业帮 APP stand-in) for /v1/online/applications.
APP_KEY_HEADER: Final = "X-Fuwutai-App-Key"
# "1" on every authenticated response while the device has an unacknowledged reset order.
RESET_HEADER: Final = "X-Fuwutai-Reset"
# Byte offset of a partial upload (attachments HEAD answers).
UPLOAD_OFFSET_HEADER: Final = "Upload-Offset"
DEVICE_SCHEME: Final = "Bearer"

# Limits. A server may advertise smaller ones in /v1/hello; it never accepts larger ones.
MAX_BODY_BYTES: Final = 8 * 1024 * 1024  # JSON bodies, after gzip decoding
MAX_BATCH_ITEMS: Final = 500
MAX_PAGE_LIMIT: Final = 1000
DEFAULT_PAGE_LIMIT: Final = 500
MAX_CHUNK_BYTES: Final = 1024 * 1024
MAX_ATTACHMENT_BYTES: Final = 50 * 1024 * 1024
MAX_REFDATA_PAGE: Final = 5000

Uuidish = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")]
"""Device-made identifiers (UUIDs in practice): letters, digits, ``-`` and ``_``, at most 64."""
EntityName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{0,29}$")]
DivisionCode = Annotated[str, StringConstraints(pattern=r"^[0-9]{2,12}$")]
Sha256Hex = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
ShortText = Annotated[str, StringConstraints(min_length=1, max_length=200)]


class WireRequest(BaseModel):
    """A body a client sends: exact, unknown fields are refused (typos surface as 422)."""

    model_config = ConfigDict(extra="forbid")


class WireResponse(BaseModel):
    """A body a server sends: clients ignore fields they do not know (servers may add fields in v1)."""

    model_config = ConfigDict(extra="ignore")


class Paths:
    """Every endpoint of protocol 1, relative to the server's base URL."""

    HELLO: Final = f"{API_PREFIX}/hello"
    ENROL: Final = f"{API_PREFIX}/enrol"
    LOGIN: Final = f"{API_PREFIX}/auth/login"
    LOGOUT: Final = f"{API_PREFIX}/auth/logout"
    PUSH: Final = f"{API_PREFIX}/push"
    CHANGES: Final = f"{API_PREFIX}/changes"
    RESET_ACK: Final = f"{API_PREFIX}/reset/ack"
    REFDATA: Final = f"{API_PREFIX}/refdata"
    ATTACHMENTS: Final = f"{API_PREFIX}/attachments"
    CARD_AUTH: Final = f"{API_PREFIX}/cards/authenticate"
    QR_VERIFY: Final = f"{API_PREFIX}/qr/verify"
    PERSON_LOOKUP: Final = f"{API_PREFIX}/persons/lookup"
    ONLINE_APPLICATIONS: Final = f"{API_PREFIX}/online/applications"

    @staticmethod
    def refdata_stream(stream: str) -> str:
        return f"{API_PREFIX}/refdata/{stream}"

    @staticmethod
    def attachment(sha256: str) -> str:
        return f"{API_PREFIX}/attachments/{sha256}"

    @staticmethod
    def attachment_chunk(sha256: str) -> str:
        return f"{API_PREFIX}/attachments/{sha256}/chunks"

    @staticmethod
    def attachment_commit(sha256: str) -> str:
        return f"{API_PREFIX}/attachments/{sha256}/commit"


def device_authorization(device_id: str, device_secret: str) -> str:
    """The ``Authorization`` header value of an enrolled device: ``Bearer <device_id>.<device_secret>``."""
    return f"{DEVICE_SCHEME} {device_id}.{device_secret}"


def parse_device_authorization(value: str | None) -> tuple[str, str] | None:
    """``(device_id, secret)`` from an ``Authorization`` header, or None when it is not a device credential."""
    if not value:
        return None
    scheme, _, credential = value.partition(" ")
    if scheme.lower() != DEVICE_SCHEME.lower():
        return None
    device_id, dot, secret = credential.strip().rpartition(".")
    if not dot or not device_id or not secret:
        return None
    return device_id, secret
