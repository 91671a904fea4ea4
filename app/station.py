"""The station's state at a glance, as plain data (status bar, ``fuwutai status``)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

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


def station_status(store: Store) -> StationStatus:
    with store.session() as session:
        station = store.station()
        persons = session.scalar(select(func.count()).select_from(Person).where(Person.deleted.is_(False)))
        cases = session.scalar(select(func.count()).select_from(Case).where(Case.deleted.is_(False)))
        rows = session.execute(select(OutboxEntry.state, func.count()).group_by(OutboxEntry.state))
        by_state: dict[str, int] = {state: count for state, count in rows}
    backups = list_backups(store.data_dir.backups)
    last = backups[0].taken_at.strftime("%Y-%m-%d %H:%M（UTC）") if backups else "尚无备份"
    return StationStatus(
        station_name=station.name if station else "未设置",
        station_code=station.code if station else "-",
        persons=persons or 0,
        cases=cases or 0,
        pending_sync=by_state.get("pending", 0),
        rejected_sync=by_state.get("rejected", 0),
        last_backup=last,
        data_dir=str(store.data_dir.root),
    )
