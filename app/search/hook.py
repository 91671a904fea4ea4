"""ORM flush hook: every Person inserted, changed or tombstoned is re-indexed in the same flush.

All persons of one flush are indexed together (:func:`app.search.index.update_index`: a handful of
statements per flush, not four per person), so a pulled page of a thousand persons stays cheap.

``after_flush`` sees the flushed rows while the session still lists them as new or dirty, and writes
through ``session.connection()``: the index change is part of the same transaction as the row.
Changes applied from the platform (``remote_apply``) are indexed too: the index describes local data.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from app.search.index import IndexedPerson, update_index
from app.store.models import Person

_INDEXED_ATTRIBUTES = ("name", "phone", "doc_number", "gender", "birth_date", "deleted")


def _needs_reindex(person: Person, *, is_new: bool) -> bool:
    if is_new:
        return True
    state = inspect(person)
    return any(state.attrs[key].history.has_changes() for key in _INDEXED_ATTRIBUTES)


@event.listens_for(Session, "after_flush")
def _index_persons(session: Session, _flush_context: Any) -> None:
    new = [obj for obj in session.new if isinstance(obj, Person)]
    dirty = [obj for obj in session.dirty if isinstance(obj, Person) and _needs_reindex(obj, is_new=False)]
    if not new and not dirty:
        return
    live: list[IndexedPerson] = []
    gone: list[str] = []
    for person in [*new, *dirty]:
        if person.deleted:
            gone.append(person.id)
        else:
            live.append(
                IndexedPerson(person.id, person.name, person.doc_number, person.gender, person.birth_date, person.phone)
            )
    update_index(session.connection(), live, gone)
