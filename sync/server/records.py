"""Writing one record version: feed position, history row and unique business keys.

Core statements (not the ORM unit of work) keep a push item to a handful of round trips; every
uniqueness decision is still the database's: ``INSERT … ON CONFLICT DO NOTHING`` and its row count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from sync.protocol import RejectCode
from sync.server.entity_rules import subject_of, unique_keys
from sync.server.models import Record, RecordVersion, UniqueKey
from sync.server.security import utcnow
from sync.server.sequence import StationFeed

_LOOKUP_CHUNK = 400


class ItemRefused(Exception):
    """One item cannot be stored; the caller rolls back its savepoint and answers ``rejected``."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(code)
        self.code = code
        self.reason = reason


@dataclass
class RecordState:
    """The platform's current copy of one record (a plain snapshot, not an ORM object)."""

    entity: str
    entity_id: str
    station_code: str
    server_version: int
    deleted: bool
    payload: dict[str, Any]
    origin_device_id: str | None
    has_keys: bool = True


@dataclass(frozen=True)
class RecordVersionRow:
    entity: str
    entity_id: str
    server_version: int
    payload: dict[str, Any]
    deleted: bool
    origin_device_id: str | None
    mutation_id: str | None
    changed_at: datetime


@cache
def _insert_ignoring(dialect: str, table: Table) -> Insert:
    insert_for = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert_for(table).on_conflict_do_nothing().returning(*table.primary_key.columns)


Executor = Session | Connection
"""Records are written through a Session (admin, online) or, faster, its Connection (push)."""


def _dialect(executor: Executor) -> str:
    if isinstance(executor, Connection):
        return executor.dialect.name
    return executor.get_bind().dialect.name


def insert_ignoring_conflicts(session: Executor, table: Any) -> Insert:
    """``INSERT … ON CONFLICT DO NOTHING RETURNING <key>`` for this session's database, built once.

    Execute it with a parameter dict; a returned row means it inserted (the row count of such
    statements is not reported by every driver). Statements are reused so each push item costs
    round trips, not statement construction.
    """
    return _insert_ignoring(_dialect(session), table)


_UPDATE_RECORD = update(Record.__table__).where(  # type: ignore[arg-type]
    Record.__table__.c.entity == bindparam("b_entity"), Record.__table__.c.entity_id == bindparam("b_id")
)
_DELETE_KEYS = delete(UniqueKey).where(
    UniqueKey.station_code == bindparam("b_station"),
    UniqueKey.entity_id == bindparam("b_id"),
    UniqueKey.kind.startswith(bindparam("b_prefix")),
)
_KEY_OWNER = select(UniqueKey.entity_id).where(
    UniqueKey.station_code == bindparam("b_station"),
    UniqueKey.kind == bindparam("b_kind"),
    UniqueKey.value == bindparam("b_value"),
)


_COLUMNS = (
    Record.entity,
    Record.entity_id,
    Record.station_code,
    Record.server_version,
    Record.deleted,
    Record.payload,
    Record.origin_device_id,
)


def _state(row: Any) -> RecordState:
    return RecordState(
        entity=row.entity,
        entity_id=row.entity_id,
        station_code=row.station_code,
        server_version=row.server_version,
        deleted=row.deleted,
        payload=dict(row.payload),
        origin_device_id=row.origin_device_id,
    )


def find_record(session: Executor, entity: str, entity_id: str) -> RecordState | None:
    row = session.execute(select(*_COLUMNS).where(Record.entity == entity, Record.entity_id == entity_id)).first()
    return _state(row) if row is not None else None


def load_records(session: Executor, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], RecordState]:
    """The current copies of many records at once (one query per few hundred ids)."""
    wanted = set(keys)
    ids = sorted({entity_id for _entity, entity_id in wanted})
    found: dict[tuple[str, str], RecordState] = {}
    for start in range(0, len(ids), _LOOKUP_CHUNK):
        chunk = ids[start : start + _LOOKUP_CHUNK]
        for row in session.execute(select(*_COLUMNS).where(Record.entity_id.in_(chunk))):
            key = (row.entity, row.entity_id)
            if key in wanted:
                found[key] = _state(row)
    return found


def write_record(
    session: Executor,
    feed: StationFeed,
    *,
    entity: str,
    entity_id: str,
    payload: dict[str, Any],
    deleted: bool,
    origin: str,
    device_id: str | None,
    mutation_id: str | None,
    existing: RecordState | None,
    history: list[RecordVersionRow] | None = None,
) -> RecordState:
    """Store a new version of a record of ``feed``'s station; raises :class:`ItemRefused` on a key clash.

    The history row goes to ``history`` when given (the caller inserts it once the item is final),
    otherwise it is inserted at once. Run inside a savepoint: a refusal leaves partial writes behind.
    """
    now = utcnow()
    payload = {**payload, "id": entity_id, "deleted": deleted}
    keys = [] if deleted else unique_keys(entity, payload)
    if existing is not None and existing.has_keys:
        session.execute(_DELETE_KEYS, {"b_station": feed.station_code, "b_id": entity_id, "b_prefix": f"{entity}."})
    _claim_keys(session, feed.station_code, entity_id, keys)
    seq = feed.next_seq()
    values = {
        "seq": seq,
        "deleted": deleted,
        "payload": payload,
        "origin": origin,
        "origin_device_id": device_id,
        "subject_id": subject_of(entity, entity_id, payload),
        "changed_at": now,
    }
    if existing is None:
        version = 1
        inserted = session.execute(
            insert_ignoring_conflicts(session, Record.__table__),
            {
                "entity": entity,
                "entity_id": entity_id,
                "station_code": feed.station_code,
                "server_version": 1,
                **values,
            },
        ).first()
        if inserted is None:
            # Another station owns this id (inserted concurrently): never reveal or touch it.
            raise ItemRefused(RejectCode.OUT_OF_SCOPE, "该记录编号已被其他站点使用，不能保存。")
    else:
        version = existing.server_version + 1
        session.execute(_UPDATE_RECORD, {"b_entity": entity, "b_id": entity_id, "server_version": version, **values})
    row = RecordVersionRow(entity, entity_id, version, payload, deleted, device_id, mutation_id, now)
    if history is None:
        insert_history(session, [row])
    else:
        history.append(row)
    return RecordState(entity, entity_id, feed.station_code, version, deleted, payload, device_id, bool(keys))


def insert_history(session: Executor, rows: list[RecordVersionRow]) -> None:
    if rows:
        session.execute(
            insert(RecordVersion),
            [
                {
                    "entity": r.entity,
                    "entity_id": r.entity_id,
                    "server_version": r.server_version,
                    "payload": r.payload,
                    "deleted": r.deleted,
                    "origin_device_id": r.origin_device_id,
                    "mutation_id": r.mutation_id,
                    "changed_at": r.changed_at,
                }
                for r in rows
            ],
        )


def _claim_keys(session: Executor, station_code: str, entity_id: str, keys: list[tuple[str, str, str]]) -> None:
    for kind, value, label in keys:
        claimed = session.execute(
            insert_ignoring_conflicts(session, UniqueKey.__table__),
            {"station_code": station_code, "kind": kind, "value": value, "entity_id": entity_id},
        ).first()
        if claimed is not None:
            continue
        owner = session.execute(
            _KEY_OWNER, {"b_station": station_code, "b_kind": kind, "b_value": value}
        ).scalar_one_or_none()
        if owner != entity_id:
            raise ItemRefused(
                RejectCode.DUPLICATE_KEY,
                f"本站已有{label}相同的另一条记录，不能重复登记。请在本机查找并合并这两条记录后再同步。",
            )
