"""Station figures against small stores whose answers are counted by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from random import Random
from typing import Any

import pytest

from app.stats import Drill, DrillError, drill_rows, export_stats, station_stats
from app.stats.periods import last_months, month_bounds
from app.store import Store
from app.store.models import Case, FollowUp, Household, HouseholdMember, Person
from app.store.models_households import Settlement, SettlementHousehold, ZeroEmploymentEpisode
from app.validation import synthetic_name, synthetic_resident_id

TODAY = date(2026, 11, 25)
NAMES = {"unemployment_registration": "失业登记", "employment_registration": "就业登记", "job_seeking": "求职登记"}


def _person(session: Any, rng: Random, **values: Any) -> Person:
    person = Person(name=synthetic_name(rng), doc_type="resident_id", doc_number=synthetic_resident_id(rng), **values)
    session.add(person)
    session.flush()
    return person


def _case(session: Any, n: int, item: str, state: str, accepted: date | None, due: date | None, person: Person) -> None:
    session.add(
        Case(
            case_no=f"T-{n:05d}",
            item_code=item,
            item_version=1,
            subject_kind="person",
            person_id=person.id,
            state=state,
            accepted_on=accepted,
            due_on=due,
        )
    )


@pytest.fixture
def filled(store: Store) -> Store:
    rng = Random(5)
    with store.session() as session:
        p = _person(session, rng)
        # 失业登记: 2 in November (one rejected → not counted), 1 in October, 1 in 2025-11 (outside 12 months),
        # a draft (never counted). 就业登记: 1 in November.
        _case(session, 1, "unemployment_registration", "completed", date(2026, 11, 3), None, p)
        _case(session, 2, "unemployment_registration", "accepted", date(2026, 11, 20), date(2026, 12, 1), p)
        _case(session, 3, "unemployment_registration", "rejected", date(2026, 11, 21), None, p)
        _case(session, 4, "unemployment_registration", "completed", date(2026, 10, 9), None, p)
        _case(session, 5, "unemployment_registration", "completed", date(2025, 11, 30), None, p)
        _case(session, 6, "unemployment_registration", "draft", None, None, p)
        _case(session, 7, "employment_registration", "completed", date(2026, 11, 24), None, p)
        # Overdue: two open job_seeking cases past due, one open but due today (not overdue), one completed late.
        _case(session, 8, "job_seeking", "accepted", date(2026, 11, 1), date(2026, 11, 10), p)
        _case(session, 9, "job_seeking", "in_review", date(2026, 11, 1), date(2026, 11, 24), p)
        _case(session, 10, "job_seeking", "accepted", date(2026, 11, 20), TODAY, p)
        _case(session, 11, "job_seeking", "completed", date(2026, 10, 1), date(2026, 10, 5), p)
        # Follow-ups: due Nov ×3 (one done in Nov), due Oct ×1 done in Nov.
        for due, done in (
            (date(2026, 11, 2), date(2026, 11, 2)),
            (date(2026, 11, 30), None),
            (date(2026, 11, 28), None),
            (date(2026, 10, 30), date(2026, 11, 1)),
        ):
            session.add(FollowUp(person_id=p.id, kind="contact", due_on=due, done_on=done))
        # Zero-employment episodes: A since Aug, cleared 2026-10-31 (still listed at the end of October? no:
        # cleared on the month end counts as cleared); B since Oct 15, open; C since Dec 2025, open.
        households = []
        for _ in range(3):
            household = Household(address="演示安置点")
            session.add(household)
            households.append(household)
        session.flush()
        session.add(
            ZeroEmploymentEpisode(household_id=households[0].id, since=date(2026, 8, 1), cleared_on=date(2026, 10, 31))
        )
        session.add(ZeroEmploymentEpisode(household_id=households[1].id, since=date(2026, 10, 15)))
        session.add(ZeroEmploymentEpisode(household_id=households[2].id, since=date(2025, 12, 1)))
        # One settlement, one household, two working-age laborers of whom one is employed → 50 %.
        settlement = Settlement(name="测试安置点")
        session.add(settlement)
        session.flush()
        session.add(SettlementHousehold(settlement_id=settlement.id, household_id=households[0].id))
        for status in ("employed", None):
            member = _person(session, rng, birth_date=date(1990, 5, 1), gender="1", employment_status=status)
            session.add(HouseholdMember(household_id=households[0].id, person_id=member.id))
    return store


def test_months_and_bounds() -> None:
    assert last_months(date(2026, 2, 10), 3) == ("2025-12", "2026-01", "2026-02")
    assert month_bounds("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    with pytest.raises(ValueError, match="YYYY-MM"):
        month_bounds("2024/02")


def test_figures_match_the_hand_count(filled: Store) -> None:
    with filled.session() as session:
        stats = station_stats(session, TODAY, NAMES)
    assert stats.months[-1] == "2026-11" and len(stats.months) == 12
    unemployment, employment = stats.registrations
    by_month = {p.label: p.value for p in unemployment.points}
    assert by_month["2026-11"] == 2 and by_month["2026-10"] == 1 and unemployment.total == 3
    assert employment.total == 1
    assert [(p.label, p.value) for p in stats.overdue_by_item.points] == [("求职登记", 2)]
    due = {p.label: p.value for p in stats.follow_ups_due.points}
    done = {p.label: p.value for p in stats.follow_ups_done.points}
    assert (due["2026-11"], due["2026-10"], done["2026-11"], done["2026-10"]) == (3, 1, 2, 0)
    zero = {p.label: p.value for p in stats.zero_households.points}
    assert (zero["2025-12"], zero["2026-08"], zero["2026-09"], zero["2026-10"], zero["2026-11"]) == (1, 2, 2, 2, 2)
    assert [(p.label, p.value) for p in stats.settlement_rates.points] == [("测试安置点", 50.0)]
    headlines = {h.key: h.value for h in stats.headlines}
    assert headlines["persons"] == 3 and headlines["overdue"] == 2 and headlines["zero_households"] == 2


def test_every_figure_lists_exactly_its_records(filled: Store) -> None:
    with filled.session() as session:
        stats = station_stats(session, TODAY, NAMES)
        checked = 0
        for series in (
            *stats.registrations,
            stats.overdue_by_item,
            stats.follow_ups_done,
            stats.follow_ups_due,
            stats.zero_households,
        ):
            for point in series.points:
                assert point.drill is not None
                rows = drill_rows(session, point.drill, NAMES)
                assert len(rows) == point.value, (series.key, point.label)
                checked += 1
        settlement = stats.settlement_rates.points[0]
        assert settlement.drill is not None
        assert len(drill_rows(session, settlement.drill, NAMES)) == 1
    assert checked > 40
    with filled.session() as session:
        rows = drill_rows(session, Drill("overdue", "逾期", (("today", TODAY.isoformat()),)), NAMES)
    assert {r.opens for r in rows} == {"case"} and all("*" in r.title for r in rows)  # ID numbers masked


def test_a_forged_drill_is_a_clear_error(filled: Store) -> None:
    with filled.session() as session, pytest.raises(DrillError, match="重新打开统计页面"):
        drill_rows(session, Drill("registrations", "x", (("item", "person; drop"), ("month", "2026-11"))), NAMES)
    with filled.session() as session, pytest.raises(DrillError):
        drill_rows(session, Drill("nope", "x"), NAMES)


def test_export_has_chinese_headers_and_the_same_numbers(filled: Store, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    with filled.session() as session:
        stats = station_stats(session, TODAY, NAMES)
    target = tmp_path / "统计.xlsx"
    assert export_stats(stats, target, "测试站") > 12
    book = load_workbook(target)
    sheet = book["月度登记与回访"]
    assert [c.value for c in sheet[2]] == [
        "月份",
        "失业登记（件）",
        "就业登记（件）",
        "回访到期（次）",
        "回访完成（次）",
        "月末零就业家庭（户）",
    ]
    november = next(row for row in sheet.iter_rows(values_only=True) if row[0] == "2026-11")
    assert november == ("2026-11", 2, 1, 3, 2, 2)
    assert list(book["安置点就业率"].iter_rows(min_row=3, values_only=True)) == [("测试安置点", 50.0)]
