"""Relocation settlements, laborer census and household employment status.

* :class:`Settlement` — an 易地扶贫搬迁 安置点.
* :class:`SettlementHousehold` — a :class:`~app.store.models.Household` living in a settlement (one live row
  per household), with its roster number (户编号) and flags.
* :class:`LaborerCensus` — one quick census of one laborer (就业去向, form of work, employer, 帮扶车间 /
  公益性岗位, monthly income, verified when and by whom). History is kept; the newest row per person is the
  current one.
* :class:`ZeroEmploymentEpisode` — a household's time on the 零就业家庭 list: from ``since`` until it is
  cleared (动态清零), with who found work and through which service.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from app.store.models import Base, HouseholdMember, Person, Synced


class Settlement(Synced, Base):
    __tablename__ = "settlement"
    __entity__ = "settlement"
    name: Mapped[str] = mapped_column(String(100))
    division_code: Mapped[str | None] = mapped_column(String(12), default=None)
    address: Mapped[str | None] = mapped_column(String(200), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)


class SettlementHousehold(Synced, Base):
    __tablename__ = "settlement_household"
    __entity__ = "settlement_household"
    settlement_id: Mapped[str] = mapped_column(ForeignKey("settlement.id"), index=True)
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    household_no: Mapped[str | None] = mapped_column(String(30), default=None)  # 户编号 on the roster
    origin_village: Mapped[str | None] = mapped_column(String(100), default=None)
    poverty_kind: Mapped[str | None] = mapped_column(String(10), default=None)  # 脱贫户 | 监测户 | None
    moved_in_year: Mapped[int | None] = mapped_column(Integer, default=None)
    __table_args__ = (
        Index("ux_settlement_household_household", "household_id", unique=True, sqlite_where=text("deleted = 0")),
    )


class LaborerCensus(Synced, Base):
    __tablename__ = "laborer_census"
    __entity__ = "laborer_census"
    person_id: Mapped[str] = mapped_column(ForeignKey("person.id"))
    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"), default=None)
    settlement_id: Mapped[str | None] = mapped_column(ForeignKey("settlement.id"), default=None)
    census_on: Mapped[date] = mapped_column(Date)  # verified date
    verified_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    verifier_name: Mapped[str | None] = mapped_column(String(50), default=None)
    employed: Mapped[bool] = mapped_column(Boolean, default=False)
    destination: Mapped[str | None] = mapped_column(String(10), default=None)  # county | province | outside
    destination_division: Mapped[str | None] = mapped_column(String(12), default=None)
    work_form: Mapped[str | None] = mapped_column(String(2), default=None)  # employment_form code
    employer_name: Mapped[str | None] = mapped_column(String(200), default=None)
    employer_id: Mapped[str | None] = mapped_column(ForeignKey("employer.id"), default=None)
    post: Mapped[str | None] = mapped_column(String(100), default=None)
    aid_workshop: Mapped[bool] = mapped_column(Boolean, default=False)  # 帮扶车间
    public_welfare_post: Mapped[bool] = mapped_column(Boolean, default=False)  # 公益性岗位
    monthly_income: Mapped[int | None] = mapped_column(Integer, default=None)  # 元
    not_employed_reason: Mapped[str | None] = mapped_column(String(100), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    __table_args__ = (
        Index("ix_laborer_census_person", "person_id", "census_on"),
        Index("ix_laborer_census_settlement", "settlement_id", "person_id", "census_on"),
    )


class ZeroEmploymentEpisode(Synced, Base):
    __tablename__ = "zero_employment_episode"
    __entity__ = "zero_employment_episode"
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    since: Mapped[date] = mapped_column(Date)
    cleared_on: Mapped[date | None] = mapped_column(Date, default=None)
    cleared_person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), default=None)
    cleared_via: Mapped[str | None] = mapped_column(String(20), default=None)
    cleared_by: Mapped[str | None] = mapped_column(ForeignKey("staff.id"), default=None)
    note: Mapped[str | None] = mapped_column(Text, default=None)
    __table_args__ = (Index("ix_zero_employment_open", "cleared_on", "deleted", "since"),)


# Household figures look up each member's person for birth date, gender and employment status; this
# covering index answers those lookups without reading the (wide) person rows: at 1,000,000 persons it
# makes the figures several times faster (benchmarks/bench_households.py). Created by migration 0005.
PERSON_FACTS_INDEX = Index(
    "ix_person_household_facts",
    Person.id, Person.deleted, Person.birth_date, Person.gender, Person.employment_status,
)
# The member columns the figures read, next to the household they are looked up by.
MEMBER_FACTS_INDEX = Index(
    "ix_household_member_facts",
    HouseholdMember.household_id, HouseholdMember.deleted, HouseholdMember.person_id,
    HouseholdMember.able_to_work, HouseholdMember.working_age,
)

# Synced models defined here, added to app.store.models.SYNCED_MODELS.
SYNCED: tuple[type[Synced], ...] = (Settlement, SettlementHousehold, LaborerCensus, ZeroEmploymentEpisode)
