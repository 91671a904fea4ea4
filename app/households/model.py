"""Plain data for households and settlements, safe to hand across threads (never ORM objects)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.households.rules import SettlementFigures

# How a zero-employment household was cleared (动态清零): the service through which a member found work.
CLEAR_VIA: dict[str, str] = {
    "public_welfare": "公益性岗位安置",
    "aid_workshop": "帮扶车间就业",
    "referral": "岗位推荐/职业介绍",
    "labor_export": "有组织劳务输出",
    "training": "培训后就业",
    "entrepreneurship": "自主创业",
    "flexible": "灵活就业",
    "self_found": "自主就业",
    "other": "其他",
}
# A household taken off the list because its members changed (成员变动), not because a member found work.
CLEARED_BY_MEMBER_CHANGE = "member_change"
CLEARED_LABELS: dict[str, str] = {**CLEAR_VIA, CLEARED_BY_MEMBER_CHANGE: "成员变动"}
# Why a member left the household (移出成员); "other" needs a note.
LEAVE_REASONS: dict[str, str] = {"moved_out": "迁出", "married_out": "婚出", "died": "死亡", "other": "其他"}
DESTINATIONS: dict[str, str] = {"county": "县内", "province": "省内县外", "outside": "省外"}
POVERTY_KINDS: tuple[str, ...] = ("脱贫户", "监测户")


@dataclass(frozen=True)
class SettlementInput:
    name: str
    division_code: str | None = None
    address: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class SettlementRow:
    id: str
    name: str
    division_code: str | None
    address: str | None
    figures: SettlementFigures
    listed_zero: int  # households on the 零就业家庭 list (open episodes)


@dataclass(frozen=True)
class HouseholdRow:
    household_id: str
    household_no: str | None
    head_name: str | None
    origin_village: str | None
    poverty_kind: str | None
    members: int
    laborers: int
    employed: int
    zero_employment: bool
    listed_since: date | None  # open episode


@dataclass(frozen=True)
class CensusInput:
    person_id: str
    census_on: date
    employed: bool
    destination: str | None = None
    destination_division: str | None = None
    work_form: str | None = None
    employer_name: str | None = None
    post: str | None = None
    aid_workshop: bool = False
    public_welfare_post: bool = False
    monthly_income: int | None = None
    not_employed_reason: str | None = None
    verifier_name: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class CensusInfo:
    id: str
    census_on: date
    employed: bool
    destination: str | None
    destination_division: str | None
    work_form: str | None
    employer_name: str | None
    post: str | None
    aid_workshop: bool
    public_welfare_post: bool
    monthly_income: int | None
    not_employed_reason: str | None
    verifier_name: str | None
    verified_by: str | None
    synced: bool


@dataclass(frozen=True)
class MemberInfo:
    member_id: str
    person_id: str
    name: str
    relation: str | None
    gender: str | None
    age: int | None
    working_age: bool
    able_to_work: bool
    laborer: bool
    employed: bool
    employment_status: str | None
    census: CensusInfo | None


@dataclass(frozen=True)
class EpisodeInfo:
    id: str
    since: date
    cleared_on: date | None
    cleared_person_id: str | None
    cleared_person_name: str | None
    cleared_via: str | None
    note: str | None


@dataclass(frozen=True)
class FormerMemberInfo:
    """A member who left the household (迁出、婚出、死亡…), newest first in :class:`HouseholdDetail`."""

    member_id: str
    person_id: str
    name: str
    relation: str | None
    joined_on: date | None
    left_on: date | None
    reason: str | None  # a LEAVE_REASONS code
    note: str | None

    @property
    def reason_label(self) -> str:
        return LEAVE_REASONS.get(self.reason or "", "")


@dataclass(frozen=True)
class HouseholdDetail:
    household_id: str
    head_name: str | None
    address: str | None
    settlement_id: str | None
    settlement_name: str | None
    household_no: str | None
    origin_village: str | None
    poverty_kind: str | None
    members: tuple[MemberInfo, ...]
    laborers: int
    employed: int
    zero_employment: bool
    episodes: tuple[EpisodeInfo, ...] = field(default=())
    former: tuple[FormerMemberInfo, ...] = field(default=())

    @property
    def open_episode(self) -> EpisodeInfo | None:
        return next((e for e in self.episodes if e.cleared_on is None), None)


@dataclass(frozen=True)
class ZeroRow:
    episode_id: str
    household_id: str
    head_name: str | None
    settlement_name: str | None
    address: str | None
    since: date
    days_listed: int
    cleared_on: date | None
    cleared_via: str | None
    cleared_person_name: str | None
    laborers: int
    employed: int  # employed laborers now: > 0 means it can be cleared


@dataclass(frozen=True)
class MemberInput:
    person_id: str
    relation: str | None = None
    able_to_work: bool = True
