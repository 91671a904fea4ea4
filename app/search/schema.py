"""DDL of the person search index (kept identical to migration 0002, which holds its own copy).

``person_search`` maps each FTS row to a person and carries what a search hit shows (name, masked
ID number, gender, birth date, phone tail), so a name search reads one small row per hit instead of
three B-tree lookups into ``person`` (at a million persons that was most of the time of a query).
The FTS rowid is ours, never ``person``'s implicit rowid: VACUUM and Alembic's copy-and-move table
rebuilds may renumber implicit rowids, which would silently point every index row at the wrong person.
"""

from __future__ import annotations

FTS_TABLE = "person_fts"
MAP_TABLE = "person_search"

# detail=column: no token positions (only single-token matches are used), a much smaller index.
# columnsize=0: no bm25 ranking, ranking is by rule. prefix: 1 Chinese character, 2-3 letters of
# pinyin or initials, 4 phone digits are the shortest prefixes searched.
CREATE_FTS = (
    "CREATE VIRTUAL TABLE person_fts USING fts5("
    "name, pinyin, initials, phone_rev, "
    "tokenize = 'unicode61', prefix = '1 2 3 4', detail = column, columnsize = 0)"
)
CREATE_MAP = (
    "CREATE TABLE person_search ("
    "fts_rowid INTEGER NOT NULL, "
    "person_id VARCHAR(36) NOT NULL, "
    "name VARCHAR(60) NOT NULL, "
    "masked_id VARCHAR(30) NOT NULL, "
    "gender VARCHAR(1), "
    "birth_date DATE, "
    "phone_tail VARCHAR(4), "
    "CONSTRAINT pk_person_search PRIMARY KEY (fts_rowid), "
    "CONSTRAINT uq_person_search_person_id UNIQUE (person_id))"
)

