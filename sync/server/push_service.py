"""Applying a push batch: each item in its own savepoint, one answer per item, one commit per batch."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from sync.protocol import (
    CASE_ACTION_LABELS,
    CASE_STATE_LABELS,
    NEEDS_REASON,
    CaseCommand,
    PushItem,
    PushItemResult,
    PushRequest,
    PushResponse,
    RejectCode,
    accepted,
    action_for_state_change,
    conflict,
    duplicate,
    rejected,
    transition_target,
)
from sync.server.auth_service import DeviceContext
from sync.server.db import Database
from sync.server.entity_rules import changed_fields, check_new_case_state, check_record, stored_payload
from sync.server.models import Mutation, RecordVersion
from sync.server.records import (
    ItemRefused,
    RecordState,
    RecordVersionRow,
    insert_history,
    insert_ignoring_conflicts,
    load_records,
    write_record,
)
from sync.server.security import utcnow
from sync.server.sequence import StationFeed

_LOOKUP_CHUNK = 400


@dataclass
class _Batch:
    """What one push transaction knows: earlier mutations, current records, history rows to insert."""

    session: Connection
    feed: StationFeed
    device: DeviceContext
    mutations: dict[str, tuple[str, int]]
    records: dict[tuple[str, str], RecordState]
    history: list[RecordVersionRow] = field(default_factory=list)


def push(db: Database, device: DeviceContext, request: PushRequest) -> PushResponse:
    results: list[PushItemResult] = []
    with db.write() as session:
        # The station lock is taken first, so one station's batches are applied one after another.
        feed = StationFeed(session, device.station_code)
        # Core statements on the session's connection: a push item is a few round trips, no ORM bookkeeping.
        connection = session.connection()
        batch = _Batch(
            connection,
            feed,
            device,
            _known_mutations(connection, [item.mutation_id for item in request.items]),
            load_records(connection, [(item.entity, item.entity_id) for item in request.items]),
        )
        for item in request.items:
            results.append(_apply_one(batch, item))
        insert_history(connection, batch.history)
        feed.save()
    return PushResponse(results=results, reset_required=device.reset_pending, server_time=utcnow())


def _known_mutations(session: Connection, ids: list[str]) -> dict[str, tuple[str, int]]:
    unique = sorted(set(ids))
    known: dict[str, tuple[str, int]] = {}
    for start in range(0, len(unique), _LOOKUP_CHUNK):
        rows = session.execute(
            select(Mutation.mutation_id, Mutation.station_code, Mutation.server_version).where(
                Mutation.mutation_id.in_(unique[start : start + _LOOKUP_CHUNK])
            )
        )
        known.update({row.mutation_id: (row.station_code, row.server_version) for row in rows})
    return known


def _earlier_answer(batch: _Batch, item: PushItem) -> PushItemResult | None:
    earlier = batch.mutations.get(item.mutation_id)
    if earlier is None:
        return None
    station_code, server_version = earlier
    if station_code != batch.device.station_code:
        return rejected(item.mutation_id, RejectCode.OUT_OF_SCOPE, "该变更编号已被其他站点使用，不能保存。")
    return duplicate(item.mutation_id, server_version)


def _apply_one(batch: _Batch, item: PushItem) -> PushItemResult:
    answer = _earlier_answer(batch, item)
    if answer is not None:
        return answer
    existing = batch.records.get((item.entity, item.entity_id))
    if existing is not None and item.op != "command" and (item.base_version or 0) != existing.server_version:
        # The version check reads history: insert what this batch has accepted so far, outside the savepoint.
        insert_history(batch.session, batch.history)
        batch.history.clear()
    pending: list[RecordVersionRow] = []
    try:
        with batch.session.begin_nested():
            result, state = _apply(batch, item, existing, pending)
    except ItemRefused as refusal:
        return rejected(item.mutation_id, refusal.code, refusal.reason)
    except _Answered as answered:
        return answered.result
    batch.history.extend(pending)
    batch.records[(item.entity, item.entity_id)] = state
    batch.mutations[item.mutation_id] = (batch.device.station_code, state.server_version)
    return result


class _Answered(Exception):
    """An answer that must roll the item's savepoint back (a conflict, a concurrent duplicate)."""

    def __init__(self, result: PushItemResult) -> None:
        super().__init__(result.status)
        self.result = result


def _claim_mutation(batch: _Batch, item: PushItem, server_version: int) -> None:
    """Insert the mutation id first: the primary key decides "already have it", no look-before-insert."""
    claimed = batch.session.execute(
        insert_ignoring_conflicts(batch.session, Mutation.__table__),
        {
            "mutation_id": item.mutation_id,
            "device_id": batch.device.device_id,
            "station_code": batch.device.station_code,
            "entity": item.entity,
            "entity_id": item.entity_id,
            "server_version": server_version,
            "applied_at": utcnow(),
        },
    ).first()
    if claimed is not None:
        return
    # Stored meanwhile by a transaction of another station (ours are serialised by the station lock).
    batch.mutations.update(_known_mutations(batch.session, [item.mutation_id]))
    answer = _earlier_answer(batch, item)
    if answer is None:
        raise ItemRefused(RejectCode.OUT_OF_SCOPE, "该变更编号已被其他站点使用，不能保存。")
    raise _Answered(answer)


def _apply(
    batch: _Batch, item: PushItem, existing: RecordState | None, history: list[RecordVersionRow]
) -> tuple[PushItemResult, RecordState]:
    if existing is not None and existing.station_code != batch.device.station_code:
        raise ItemRefused(RejectCode.OUT_OF_SCOPE, "该记录不属于本站，不能修改。")
    _claim_mutation(batch, item, existing.server_version + 1 if existing is not None else 1)
    if item.op == "command":
        state = _command(batch, item, existing, history)
        return accepted(item.mutation_id, state.server_version, state.payload), state
    state = _upsert(batch, item, existing, history)
    return accepted(item.mutation_id, state.server_version), state


def _upsert(
    batch: _Batch, item: PushItem, existing: RecordState | None, history: list[RecordVersionRow]
) -> RecordState:
    deleted = item.op == "delete" or bool(item.payload.get("deleted", False))
    payload = stored_payload(item.payload)
    problem = check_record(item.entity, payload, deleted=deleted)
    if problem is not None:
        raise ItemRefused(*problem)
    if existing is None:
        if item.entity == "case" and not deleted and (problem := check_new_case_state(payload)):
            raise ItemRefused(*problem)
    else:
        _check_versions(batch, item, existing, payload)
        if item.entity == "case" and not deleted:
            _check_state_change(existing, payload)
    return write_record(
        batch.session,
        batch.feed,
        entity=item.entity,
        entity_id=item.entity_id,
        payload=payload,
        deleted=deleted,
        origin="device",
        device_id=batch.device.device_id,
        mutation_id=item.mutation_id,
        existing=existing,
        history=history,
    )


def _check_versions(batch: _Batch, item: PushItem, existing: RecordState, payload: dict[str, Any]) -> None:
    base = item.base_version or 0
    if base == existing.server_version:
        return
    if base > existing.server_version:
        raise ItemRefused(
            RejectCode.INVALID_BASE_VERSION,
            "本机记录的版本比平台还新，平台数据可能已恢复到较早状态。请联系管理员，并执行一次完整同步。",
        )
    later = batch.session.execute(
        select(RecordVersion.origin_device_id).where(
            RecordVersion.entity == item.entity,
            RecordVersion.entity_id == item.entity_id,
            RecordVersion.server_version > base,
        )
    ).scalars()
    if all(origin == batch.device.device_id for origin in later):
        return  # only this device's own earlier edits happened since: a fast-forward, not a conflict
    base_copy: dict[str, Any] = {}
    if base:
        base_payload = batch.session.execute(
            select(RecordVersion.payload).where(
                RecordVersion.entity == item.entity,
                RecordVersion.entity_id == item.entity_id,
                RecordVersion.server_version == base,
            )
        ).scalar_one_or_none()
        base_copy = dict(base_payload or {})
    theirs = changed_fields(base_copy, existing.payload)
    mine = changed_fields(base_copy, payload)
    both = sorted(name for name in theirs & mine if existing.payload.get(name) != payload.get(name))
    raise _Answered(conflict(item.mutation_id, existing.server_version, existing.payload, existing.deleted, both))


def _check_state_change(existing: RecordState, payload: dict[str, Any]) -> None:
    old = str(existing.payload.get("state", ""))
    new = str(payload.get("state", ""))
    if old != new and action_for_state_change(old, new) is None:
        raise ItemRefused(
            RejectCode.INVALID_TRANSITION,
            f"办件不能从“{CASE_STATE_LABELS.get(old, old)}”直接改为“{CASE_STATE_LABELS.get(new, new)}”。"
            "请按办理流程操作后再同步。",
        )


def _command(
    batch: _Batch, item: PushItem, existing: RecordState | None, history: list[RecordVersionRow]
) -> RecordState:
    if item.entity != "case":
        raise ItemRefused(RejectCode.INVALID_PAYLOAD, "只有办件可以发送状态变更指令。")
    try:
        command = CaseCommand.model_validate(item.payload)
    except ValidationError as error:
        raise ItemRefused(RejectCode.INVALID_PAYLOAD, f"办件指令格式不正确：{_first_error(error)}") from error
    if existing is None or existing.deleted:
        raise ItemRefused(RejectCode.UNKNOWN_RECORD, "平台上找不到此办件，请先同步办件本身再办理。")
    return apply_case_command(
        batch.session,
        batch.feed,
        existing,
        command,
        origin="device",
        device_id=batch.device.device_id,
        mutation_id=item.mutation_id,
        history=history,
    )


def apply_case_command(
    session: Session | Connection,
    feed: StationFeed,
    case: RecordState,
    command: CaseCommand,
    *,
    origin: str,
    device_id: str | None,
    mutation_id: str | None,
    history: list[RecordVersionRow] | None = None,
) -> RecordState:
    """Validate a case transition against the platform's copy and store the new state."""
    current = str(case.payload.get("state", ""))
    label = CASE_ACTION_LABELS.get(command.action, command.action)
    if command.expected_state is not None and command.expected_state != current:
        raise ItemRefused(
            RejectCode.INVALID_TRANSITION,
            f"办件在平台上的状态已是“{CASE_STATE_LABELS.get(current, current)}”，不能再“{label}”。"
            "请同步后查看最新状态。",
        )
    target = transition_target(command.action, current)
    if target is None:
        raise ItemRefused(
            RejectCode.INVALID_TRANSITION,
            f"办件当前状态为“{CASE_STATE_LABELS.get(current, current)}”，不能“{label}”。请同步后查看最新状态。",
        )
    if command.action in NEEDS_REASON and not (command.note or "").strip():
        raise ItemRefused(RejectCode.INVALID_PAYLOAD, f"“{label}”需要填写原因。")
    payload = {**case.payload, **command.fields, "state": target}
    if command.action in NEEDS_REASON and "close_reason" not in command.fields and target != "accepted":
        payload["close_reason"] = command.note
    return write_record(
        session,
        feed,
        entity="case",
        entity_id=case.entity_id,
        payload=payload,
        deleted=False,
        origin=origin,
        device_id=device_id,
        mutation_id=mutation_id,
        existing=case,
        history=history,
    )


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}：{first['msg']}" if where else str(first["msg"])
