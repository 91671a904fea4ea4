"""Push: a batch of outbox entries up, one result per entry back (same order)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field, model_validator

from sync.protocol.common import MAX_BATCH_ITEMS, EntityName, Uuidish, WireRequest, WireResponse

Op = Literal["upsert", "delete", "command"]
ItemStatus = Literal["accepted", "duplicate", "conflict", "rejected"]

# Entities a protocol-1 server stores. Others are rejected ``unknown_entity`` (per item).
ENTITIES: tuple[str, ...] = (
    "staff",
    "person",
    "person_document",
    "person_tag",
    "household",
    "household_member",
    "employer",
    "job_posting",
    "case",
    "case_event",
    "attachment",
    "follow_up",
    # employers, job seekers and matching (app/store/models_employment.py)
    "employer_verification",
    "posting_terms",
    "job_intention",
    "person_skill",
    "referral",
    # training, entrepreneurship, campaigns, priority service, satisfaction, credit (app/store/models_services.py)
    "training_enrolment",
    "entrepreneurship_record",
    "campaign",
    "campaign_tag",
    "campaign_event",
    "green_channel",
    "appointment",
    "layoff_report",
    "case_agent",
    "satisfaction_rating",
    "fraud_flag",
    "settlement",
    "settlement_household",
    "laborer_census",
    "zero_employment_episode",
    "hardship_recognition",
    "assistance_plan",
    "assistance_plan_step",
    "welfare_placement",
)
# Payload fields a server never takes from a client (it owns them).
SERVER_OWNED_FIELDS: frozenset[str] = frozenset({"server_version"})


class PushItem(WireRequest):
    """One outbox row. ``mutation_id`` is its idempotency key: resending it never stores it twice."""

    mutation_id: Uuidish
    entity: EntityName
    entity_id: Uuidish
    op: Op
    base_version: int | None = Field(
        default=None, ge=1, description="the server_version this change was made on; null for a new record"
    )
    version: int = Field(ge=1, description="the device's local version after the change")
    payload: dict[str, Any] = Field(
        description="upsert/delete: the record's full state; command: a command object (see CaseCommand)"
    )

    @model_validator(mode="after")
    def _payload_matches(self) -> PushItem:
        if self.op != "command":
            pid = self.payload.get("id")
            if pid is not None and pid != self.entity_id:
                raise ValueError("payload.id must equal entity_id")
        return self


class PushRequest(WireRequest):
    """``POST /v1/push``. Items are applied in order; each one stands alone (one bad item blocks nothing)."""

    items: list[PushItem] = Field(min_length=1, max_length=MAX_BATCH_ITEMS)


class PushItemResult(WireResponse):
    """The answer for one item.

    - ``accepted``: stored; ``server_version`` is the record's new version (``server_copy`` set when the
      server changed more than the client sent, e.g. a command).
    - ``duplicate``: this mutation was stored before; ``server_version`` is what it got then.
    - ``conflict``: the record changed on the platform since ``base_version``; ``server_copy`` and
      ``server_version`` are the platform's current record, ``conflict_fields`` the fields both sides
      changed (empty: the edits touch different fields and the client may rebase and push again).
    - ``rejected``: never stored; ``code`` (RejectCode) and the Chinese ``reason`` say why. Resending the
      same item gets the same answer; fix the data and queue a new mutation.
    """

    mutation_id: str
    status: ItemStatus
    server_version: int | None = None
    server_copy: dict[str, Any] | None = None
    server_deleted: bool | None = None
    conflict_fields: list[str] = Field(default_factory=list)
    code: str | None = None
    reason: str | None = None

    @model_validator(mode="after")
    def _fields_for_status(self) -> PushItemResult:
        if self.status in ("accepted", "duplicate", "conflict") and self.server_version is None:
            raise ValueError(f"{self.status} needs server_version")
        if self.status == "conflict" and self.server_copy is None:
            raise ValueError("conflict needs server_copy")
        if self.status == "rejected" and (not self.code or not self.reason):
            raise ValueError("rejected needs code and reason")
        return self


class PushResponse(WireResponse):
    results: list[PushItemResult]
    reset_required: bool = False
    server_time: datetime


def accepted(mutation_id: str, server_version: int, server_copy: dict[str, Any] | None = None) -> PushItemResult:
    return PushItemResult(
        mutation_id=mutation_id, status="accepted", server_version=server_version, server_copy=server_copy
    )


def duplicate(mutation_id: str, server_version: int) -> PushItemResult:
    return PushItemResult(mutation_id=mutation_id, status="duplicate", server_version=server_version)


def conflict(
    mutation_id: str, server_version: int, server_copy: dict[str, Any], deleted: bool, fields: list[str]
) -> PushItemResult:
    return PushItemResult(
        mutation_id=mutation_id,
        status="conflict",
        server_version=server_version,
        server_copy=server_copy,
        server_deleted=deleted,
        conflict_fields=fields,
    )


def rejected(mutation_id: str, code: str, reason: str) -> PushItemResult:
    return PushItemResult(mutation_id=mutation_id, status="rejected", code=code, reason=reason)
