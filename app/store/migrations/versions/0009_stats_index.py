"""stats index: the 统计 page counts registrations per item and month from one index

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-26 01:00:00

``ix_case_item_accepted`` (item_code, accepted_on, state, deleted) covers the registrations-by-month
query, which otherwise reads every case of the item through ``ix_case_item`` (benchmarks/bench_stats.py).
"""

from __future__ import annotations

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.create_index(
            "ix_case_item_accepted", ["item_code", "accepted_on", "state", "deleted"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("case", schema=None) as batch_op:
        batch_op.drop_index("ix_case_item_accepted")
