"""The transactional outbox: every change to a synced row queues itself in the same flush.

A ``before_flush`` hook sees each new, changed or tombstoned :class:`Synced` object, bumps its local
version and ``updated_at``, and adds an :class:`OutboxEntry` carrying the row's full state and the
server version it was based on. Because it runs inside the flush, the outbox row commits or rolls back
together with the change: nothing reaches the platform that was not saved, nothing saved is forgotten.

Changes applied from the platform set ``session.info[REMOTE_APPLY] = True`` and queue nothing.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.store.models import OutboxEntry, Synced

REMOTE_APPLY = "remote_apply"
_NOT_SENT = frozenset({"server_version"})


class TombstoneOnlyError(RuntimeError):
    """Synced rows are never deleted, only marked ``deleted`` so the deletion can be synchronised."""


def to_wire(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _apply_python_defaults(obj: Synced) -> None:
    mapper = inspect(type(obj))
    for attr in mapper.column_attrs:
        if getattr(obj, attr.key) is not None:
            continue
        column = attr.columns[0]
        default = column.default
        if default is None or (not getattr(default, "is_scalar", False) and not getattr(default, "is_callable", False)):
            continue
        arg = default.arg
        setattr(obj, attr.key, arg(None) if default.is_callable else arg)


def row_payload(obj: Synced) -> dict[str, Any]:
    mapper = inspect(type(obj))
    local_only = type(obj).__local_only__
    return {
        attr.key: to_wire(getattr(obj, attr.key))
        for attr in mapper.column_attrs
        if attr.key not in _NOT_SENT and attr.key not in local_only
    }


def _has_synced_changes(obj: Synced) -> bool:
    """True when a column the platform sees changed (local-only columns such as login counters do not count)."""
    state = inspect(obj)
    local_only = type(obj).__local_only__
    return any(
        state.attrs[attr.key].history.has_changes()
        for attr in state.mapper.column_attrs
        if attr.key not in local_only and attr.key not in _NOT_SENT
    )


_PENDING = "_outbox_pending"


@event.listens_for(Session, "before_flush")
def _queue_changes(session: Session, _flush_context: Any, _instances: Any) -> None:
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise TombstoneOnlyError(f"{type(obj).__name__} rows are tombstoned (deleted=True), never deleted")
    if session.info.get(REMOTE_APPLY):
        return
    pending: list[tuple[Synced, bool]] = session.info.setdefault(_PENDING, [])
    for obj in list(session.new):
        if isinstance(obj, Synced):
            _apply_python_defaults(obj)
            obj.updated_at = utcnow()
            pending.append((obj, True))
    for obj in list(session.dirty):
        if isinstance(obj, Synced) and _has_synced_changes(obj):
            obj.version = (obj.version or 0) + 1
            obj.updated_at = utcnow()
            pending.append((obj, False))


@event.listens_for(Session, "after_flush")
def _write_outbox(session: Session, _flush_context: Any) -> None:
    """Payloads are taken after the flush, when foreign keys set through relationships are filled in."""
    pending: list[tuple[Synced, bool]] = session.info.pop(_PENDING, [])
    if not pending:
        return
    rows = [
        {
            "entity": type(obj).__entity__,
            "entity_id": obj.id,
            "op": "delete" if obj.deleted else "upsert",
            "base_version": None if is_new else obj.server_version,
            "version": obj.version,
            "payload": row_payload(obj),
        }
        for obj, is_new in pending
    ]
    session.connection().execute(insert(OutboxEntry), rows)


@event.listens_for(Session, "after_rollback")
def _forget_pending(session: Session) -> None:
    session.info.pop(_PENDING, None)
