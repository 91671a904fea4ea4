"""Handshake, device enrolment and staff login."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from sync.protocol.common import DivisionCode, ShortText, WireRequest, WireResponse

StaffRole = Literal["clerk", "reviewer", "admin"]


class Limits(WireResponse):
    max_body_bytes: int
    max_batch_items: int
    max_page_limit: int
    max_chunk_bytes: int
    max_attachment_bytes: int


class ServerInfo(WireResponse):
    """``GET /v1/hello`` (no credential): a cheap connectivity check."""

    protocol_version: int
    server_name: str
    server_time: datetime
    limits: Limits


class EnrolRequest(WireRequest):
    """``POST /v1/enrol``: trade a one-time token for a device credential."""

    token: Annotated[str, StringConstraints(min_length=8, max_length=200)]
    device_name: ShortText = Field(description="shown to platform admins, e.g. the PC's host name")
    client_version: Annotated[str, StringConstraints(max_length=40)] = ""


class StationInfo(WireResponse):
    code: DivisionCode
    name: str


class EnrolResponse(WireResponse):
    device_id: str
    device_secret: str = Field(description="shown once; store it in the OS keyring")
    station: StationInfo
    protocol_version: int
    server_time: datetime


class LoginRequest(WireRequest):
    """``POST /v1/auth/login`` (device credential required): staff of this device's station only."""

    username: Annotated[str, StringConstraints(min_length=1, max_length=50)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class StaffInfo(WireResponse):
    staff_id: str
    username: str
    display_name: str
    role: StaffRole
    station_code: str


class LoginResponse(WireResponse):
    session_token: str
    expires_at: datetime
    staff: StaffInfo


class OkResponse(WireResponse):
    ok: bool = True
