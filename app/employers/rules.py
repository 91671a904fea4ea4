"""Rules of the employer services, as pure functions (黔人社发〔2019〕20号（二）).

- Verification of licence, responsible person and posting within 3 working days of acceptance.
- Start-ups and flexible employers are accepted first on "负责人书面承诺＋工作人员必要调查", and their
  postings carry a visible marking so job seekers know.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from app.calendar import WorkingCalendar

VERIFY_WORKING_DAYS = 3
COMMITMENT_MARKING = "书面承诺受理"

# Verification states stored in employer_verification.state, and how they read.
PENDING, VERIFIED, REJECTED = "pending", "verified", "rejected"
STATUS_LABELS = {"pending": "待核实", "overdue": "已逾期", "verified": "已核实", "rejected": "核实未通过"}

# employer_kind codes treated as start-ups / flexible employers (editable table; see resources/codes).
STARTUP_KINDS = frozenset({"06"})


def verification_due(accepted_on: date, calendar: WorkingCalendar, days: int = VERIFY_WORKING_DAYS) -> date:
    """The last day to finish verification: ``days`` working days after acceptance."""
    return calendar.add_working_days(accepted_on, days)


def verification_status(state: str, due_on: date, today: date) -> str:
    """pending | overdue | verified | rejected: a pending check past its due day is overdue."""
    if state == PENDING and due_on < today:
        return "overdue"
    return state


def accepted_on_commitment(is_startup: bool, uscc: str | None) -> bool:
    """Whether the employer is taken on the written-commitment path.

    Start-ups and flexible employers may be; an employer without a 统一社会信用代码 must be (it has no
    licence to verify yet)."""
    return is_startup or not uscc


def commitment_marking(on_commitment: bool) -> str | None:
    """The note shown on every posting of an employer accepted on commitment."""
    return COMMITMENT_MARKING if on_commitment else None


def posting_label(title: str, on_commitment: bool) -> str:
    """A posting's title as job seekers see it, with the marking when it was accepted on commitment."""
    marking = commitment_marking(on_commitment)
    return f"{title}（{marking}）" if marking else title


def join_codes(codes: Iterable[str]) -> str | None:
    """Several codes in one short column (``1001,2003``); None when there are none."""
    cleaned = [c.strip() for c in codes if c and c.strip()]
    return ",".join(dict.fromkeys(cleaned)) or None


def split_codes(value: str | None) -> tuple[str, ...]:
    return tuple(c for c in (value or "").split(",") if c)


def wage_range_problem(wage_min: int | None, wage_max: int | None) -> str | None:
    """A Chinese message when a posting's wage range is not usable, else None."""
    if wage_min is None or wage_max is None:
        return "请填写月工资下限和上限。"
    if wage_min < 0 or wage_max < 0:
        return "月工资不能为负数，请核对。"
    if wage_max < wage_min:
        return "月工资上限不能低于下限，请核对。"
    return None
