"""households and relocation settlements: settlements, laborer census

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25 23:30:00

New synced tables (models in ``app/store/models_households.py``): ``settlement`` (易地扶贫搬迁安置点),
``settlement_household`` (a household living in a settlement, at most one live row per household),
``laborer_census`` (one quick census of one laborer; the newest per person is current) and
``zero_employment_episode`` (a household's time on the 零就业家庭 list until cleared); covering indexes
on ``person`` and ``household_member`` for the household figures.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _synced() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
    ]


PERSON_FACTS = ["id", "deleted", "birth_date", "gender", "employment_status"]
MEMBER_FACTS = ["household_id", "deleted", "person_id", "able_to_work", "working_age"]


def upgrade() -> None:
    # Covering indexes for the household figures (see app/store/models_households.py); on a store of
    # 1,000,000 persons the person index takes some seconds to build, once.
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.create_index("ix_person_household_facts", PERSON_FACTS, unique=False)
    with op.batch_alter_table("household_member", schema=None) as batch_op:
        batch_op.create_index("ix_household_member_facts", MEMBER_FACTS, unique=False)
    op.create_table(
        "settlement",
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("division_code", sa.String(length=12), nullable=True),
        sa.Column("address", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        *_synced(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settlement")),
    )
    op.create_table(
        "settlement_household",
        sa.Column("settlement_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("household_no", sa.String(length=30), nullable=True),
        sa.Column("origin_village", sa.String(length=100), nullable=True),
        sa.Column("poverty_kind", sa.String(length=10), nullable=True),
        sa.Column("moved_in_year", sa.Integer(), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_settlement_household_household_id_household")
        ),
        sa.ForeignKeyConstraint(
            ["settlement_id"], ["settlement.id"], name=op.f("fk_settlement_household_settlement_id_settlement")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settlement_household")),
    )
    with op.batch_alter_table("settlement_household", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_settlement_household_settlement_id"), ["settlement_id"], unique=False
        )
        batch_op.create_index(
            "ux_settlement_household_household", ["household_id"], unique=True, sqlite_where=sa.text("deleted = 0")
        )
        # The partial unique index above serves only queries that spell ``deleted = 0``; joins by household use this.
        batch_op.create_index(
            batch_op.f("ix_settlement_household_household_id"), ["household_id"], unique=False
        )
    op.create_table(
        "laborer_census",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=36), nullable=True),
        sa.Column("settlement_id", sa.String(length=36), nullable=True),
        sa.Column("census_on", sa.Date(), nullable=False),
        sa.Column("verified_by", sa.String(length=36), nullable=True),
        sa.Column("verifier_name", sa.String(length=50), nullable=True),
        sa.Column("employed", sa.Boolean(), nullable=False),
        sa.Column("destination", sa.String(length=10), nullable=True),
        sa.Column("destination_division", sa.String(length=12), nullable=True),
        sa.Column("work_form", sa.String(length=2), nullable=True),
        sa.Column("employer_name", sa.String(length=200), nullable=True),
        sa.Column("employer_id", sa.String(length=36), nullable=True),
        sa.Column("post", sa.String(length=100), nullable=True),
        sa.Column("aid_workshop", sa.Boolean(), nullable=False),
        sa.Column("public_welfare_post", sa.Boolean(), nullable=False),
        sa.Column("monthly_income", sa.Integer(), nullable=True),
        sa.Column("not_employed_reason", sa.String(length=100), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(["employer_id"], ["employer.id"], name=op.f("fk_laborer_census_employer_id_employer")),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_laborer_census_household_id_household")
        ),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_laborer_census_person_id_person")),
        sa.ForeignKeyConstraint(
            ["settlement_id"], ["settlement.id"], name=op.f("fk_laborer_census_settlement_id_settlement")
        ),
        sa.ForeignKeyConstraint(["verified_by"], ["staff.id"], name=op.f("fk_laborer_census_verified_by_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_laborer_census")),
    )
    with op.batch_alter_table("laborer_census", schema=None) as batch_op:
        batch_op.create_index("ix_laborer_census_person", ["person_id", "census_on"], unique=False)
        batch_op.create_index(
            "ix_laborer_census_settlement", ["settlement_id", "person_id", "census_on"], unique=False
        )
    op.create_table(
        "zero_employment_episode",
        sa.Column("household_id", sa.String(length=36), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("cleared_on", sa.Date(), nullable=True),
        sa.Column("cleared_person_id", sa.String(length=36), nullable=True),
        sa.Column("cleared_via", sa.String(length=20), nullable=True),
        sa.Column("cleared_by", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["cleared_by"], ["staff.id"], name=op.f("fk_zero_employment_episode_cleared_by_staff")
        ),
        sa.ForeignKeyConstraint(
            ["cleared_person_id"], ["person.id"], name=op.f("fk_zero_employment_episode_cleared_person_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["household_id"], ["household.id"], name=op.f("fk_zero_employment_episode_household_id_household")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_zero_employment_episode")),
    )
    with op.batch_alter_table("zero_employment_episode", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_zero_employment_episode_household_id"), ["household_id"], unique=False
        )
        batch_op.create_index("ix_zero_employment_open", ["cleared_on", "deleted", "since"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("zero_employment_episode", schema=None) as batch_op:
        batch_op.drop_index("ix_zero_employment_open")
        batch_op.drop_index(batch_op.f("ix_zero_employment_episode_household_id"))
    op.drop_table("zero_employment_episode")
    with op.batch_alter_table("laborer_census", schema=None) as batch_op:
        batch_op.drop_index("ix_laborer_census_settlement")
        batch_op.drop_index("ix_laborer_census_person")
    op.drop_table("laborer_census")
    with op.batch_alter_table("settlement_household", schema=None) as batch_op:
        batch_op.drop_index("ux_settlement_household_household", sqlite_where=sa.text("deleted = 0"))
        batch_op.drop_index(batch_op.f("ix_settlement_household_household_id"))
        batch_op.drop_index(batch_op.f("ix_settlement_household_settlement_id"))
    op.drop_table("settlement_household")
    op.drop_table("settlement")
    with op.batch_alter_table("household_member", schema=None) as batch_op:
        batch_op.drop_index("ix_household_member_facts")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index("ix_person_household_facts")
