"""What 就业援助 takes and gives: plain, frozen records for recognitions, plans, placements and lists."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class RecognitionInput:
    categories: tuple[str, ...]
    check_method: str  # info_check | investigation
    info_check_result: str | None = None
    investigation_on: date | None = None
    investigators: str | None = None
    investigation_findings: str | None = None
    recognized_on: date | None = None


@dataclass(frozen=True)
class PlacementInput:
    post_name: str
    post_employer: str
    start_on: date
    end_on: date
    near_retirement: bool = False


@dataclass(frozen=True)
class PlacementLimits:
    max_months: int
    max_placements: int
    extension_years: int


@dataclass(frozen=True)
class RecognitionInfo:
    id: str
    categories: tuple[str, ...]
    category_labels: tuple[str, ...]
    check_method: str
    check_label: str
    info_check_result: str | None
    investigation_on: date | None
    investigators: str | None
    investigation_findings: str | None
    recognized_on: date
    valid_until: date
    status: str
    expired: bool


@dataclass(frozen=True)
class StepInfo:
    id: str
    seq: int
    content: str
    owner: str
    due_on: date
    status: str
    status_label: str
    progress: str | None
    done_on: date | None


@dataclass(frozen=True)
class PlanInfo:
    id: str
    opened_on: date
    status: str
    closed_on: date | None
    close_reason: str | None
    steps: tuple[StepInfo, ...]


@dataclass(frozen=True)
class PlacementInfo:
    id: str
    post_name: str
    post_employer: str
    start_on: date
    end_on: date
    months: int
    status: str
    ended_on: date | None


@dataclass(frozen=True)
class AssistanceInfo:
    recognition: RecognitionInfo | None
    plan: PlanInfo | None
    placements: tuple[PlacementInfo, ...]
    limits: PlacementLimits
    used_months: int


@dataclass(frozen=True)
class ListLine:
    person_id: str
    person_name: str
    title: str
    detail: str
    due_on: date | None
    days_left: int | None = None
    extra: dict[str, str] = field(default_factory=dict)
