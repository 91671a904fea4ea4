"""The change feed (compacted, per station, by feed position) and reset orders."""

from __future__ import annotations

from sqlalchemy import func, select, update

from sync.protocol import Change, ChangesPage, Origin, ResetAckResponse
from sync.server.auth_service import DeviceContext
from sync.server.db import Database
from sync.server.models import Device, Record
from sync.server.security import utcnow


def changes(db: Database, device: DeviceContext, cursor: int, limit: int, *, count: bool = False) -> ChangesPage:
    """A page of the station's feed after ``cursor``; with ``count``, also how many records follow it.

    The count walks the (station, seq) index over everything after the page, so it is only made when
    asked for (a client asks once per pull, on its first page), never on every page.
    """
    with db.read() as session:
        rows = (
            session.connection()
            .execute(
                select(*_FEED_COLUMNS)
                .where(Record.station_code == device.station_code, Record.seq > cursor)
                .order_by(Record.seq)
                .limit(limit + 1)
            )
            .all()
        )
        has_more = len(rows) > limit
        rows = rows[:limit]
        remaining: int | None = None
        if count:
            remaining = 0
            if has_more:
                after = rows[-1].seq
                remaining = int(
                    session.connection().scalar(
                        select(func.count())
                        .select_from(Record)
                        .where(Record.station_code == device.station_code, Record.seq > after)
                    )
                    or 0
                )
    # Built without re-validation: every value comes from the platform's own tables.
    items = [
        Change.model_construct(
            seq=row.seq,
            entity=row.entity,
            entity_id=row.entity_id,
            server_version=row.server_version,
            deleted=row.deleted,
            payload=row.payload,
            origin=_origin(row.origin),
            origin_device_id=row.origin_device_id,
            changed_at=row.changed_at,
        )
        for row in rows
    ]
    next_cursor = items[-1].seq if items else cursor
    return ChangesPage(
        items=items,
        next_cursor=next_cursor,
        has_more=has_more,
        reset_required=device.reset_pending,
        server_time=utcnow(),
        remaining=remaining,
    )


_FEED_COLUMNS = (
    Record.seq,
    Record.entity,
    Record.entity_id,
    Record.server_version,
    Record.deleted,
    Record.payload,
    Record.origin,
    Record.origin_device_id,
    Record.changed_at,
)


def _origin(value: str) -> Origin:
    if value == "platform":
        return "platform"
    if value == "online":
        return "online"
    return "device"


def ack_reset(db: Database, device: DeviceContext) -> ResetAckResponse:
    with db.write() as session:
        session.execute(update(Device).where(Device.id == device.device_id).values(reset_pending=False))
    return ResetAckResponse(reset_required=False, server_time=utcnow())


def order_reset(db: Database, station_code: str) -> int:
    """Order every active device of a station to resync; returns how many devices got the order."""
    with db.write() as session:
        ordered = session.execute(
            update(Device)
            .where(Device.station_code == station_code, Device.revoked_at.is_(None))
            .values(reset_pending=True)
            .returning(Device.id)
        ).all()
        return len(ordered)
