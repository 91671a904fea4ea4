"""The one error shape every non-2xx answer carries: ``{"error": {"code", "message", "retry_after", "details"}}``."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import Field

from sync.protocol.common import WireResponse


class ErrorCode(StrEnum):
    """Machine codes; ``message`` is the Chinese sentence for people. Clients branch on the code only."""

    INVALID_REQUEST = "invalid_request"  # 400/422: malformed JSON, wrong schema, bad query parameter
    UNSUPPORTED_PROTOCOL = "unsupported_protocol"  # 400: X-Fuwutai-Protocol names another version
    UNSUPPORTED_ENCODING = "unsupported_encoding"  # 415: Content-Encoding other than gzip/identity
    BODY_TOO_LARGE = "body_too_large"  # 413: over MAX_BODY_BYTES (compressed or decoded) or a batch limit
    UNAUTHENTICATED = "unauthenticated"  # 401: no or wrong device credential
    DEVICE_REVOKED = "device_revoked"  # 401: the device was revoked; enrol again
    SESSION_REQUIRED = "session_required"  # 401: a staff session is needed and missing or expired
    INVALID_TOKEN = "invalid_token"  # 401: enrolment token unknown, used or expired
    INVALID_CREDENTIALS = "invalid_credentials"  # 401: staff username/password wrong
    ACCOUNT_LOCKED = "account_locked"  # 423: too many failed logins (retry_after set)
    FORBIDDEN = "forbidden"  # 403: outside the station's scope
    NOT_FOUND = "not_found"  # 404
    CONFLICT = "conflict"  # 409: e.g. an upload offset that does not match
    GONE = "gone"  # 410: a reference-data version no longer served
    HASH_MISMATCH = "hash_mismatch"  # 422: uploaded bytes do not hash to the address
    RANGE_NOT_SATISFIABLE = "range_not_satisfiable"  # 416
    RATE_LIMITED = "rate_limited"  # 429 (retry_after set)
    UNAVAILABLE = "unavailable"  # 503: busy or in maintenance (retry_after set)
    INTERNAL = "internal"  # 500: a server bug; retry later


class ErrorBody(WireResponse):
    code: str
    message: str
    retry_after: int | None = Field(default=None, ge=0, description="seconds; also sent as Retry-After")
    details: dict[str, Any] | None = None


class ErrorResponse(WireResponse):
    error: ErrorBody


class RejectCode(StrEnum):
    """Why one pushed item was rejected (per-item, inside a 200 push answer)."""

    UNKNOWN_ENTITY = "unknown_entity"
    INVALID_PAYLOAD = "invalid_payload"
    INVALID_FIELD = "invalid_field"
    OUT_OF_SCOPE = "out_of_scope"
    DUPLICATE_KEY = "duplicate_key"
    INVALID_TRANSITION = "invalid_transition"
    UNKNOWN_RECORD = "unknown_record"
    INVALID_BASE_VERSION = "invalid_base_version"
