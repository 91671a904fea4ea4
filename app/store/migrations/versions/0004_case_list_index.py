"""case list index: the 办件 list and the 工作台 stay fast at 100,000 cases

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25 23:00:00

``ix_case_list`` covers the case list (live cases, newest first) together with the columns its
filters and the 工作台's "today" list test, so the unfiltered list reads the index in order instead of
sorting the whole table, and "today" stops scanning it (benchmarks/bench_workbench.py at 100,000 cases:
办件 ids ~300 -> ~60 ms, 今日受理 ~100 -> <5 ms). ``created_at`` leads on purpose: with ``deleted``
first, SQLite (no ANALYZE statistics) preferred this index over ``ix_case_state_due`` for the due-soon and
overdue lists and made them 20x slower.
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = ["created_at", "deleted", "id", "state", "item_code", "handler_id", "due_on", "accepted_on"]


def upgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.create_index("ix_case_list", COLUMNS, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_list")
