"""training, entrepreneurship, campaigns, priority service, satisfaction and fraud flags

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25 23:30:00

Eleven synced tables of ``app/store/models_services.py``: training enrolments, entrepreneurship records,
campaigns (local definitions, case tags, events), green channel, appointments, layoff reports, case
agents (代理服务), satisfaction ratings and fraud flags.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "campaign",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign")),
    )
    op.create_index(op.f("ix_campaign_code"), "campaign", ["code"], unique=False)
    op.create_table(
        "campaign_event",
        sa.Column("campaign_code", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=True),
        sa.Column("employers", sa.Integer(), nullable=False),
        sa.Column("postings", sa.Integer(), nullable=False),
        sa.Column("attendees", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_event")),
    )
    op.create_index(op.f("ix_campaign_event_campaign_code"), "campaign_event", ["campaign_code"], unique=False)
    op.create_table(
        "green_channel",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("since", sa.Date(), nullable=False),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("flagged_by", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["flagged_by"], ["staff.id"], name=op.f("fk_green_channel_flagged_by_staff")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_green_channel_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_green_channel")),
    )
    op.create_index(op.f("ix_green_channel_person_id"), "green_channel", ["person_id"], unique=False)
    op.create_table(
        "layoff_report",
        sa.Column("employer_id", sa.String(length=36), nullable=True),
        sa.Column("employer_name", sa.String(length=200), nullable=False),
        sa.Column("uscc", sa.String(length=18), nullable=True),
        sa.Column("reported_on", sa.Date(), nullable=False),
        sa.Column("layoff_on", sa.Date(), nullable=True),
        sa.Column("affected", sa.Integer(), nullable=False),
        sa.Column("workforce", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("measures", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["employer_id"], ["employer.id"], name=op.f("fk_layoff_report_employer_id_employer")),
        sa.ForeignKeyConstraint(["recorded_by"], ["staff.id"], name=op.f("fk_layoff_report_recorded_by_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_layoff_report")),
    )
    op.create_index(op.f("ix_layoff_report_employer_id"), "layoff_report", ["employer_id"], unique=False)
    op.create_table(
        "appointment",
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("applicant_name", sa.String(length=60), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("item_code", sa.String(length=50), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("slot", sa.String(length=20), nullable=True),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_appointment_case_id_case")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_appointment_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment")),
    )
    op.create_index(op.f("ix_appointment_day"), "appointment", ["day"], unique=False)
    op.create_index(op.f("ix_appointment_person_id"), "appointment", ["person_id"], unique=False)
    op.create_table(
        "campaign_tag",
        sa.Column("campaign_code", sa.String(length=20), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("tagged_by", sa.String(length=36), nullable=True),
        sa.Column("tagged_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_campaign_tag_case_id_case")),
        sa.ForeignKeyConstraint(["tagged_by"], ["staff.id"], name=op.f("fk_campaign_tag_tagged_by_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_tag")),
    )
    op.create_index(op.f("ix_campaign_tag_campaign_code"), "campaign_tag", ["campaign_code"], unique=False)
    op.create_index(op.f("ix_campaign_tag_case_id"), "campaign_tag", ["case_id"], unique=False)
    op.create_table(
        "case_agent",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("agent_name", sa.String(length=60), nullable=False),
        sa.Column("agent_doc_type", sa.String(length=20), nullable=False),
        sa.Column("agent_doc_number", sa.String(length=30), nullable=False),
        sa.Column("relation", sa.String(length=20), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=True),
        sa.Column("authorisation", sa.String(length=20), nullable=False),
        sa.Column("authorisation_note", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_case_agent_case_id_case")),
        sa.ForeignKeyConstraint(["recorded_by"], ["staff.id"], name=op.f("fk_case_agent_recorded_by_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_agent")),
    )
    op.create_index(op.f("ix_case_agent_case_id"), "case_agent", ["case_id"], unique=False)
    op.create_table(
        "entrepreneurship_record",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("served_on", sa.Date(), nullable=False),
        sa.Column("served_by", sa.String(length=36), nullable=True),
        sa.Column("returnee", sa.Boolean(), nullable=False),
        sa.Column("project_name", sa.String(length=100), nullable=True),
        sa.Column("loan_amount", sa.Integer(), nullable=True),
        sa.Column("incubator_name", sa.String(length=200), nullable=True),
        sa.Column("outcome", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_entrepreneurship_record_case_id_case")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_entrepreneurship_record_person_id_person")),
        sa.ForeignKeyConstraint(["served_by"], ["staff.id"], name=op.f("fk_entrepreneurship_record_served_by_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entrepreneurship_record")),
    )
    op.create_index(
        op.f("ix_entrepreneurship_record_person_id"), "entrepreneurship_record", ["person_id"], unique=False
    )
    op.create_table(
        "fraud_flag",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("fund", sa.String(length=60), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("reviewer_id", sa.String(length=36), nullable=False),
        sa.Column("flagged_on", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("withdrawn_reason", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_fraud_flag_case_id_case")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_fraud_flag_person_id_person")),
        sa.ForeignKeyConstraint(["reviewer_id"], ["staff.id"], name=op.f("fk_fraud_flag_reviewer_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fraud_flag")),
    )
    op.create_index(op.f("ix_fraud_flag_person_id"), "fraud_flag", ["person_id"], unique=False)
    op.create_table(
        "satisfaction_rating",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=True),
        sa.Column("item_code", sa.String(length=50), nullable=False),
        sa.Column("rating", sa.String(length=20), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("handler_id", sa.String(length=36), nullable=True),
        sa.Column("rated_at", sa.DateTime(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_satisfaction_rating_case_id_case")),
        sa.ForeignKeyConstraint(["handler_id"], ["staff.id"], name=op.f("fk_satisfaction_rating_handler_id_staff")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_satisfaction_rating_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_satisfaction_rating")),
    )
    op.create_index(op.f("ix_satisfaction_rating_case_id"), "satisfaction_rating", ["case_id"], unique=False)
    op.create_table(
        "training_enrolment",
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("course_key", sa.String(length=64), nullable=True),
        sa.Column("course_name", sa.String(length=100), nullable=False),
        sa.Column("training_type", sa.String(length=2), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=True),
        sa.Column("starts_on", sa.Date(), nullable=True),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.Column("enrolled_on", sa.Date(), nullable=False),
        sa.Column("enrolled_by", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("result", sa.String(length=20), nullable=True),
        sa.Column("certificate_no", sa.String(length=60), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["case.id"], name=op.f("fk_training_enrolment_case_id_case")),
        sa.ForeignKeyConstraint(["enrolled_by"], ["staff.id"], name=op.f("fk_training_enrolment_enrolled_by_staff")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_training_enrolment_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_enrolment")),
    )
    op.create_index(op.f("ix_training_enrolment_person_id"), "training_enrolment", ["person_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_training_enrolment_person_id"), table_name="training_enrolment")
    op.drop_table("training_enrolment")
    op.drop_index(op.f("ix_satisfaction_rating_case_id"), table_name="satisfaction_rating")
    op.drop_table("satisfaction_rating")
    op.drop_index(op.f("ix_fraud_flag_person_id"), table_name="fraud_flag")
    op.drop_table("fraud_flag")
    op.drop_index(op.f("ix_entrepreneurship_record_person_id"), table_name="entrepreneurship_record")
    op.drop_table("entrepreneurship_record")
    op.drop_index(op.f("ix_case_agent_case_id"), table_name="case_agent")
    op.drop_table("case_agent")
    op.drop_index(op.f("ix_campaign_tag_case_id"), table_name="campaign_tag")
    op.drop_index(op.f("ix_campaign_tag_campaign_code"), table_name="campaign_tag")
    op.drop_table("campaign_tag")
    op.drop_index(op.f("ix_appointment_person_id"), table_name="appointment")
    op.drop_index(op.f("ix_appointment_day"), table_name="appointment")
    op.drop_table("appointment")
    op.drop_index(op.f("ix_layoff_report_employer_id"), table_name="layoff_report")
    op.drop_table("layoff_report")
    op.drop_index(op.f("ix_green_channel_person_id"), table_name="green_channel")
    op.drop_table("green_channel")
    op.drop_index(op.f("ix_campaign_event_campaign_code"), table_name="campaign_event")
    op.drop_table("campaign_event")
    op.drop_index(op.f("ix_campaign_code"), table_name="campaign")
    op.drop_table("campaign")
