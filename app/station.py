"""The station's state at a glance, as plain data (status bar, ``fuwutai status``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.store import Store
from app.store.backup import list_backups
from app.store.models import Case, OutboxEntry, Person


@dataclass(frozen=True)
class StationStatus:
    station_name: str
    station_code: str
    persons: int
    cases: int
    pending_sync: int
    rejected_sync: int
    last_backup: str
    data_dir: str


def sync_counts(session: Session, cap: int | None = None) -> tuple[int, int]:
    """Changes waiting for the platform and changes it rejected: all the status bar needs.

    Reads the outbox's (state, seq) index only and counts no persons or cases. Counting is linear in
    the rows counted (2.7 million pending rows after a first roster import take ~300 ms), so ``cap``
    stops each count at ``cap`` + 1: a result above ``cap`` means "more than ``cap``".
    """
    counts = []
    for state in ("pending", "rejected"):
        rows = select(OutboxEntry.seq).where(OutboxEntry.state == state)
        if cap is not None:
            rows = rows.limit(cap + 1)
        counts.append(session.scalar(select(func.count()).select_from(rows.subquery())) or 0)
    return counts[0], counts[1]


def station_status(store: Store) -> StationStatus:
    with store.session() as session:
        station = store.station()
        persons = session.scalar(select(func.count()).select_from(Person).where(Person.deleted.is_(False)))
        cases = session.scalar(select(func.count()).select_from(Case).where(Case.deleted.is_(False)))
        pending, rejected = sync_counts(session)
    backups = list_backups(store.data_dir.backups)
    last = backups[0].taken_at.strftime("%Y-%m-%d %H:%M（UTC）") if backups else "尚无备份"
    return StationStatus(
        station_name=station.name if station else "未设置",
        station_code=station.code if station else "-",
        persons=persons or 0,
        cases=cases or 0,
        pending_sync=pending,
        rejected_sync=rejected,
        last_backup=last,
        data_dir=str(store.data_dir.root),
    )
