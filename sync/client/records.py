"""Applying the platform's copy of a record to the local store without losing local work.

One rule runs through everything here: a record with *unsent local edits* (outbox entries still
pending, held by a conflict, or quarantined) is never simply overwritten. Instead the three
versions are compared — the platform's copy as last seen (the shadow, the common base), the local
row, and the platform's new copy:

- the two sides changed different fields → *rebase*: the platform's fields are taken into the
  local row, the local edits stay, and they are queued again on top of the new server version;
- both changed a field to different values (or one side deleted what the other edited) →
  *conflict*: both versions are kept for staff and the record's outbox entries wait for them.

Every function works in the caller's session, which must be a ``remote_apply`` session (nothing here
may queue itself through the outbox hook; new outbox rows are written explicitly).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Table, insert, select, text
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from app.clock import utcnow
from app.store.models import OutboxEntry, Synced
from app.store.outbox import REMOTE_APPLY, row_payload
from app.store.sync_models import SyncConflict, SyncShadow
from sync.client.entities import BOOKKEEPING, EntitySpec, decode_row, normalized, registry, row_state, spec_for

# Outbox states of changes the platform has not taken yet ("conflict": held for staff; "rejected":
# quarantined). "done" and "superseded" (replaced by a newer entry for the same record) are final.
UNSENT_STATES = ("pending", "conflict", "rejected")
FILLERS: Mapping[str, Mapping[str, Any]] = {
    # The platform never sends password hashes; such an account can log in once online (see credentials).
    "staff": {"password_hash": "!"},
}


class Outcome(StrEnum):
    APPLIED = "applied"
    SKIPPED = "skipped"
    REBASED = "rebased"
    CONFLICT = "conflict"  # a new conflict was recorded
    HELD = "held"  # the record already waits for staff; its conflict now shows this newer copy


@dataclass(frozen=True)
class Incoming:
    """The platform's state of one record at ``server_version``."""

    entity: str
    entity_id: str
    server_version: int
    deleted: bool
    payload: Mapping[str, Any]

    def wire(self) -> dict[str, Any]:
        return {**self.payload, "id": self.entity_id, "deleted": self.deleted}


@dataclass(frozen=True)
class Merge:
    local_changed: frozenset[str]
    server_changed: frozenset[str]
    disputed: frozenset[str]


def ensure_remote(session: Session) -> None:
    if not session.info.get(REMOTE_APPLY):
        raise RuntimeError("platform data must be applied in a remote_apply session")


def take_write_lock(session: Session) -> None:
    """Make the transaction a writer before it reads anything.

    SQLite in WAL mode cannot turn a reading transaction into a writing one if another connection
    (the counter's own work) committed in between; starting with a write avoids that failure and
    makes the decisions below see the latest data until commit.
    """
    session.execute(text("UPDATE setting SET value = value WHERE key = 'sync.lock'"))


def merge3(
    spec: EntitySpec, base: Mapping[str, Any] | None, local: Mapping[str, Any], server: Mapping[str, Any]
) -> Merge:
    """Which fields each side changed since ``base`` and which of those are in dispute.

    Without a base every differing field is in dispute (there is no way to tell who changed it).
    A deletion on one side against content edits on the other is a dispute over ``deleted``.
    """
    loc = normalized(spec, local)
    srv = normalized(spec, server)
    if base is None:
        local_changed = set(loc)
        server_changed = set(srv)
    else:
        old = normalized(spec, base)
        local_changed = {f for f, v in loc.items() if f not in old or old[f] != v}
        server_changed = {f for f, v in srv.items() if f not in old or old[f] != v}
    disputed = {f for f in local_changed & server_changed if loc.get(f) != srv.get(f)}
    local_deleted = bool(loc.get("deleted", False))
    server_deleted = bool(srv.get("deleted", False))
    if local_deleted != server_deleted and (
        (server_deleted and local_changed - {"deleted"}) or (local_deleted and server_changed - {"deleted"})
    ):
        disputed.add("deleted")
    return Merge(frozenset(local_changed), frozenset(server_changed), frozenset(disputed))


# ---------------------------------------------------------------------- the local side, cached

Key = tuple[str, str]  # (entity, entity_id)


class LocalView:
    """The local rows, shadows, unsent outbox entries and open conflicts one transaction works on.

    Every read goes through here and is cached per record, and every write that creates one of
    these goes through here too, so the view stays exact without flushing after each change
    (flushing per record would make a page of 500 changes cost thousands of round trips).
    :meth:`prefetch` loads the state of many records in a few queries. Entries only ever leave the
    unsent states, so a cached list is filtered by each entry's current state when read.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self._rows: dict[Key, Synced | None] = {}
        self._shadows: dict[Key, SyncShadow | None] = {}
        self._unsent: dict[Key, list[OutboxEntry]] = {}
        self._conflicts: dict[Key, SyncConflict | None] = {}

    def prefetch(self, keys: Iterable[Key], chunk: int = 500) -> None:
        by_entity: dict[str, list[str]] = {}
        for entity, entity_id in keys:
            if (entity, entity_id) not in self._rows and entity in registry():
                by_entity.setdefault(entity, []).append(entity_id)
        for entity, ids in by_entity.items():
            model = registry()[entity].model
            for start in range(0, len(ids), chunk):
                part = ids[start : start + chunk]
                for key in ((entity, i) for i in part):
                    self._rows[key] = None
                    self._shadows[key] = None
                    self._unsent[key] = []
                    self._conflicts[key] = None
                # One query for "does this store hold anything of these records at all" (a superset of
                # what counts: any outbox entry or conflict, whatever its state); only those records are
                # loaded as objects below. In a first pull that is none of them.
                known = _known_ids(self.session, model, entity, part)
                if not known:
                    continue
                part = [i for i in part if i in known]
                for obj in self.session.scalars(select(model).where(model.id.in_(part))):
                    self._rows[(entity, obj.id)] = obj
                for shadow in self.session.scalars(
                    select(SyncShadow).where(SyncShadow.entity == entity, SyncShadow.entity_id.in_(part))
                ):
                    self._shadows[(entity, shadow.entity_id)] = shadow
                for entry in self.session.scalars(
                    select(OutboxEntry)
                    .where(
                        OutboxEntry.entity == entity,
                        OutboxEntry.entity_id.in_(part),
                        OutboxEntry.state.in_(UNSENT_STATES),
                    )
                    .order_by(OutboxEntry.seq)
                ):
                    self._unsent[(entity, entry.entity_id)].append(entry)
                for conflict in self.session.scalars(
                    select(SyncConflict).where(
                        SyncConflict.entity == entity, SyncConflict.entity_id.in_(part), SyncConflict.state == "open"
                    )
                ):
                    self._conflicts[(entity, conflict.entity_id)] = conflict

    def absent(self, entity: str, entity_id: str) -> bool:
        """True when this store has nothing at all of the record: no row, shadow, entry or conflict."""
        key = (entity, entity_id)
        return (
            self.row(entity, entity_id) is None
            and self.shadow(entity, entity_id) is None
            and not self._unsent.get(key)
            and self._conflicts.get(key) is None
        )

    # rows
    def row(self, entity: str, entity_id: str) -> Synced | None:
        key = (entity, entity_id)
        if key not in self._rows:
            self._rows[key] = self.session.get(spec_for(entity).model, entity_id)
        return self._rows[key]

    def add_row(self, entity: str, obj: Synced) -> None:
        self.session.add(obj)
        self._rows[(entity, obj.id)] = obj

    # shadows
    def shadow(self, entity: str, entity_id: str) -> SyncShadow | None:
        key = (entity, entity_id)
        if key not in self._shadows:
            self._shadows[key] = self.session.get(SyncShadow, key)
        return self._shadows[key]

    def set_shadow(self, entity: str, entity_id: str, version: int, payload: Mapping[str, Any]) -> None:
        """Remember the platform's copy at ``version`` (never replacing a newer one)."""
        clean = {k: v for k, v in payload.items() if k != "server_version"}
        row = self.shadow(entity, entity_id)
        if row is None:
            row = SyncShadow(entity=entity, entity_id=entity_id, server_version=version, payload=clean)
            self.session.add(row)
            self._shadows[(entity, entity_id)] = row
        elif version >= row.server_version:
            row.server_version, row.payload = version, clean

    # outbox
    def unsent(self, entity: str, entity_id: str) -> list[OutboxEntry]:
        key = (entity, entity_id)
        if key not in self._unsent:
            self._unsent[key] = list(
                self.session.scalars(
                    select(OutboxEntry)
                    .where(
                        OutboxEntry.entity == entity,
                        OutboxEntry.entity_id == entity_id,
                        OutboxEntry.state.in_(UNSENT_STATES),
                    )
                    .order_by(OutboxEntry.seq)
                )
            )
        return [e for e in self._unsent[key] if e.state in UNSENT_STATES]

    def add_entry(self, entry: OutboxEntry) -> None:
        self.unsent(entry.entity, entry.entity_id)
        self.session.add(entry)
        self._unsent[(entry.entity, entry.entity_id)].append(entry)

    # conflicts
    def conflict(self, entity: str, entity_id: str) -> SyncConflict | None:
        key = (entity, entity_id)
        if key not in self._conflicts:
            self._conflicts[key] = self.session.scalar(
                select(SyncConflict).where(
                    SyncConflict.entity == entity, SyncConflict.entity_id == entity_id, SyncConflict.state == "open"
                )
            )
        found = self._conflicts[key]
        return found if found is not None and found.state == "open" else None

    def add_conflict(self, conflict: SyncConflict) -> None:
        self.session.add(conflict)
        self._conflicts[(conflict.entity, conflict.entity_id)] = conflict


def _known_ids(session: Session, model: type[Synced], entity: str, ids: list[str]) -> set[str]:
    """Ids among ``ids`` that have a row, a shadow, an outbox entry or a conflict: one statement.

    Written as plain SQL: as an expression with four expanding ``IN`` lists it cost more to render
    per page than to run.
    """
    connection = session.connection()
    quote = connection.dialect.identifier_preparer.quote  # "case" is a keyword
    marks = ", ".join("?" * len(ids))
    sql = (
        f"SELECT id FROM {quote(model.__tablename__)} WHERE id IN ({marks}) "  # type: ignore[attr-defined]
        f"UNION SELECT entity_id FROM {SyncShadow.__tablename__} WHERE entity = ? AND entity_id IN ({marks}) "
        f"UNION SELECT entity_id FROM {OutboxEntry.__tablename__} WHERE entity = ? AND entity_id IN ({marks}) "
        f"UNION SELECT entity_id FROM {SyncConflict.__tablename__} WHERE entity = ? AND entity_id IN ({marks})"
    )
    rows = connection.exec_driver_sql(sql, (*ids, entity, *ids, entity, *ids, entity, *ids))
    return {str(row[0]) for row in rows}


def unsent_entries(session: Session, entity: str, entity_id: str) -> list[OutboxEntry]:
    return LocalView(session).unsent(entity, entity_id)


def open_conflict(session: Session, entity: str, entity_id: str) -> SyncConflict | None:
    return LocalView(session).conflict(entity, entity_id)


def set_shadow(session: Session, entity: str, entity_id: str, version: int, payload: Mapping[str, Any]) -> None:
    LocalView(session).set_shadow(entity, entity_id, version, payload)


def supersede(entries: Iterable[OutboxEntry], note: str) -> None:
    for entry in entries:
        if entry.state in UNSENT_STATES:
            entry.state = "superseded"
            entry.last_error = note


def requeue(view: LocalView, obj: Synced, base_version: int | None, note: str) -> OutboxEntry:
    """Replace the record's unsent entries by one new entry with its current state on ``base_version``.

    A new mutation id is used on purpose: an id already sent must always mean the same change.
    """
    entity = type(obj).__entity__
    supersede(view.unsent(entity, obj.id), note)
    obj.version = max(obj.version or 0, base_version or 0) + 1
    entry = OutboxEntry(
        entity=entity,
        entity_id=obj.id,
        op="delete" if obj.deleted else "upsert",
        base_version=base_version,
        version=obj.version,
        payload=row_payload(obj),
    )
    view.add_entry(entry)
    return entry


def record_conflict(
    view: LocalView,
    spec: EntitySpec,
    obj: Synced,
    *,
    origin: str,
    base: Mapping[str, Any] | None,
    server: Mapping[str, Any],
    server_version: int,
    server_deleted: bool,
    fields: Iterable[str],
) -> SyncConflict:
    """Keep both versions for staff (one open conflict per record) and hold the record's outbox."""
    local = row_state(spec, obj)
    conflict = view.conflict(spec.name, obj.id)
    names = sorted(set(fields))
    if conflict is None:
        conflict = SyncConflict(
            entity=spec.name,
            entity_id=obj.id,
            origin=origin,
            server_version=server_version,
            fields=names,
            base=dict(base) if base is not None else None,
            local=local,
            server=dict(server),
            server_deleted=server_deleted,
        )
        view.add_conflict(conflict)
    else:
        conflict.fields = sorted(set(conflict.fields) | set(names))
        conflict.local = local
        if conflict.server_version is None or server_version >= conflict.server_version:
            conflict.server, conflict.server_version, conflict.server_deleted = (
                dict(server),
                server_version,
                server_deleted,
            )
    for entry in view.unsent(spec.name, obj.id):
        if entry.state == "pending":
            entry.state = "conflict"
    return conflict


def _assign(spec: EntitySpec, obj: Synced, values: Mapping[str, Any], fields: Iterable[str] | None = None) -> None:
    names = spec.data_fields if fields is None else fields
    for name in names:
        if name in values:
            setattr(obj, name, values[name])
    if "updated_at" in values and values["updated_at"] is not None:
        obj.updated_at = values["updated_at"]


def new_row(spec: EntitySpec, incoming: Incoming, values: Mapping[str, Any]) -> Synced:
    data = {k: v for k, v in values.items() if k not in BOOKKEEPING}
    for name, filler in FILLERS.get(spec.name, {}).items():
        if data.get(name) is None:
            data[name] = filler
    obj = spec.model(**data)
    obj.id = incoming.entity_id
    obj.version = incoming.server_version
    obj.server_version = incoming.server_version
    obj.updated_at = values.get("updated_at") or utcnow()
    return obj


class FreshRows:
    """Records new to this store, written with one executemany per table instead of ORM objects.

    A record the store has never seen (no row, no shadow, no outbox entry, no conflict) has nothing to
    protect: the rule of :func:`apply_incoming` is simply "insert it and remember the platform's copy".
    That is most of a first pull, where building an ORM object, its identity-map entry and its flush
    bookkeeping per record was most of the time. Rows keep the model's column defaults (Core applies
    them for absent columns), persons are put into the search index in one batch, and everything is
    written in the caller's transaction (a failure rolls back with it and the caller goes record by
    record, parking what does not fit, exactly as before).
    """

    def __init__(self) -> None:
        self._rows: dict[str, list[dict[str, Any]]] = {}
        self._shadows: list[dict[str, Any]] = []
        self._persons: list[Any] = []
        self.keys: list[Key] = []

    def __len__(self) -> int:
        return len(self.keys)

    def add(self, incoming: Incoming) -> None:
        """Decode and keep one record (raises :class:`SyncError` when it does not decode)."""
        spec = spec_for(incoming.entity)
        wire = incoming.wire()
        data = decode_row(spec, wire)
        updated_at = data.pop("updated_at", None)
        data.pop("version", None)
        data.pop("server_version", None)
        for name, filler in FILLERS.get(spec.name, {}).items():
            if data.get(name) is None:
                data[name] = filler
        data["id"] = incoming.entity_id
        data["version"] = incoming.server_version
        data["server_version"] = incoming.server_version
        data["updated_at"] = updated_at or utcnow()
        self._rows.setdefault(spec.name, []).append(data)
        if "server_version" in wire:
            wire = {k: v for k, v in wire.items() if k != "server_version"}
        shadow = {"entity": spec.name, "entity_id": incoming.entity_id, "server_version": incoming.server_version}
        self._shadows.append({**shadow, "payload": wire})
        if spec.name == "person" and not data.get("deleted"):
            self._persons.append(data)
        self.keys.append((spec.name, incoming.entity_id))

    def write(self, session: Session) -> None:
        """Insert everything kept, parents before children (the tables' foreign-key order)."""
        from app.search.index import IndexedPerson, update_index
        from app.store.models import Base

        ensure_remote(session)
        if not self.keys:
            return
        by_table = {registry()[name].model.__tablename__: name for name in self._rows}  # type: ignore[attr-defined]
        for table in Base.metadata.sorted_tables:
            name = by_table.get(table.name)
            if name is None:
                continue
            # Attribute names to column names (the same today; a model may map them apart).
            columns = {a.key: a.columns[0].key for a in sa_inspect(registry()[name].model).column_attrs}
            renamed = any(key != column for key, column in columns.items())
            # executemany needs one set of columns; absent ones get the column defaults.
            groups: dict[frozenset[str], list[dict[str, Any]]] = {}
            for values in self._rows[name]:
                row = {columns.get(key, key): value for key, value in values.items()} if renamed else values
                groups.setdefault(frozenset(row), []).append(row)
            for rows in groups.values():
                _insert_many(session, table, rows)
        _insert_many(session, SyncShadow.__table__, self._shadows)  # type: ignore[arg-type]
        if self._persons:
            persons = [
                IndexedPerson(p["id"], p["name"], p["doc_number"], p.get("gender"), p.get("birth_date"), p.get("phone"))
                for p in self._persons
            ]
            update_index(session.connection(), persons)


def _insert_many(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """``INSERT`` rows that all have the same keys (column names) with one driver executemany.

    What ``session.execute(insert(table), rows)`` would store, without its per-row parameter
    bookkeeping: each value goes through its column type's bind processor, and absent columns get
    their scalar defaults. A group lacking a column with a computed default goes through Core.
    """
    names = list(rows[0])
    fill: dict[str, Any] = {}
    for column in table.columns:
        if column.key in rows[0] or column.default is None:
            continue
        default = column.default
        if not isinstance(default, ScalarElementColumnDefault):
            session.execute(insert(table), rows)
            return
        fill[column.key] = default.arg
    connection = session.connection()
    dialect = connection.dialect
    columns = [table.c[name] for name in [*names, *fill]]
    processors = [column.type._cached_bind_processor(dialect) for column in columns]
    quote = dialect.identifier_preparer.quote
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(column.name) for column in columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    extra = tuple(fill.values())
    processed = [(i, process) for i, process in enumerate(processors) if process is not None]
    params: list[tuple[Any, ...]] = []
    for row in rows:
        values = [*(row[name] for name in names), *extra]
        for i, process in processed:
            values[i] = process(values[i])
        params.append(tuple(values))
    connection.exec_driver_sql(sql, params)


# ---------------------------------------------------------------------- the rule


def apply_incoming(
    session: Session, incoming: Incoming, *, force: bool = False, view: LocalView | None = None
) -> Outcome:
    """Bring the platform's state of one record into the store, protecting unsent local edits.

    ``force`` (a reset re-pull) applies the platform's copy to records without local edits even when
    the local row claims the same or a newer server version. Raises :class:`SyncError` when the
    payload does not decode (the caller parks the change).
    """
    ensure_remote(session)
    view = view or LocalView(session)
    spec = spec_for(incoming.entity)
    wire = incoming.wire()
    values = decode_row(spec, wire)
    obj = view.row(spec.name, incoming.entity_id)
    if obj is None:
        # Tombstones of records this station never saw are kept too: every station holds the same.
        view.add_row(spec.name, new_row(spec, incoming, values))
        view.set_shadow(spec.name, incoming.entity_id, incoming.server_version, wire)
        return Outcome.APPLIED

    already = obj.server_version is not None and incoming.server_version <= obj.server_version
    unsent = view.unsent(spec.name, obj.id)
    if already and (unsent or not force):
        return Outcome.SKIPPED
    conflict = view.conflict(spec.name, obj.id)
    if conflict is not None:
        if conflict.server_version is not None and incoming.server_version <= conflict.server_version:
            return Outcome.SKIPPED
        base = conflict.base
        merge = merge3(spec, base, row_state(spec, obj), wire)
        record_conflict(
            view,
            spec,
            obj,
            origin=conflict.origin,
            base=base,
            server=wire,
            server_version=incoming.server_version,
            server_deleted=incoming.deleted,
            fields=merge.disputed,
        )
        return Outcome.HELD
    if not unsent:
        _assign(spec, obj, values)
        obj.server_version = incoming.server_version
        obj.version = incoming.server_version
        view.set_shadow(spec.name, obj.id, incoming.server_version, wire)
        return Outcome.APPLIED

    shadow = view.shadow(spec.name, obj.id)
    base = shadow.payload if shadow is not None else None
    local = row_state(spec, obj)
    merge = merge3(spec, base, local, wire)
    if merge.disputed:
        record_conflict(
            view,
            spec,
            obj,
            origin="pull",
            base=base,
            server=wire,
            server_version=incoming.server_version,
            server_deleted=incoming.deleted,
            fields=merge.disputed,
        )
        return Outcome.CONFLICT
    rebase(view, spec, obj, values, merge, incoming.server_version, wire)
    return Outcome.REBASED


def rebase(
    view: LocalView,
    spec: EntitySpec,
    obj: Synced,
    server_values: Mapping[str, Any],
    merge: Merge,
    server_version: int,
    server_wire: Mapping[str, Any],
) -> None:
    """Take the platform's changed fields into the row and queue the local edits on top of them."""
    _assign(spec, obj, server_values, merge.server_changed)
    obj.server_version = server_version
    view.set_shadow(spec.name, obj.id, server_version, server_wire)
    if normalized(spec, row_state(spec, obj)) == normalized(spec, server_wire):
        # The platform already has exactly this (e.g. the echo of our own change): nothing to send.
        supersede(view.unsent(spec.name, obj.id), "平台已有相同内容")
        obj.version = server_version
        return
    requeue(view, obj, server_version, "已在平台新版本上重新排队")


def server_values(spec: EntitySpec, wire: Mapping[str, Any]) -> dict[str, Any]:
    return decode_row(spec, wire)
