"""Finding persons at the counter by ID number, name, pinyin, initials or phone tail.

Index design (tables made by migration 0002, DDL in :mod:`app.search.schema`):

* ``person.doc_number`` (partial unique index ``ux_person_doc``, live rows) answers exact ID numbers
  and ID prefixes of 4+ characters with a range ``doc_number >= p AND doc_number < p_next``
  (``LIKE 'p%'`` cannot use the index). ``person_document`` (unique on ``doc_type, number``) answers
  the same for a person's other documents, with ``doc_type IN (…)`` so that index is usable.
* ``person_fts`` (FTS5, ``unicode61``, prefix indexes 1–4, ``detail=column``) holds per person one
  token per column value: the name as a single token (``张三``), the full pinyin joined
  (``zhangsan``, plus the surname reading for polyphonic surnames), the initials (``zs``) and the
  phone digits reversed (so a phone tail is a token prefix). Matching a whole token is an exact
  match; a token prefix (``"张三"*``) a prefix match. ``person_search`` maps FTS rowids to person ids
  and holds what a hit shows (name, masked ID, gender, birth date, phone tail), so an FTS hit costs
  one small row instead of lookups into ``person``. Tombstoned persons have no index rows (the flush
  hook removes them; :func:`app.search.index.index_problems` notices if something bypassed it).

Rules run in rank order, each with its own LIMIT, and stop once ``limit`` distinct persons are found:
exact ID, ID prefix, name exact, name prefix, pinyin (exact then prefix), initials (exact then prefix),
phone tail. Within a rule, ID prefixes come in number order, FTS matches in index order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from app.privacy import mask_id
from app.search.terms import name_key
from app.validation.text import ascii_upper, to_halfwidth

ID_EXACT = "id_exact"
ID_PREFIX = "id_prefix"
NAME_EXACT = "name_exact"
NAME_PREFIX = "name_prefix"
PINYIN = "pinyin"
INITIALS = "initials"
PHONE_TAIL = "phone_tail"

MIN_NUMBER_LENGTH = 4
MIN_LETTERS = 2
MAX_QUERY_LENGTH = 60
PHONE_MAX_DIGITS = 11
MAX_DOCUMENT_LENGTH = 18

DEFAULT_DOC_TYPES = ("resident_id", "ss_card", "residence_permit", "hkmo_permit", "tw_permit")
_SEPARATORS = re.compile(r"[\s\-_'·•．./\\]+")
_DOCUMENT_CHARS = re.compile(r"[0-9A-Z]+")
_LETTERS = re.compile(r"[a-z]+")

_COLUMNS = "p.id, p.name, p.doc_number, p.gender, p.birth_date, p.phone"
# Hits come from person_search alone (name, masked ID … are kept there): no lookups into person.
_FTS_SQL = (
    "SELECT s.person_id, s.name, s.masked_id, s.gender, s.birth_date, s.phone_tail FROM person_fts "
    "JOIN person_search AS s ON s.fts_rowid = person_fts.rowid "
    "WHERE person_fts MATCH :match LIMIT :limit"
)
_ID_EXACT_SQL = f"SELECT {_COLUMNS} FROM person AS p WHERE p.doc_number = :number AND p.deleted = 0 LIMIT :limit"
_ID_PREFIX_SQL = (
    f"SELECT {_COLUMNS} FROM person AS p "
    "WHERE p.doc_number >= :low AND p.doc_number < :high AND p.deleted = 0 "
    "ORDER BY p.doc_number LIMIT :limit"
)


@dataclass(frozen=True, slots=True)
class PersonHit:
    id: str
    name: str
    masked_id: str
    gender: str | None
    birth_date: date | None
    phone_tail: str | None
    matched: str


@dataclass(frozen=True, slots=True)
class PlannedQuery:
    """One SQL statement of a search, with named parameters (runs on SQLAlchemy or a raw connection)."""

    rule: str
    sql: str
    params: Mapping[str, Any]


@cache
def _document_types() -> tuple[str, ...]:
    from app.refdata.codes import load_bundled_code_tables

    table = load_bundled_code_tables().get("doc_type")
    return tuple(entry.code for entry in table) if table is not None else DEFAULT_DOC_TYPES


def _document_sql(condition: str) -> tuple[str, dict[str, str]]:
    types = {f"t{index}": code for index, code in enumerate(_document_types())}
    placeholders = ", ".join(f":{key}" for key in types)
    sql = (
        f"SELECT {_COLUMNS} FROM person_document AS d JOIN person AS p ON p.id = d.person_id "
        f"WHERE d.doc_type IN ({placeholders}) AND {condition} AND d.deleted = 0 AND p.deleted = 0 "
        "LIMIT :limit"
    )
    return sql, types


def normalize_query(query: str) -> str:
    """Full-width to half-width, surrounding space removed, lower-case."""
    return to_halfwidth(query).strip().lower()


def _next_prefix(prefix: str) -> str:
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _fts(rule: str, column: str, token: str, *, prefix: bool, limit: int) -> PlannedQuery:
    # Tokens here are letters and digits only, so quoting cannot be escaped from.
    match = f'{column} : "{token}"' + ("*" if prefix else "")
    return PlannedQuery(rule, _FTS_SQL, {"match": match, "limit": limit})


def _document_plan(compact: str, limit: int) -> list[PlannedQuery]:
    number = ascii_upper(compact)
    if len(number) < MIN_NUMBER_LENGTH or not _DOCUMENT_CHARS.fullmatch(number):
        return []
    exact_sql, types = _document_sql("d.number = :number")
    prefix_sql, _ = _document_sql("d.number >= :low AND d.number < :high")
    bounds = {"low": number, "high": _next_prefix(number), "limit": limit}
    plan = [
        PlannedQuery(ID_EXACT, _ID_EXACT_SQL, {"number": number, "limit": limit}),
        PlannedQuery(ID_EXACT, exact_sql, {**types, "number": number, "limit": limit}),
    ]
    if len(number) < MAX_DOCUMENT_LENGTH:  # no document number is longer than a citizen number
        plan += [
            PlannedQuery(ID_PREFIX, _ID_PREFIX_SQL, bounds),
            PlannedQuery(ID_PREFIX, prefix_sql, {**types, **bounds}),
        ]
    if number.isdigit() and len(number) <= PHONE_MAX_DIGITS:
        plan.append(_fts(PHONE_TAIL, "phone_rev", number[::-1], prefix=True, limit=limit))
    return plan


def plan_search(query: str, *, limit: int = 50) -> list[PlannedQuery]:
    """The statements :func:`search_persons` runs for ``query``, in rank order (empty: nothing to do)."""
    normalized = normalize_query(query)
    if not normalized or len(normalized) > MAX_QUERY_LENGTH or limit <= 0:
        return []
    compact = _SEPARATORS.sub("", normalized)
    if any(char.isdigit() for char in compact) and compact.isascii():
        return _document_plan(compact, limit)
    if compact.isascii():
        if not _LETTERS.fullmatch(compact) or len(compact) < MIN_LETTERS:
            return []
        return [
            _fts(PINYIN, "pinyin", compact, prefix=False, limit=limit),
            _fts(PINYIN, "pinyin", compact, prefix=True, limit=limit),
            _fts(INITIALS, "initials", compact, prefix=False, limit=limit),
            _fts(INITIALS, "initials", compact, prefix=True, limit=limit),
        ]
    key = name_key(compact)
    if not key:
        return []
    return [
        _fts(NAME_EXACT, "name", key, prefix=False, limit=limit),
        _fts(NAME_PREFIX, "name", key, prefix=True, limit=limit),
    ]


def _hit(row: Sequence[Any], rule: str) -> PersonHit:
    birth = row[4]
    if isinstance(birth, str):
        birth = date.fromisoformat(birth[:10])
    phone = row[5]
    return PersonHit(
        id=row[0],
        name=row[1],
        masked_id=mask_id(row[2]),  # idempotent: index rows hold the masked number already
        gender=row[3],
        birth_date=birth,
        phone_tail=phone[-4:] if phone else None,
        matched=rule,
    )


def search_persons(session: Session, query: str, *, limit: int = 50) -> list[PersonHit]:
    """Live persons matching ``query``, best rule first, at most ``limit``; [] for too-short queries."""
    hits: dict[str, PersonHit] = {}
    plan = plan_search(query, limit=limit)
    if not plan:
        return []
    # Plain DB-API statements: at four statements a search, SQLAlchemy's per-statement compile and
    # parameter processing would cost more than SQLite's own work.
    conn = session.connection()
    for planned in plan:
        for row in conn.exec_driver_sql(planned.sql, dict(planned.params)):
            if row[0] not in hits:
                hits[row[0]] = _hit(row, planned.rule)
                if len(hits) >= limit:
                    return list(hits.values())
    return list(hits.values())
