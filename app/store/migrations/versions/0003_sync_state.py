"""client-side sync state: shadows, conflicts, parked changes, reference data, online logins

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 22:00:00

Tables of :mod:`app.store.sync_models`, written by the sync client (``sync/client``). Simple
settings (server address, cursor, reference-data versions) stay in ``setting``. Existing stores
start with empty tables: every synced row they hold is still unsent, so no shadow is needed yet.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "online_login",
        sa.Column("username", sa.String(length=50), nullable=False),
        sa.Column("staff_id", sa.String(length=36), nullable=True),
        sa.Column("first_at", sa.DateTime(), nullable=False),
        sa.Column("last_at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_online_login")),
    )
    op.create_table(
        "refdata_entry",
        sa.Column("stream", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("stream", "key", name=op.f("pk_refdata_entry")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("origin", sa.String(length=10), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("base", sa.JSON(), nullable=True),
        sa.Column("local", sa.JSON(), nullable=False),
        sa.Column("server", sa.JSON(), nullable=False),
        sa.Column("server_deleted", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=36), nullable=True),
        sa.Column("resolution", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.create_index("ix_sync_conflict_state", ["state"], unique=False)
        batch_op.create_index(
            "ux_sync_conflict_open",
            ["entity", "entity_id"],
            unique=True,
            sqlite_where=sa.text("state = 'open'"),
        )
    op.create_table(
        "sync_parked",
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("parked_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", name=op.f("pk_sync_parked")),
    )
    op.create_table(
        "sync_shadow",
        sa.Column("entity", sa.String(length=30), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", name=op.f("pk_sync_shadow")),
    )


def downgrade() -> None:
    op.drop_table("sync_shadow")
    op.drop_table("sync_parked")
    with op.batch_alter_table("sync_conflict", schema=None) as batch_op:
        batch_op.drop_index("ux_sync_conflict_open", sqlite_where=sa.text("state = 'open'"))
        batch_op.drop_index("ix_sync_conflict_state")
    op.drop_table("sync_conflict")
    op.drop_table("refdata_entry")
    op.drop_table("online_login")
