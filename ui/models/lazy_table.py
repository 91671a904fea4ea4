"""A table model over a list of ids whose rows are fetched in blocks, on the DB worker, as they are shown.

Only ids are held for the whole list (100,000 cases are 100,000 short strings); row data comes in
blocks of ``BLOCK`` and is cached. Until a block arrives its cells show an ellipsis.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ui.context import AppContext

BLOCK = 200
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    text: Callable[[Any], str]


class LazyTableModel(QAbstractTableModel):
    def __init__(
        self, ctx: AppContext, columns: Sequence[Column], fetch: Callable[[Sequence[str]], Mapping[str, Any]]
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.columns = list(columns)
        self._fetch = fetch
        self._ids: list[str] = []
        self._rows: dict[str, Any] = {}
        self._pending: set[int] = set()
        self._generation = 0

    # data -----------------------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._generation += 1
        self._ids = list(ids)
        self._rows.clear()
        self._pending.clear()
        self.endResetModel()

    def set_rows(self, ids: Sequence[str], rows: Mapping[str, Any]) -> None:
        """Set the list with its rows already known (e.g. search hits carry their display data)."""
        self.set_ids(ids)
        self._rows.update(rows)

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_data(self, row: int) -> Any | None:
        row_id = self.id_at(row)
        return self._rows.get(row_id) if row_id else None

    def invalidate(self, row_id: str) -> None:
        self._rows.pop(row_id, None)
        if row_id in self._ids:
            row = self._ids.index(row_id)
            self._pending.discard(row // BLOCK)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    # Qt model API ---------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.UserRole):
            return None
        row_id = self._ids[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row_id
        row = self._rows.get(row_id)
        if row is None:
            self._request(index.row() // BLOCK)
            return "…"
        return self.columns[index.column()].text(row)

    # fetching -------------------------------------------------------------------------------------
    def _request(self, block: int) -> None:
        if block in self._pending:
            return
        self._pending.add(block)
        ids = self._ids[block * BLOCK : (block + 1) * BLOCK]
        generation = self._generation
        fetch = self._fetch

        def arrived(rows: Mapping[str, Any]) -> None:
            if generation != self._generation:
                return
            self._rows.update(rows)
            first = block * BLOCK
            last = min(len(self._ids), first + BLOCK) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

        def failed(_error: BaseException) -> None:
            self._pending.discard(block)

        self.ctx.submit(lambda: fetch(ids), arrived, failed)
