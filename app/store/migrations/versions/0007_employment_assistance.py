"""employment assistance: hardship recognition, assistance plans, public-welfare posts

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 23:30:00
"""

from __future__ import annotations

from alembic import op  # noqa: F401

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
