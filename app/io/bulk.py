"""Inserting many synced rows through the DB-API's ``executemany``, from their outbox payloads.

An imported row is built once, in its wire form (the outbox payload: dates and times in ISO form,
see :func:`app.store.outbox.to_wire`), and the same dict is stored in the outbox. This inserter turns
wire values into the exact text SQLAlchemy's SQLite types store (``2026-11-25 20:45:36.123456`` for a
DateTime, ``1990-01-31`` for a Date, 0/1 for a Boolean), so the rows read back through the ORM exactly
as if the ORM had written them. Going around SQLAlchemy's per-parameter processing matters at a
million rows: it cost more than SQLite's own work.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, DateTime, Integer, Table

Converter = Callable[[Any], Any]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _datetime(value: str) -> str:
    # to_wire: 2026-11-25T20:45:36.123456 -> SQLAlchemy's SQLite storage: 2026-11-25 20:45:36.123456
    return value.replace("T", " ", 1)


def _converter(column_type: Any) -> Converter | None:
    if isinstance(column_type, JSON):
        return _json
    if isinstance(column_type, DateTime):
        return _datetime
    if isinstance(column_type, Boolean):
        return int
    return None


class BulkInsert:
    """``INSERT INTO table (columns) VALUES (?, …)`` for rows given as wire-form dicts.

    Columns absent from a row (``server_version``) are stored as NULL; every NOT NULL column without
    a server default must be present (checked here, once, rather than failing on row 1,000,000).
    """

    def __init__(self, conn: Connection, table: Table, given: Sequence[str]) -> None:
        known = {column.name: column for column in table.columns}
        unknown = [name for name in given if name not in known]
        if unknown:
            raise ValueError(f"{table.name} has no columns {unknown}")
        self.columns = tuple(
            column.name for column in table.columns
            if column.name in given or not (column.primary_key and isinstance(column.type, Integer))
        )
        missing = [
            name for name in self.columns
            if name not in given and not known[name].nullable and known[name].server_default is None
        ]
        if missing:
            raise ValueError(f"rows for {table.name} must give the NOT NULL columns {missing}")
        self.conn = conn
        self.converted = [
            (position, converter)
            for position, name in enumerate(self.columns)
            if (converter := _converter(known[name].type)) is not None
        ]
        names = ", ".join(f'"{name}"' for name in self.columns)
        marks = ", ".join("?" for _ in self.columns)
        self.sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})'

    def _values(self, row: Mapping[str, Any]) -> tuple[Any, ...]:
        values = list(map(row.get, self.columns))
        for position, convert in self.converted:
            value = values[position]
            if value is not None:
                values[position] = convert(value)
        return tuple(values)

    def execute(self, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            self.conn.exec_driver_sql(self.sql, [self._values(row) for row in rows])
