"""household member changes: when a member joined, and when and why a member left

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-26 03:00:00

A member who moves out, marries out or dies is tombstoned (``deleted``, so every live-member query stays
as it is) and keeps ``left_on``, ``left_reason`` (moved_out / married_out / died / other) and ``left_note``:
the household detail lists former members from them. ``joined_on`` is the day a member was added to an
existing household (members registered with the household have none).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("household_member", schema=None) as batch_op:
        batch_op.add_column(sa.Column("joined_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("left_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("left_reason", sa.String(length=20), nullable=True))
        batch_op.add_column(sa.Column("left_note", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("household_member", schema=None) as batch_op:
        batch_op.drop_column("left_note")
        batch_op.drop_column("left_reason")
        batch_op.drop_column("left_on")
        batch_op.drop_column("joined_on")
