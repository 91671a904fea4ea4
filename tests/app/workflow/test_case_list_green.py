"""绿色通道 in the 办件 list: rows say whether the person is flagged now; the list can put them first."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import Any

from app.auth import StaffInfo
from app.persons import PersonInput, create_person
from app.services_extra import green_channel
from app.store import Store
from app.store.models import Case
from app.validation import synthetic_resident_id
from app.workflow import create_case
from app.workflow.listing import CaseFilter, case_ids, case_rows

DAY = date(2026, 9, 25)


def _cases(store: Store, staff: dict[str, StaffInfo], catalog: Any) -> tuple[list[str], list[list[str]]]:
    """Three persons with two cases each, created one minute apart (the last person's newest)."""
    rng = random.Random(4)
    persons, cases = [], []
    start = datetime(2026, 9, 1, 9, 0)
    with store.session() as session:
        for n in range(3):
            doc = synthetic_resident_id(rng, region="520102", birth=date(1980, 1, 1 + n), gender="1")
            pid, _ = create_person(session, None, PersonInput(name="测试某", doc_type="resident_id", doc_number=doc))
            persons.append(pid)
            mine = []
            for k in range(2):
                cid = create_case(session, staff["clerk"], catalog.get("job_seeking"), pid, {}, today=DAY)
                case = session.get(Case, cid)
                assert case is not None
                case.created_at = start + timedelta(minutes=2 * n + k)
                mine.append(cid)
            cases.append(mine)
    return persons, cases


def test_green_cases_marked_and_first(store: Store, staff: dict[str, StaffInfo], catalog: Any) -> None:
    persons, cases = _cases(store, staff, catalog)
    newest_first = [c for mine in reversed(cases) for c in reversed(mine)]
    with store.session() as session:
        assert case_ids(session, CaseFilter()) == newest_first
        assert case_ids(session, CaseFilter(green="first")) == newest_first  # nobody flagged: same order
        assert case_ids(session, CaseFilter(green="only")) == []
        green_channel.flag(session, staff["clerk"], persons[0], "残疾人", today=DAY)
    with store.session() as session:
        plain = case_ids(session, CaseFilter())
        first = case_ids(session, CaseFilter(green="first"))
        only = case_ids(session, CaseFilter(green="only"))
        rows = case_rows(session, first)
        filtered = case_ids(session, CaseFilter(green="first", person_id=persons[1]))
    assert plain == newest_first  # the default order is unchanged
    assert first == [cases[0][1], cases[0][0]] + [c for c in newest_first if c not in cases[0]]
    assert only == [cases[0][1], cases[0][0]]
    assert filtered == [cases[1][1], cases[1][0]]  # the other filters still apply
    assert {cid for cid, row in rows.items() if row.green} == set(cases[0])
    with store.session() as session:
        green_channel.end(session, staff["clerk"], persons[0], today=DAY)
    with store.session() as session:
        assert case_ids(session, CaseFilter(green="only")) == []
        assert not any(row.green for row in case_rows(session, first).values())
