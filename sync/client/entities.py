"""Synced tables by wire name, and the conversion of their rows between wire form and Python values.

A row travels as a JSON object of its columns (dates and times as ISO 8601 text, as written by the
store's outbox). Values coming from the platform are checked column by column here, at the edge, so
that a wrong type becomes a clear :class:`~sync.client.errors.SyncError` instead of a damaged row.
Columns this program does not know (a newer platform) are ignored; bookkeeping columns (``id``,
``version``, ``server_version``, ``updated_at``) never count as an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, cached_property
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, String, Text, inspect

from app.store.models import SYNCED_MODELS, Synced
from app.store.outbox import to_wire
from sync.client.errors import SyncError

BOOKKEEPING = frozenset({"id", "version", "server_version", "updated_at"})


Decoder = Callable[[Any], Any]


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # str | int | bool | date | datetime | json
    nullable: bool
    max_length: int | None
    # The column's own check-and-convert, built once (a first pull calls it for every value it gets).
    decode: Decoder = field(compare=False, repr=False)


@dataclass(frozen=True)
class EntitySpec:
    name: str
    model: type[Synced]
    columns: Mapping[str, Column]
    foreign_keys: tuple[str, ...] = ()

    @cached_property
    def decoders(self) -> tuple[tuple[str, Decoder], ...]:
        return tuple((name, column.decode) for name, column in self.columns.items())

    @property
    def data_fields(self) -> tuple[str, ...]:
        """Columns whose values are the record's content (what staff edit and conflicts are about)."""
        return tuple(c for c in self.columns if c not in BOOKKEEPING)


def _kind(column_type: Any) -> str:
    if isinstance(column_type, Boolean):
        return "bool"
    if isinstance(column_type, Integer):
        return "int"
    if isinstance(column_type, DateTime):
        return "datetime"
    if isinstance(column_type, Date):
        return "date"
    if isinstance(column_type, JSON):
        return "json"
    if isinstance(column_type, String | Text):
        return "str"
    raise TypeError(f"unsupported column type {column_type!r}")


def _spec(model: type[Synced]) -> EntitySpec:
    columns: dict[str, Column] = {}
    foreign_keys: list[str] = []
    for attr in inspect(model).column_attrs:
        col = attr.columns[0]
        length = getattr(col.type, "length", None)
        kind = _kind(col.type)
        decode = _decoder(model.__entity__, attr.key, kind, bool(col.nullable), length)
        columns[attr.key] = Column(attr.key, kind, bool(col.nullable), length, decode)
        if col.foreign_keys:
            foreign_keys.append(attr.key)
    return EntitySpec(model.__entity__, model, columns, tuple(foreign_keys))


@cache
def registry() -> Mapping[str, EntitySpec]:
    return {model.__entity__: _spec(model) for model in SYNCED_MODELS}


def spec_for(entity: str) -> EntitySpec:
    found = registry().get(entity)
    if found is None:
        raise SyncError(
            f"省级平台发来了本程序不认识的数据类型“{entity}”。请升级服务台程序后再同步。",
            kind="protocol",
        )
    return found


def _bad(entity: str, field: str) -> SyncError:
    return SyncError(
        f"省级平台发来的“{entity}”记录中字段“{field}”的格式不正确，本次同步未保存任何内容。"
        "请稍后再试；如果一直出现，请联系县级信息技术人员。",
        kind="protocol",
    )


def _decoder(entity: str, name: str, kind: str, nullable: bool, max_length: int | None) -> Decoder:
    """The check-and-convert of one column: the platform's JSON value to the Python value stored."""

    def absent() -> None:
        if not nullable:
            raise _bad(entity, name)

    if kind == "bool":

        def decode(raw: Any) -> Any:
            if raw is None:
                return absent()
            if not isinstance(raw, bool):
                raise _bad(entity, name)
            return raw

    elif kind == "int":

        def decode(raw: Any) -> Any:
            if raw is None:
                return absent()
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise _bad(entity, name)
            return raw

    elif kind == "str":
        limit = max_length if max_length is not None else -1

        def decode(raw: Any) -> Any:
            if raw is None:
                return absent()
            if not isinstance(raw, str) or (limit >= 0 and len(raw) > limit):
                raise _bad(entity, name)
            return raw

    elif kind == "date":

        def decode(raw: Any) -> Any:
            if raw is None:
                return absent()
            try:
                return date.fromisoformat(raw)
            except (TypeError, ValueError):
                raise _bad(entity, name) from None

    elif kind == "datetime":

        def decode(raw: Any) -> Any:
            if raw is None:
                return absent()
            try:
                value = datetime.fromisoformat(raw)
            except (TypeError, ValueError):
                raise _bad(entity, name) from None
            if value.tzinfo is not None:
                # The store keeps naive UTC (app.clock.utcnow); a zone from the platform is converted.
                try:
                    value = (value - value.utcoffset()).replace(tzinfo=None)  # type: ignore[operator]
                except OverflowError:  # 0001-01-01T00:00+08:00 has no UTC time
                    raise _bad(entity, name) from None
            return value

    else:

        def decode(raw: Any) -> Any:
            if raw is None:
                return absent()
            if not isinstance(raw, dict | list):
                raise _bad(entity, name)
            return raw

    return decode


def decode_row(spec: EntitySpec, payload: Mapping[str, Any]) -> dict[str, Any]:
    """Python values for the known columns present in ``payload`` (bookkeeping ones included)."""
    return {name: decode(payload[name]) for name, decode in spec.decoders if name in payload}


def encode_value(value: Any) -> Any:
    return to_wire(value)


def row_state(spec: EntitySpec, obj: Synced) -> dict[str, Any]:
    """The row's current content in wire form (every column except ``server_version``)."""
    return {name: to_wire(getattr(obj, name)) for name in spec.columns if name != "server_version"}


def normalized(spec: EntitySpec, payload: Mapping[str, Any] | None) -> dict[str, Any]:
    """Content fields of a wire row in a comparable form (decoded, unknown and bookkeeping dropped).

    Values that do not decode are kept as they are: comparing must never fail, only applying may.
    """
    if payload is None:
        return {}
    out: dict[str, Any] = {}
    for name in spec.data_fields:
        if name not in payload:
            continue
        try:
            out[name] = spec.columns[name].decode(payload[name])
        except SyncError:
            out[name] = payload[name]
    return out


def changed_fields(spec: EntitySpec, before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> set[str]:
    """Content fields whose value differs between two wire rows (all present ones when no ``before``)."""
    old = normalized(spec, before)
    new = normalized(spec, after)
    if before is None:
        return set(new)
    return {name for name in new if name not in old or old[name] != new[name]}
