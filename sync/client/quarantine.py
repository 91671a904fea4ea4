"""Quarantine: changes the platform refused (outbox state ``rejected``) with its reason, for staff to fix.

A refused change never blocks the others. Staff either fix the record in its normal screen — the
new change is sent, and once the platform accepts it the refused one is settled automatically — or
use :func:`retry` (send the record's current state again, e.g. after the platform was corrected) or
:func:`discard` (give up this station's change: the record goes back to the platform's copy, or,
when the platform never had it, is withdrawn locally).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.errors import NotFound
from app.store.models import OutboxEntry
from app.store.outbox import REMOTE_APPLY
from app.store.sync_models import SyncShadow
from sync.client.conflicts import ENTITY_LABELS
from sync.client.entities import decode_row, spec_for
from sync.client.records import LocalView, requeue


@dataclass(frozen=True)
class QuarantinedChange:
    id: str  # the outbox entry (mutation) id
    entity: str
    entity_label: str
    entity_id: str
    op: str
    reason: str
    created_at: datetime
    attempts: int


def quarantined_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "rejected")) or 0


def list_quarantined(session: Session) -> list[QuarantinedChange]:
    rows = session.scalars(select(OutboxEntry).where(OutboxEntry.state == "rejected").order_by(OutboxEntry.seq))
    return [
        QuarantinedChange(
            r.id,
            r.entity,
            ENTITY_LABELS.get(r.entity, r.entity),
            r.entity_id,
            r.op,
            r.last_error or "平台未说明原因。",
            r.created_at,
            r.attempts,
        )
        for r in rows
    ]


def _entry(session: Session, entry_id: str) -> OutboxEntry:
    entry = session.scalar(select(OutboxEntry).where(OutboxEntry.id == entry_id))
    if entry is None or entry.state != "rejected":
        raise NotFound("找不到这条被退回的修改，可能已经处理过。请刷新列表。")
    return entry


def retry(session: Session, entry_id: str, actor: str | None) -> str:
    """Send the record's current state again as a new change; returns the new entry's id."""
    session.flush()  # the caller's own edits are queued normally before the flag below is raised
    session.info[REMOTE_APPLY] = True
    try:
        entry = _entry(session, entry_id)
        spec = spec_for(entry.entity)
        obj = session.get(spec.model, entry.entity_id)
        if obj is None:
            entry.state, entry.last_error = "superseded", "本机记录不存在"
            return ""
        new = requeue(LocalView(session), obj, obj.server_version, "工作人员要求重新发送")
        session.flush()
        audit.record(session, actor, "sync.quarantine_retry", spec.name, obj.id, {})
        session.flush()
        return new.id
    finally:
        session.info.pop(REMOTE_APPLY, None)


def discard(session: Session, entry_id: str, actor: str | None) -> None:
    """Give up a refused change: the record returns to the platform's copy, or is withdrawn locally."""
    session.flush()  # the caller's own edits are queued normally before the flag below is raised
    session.info[REMOTE_APPLY] = True
    try:
        entry = _entry(session, entry_id)
        spec = spec_for(entry.entity)
        entry.state, entry.last_error = "superseded", f"工作人员放弃了此修改（原因：{entry.last_error}）"
        obj = session.get(spec.model, entry.entity_id)
        if obj is not None:
            others = session.scalar(
                select(func.count())
                .select_from(OutboxEntry)
                .where(
                    OutboxEntry.entity == spec.name,
                    OutboxEntry.entity_id == obj.id,
                    OutboxEntry.state.in_(("pending", "rejected", "conflict")),
                )
            )
            if not others:
                shadow = session.get(SyncShadow, (spec.name, obj.id))
                if shadow is not None:
                    values = decode_row(spec, shadow.payload)
                    for name in spec.data_fields:
                        if name in values:
                            setattr(obj, name, values[name])
                    obj.server_version = obj.version = shadow.server_version
                elif obj.server_version is None:
                    obj.deleted = True
        session.flush()
        audit.record(session, actor, "sync.quarantine_discard", spec.name, entry.entity_id, {})
        session.flush()
    finally:
        session.info.pop(REMOTE_APPLY, None)
