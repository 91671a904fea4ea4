"""What the status bar, ``fuwutai sync status`` and the work bench show about synchronisation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store.models import OutboxEntry
from app.store.sync_models import SyncConflict, SyncParked
from sync.client import state


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server_url: str | None
    device_id: str | None
    station_code: str | None
    pending: int  # changes waiting to be sent
    held: int  # changes waiting for a conflict decision
    quarantined: int  # changes the platform refused (to fix)
    conflicts: int  # open conflicts
    parked: int  # platform changes waiting for a related record
    cursor: int
    reset_pending: bool
    last_attempt: str | None
    last_success: str | None
    last_error: str | None
    refdata: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def summary(self) -> str:
        """One plain Chinese line for a status bar."""
        if not self.enrolled:
            return "本机尚未接入省级平台，数据只保存在本机。"
        parts = [f"待上传 {self.pending} 条"]
        if self.conflicts:
            parts.append(f"冲突 {self.conflicts} 条待处理")
        if self.quarantined:
            parts.append(f"被退回 {self.quarantined} 条待修改")
        if self.last_error:
            parts.append(f"上次同步未完成：{self.last_error}")
        elif self.last_success:
            parts.append(f"上次同步成功：{self.last_success} (UTC)")
        return "；".join(parts) + "。"


def _outbox_counts(session: Session, cap: int | None = None) -> dict[str, int]:
    if cap is None:
        rows = session.execute(select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state))
        return {str(state_): int(count) for state_, count in rows}
    # Screens only need "how many, up to a point": each count stops at cap + 1 on the (state, seq) index.
    counts: dict[str, int] = {}
    for name in ("pending", "conflict", "rejected"):
        limited = select(OutboxEntry.seq).where(OutboxEntry.state == name).limit(cap + 1).subquery()
        counts[name] = session.scalar(select(func.count()).select_from(limited)) or 0
    return counts


def sync_status(session: Session, *, count_cap: int | None = None) -> SyncStatus:
    """The workstation's sync state; with ``count_cap`` the outbox counts stop at cap + 1 (cheap on big stores)."""
    conn = state.connection(session)
    counts = _outbox_counts(session, count_cap)
    conflicts = session.scalar(select(func.count()).select_from(SyncConflict).where(SyncConflict.state == "open"))
    parked = session.scalar(select(func.count()).select_from(SyncParked))
    return SyncStatus(
        enrolled=conn is not None,
        server_url=conn.server_url if conn else None,
        device_id=conn.device_id if conn else None,
        station_code=conn.station_code if conn else None,
        pending=counts.get("pending", 0),
        held=counts.get("conflict", 0),
        quarantined=counts.get("rejected", 0),
        conflicts=conflicts or 0,
        parked=parked or 0,
        cursor=state.get_int(session, state.CURSOR),
        reset_pending=state.get(session, state.RESET_PENDING) == "1",
        last_attempt=state.get(session, state.LAST_ATTEMPT),
        last_success=state.get(session, state.LAST_SUCCESS),
        last_error=state.get(session, state.LAST_ERROR),
        refdata=state.refdata_versions(session),
    )


RECORD_STATE_LABELS = {
    "synced": "已同步",
    "pending": "待上传",
    "conflict": "有冲突待处理",
    "rejected": "被平台退回",
}
# The short forms for a list column or a detail header.
RECORD_STATE_SHORT = {"synced": "已同步", "pending": "待同步", "conflict": "冲突", "rejected": "被退回"}


def record_sync_states(session: Session, entity: str, ids: Sequence[str]) -> dict[str, str]:
    """Per-record state for lists and detail views: ``synced``, ``pending``, ``conflict`` or ``rejected``.

    The worst state wins (a conflict over a refusal over waiting). Ids not found count as synced:
    lists ask only about rows they show.
    """
    states = dict.fromkeys(ids, "synced")
    rank = {"synced": 0, "pending": 1, "rejected": 2, "conflict": 3}
    # Cheap for a page of a list: one look-up per 500 ids through the entity_id index, and none at all
    # for conflicts when the store has no open conflict (the usual case). The state is checked here,
    # not in SQL: with ``state IN (…)`` in the query SQLite picked the (state, seq) index and walked
    # every waiting entry (seconds on a station that has not synced for long) instead of the ids.
    any_conflict = session.scalar(select(SyncConflict.id).where(SyncConflict.state == "open").limit(1)) is not None
    for start in range(0, len(ids), 500):
        part = list(ids[start : start + 500])
        rows = session.execute(
            select(OutboxEntry.entity_id, OutboxEntry.state).where(
                OutboxEntry.entity == entity, OutboxEntry.entity_id.in_(part)
            )
        )
        for entity_id, entry_state in rows:
            if rank.get(entry_state, 0) > rank[states[entity_id]]:
                states[entity_id] = entry_state
        if not any_conflict:
            continue
        for entity_id in session.scalars(
            select(SyncConflict.entity_id).where(
                SyncConflict.entity == entity, SyncConflict.entity_id.in_(part), SyncConflict.state == "open"
            )
        ):
            states[entity_id] = "conflict"
    return states
