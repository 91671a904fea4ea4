"""person search index: FTS5 table and its rowid map

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 21:00:00

``person_fts`` holds one row per live person (name key, pinyin, initials, reversed phone);
``person_search`` maps its rowids to person ids (SQLite's implicit rowid of ``person`` may be
renumbered by VACUUM or a table rebuild) and holds what a hit shows (name, masked ID, gender,
birth date, phone tail). Persons already in the store are indexed on upgrade.
The DDL is a frozen copy of :mod:`app.search.schema` as of this revision.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

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
CREATE_FTS = (
    "CREATE VIRTUAL TABLE person_fts USING fts5("
    "name, pinyin, initials, phone_rev, "
    "tokenize = 'unicode61', prefix = '1 2 3 4', detail = column, columnsize = 0)"
)


def upgrade() -> None:
    op.execute(CREATE_MAP)
    op.execute(CREATE_FTS)
    # Local import: the indexer (pypinyin) is only needed when this revision actually runs.
    from app.search.index import populate_index

    populate_index(op.get_bind())


def downgrade() -> None:
    op.execute("DROP TABLE person_fts")
    op.execute("DROP TABLE person_search")
