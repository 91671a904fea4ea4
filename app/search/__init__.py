"""Person search: ID number, name, pinyin, initials and phone tail over an FTS5 index."""

from app.search.index import (
    IndexedPerson,
    bulk_index,
    index_problems,
    rebuild_index,
    reindex_person,
    unindex_person,
    update_index,
)
from app.search.query import PersonHit, PlannedQuery, normalize_query, plan_search, search_persons

__all__ = [
    "IndexedPerson",
    "PersonHit",
    "PlannedQuery",
    "bulk_index",
    "index_problems",
    "normalize_query",
    "plan_search",
    "rebuild_index",
    "reindex_person",
    "search_persons",
    "unindex_person",
    "update_index",
]
