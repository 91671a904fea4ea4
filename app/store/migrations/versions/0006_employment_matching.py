"""employment matching: employer verification, posting terms, job intentions, skills, referrals

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25 23:30:00

Tables of ``app/store/models_employment.py``: the 3-working-day verification of employers and postings
(``employer_verification``), what a local posting has beyond ``job_posting`` (``posting_terms``), job
seekers' intentions and skills, and referrals (推荐) with their outcome and 回访.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "job_intention",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("occupations", sa.JSON(), nullable=False),
        sa.Column("divisions", sa.JSON(), nullable=False),
        sa.Column("wage_min", sa.Integer(), nullable=True),
        sa.Column("wage_max", sa.Integer(), nullable=True),
        sa.Column("work_time", sa.String(length=10), nullable=False),
        sa.Column("key_industries", sa.JSON(), nullable=False),
        sa.Column("available_from", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_job_intention_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_intention")),
    )
    with op.batch_alter_table("job_intention", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_intention_person_id"), ["person_id"], unique=False)
        batch_op.create_index(
            "ux_job_intention_person", ["person_id"], unique=True, sqlite_where=sa.text("deleted = 0")
        )

    op.create_table(
        "person_skill",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("level", sa.String(length=30), nullable=True),
        sa.Column("certificate", sa.String(length=100), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_person_skill_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_skill")),
    )
    with op.batch_alter_table("person_skill", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_person_skill_person_id"), ["person_id"], unique=False)

    op.create_table(
        "posting_terms",
        sa.Column("posting_id", sa.String(length=36), nullable=False),
        sa.Column("work_time", sa.String(length=10), nullable=False),
        sa.Column("employment_type", sa.String(length=100), nullable=True),
        sa.Column("work_address", sa.String(length=200), nullable=True),
        sa.Column("education_required", sa.String(length=2), nullable=True),
        sa.Column("min_age", sa.Integer(), nullable=True),
        sa.Column("max_age", sa.Integer(), nullable=True),
        sa.Column("benefits", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["posting_id"], ["job_posting.id"], name=op.f("fk_posting_terms_posting_id_job_posting")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting_terms")),
    )
    with op.batch_alter_table("posting_terms", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_posting_terms_posting_id"), ["posting_id"], unique=False)
        batch_op.create_index("ix_posting_terms_updated_at", ["updated_at"], unique=False)
        batch_op.create_index(
            "ux_posting_terms_posting", ["posting_id"], unique=True, sqlite_where=sa.text("deleted = 0")
        )

    op.create_table(
        "employer_verification",
        sa.Column("employer_id", sa.String(length=36), nullable=False),
        sa.Column("posting_id", sa.String(length=36), nullable=True),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("on_commitment", sa.Boolean(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("verified_on", sa.Date(), nullable=True),
        sa.Column("verified_by", sa.String(length=36), nullable=True),
        sa.Column("licence_ok", sa.Boolean(), nullable=True),
        sa.Column("person_ok", sa.Boolean(), nullable=True),
        sa.Column("posting_ok", sa.Boolean(), nullable=True),
        sa.Column("investigated_on", sa.Date(), nullable=True),
        sa.Column("investigation_note", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_employer_verification_case_id_case")),
        sa.ForeignKeyConstraint(
            ["employer_id"], ["employer.id"], name=op.f("fk_employer_verification_employer_id_employer")
        ),
        sa.ForeignKeyConstraint(
            ["posting_id"], ["job_posting.id"], name=op.f("fk_employer_verification_posting_id_job_posting")
        ),
        sa.ForeignKeyConstraint(["verified_by"], ["staff.id"], name=op.f("fk_employer_verification_verified_by_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_employer_verification")),
    )
    with op.batch_alter_table("employer_verification", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_employer_verification_case_id"), ["case_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_employer_verification_employer_id"), ["employer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_employer_verification_posting_id"), ["posting_id"], unique=False)
        batch_op.create_index("ix_employer_verification_state_due", ["state", "due_on"], unique=False)

    op.create_table(
        "referral",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("posting_ref", sa.String(length=80), nullable=False),
        sa.Column("posting_title", sa.String(length=100), nullable=False),
        sa.Column("employer_name", sa.String(length=200), nullable=True),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("referred_by", sa.String(length=36), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=True),
        sa.Column("follow_up_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["follow_up_id"], ["follow_up.id"], name=op.f("fk_referral_follow_up_id_follow_up")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_referral_person_id_person")),
        sa.ForeignKeyConstraint(["referred_by"], ["staff.id"], name=op.f("fk_referral_referred_by_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral")),
    )
    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referral_person_id"), ["person_id"], unique=False)

    # The matcher's cache key: the newest change of the postings (app/matching/service.py).
    with op.batch_alter_table("job_posting", schema=None) as batch_op:
        batch_op.create_index("ix_job_posting_updated_at", ["updated_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("job_posting", schema=None) as batch_op:
        batch_op.drop_index("ix_job_posting_updated_at")

    with op.batch_alter_table("referral", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referral_person_id"))

    op.drop_table("referral")
    with op.batch_alter_table("employer_verification", schema=None) as batch_op:
        batch_op.drop_index("ix_employer_verification_state_due")
        batch_op.drop_index(batch_op.f("ix_employer_verification_posting_id"))
        batch_op.drop_index(batch_op.f("ix_employer_verification_employer_id"))
        batch_op.drop_index(batch_op.f("ix_employer_verification_case_id"))

    op.drop_table("employer_verification")
    with op.batch_alter_table("posting_terms", schema=None) as batch_op:
        batch_op.drop_index("ux_posting_terms_posting", sqlite_where=sa.text("deleted = 0"))
        batch_op.drop_index(batch_op.f("ix_posting_terms_posting_id"))
        batch_op.drop_index("ix_posting_terms_updated_at")

    op.drop_table("posting_terms")
    with op.batch_alter_table("person_skill", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_skill_person_id"))

    op.drop_table("person_skill")
    with op.batch_alter_table("job_intention", schema=None) as batch_op:
        batch_op.drop_index("ux_job_intention_person", sqlite_where=sa.text("deleted = 0"))
        batch_op.drop_index(batch_op.f("ix_job_intention_person_id"))

    op.drop_table("job_intention")
