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

from sqlalchemy import event, inspect
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
    return {attr.key: to_wire(getattr(obj, attr.key)) for attr in mapper.column_attrs if attr.key not in _NOT_SENT}


def _has_column_changes(session: Session, obj: Synced) -> bool:
    return session.is_modified(obj, include_collections=False)


def _queue(session: Session, obj: Synced, *, is_new: bool) -> None:
    if is_new:
        _apply_python_defaults(obj)
    else:
        obj.version = (obj.version or 0) + 1
    obj.updated_at = utcnow()
    session.add(
        OutboxEntry(
            entity=type(obj).__entity__,
            entity_id=obj.id,
            op="delete" if obj.deleted else "upsert",
            base_version=None if is_new else obj.server_version,
            version=obj.version,
            payload=row_payload(obj),
        )
    )


@event.listens_for(Session, "before_flush")
def _queue_changes(session: Session, _flush_context: Any, _instances: Any) -> None:
    for obj in session.deleted:
        if isinstance(obj, Synced):
            raise TombstoneOnlyError(f"{type(obj).__name__} rows are tombstoned (deleted=True), never deleted")
    if session.info.get(REMOTE_APPLY):
        return
    for obj in list(session.new):
        if isinstance(obj, Synced):
            _queue(session, obj, is_new=True)
    for obj in list(session.dirty):
        if isinstance(obj, Synced) and _has_column_changes(session, obj):
            _queue(session, obj, is_new=False)
