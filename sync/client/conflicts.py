"""Conflicts for staff: both versions side by side, resolved field by field.

A conflict keeps the common base, the platform's copy and the local copy. Listing shows the
*current* local row (staff may have kept working on the record), and resolving builds the merged
row: disputed fields as staff chose, fields only this station changed kept, fields only the platform
changed taken. The merged row is saved through the normal outbox (a new upsert on the platform's
version as base), so it reaches the platform like any other edit, and the old held entries are
retired.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.clock import utcnow
from app.errors import NotFound, UserError
from app.store.models import Synced
from app.store.outbox import REMOTE_APPLY
from app.store.sync_models import SyncConflict
from sync.client.entities import EntitySpec, decode_row, normalized, row_state, spec_for
from sync.client.records import merge3, set_shadow, supersede, unsent_entries

Choice = Literal["local", "server"]

ENTITY_LABELS = {
    "staff": "工作人员",
    "person": "人员",
    "person_document": "人员证件",
    "person_tag": "人员标签",
    "household": "家庭",
    "household_member": "家庭成员",
    "employer": "用人单位",
    "job_posting": "岗位",
    "case": "办件",
    "case_event": "办件记录",
    "attachment": "附件",
    "follow_up": "回访",
}


@dataclass(frozen=True)
class FieldView:
    name: str
    local: Any
    server: Any
    disputed: bool
    local_changed: bool
    server_changed: bool


@dataclass(frozen=True)
class ConflictView:
    id: str
    entity: str
    entity_label: str
    entity_id: str
    origin: str
    created_at: datetime
    server_version: int | None
    server_deleted: bool
    disputed: tuple[str, ...]
    fields: tuple[FieldView, ...]  # every field that differs between the two versions


class ConflictError(UserError):
    pass


def open_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.state == "open")) or 0


def _row(session: Session, conflict: SyncConflict) -> tuple[EntitySpec, Synced]:
    spec = spec_for(conflict.entity)
    obj = session.get(spec.model, conflict.entity_id)
    if obj is None:
        raise NotFound("冲突涉及的记录在本机找不到，请联系县级信息技术人员。")
    return spec, obj


def _disputed(spec: EntitySpec, conflict: SyncConflict, local: Mapping[str, Any]) -> set[str]:
    merge = merge3(spec, conflict.base, local, conflict.server)
    return set(merge.disputed) | set(conflict.fields)


def view(session: Session, conflict: SyncConflict) -> ConflictView:
    spec, obj = _row(session, conflict)
    local = row_state(spec, obj)
    merge = merge3(spec, conflict.base, local, conflict.server)
    disputed = set(merge.disputed) | set(conflict.fields)
    loc = normalized(spec, local)
    srv = normalized(spec, conflict.server)
    names = [f for f in spec.data_fields if f in disputed or loc.get(f) != srv.get(f)]
    fields = tuple(
        FieldView(
            f,
            local.get(f),
            conflict.server.get(f),
            f in disputed,
            f in merge.local_changed,
            f in merge.server_changed,
        )
        for f in names
    )
    return ConflictView(
        conflict.id,
        conflict.entity,
        ENTITY_LABELS.get(conflict.entity, conflict.entity),
        conflict.entity_id,
        conflict.origin,
        conflict.created_at,
        conflict.server_version,
        conflict.server_deleted,
        tuple(sorted(disputed)),
        fields,
    )


def list_conflicts(session: Session) -> list[ConflictView]:
    rows = session.scalars(select(SyncConflict).where(SyncConflict.state == "open").order_by(SyncConflict.created_at))
    return [view(session, c) for c in rows]


def get_conflict(session: Session, conflict_id: str) -> SyncConflict:
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None or conflict.state != "open":
        raise NotFound(f"找不到待处理的冲突“{conflict_id}”，可能已经处理过。请刷新列表。")
    return conflict


def resolve_conflict(session: Session, conflict_id: str, choices: Mapping[str, Choice], actor: str | None) -> str:
    """Merge the two versions as chosen; returns the id of the outbox entry that carries the result.

    ``choices`` must name every disputed field ("local" = keep this station's value, "server" = take
    the platform's); other differing fields may be named too. Must run in a normal session (the
    merged row is queued by the outbox hook like any staff edit).
    """
    if session.info.get(REMOTE_APPLY):
        raise RuntimeError("resolve_conflict needs a normal session: the merged row must be queued")
    conflict = get_conflict(session, conflict_id)
    spec, obj = _row(session, conflict)
    local = row_state(spec, obj)
    merge = merge3(spec, conflict.base, local, conflict.server)
    disputed = set(merge.disputed) | set(conflict.fields)
    unknown = sorted(set(choices) - set(spec.data_fields))
    if unknown:
        raise ConflictError(f"“{ENTITY_LABELS.get(spec.name, spec.name)}”没有这些字段：{'、'.join(unknown)}。")
    bad = sorted(f for f, c in choices.items() if c not in ("local", "server"))
    if bad:
        raise ConflictError(f"字段 {'、'.join(bad)} 只能选择 local（保留本机）或 server（采用平台）。")
    missing = sorted(disputed - set(choices))
    if missing:
        raise ConflictError(f"还有字段没有选择保留哪一方：{'、'.join(missing)}。请逐项选择后再确认。")

    server_values = decode_row(spec, conflict.server)
    local_values = {f: getattr(obj, f) for f in spec.data_fields}
    merged: dict[str, Any] = {}
    for f in spec.data_fields:
        if f in choices:
            merged[f] = local_values[f] if choices[f] == "local" else server_values.get(f, local_values[f])
        elif f in merge.local_changed:
            merged[f] = local_values[f]
        elif f in server_values:
            merged[f] = server_values[f]
        else:
            merged[f] = local_values[f]

    # Retire what was waiting for this decision, then save the merged row on the platform's version.
    supersede(unsent_entries(session, spec.name, obj.id), "冲突已由工作人员处理")
    session.flush()
    obj.server_version = conflict.server_version
    for f, value in merged.items():
        setattr(obj, f, value)
    # Always a change, so the hook queues the merged row even when staff kept every local value.
    obj.updated_at = utcnow()
    if conflict.server_version is not None:
        set_shadow(session, spec.name, obj.id, conflict.server_version, conflict.server)
    conflict.state = "resolved"
    conflict.resolved_at = utcnow()
    conflict.resolved_by = actor
    conflict.resolution = dict(choices)
    session.flush()
    audit.record(
        session,
        actor,
        "sync.conflict_resolve",
        spec.name,
        obj.id,
        {"fields": sorted(choices), "kept_local": sorted(f for f, c in choices.items() if c == "local")},
    )
    queued = unsent_entries(session, spec.name, obj.id)
    return queued[-1].id if queued else ""
