"""Push: drain the outbox oldest first, in batches, and record exactly what the platform answered.

A batch is read in one short transaction, sent with no transaction open, and its answer applied in
one ``remote_apply`` transaction. An entry is marked done only when the platform acknowledged it
(``accepted`` or ``duplicate``); after a crash between sending and recording, the same mutation ids
are sent again and answered ``duplicate`` — stored once. A ``rejected`` entry is quarantined with its
reason and the rest keep moving; a ``conflict`` keeps both versions for staff, or, when the platform
says the edits do not overlap, is rebased and queued again.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy import exists, select

from app.store import Store
from app.store.models import OutboxEntry, Synced
from app.store.sync_models import SyncConflict
from sync.client.api import PlatformApi
from sync.client.entities import registry, row_state, spec_for
from sync.client.errors import SyncError
from sync.client.records import (
    Incoming,
    LocalView,
    Outcome,
    apply_incoming,
    merge3,
    rebase,
    record_conflict,
    server_values,
    supersede,
    take_write_lock,
)
from sync.protocol.push import PushItem, PushItemResult, PushRequest, PushResponse

log = logging.getLogger("fuwutai.sync.push")

ITEM_OVERHEAD = 256


@dataclass
class PushStats:
    sent: int = 0
    accepted: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rebased: int = 0
    rejected: int = 0
    batches: int = 0
    reset_required: bool = False
    acknowledged_ids: list[str] = field(default_factory=list)

    @property
    def pushed(self) -> int:
        return self.accepted + self.duplicates


@dataclass(frozen=True)
class _Outgoing:
    seq: int
    item: PushItem


def _held_by_conflict() -> object:
    return exists().where(
        SyncConflict.state == "open",
        SyncConflict.entity == OutboxEntry.entity,
        SyncConflict.entity_id == OutboxEntry.entity_id,
    )


def next_batch(store: Store, max_items: int, max_bytes: int, *, after: int = 0) -> list[_Outgoing]:
    """The oldest pending entries (after outbox position ``after``) not held by a conflict, within the
    item and size limits.

    An entry that cannot even be expressed on the wire is quarantined here (it would never go).
    """
    picked: list[_Outgoing] = []
    bad: list[tuple[int, str]] = []
    with store.session() as session:
        rows = list(
            session.scalars(
                select(OutboxEntry)
                .where(
                    OutboxEntry.state == "pending",
                    OutboxEntry.seq > after,
                    ~_held_by_conflict(),  # type: ignore[operator]
                )
                .order_by(OutboxEntry.seq)
                .limit(max_items)
            )
        )
        # Rows whose payload has an empty reference column, fetched in one query per entity.
        wanted: dict[str, list[str]] = {}
        for row in rows:
            spec = registry().get(row.entity)
            if spec is not None and any(row.payload.get(n, "") is None for n in spec.foreign_keys):
                wanted.setdefault(row.entity, []).append(row.entity_id)
        found: dict[tuple[str, str], Synced] = {}
        for entity, ids in wanted.items():
            model = registry()[entity].model
            for start in range(0, len(ids), 500):
                for obj in session.scalars(select(model).where(model.id.in_(ids[start : start + 500]))):
                    found[(entity, obj.id)] = obj
        size = 64
        for row in rows:
            payload = fill_foreign_keys(row, found.get((row.entity, row.entity_id)))
            try:
                item = PushItem(
                    mutation_id=row.id,
                    entity=row.entity,
                    entity_id=row.entity_id,
                    op=row.op,  # type: ignore[arg-type]
                    base_version=row.base_version,
                    version=max(1, row.version),
                    payload=payload,
                )
            except ValidationError:
                bad.append((row.seq, "本机记录的格式不符合同步协议，无法发送。请联系县级信息技术人员。"))
                continue
            item_size = len(json.dumps(payload, ensure_ascii=False, default=str).encode()) + ITEM_OVERHEAD
            if picked and size + item_size > max_bytes:
                break
            if item_size > max_bytes:
                bad.append((row.seq, "这条记录太大，超过了平台一次能接收的上限，无法发送。请精简内容后重新保存。"))
                continue
            size += item_size
            picked.append(_Outgoing(row.seq, item))
    if bad:
        with store.session(remote_apply=True) as session:
            take_write_lock(session)
            for seq, reason in bad:
                entry = session.get(OutboxEntry, seq)
                if entry is not None and entry.state == "pending":
                    entry.state, entry.last_error = "rejected", reason
    return picked


def fill_foreign_keys(entry: OutboxEntry, obj: Synced | None) -> dict[str, Any]:
    """The entry's payload with reference columns the outbox left empty taken from the row.

    The store's flush hook snapshots a new row before SQLAlchemy copies the parent's id into a
    column set through a relationship (``PersonDocument(person=p)``), so such a payload says
    ``person_id: null``. The row itself has the value (it is written in the same flush and never
    changes afterwards), so it is taken from there; the platform would refuse the record otherwise.
    """
    spec = registry().get(entry.entity)
    if spec is None or entry.op == "command" or obj is None:
        return entry.payload
    missing = [name for name in spec.foreign_keys if entry.payload.get(name, "") is None]
    filled = {name: getattr(obj, name) for name in missing if getattr(obj, name) is not None}
    return {**entry.payload, **filled} if filled else entry.payload


def push(
    store: Store,
    api: PlatformApi,
    *,
    batch_items: int,
    batch_bytes: int,
    should_stop: Callable[[], bool],
    on_batch: Callable[[PushStats], None] | None = None,
    max_batches: int = 10_000,
) -> PushStats:
    """Send batches until nothing sendable is left (or ``should_stop``); returns the counts.

    The next batch is chosen and sent (on a helper thread) while the answer to the previous one is
    applied, so the platform and the local database work at the same time. At most one request is in
    flight; batches leave in outbox order, so the platform sees the same sequence as before, and the
    next batch only takes entries after those already sent in this call (an entry left pending by an
    answer — its record changed meanwhile — goes in the next round rather than in a loop now).
    """
    stats = PushStats()
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="fuwutai-push") as sender:
        batch = [] if should_stop() else next_batch(store, batch_items, batch_bytes)
        sending: Future[PushResponse] | None = sender.submit(_send, api, batch) if batch else None
        try:
            for number in range(max_batches):
                if sending is None:
                    break
                response = sending.result()
                sending = None
                stats.batches += 1
                stats.sent += len(batch)
                stats.reset_required = stats.reset_required or response.reset_required
                following: list[_Outgoing] = []
                if not should_stop() and number + 1 < max_batches:
                    following = next_batch(store, batch_items, batch_bytes, after=batch[-1].seq)
                    if following:
                        sending = sender.submit(_send, api, following)
                _apply_response(store, batch, response, stats)
                if on_batch is not None:
                    on_batch(stats)
                batch = following
        finally:
            if sending is not None and not sending.cancel():
                # Sent but not recorded: the same mutation ids go again next time and come back duplicate.
                sending.exception()
    return stats


def _send(api: PlatformApi, batch: list[_Outgoing]) -> PushResponse:
    return api.push(PushRequest(items=[b.item for b in batch]))


def _apply_response(store: Store, batch: list[_Outgoing], response: PushResponse, stats: PushStats) -> None:
    """Record what the platform answered for one batch, in one transaction."""
    with store.session(remote_apply=True) as session, session.no_autoflush:
        take_write_lock(session)
        view = LocalView(session)
        entries = {
            e.seq: e for e in session.scalars(select(OutboxEntry).where(OutboxEntry.seq.in_([b.seq for b in batch])))
        }
        view.prefetch((e.entity, e.entity_id) for e in entries.values())
        for outgoing, result in zip(batch, response.results, strict=True):
            entry = entries.get(outgoing.seq)
            if entry is not None:
                _apply_result(view, entry, result, stats)


def _apply_result(view: LocalView, entry: OutboxEntry, result: PushItemResult, stats: PushStats) -> None:
    entry.attempts = (entry.attempts or 0) + 1
    if result.status in ("accepted", "duplicate"):
        _acknowledged(view, entry, result)
        if result.status == "accepted":
            stats.accepted += 1
        else:
            stats.duplicates += 1
        stats.acknowledged_ids.append(entry.id)
    elif result.status == "rejected":
        if entry.state == "pending":
            entry.state = "rejected"
            entry.last_error = f"{result.reason}（{result.code}）"
            stats.rejected += 1
    elif entry.state in ("pending", "conflict"):
        outcome = _conflicted(view, entry, result)
        if outcome is Outcome.REBASED:
            stats.rebased += 1
        elif outcome is Outcome.CONFLICT:
            stats.conflicts += 1


def _acknowledged(view: LocalView, entry: OutboxEntry, result: PushItemResult) -> None:
    """The platform has this change: mark it done and note the record's new server version."""
    version = result.server_version
    assert version is not None  # guaranteed by PushItemResult's validator
    key = (entry.entity, entry.entity_id)
    entry.state, entry.last_error = "done", None
    # Earlier quarantined entries of the record are settled by this newer accepted state.
    supersede([e for e in view.unsent(*key) if e.seq < entry.seq and e.state == "rejected"], "后续修改已被平台接收")
    if result.server_copy is not None:
        copy = result.server_copy
        deleted = bool(result.server_deleted) if result.server_deleted is not None else bool(copy.get("deleted"))
        apply_incoming(view.session, Incoming(*key, version, deleted, copy), view=view)
        return
    obj = view.row(*key)
    payload = fill_foreign_keys(entry, obj)
    sent = {**payload, "id": entry.entity_id, "deleted": entry.op == "delete" or bool(payload.get("deleted"))}
    view.set_shadow(*key, version, sent)
    if obj is None:
        return
    if obj.server_version is None or version > obj.server_version:
        obj.server_version = version
    if not view.unsent(*key) and view.conflict(*key) is None:
        obj.version = obj.server_version


def _conflicted(view: LocalView, entry: OutboxEntry, result: PushItemResult) -> Outcome:
    """The record changed on the platform since this entry's base: rebase or keep both versions."""
    spec = spec_for(entry.entity)
    version = result.server_version
    copy = result.server_copy
    assert version is not None and copy is not None  # guaranteed by PushItemResult's validator
    deleted = bool(result.server_deleted) if result.server_deleted is not None else bool(copy.get("deleted", False))
    wire = {**copy, "id": entry.entity_id, "deleted": deleted}
    obj = view.row(spec.name, entry.entity_id)
    if obj is None:
        # The local row is gone (cannot happen with tombstones); keep the platform's copy.
        entry.state, entry.last_error = "superseded", "本机记录不存在"
        return Outcome.SKIPPED
    existing = view.conflict(spec.name, obj.id)
    shadow = view.shadow(spec.name, obj.id)
    base = existing.base if existing is not None else (shadow.payload if shadow is not None else None)
    merge = merge3(spec, base, row_state(spec, obj), wire)
    disputed = set(merge.disputed) | set(result.conflict_fields)
    if existing is None and not disputed:
        try:
            values = server_values(spec, wire)
        except SyncError:
            disputed = set(merge.server_changed)
        else:
            rebase(view, spec, obj, values, merge, version, wire)
            return Outcome.REBASED
    record_conflict(
        view,
        spec,
        obj,
        origin="push",
        base=base,
        server=wire,
        server_version=version,
        server_deleted=deleted,
        fields=disputed or merge.server_changed,
    )
    return Outcome.CONFLICT if existing is None else Outcome.HELD
