"""Case lists for big tables: ids first (cheap, ordered), rows fetched in blocks as they scroll into view.

绿色通道 (key-group persons served first): each row says whether its person is in the green channel now,
and ``CaseFilter.green`` puts their cases first (``"first"``) or lists only them (``"only"``). The active
flags are few, so both cost one small indexed query on top of the usual one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.privacy import mask_id
from app.services_extra.green_channel import green_persons
from app.store.models import Case, Person
from app.workflow.states import OPEN_STATES, STATE_LABELS, State


@dataclass(frozen=True)
class CaseFilter:
    state: str | None = None
    item_code: str | None = None
    handler_id: str | None = None
    overdue_on: date | None = None
    due_by: date | None = None
    person_id: str | None = None
    green: str | None = None  # None: newest first | "first": 绿色通道 cases first | "only": just those


@dataclass(frozen=True)
class CaseRow:
    id: str
    case_no: str
    item_code: str
    state: str
    state_label: str
    person_name: str
    person_masked_id: str
    accepted_on: date | None
    due_on: date | None
    closed_on: date | None
    on_commitment: bool
    synced: bool
    sync_state: str = ""  # synced | pending | conflict | rejected, filled in by callers that know the outbox
    green: bool = False  # the person is in the 绿色通道 (an active flag) now


def _filtered(query: Select[tuple[str]], f: CaseFilter) -> Select[tuple[str]]:
    query = query.where(Case.deleted.is_(False))
    if f.state:
        query = query.where(Case.state == f.state)
    if f.item_code:
        query = query.where(Case.item_code == f.item_code)
    if f.handler_id:
        query = query.where(Case.handler_id == f.handler_id)
    if f.person_id:
        query = query.where(Case.person_id == f.person_id)
    open_states = [s.value for s in OPEN_STATES]
    if f.overdue_on is not None:
        query = query.where(Case.state.in_(open_states), Case.due_on < f.overdue_on)
    if f.due_by is not None:
        query = query.where(Case.state.in_(open_states), Case.due_on <= f.due_by)
    return query


def case_ids(session: Session, f: CaseFilter, limit: int = 1_000_000) -> list[str]:
    newest_first = _filtered(select(Case.id), f).order_by(Case.created_at.desc()).limit(limit)
    if f.green is None:
        return list(session.scalars(newest_first))
    green = green_persons(session)
    first: list[str] = list(session.scalars(newest_first.where(Case.person_id.in_(list(green))))) if green else []
    if f.green == "only":
        return first
    chosen = set(first)
    everything: list[str] = list(session.scalars(newest_first))
    rest = [case_id for case_id in everything if case_id not in chosen]
    return (first + rest)[:limit]


def case_rows(session: Session, ids: Sequence[str]) -> dict[str, CaseRow]:
    rows = session.execute(
        select(Case, Person.name, Person.doc_number)
        .outerjoin(Person, Person.id == Case.person_id)
        .where(Case.id.in_(list(ids)))
    )
    found = list(rows)
    green = green_persons(session, [case.person_id for case, _n, _d in found if case.person_id])
    result: dict[str, CaseRow] = {}
    for case, name, doc in found:
        result[case.id] = CaseRow(
            case.id,
            case.case_no,
            case.item_code,
            case.state,
            STATE_LABELS[State(case.state)],
            name or "",
            mask_id(doc) if doc else "",
            case.accepted_on,
            case.due_on,
            case.closed_on,
            case.on_commitment,
            case.server_version == case.version,
            green=case.person_id in green,
        )
    return result
