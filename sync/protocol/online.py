"""Online channel (就业帮 APP / 网上服务大厅 stand-in) and province-wide person look-up (全省通办)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints

from sync.protocol.common import DivisionCode, Uuidish, WireRequest, WireResponse


class Applicant(WireRequest):
    name: Annotated[str, StringConstraints(min_length=1, max_length=60)]
    doc_type: Annotated[str, StringConstraints(min_length=1, max_length=20)] = "resident_id"
    doc_number: Annotated[str, StringConstraints(min_length=4, max_length=30)]
    phone: Annotated[str, StringConstraints(max_length=20)] | None = None
    gender: Annotated[str, StringConstraints(max_length=1)] | None = None
    birth_date: date | None = None
    residence_address: Annotated[str, StringConstraints(max_length=200)] | None = None


class OnlineApplication(WireRequest):
    """``POST /v1/online/applications`` (header ``X-Fuwutai-App-Key``): an application made online.

    It reaches the target station's change feed as a ``person`` (created unless the station already
    has a live person with this document number) and a ``case`` in state ``received_online``.
    """

    application_id: Uuidish = Field(description="idempotency key chosen by the online channel")
    station_code: DivisionCode
    item_code: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    item_version: int | None = Field(default=None, ge=1)
    applicant: Applicant
    form_data: dict[str, Any] = Field(default_factory=dict)
    submitted_at: datetime | None = None


class OnlineApplicationResult(WireResponse):
    status: Literal["accepted", "duplicate"]
    case_id: str
    case_no: str
    person_id: str


class PersonLookupRequest(WireRequest):
    """``POST /v1/persons/lookup`` (device credential + staff session): 全省通办 / 联网核查.

    A POST so that ID numbers never appear in URLs or access logs. The look-up is audited.
    """

    doc_number: Annotated[str, StringConstraints(min_length=4, max_length=30)]
    purpose: Literal["transfer", "verify"] = "verify"


class Registration(WireResponse):
    station_code: str
    station_name: str
    item_code: str
    state: str
    accepted_on: date | None = None


class PersonSummary(WireResponse):
    """What one station may learn about a person recorded elsewhere: no phone, no address."""

    name: str
    doc_type: str
    doc_number: str
    gender: str | None = None
    birth_date: date | None = None
    employment_status: str | None = None
    station_code: str
    station_name: str


class PersonLookupResponse(WireResponse):
    found: bool
    persons: list[PersonSummary]
    registrations: list[Registration]
    message: str
