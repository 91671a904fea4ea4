"""Employment assistance: recognition of 就业困难人员, assistance plans, 公益性岗位 placements.

* :class:`HardshipRecognition` — one recognition of a person as 就业困难人员: categories (code table
  ``hardship_category``), how it was confirmed (部门信息核查, or a field investigation: who, when, findings),
  the date and the end of its validity (from the item definition's ``validity``).
* :class:`AssistancePlan` — the person's 就业援助计划 (one open plan at a time), closed when employed.
* :class:`AssistancePlanStep` — a step of a plan: what, who is responsible, by when, progress, done.
* :class:`WelfarePlacement` — a 公益性岗位 placement with its period; the limits (subsidy months, number of
  placements) come from the ``public_welfare_placement`` item definition.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, Synced


class HardshipRecognition(Synced, Base):
    __tablename__ = "hardship_recognition"
    __entity__ = "hardship_recognition"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case.id"), default=None)
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    check_method: Mapped[str] = mapped_column(String(20))  # info_check | investigation
    info_check_result: Mapped[str | None] = mapped_column(Text, default=None)
    investigation_on: Mapped[date | None] = mapped_column(Date, default=None)
    investigators: Mapped[str | None] = mapped_column(String(100), default=None)
    investigation_findings: Mapped[str | None] = mapped_column(Text, default=None)
    recognized_on: Mapped[date] = mapped_column(Date)
    valid_until: Mapped[date] = mapped_column(Date, index=True)
    recognized_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    status: Mapped[str] = mapped_column(String(20), default="active")  # active | ended
    ended_on: Mapped[date | None] = mapped_column(Date, default=None)
    end_reason: Mapped[str | None] = mapped_column(Text, default=None)


class AssistancePlan(Synced, Base):
    __tablename__ = "assistance_plan"
    __entity__ = "assistance_plan"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    recognition_id: Mapped[str | None] = mapped_column(ForeignKey("hardship_recognition.id"), default=None)
    opened_on: Mapped[date] = mapped_column(Date)
    goal: Mapped[str | None] = mapped_column(Text, default=None)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)  # open | closed
    closed_on: Mapped[date | None] = mapped_column(Date, default=None)
    close_reason: Mapped[str | None] = mapped_column(Text, default=None)


class AssistancePlanStep(Synced, Base):
    __tablename__ = "assistance_plan_step"
    __entity__ = "assistance_plan_step"
    plan_id: Mapped[str] = mapped_column(ForeignKey("assistance_plan.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer, default=1)
    content: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str] = mapped_column(String(60))
    due_on: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="planned")  # planned | in_progress | done
    progress: Mapped[str | None] = mapped_column(Text, default=None)
    done_on: Mapped[date | None] = mapped_column(Date, default=None)


class WelfarePlacement(Synced, Base):
    __tablename__ = "welfare_placement"
    __entity__ = "welfare_placement"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"), index=True)
    case_id: Mapped[str | None] = mapped_column(ForeignKey("case.id"), default=None)
    post_name: Mapped[str] = mapped_column(String(100))
    post_employer: Mapped[str] = mapped_column(String(200))
    start_on: Mapped[date] = mapped_column(Date)
    end_on: Mapped[date] = mapped_column(Date)
    months: Mapped[int] = mapped_column(Integer)
    near_retirement: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="active")  # active | ended
    ended_on: Mapped[date | None] = mapped_column(Date, default=None)
    end_reason: Mapped[str | None] = mapped_column(Text, default=None)


# Synced models defined here, added to app.store.models.SYNCED_MODELS.
SYNCED: tuple[type[Synced], ...] = (HardshipRecognition, AssistancePlan, AssistancePlanStep, WelfarePlacement)
