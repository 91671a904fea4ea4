"""Feed positions: a per-station counter advanced under the station row's lock.

Why not a database sequence: on PostgreSQL a transaction may take position 10, another take 11 and
commit first; a reader would then pass 11 and never see 10. Holding the station row lock (``SELECT …
FOR UPDATE``; on SQLite the ``BEGIN IMMEDIATE`` write lock) from the first position taken until commit
makes one station's writers commit in position order, so a reader never skips a late commit.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sync.server.errors import not_found
from sync.server.models import Station


class StationFeed:
    """Positions for one station inside one write transaction; call :meth:`save` before commit."""

    def __init__(self, session: Session, station_code: str) -> None:
        self.session = session
        self.station_code = station_code
        last = session.execute(
            select(Station.last_seq).where(Station.code == station_code).with_for_update()
        ).scalar_one_or_none()
        if last is None:
            raise not_found("站点不存在。")
        self._last = int(last)
        self._start = self._last

    def next_seq(self) -> int:
        self._last += 1
        return self._last

    def save(self) -> None:
        if self._last != self._start:
            self.session.execute(update(Station).where(Station.code == self.station_code).values(last_seq=self._last))
            self._start = self._last
