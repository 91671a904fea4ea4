"""employment assistance: hardship recognition, assistance plans, public-welfare posts

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25 23:30:00

New synced tables (no change to existing ones): ``hardship_recognition`` (就业困难人员认定 with its
information check or field investigation and validity), ``assistance_plan`` and ``assistance_plan_step``
(就业援助计划), ``welfare_placement`` (公益性岗位安置).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
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


def upgrade() -> None:
    op.create_table(
        "hardship_recognition",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("categories", sa.JSON(), nullable=False),
        sa.Column("check_method", sa.String(length=20), nullable=False),
        sa.Column("info_check_result", sa.Text(), nullable=True),
        sa.Column("investigation_on", sa.Date(), nullable=True),
        sa.Column("investigators", sa.String(length=100), nullable=True),
        sa.Column("investigation_findings", sa.Text(), nullable=True),
        sa.Column("recognized_on", sa.Date(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("recognized_by", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_hardship_recognition_case_id_case")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_hardship_recognition_person_id_person")),
        sa.ForeignKeyConstraint(
            ["recognized_by"], ["staff.id"], name=op.f("fk_hardship_recognition_recognized_by_staff")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hardship_recognition")),
    )
    with op.batch_alter_table("hardship_recognition", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hardship_recognition_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hardship_recognition_valid_until"), ["valid_until"], unique=False)

    op.create_table(
        "assistance_plan",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("recognition_id", sa.String(length=36), nullable=True),
        sa.Column("opened_on", sa.Date(), nullable=False),
        sa.Column("goal", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("close_reason", sa.Text(), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_assistance_plan_person_id_person")),
        sa.ForeignKeyConstraint(
            ["recognition_id"],
            ["hardship_recognition.id"],
            name=op.f("fk_assistance_plan_recognition_id_hardship_recognition"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistance_plan")),
    )
    with op.batch_alter_table("assistance_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assistance_plan_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_assistance_plan_status"), ["status"], unique=False)

    op.create_table(
        "assistance_plan_step",
        sa.Column("plan_id", sa.String(length=36), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("content", sa.String(length=200), nullable=False),
        sa.Column("owner", sa.String(length=60), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("progress", sa.Text(), nullable=True),
        sa.Column("done_on", sa.Date(), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["assistance_plan.id"], name=op.f("fk_assistance_plan_step_plan_id_assistance_plan")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assistance_plan_step")),
    )
    with op.batch_alter_table("assistance_plan_step", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assistance_plan_step_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "welfare_placement",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("post_name", sa.String(length=100), nullable=False),
        sa.Column("post_employer", sa.String(length=200), nullable=False),
        sa.Column("start_on", sa.Date(), nullable=False),
        sa.Column("end_on", sa.Date(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=False),
        sa.Column("near_retirement", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=True),
        *_synced(),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_welfare_placement_case_id_case")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_welfare_placement_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_welfare_placement")),
    )
    with op.batch_alter_table("welfare_placement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_welfare_placement_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("welfare_placement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_welfare_placement_person_id"))
    op.drop_table("welfare_placement")
    with op.batch_alter_table("assistance_plan_step", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assistance_plan_step_plan_id"))
    op.drop_table("assistance_plan_step")
    with op.batch_alter_table("assistance_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assistance_plan_status"))
        batch_op.drop_index(batch_op.f("ix_assistance_plan_person_id"))
    op.drop_table("assistance_plan")
    with op.batch_alter_table("hardship_recognition", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hardship_recognition_valid_until"))
        batch_op.drop_index(batch_op.f("ix_hardship_recognition_person_id"))
    op.drop_table("hardship_recognition")
