"""The employer rules, against hand-computed cases."""

from __future__ import annotations

from datetime import date

from app.calendar import WorkingCalendar
from app.employers import rules


def test_verification_due_is_three_working_days(calendar: WorkingCalendar) -> None:
    # Monday 2 March 2026 → Thursday 5 March.
    assert rules.verification_due(date(2026, 3, 2), calendar) == date(2026, 3, 5)
    # Friday 6 March → Wednesday 11 March (the weekend does not count).
    assert rules.verification_due(date(2026, 3, 6), calendar) == date(2026, 3, 11)
    # Wednesday 30 September 2026: 1–7 October are holidays, 8 and 9 October work, Saturday 10 October
    # is a make-up workday → 10 October.
    assert rules.verification_due(date(2026, 9, 30), calendar) == date(2026, 10, 10)


def test_verification_status() -> None:
    due = date(2026, 3, 5)
    assert rules.verification_status("pending", due, date(2026, 3, 5)) == "pending"
    assert rules.verification_status("pending", due, date(2026, 3, 6)) == "overdue"
    assert rules.verification_status("verified", due, date(2026, 4, 1)) == "verified"
    assert rules.verification_status("rejected", due, date(2026, 4, 1)) == "rejected"
    assert rules.STATUS_LABELS["overdue"] == "已逾期"


def test_commitment_path_and_marking() -> None:
    assert rules.accepted_on_commitment(True, "91110108551385082Q") is True
    assert rules.accepted_on_commitment(False, None) is True
    assert rules.accepted_on_commitment(False, "91110108551385082Q") is False
    assert rules.commitment_marking(True) == "书面承诺受理"
    assert rules.commitment_marking(False) is None
    assert rules.posting_label("采茶工", True) == "采茶工（书面承诺受理）"
    assert rules.posting_label("采茶工", False) == "采茶工"


def test_codes_and_wages() -> None:
    assert rules.join_codes(["1001", "2003", "1001", " "]) == "1001,2003"
    assert rules.join_codes([]) is None
    assert rules.split_codes("1001,2003") == ("1001", "2003")
    assert rules.split_codes(None) == ()
    assert rules.wage_range_problem(3000, 2000) == "月工资上限不能低于下限，请核对。"
    assert rules.wage_range_problem(2000, 3000) is None
    assert rules.wage_range_problem(None, 3000) is not None
