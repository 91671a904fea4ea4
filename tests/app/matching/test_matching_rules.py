"""Scoring and ranking, against hand-computed cases."""

from __future__ import annotations

import random

from app.matching import Candidate, Intention, PostingIndex, rules

KEYS = frozenset({"1001", "2006"})


def posting(ref: str, **kw: object) -> Candidate:
    base: dict[str, object] = {
        "ref": ref,
        "source": "local",
        "title": ref,
        "employer_name": None,
        "occupation_code": None,
        "division_code": None,
        "salary_min": None,
        "salary_max": None,
        "key_industry": None,
        "on_commitment": False,
    }
    base.update(kw)
    return Candidate(**base)  # type: ignore[arg-type]


def test_division_chain_and_shared_level() -> None:
    assert rules.division_chain("520102001") == ("52", "5201", "520102", "520102001")
    assert rules.division_chain("520100") == ("52", "5201")
    assert rules.division_chain("520102001002") == ("52", "5201", "520102", "520102001", "520102001002")
    assert rules.division_chain("") == () and rules.division_chain(None) == ()
    assert rules.shared_level("520102001002", "520102001002") == "village"
    assert rules.shared_level("520102001002", "520102001003") == "township"
    assert rules.shared_level("520102001", "520102002") == "county"
    assert rules.shared_level("520102", "520103001") == "prefecture"
    assert rules.shared_level("520102", "520302") == "province"
    assert rules.shared_level("520102", "110105") is None
    # A posting given only at county level shares the county with a person in one of its villages.
    assert rules.shared_level("520102", "520102001002") == "county"


def test_parts() -> None:
    assert rules.place_part("520102001", ("520302", "520102002")) == rules.Part(18, "同县（区）")
    assert rules.place_part(None, ("520102",)) == rules.NOTHING
    # With several places the reason says which one matched.
    names = ("钟山区", "五里冲街道")
    expected = rules.Part(18, "同县（区）（意向地：五里冲街道）")
    assert rules.place_part("520102001", ("520302", "520102002"), names) == expected
    assert rules.place_part("520302100", ("520302", "520102002"), names).reason == "同县（区）（意向地：钟山区）"
    assert rules.place_part("520102001", ("520102",), ("南明区",)).reason == "同县（区）"  # one place: no need
    assert rules.occupation_part("5", ("5", "6"), "农、林、牧、渔业生产及辅助人员").points == 40
    assert rules.occupation_part("4", ("5",)) == rules.NOTHING
    assert rules.wage_part(3000, 4000, 3000) == rules.Part(15, "工资达到期望（3000–4000 元，期望 3000 元起）")
    assert rules.wage_part(2500, 3500, 3000).points == 8
    assert rules.wage_part(2000, 2500, 3000) == rules.Part(-15, "工资低于期望（2000–2500 元，期望 3000 元起）")
    assert rules.wage_part(None, None, 3000) == rules.NOTHING
    assert rules.wage_part(2000, 2500, None) == rules.NOTHING
    assert rules.key_industry_part("1001", KEYS, (), "茶叶") == rules.Part(10, "重点产业：茶叶")
    assert rules.key_industry_part("1001", KEYS, ("1001",), "茶叶").points == 15
    assert rules.key_industry_part("9999", KEYS, ()) == rules.NOTHING
    assert rules.work_time_fits("part", "full") is False
    assert rules.work_time_fits(None, "full") is True
    assert rules.work_time_fits("part", "any") is True


def test_ranking_by_hand() -> None:
    seeker = Intention(
        occupations=("5",), divisions=("520102001001",), wage_min=3000, work_time="full", key_industries=("1001",)
    )
    a = posting(
        "A 同村采茶",
        occupation_code="5",
        division_code="520102001001",
        salary_min=3000,
        salary_max=3600,
        key_industry="1001",
    )  # 40 + 30 + 15 + 15 = 100
    b = posting(
        "B 同乡镇装配",
        occupation_code="6",
        division_code="520102001",
        salary_min=3500,
        salary_max=4500,
        key_industry="2006",
    )  # 0 + 25 + 15 + 10 = 50
    c = posting("C 外县采茶", occupation_code="5", division_code="520302", salary_min=2000, salary_max=2600)
    # 40 + 4 − 15 = 29
    d = posting("D 兼职", occupation_code="5", division_code="520102001001", work_time="part")  # left out
    e = posting(
        "E 省外", occupation_code="5", division_code="110105", salary_min=2800, salary_max=3200, on_commitment=True
    )  # 40 + 0 + 8 = 48
    index = PostingIndex(
        [c, d, e, b, a],
        KEYS,
        industry_labels={"1001": "茶叶", "2006": "先进装备制造"},
        occupation_labels={"5": "农林牧渔", "6": "生产制造"},
    )
    top = index.top(seeker, 10)
    assert [(m.candidate.ref, m.score) for m in top] == [
        ("A 同村采茶", 100),
        ("B 同乡镇装配", 50),
        ("E 省外", 48),
        ("C 外县采茶", 29),
    ]
    assert top[0].reasons == (
        "意向职业相符：农林牧渔",
        "同村（社区）",
        "工资达到期望（3000–3600 元，期望 3000 元起）",
        "重点产业、意向产业：茶叶",
    )
    assert "该单位为书面承诺受理，请提醒求职者知晓" in top[2].reasons
    assert [m.candidate.ref for m in index.top(seeker, 2)] == ["A 同村采茶", "B 同乡镇装配"]


def test_fast_scores_equal_the_explained_ones() -> None:
    rng = random.Random(7)
    divisions = ["520102001001", "520102001", "520102002", "520103", "520302", "522601", None]
    candidates = [
        posting(
            f"p{i}",
            occupation_code=rng.choice(["4", "5", "6", None]),
            division_code=rng.choice(divisions),
            salary_min=rng.choice([None, 2000, 2800, 3500]),
            salary_max=rng.choice([None, 3000, 4500]),
            key_industry=rng.choice([None, "1001", "2006", "3001"]),
            work_time=rng.choice([None, "full", "part"]),
        )
        for i in range(500)
    ]
    index = PostingIndex(candidates, KEYS)
    seeker = Intention(occupations=("5", "6"), divisions=("520102001", "520302"), wage_min=3000, work_time="full")
    top = index.top(seeker, 50)
    assert len(top) == 50
    for match in top:
        assert match.score == index.explain(match.candidate, seeker).score
    scores = [m.score for m in top]
    assert scores == sorted(scores, reverse=True)
    eligible = [c for c in candidates if c.work_time != "part"]
    assert max(index.explain(c, seeker).score for c in eligible) == scores[0]
