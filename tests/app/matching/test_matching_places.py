"""An intention names several places and occupations; matching scores every one of them."""

from __future__ import annotations

from datetime import date

import pytest

from app.auth import StaffInfo
from app.errors import UserError
from app.matching import IntentionInput, job_seeker_view, match_person, save_intention
from app.persons import PersonInput, create_person
from app.store import Store
from app.store.sync_models import RefDataEntry

DAY = date(2026, 9, 25)


def _posting(key: str, title: str, occupation: str, division: str) -> RefDataEntry:
    data = {
        "id": key,
        "title": title,
        "employer_name": "平台某公司",
        "occupation_code": occupation,
        "division_code": division,
        "salary_min": 3000,
        "salary_max": 3600,
        "on_commitment": False,
        "status": "open",
        "expires_on": None,
    }
    return RefDataEntry(stream="postings", key=key, version=1, data=data)


def test_several_places_and_occupations_all_count(store: Store, staff: dict[str, StaffInfo]) -> None:
    clerk = staff["clerk"]
    with store.session() as session:
        person_id, _ = create_person(
            session,
            clerk.id,
            PersonInput(
                name="测试求职者", doc_type="resident_id", doc_number="360426199101010071", division_code="520102001"
            ),
        )
        session.add(_posting("Z", "遵义：茶叶加工", "5", "520302001"))  # 红花岗区, wanted place 1, occupation 1
        session.add(_posting("K", "凯里：保安", "4", "522601"))  # 凯里市, wanted place 2, occupation 2
        session.add(_posting("H", "南明：茶叶加工", "5", "520102001"))  # the residence: not a wanted place
        session.add(_posting("X", "遵义：会计", "2", "520302"))  # a wanted place, another occupation
    places = ("520302", "522601")
    with store.session() as session:
        save_intention(session, clerk, person_id, IntentionInput(occupations=("5", "4"), divisions=places))
    with store.session() as session:
        view = job_seeker_view(session, None, person_id, today=DAY)
        assert view.intention is not None and view.intention.divisions == places
        matches = {m.candidate.ref.removeprefix("platform:"): m for m in match_person(session, person_id, today=DAY)}
    for key, place in (("Z", "红花岗区"), ("K", "凯里市")):  # each place and each occupation earns its points
        assert any(r.startswith("意向职业相符") for r in matches[key].reasons), matches[key].reasons
        assert f"同县（区）（意向地：{place}）" in matches[key].reasons, matches[key].reasons  # which place matched
    assert not any("同" in r for r in matches["H"].reasons)  # places named: the residence is not added
    assert not any(r.startswith("意向职业相符") for r in matches["X"].reasons)
    ranked = [ref for ref in matches]
    assert ranked.index("Z") < ranked.index("H") and ranked.index("K") < ranked.index("X")


def test_places_are_limited_and_deduplicated(store: Store, staff: dict[str, StaffInfo]) -> None:
    clerk = staff["clerk"]
    with store.session() as session:
        person_id, _ = create_person(
            session, clerk.id, PersonInput(name="测试求职者", doc_type="resident_id", doc_number="360426199101010071")
        )
    six = ("520102", "520111", "520112", "520113", "520115", "520302")
    with store.session() as session, pytest.raises(UserError, match="意向工作地：最多选择 5 个"):
        save_intention(session, clerk, person_id, IntentionInput(occupations=("5",), divisions=six))
    with store.session() as session:
        save_intention(session, clerk, person_id, IntentionInput(occupations=("5",), divisions=six[:5] + six[:2]))
    with store.session() as session:
        view = job_seeker_view(session, None, person_id, today=DAY)
        assert view.intention is not None and view.intention.divisions == six[:5]
