"""Ranking many postings fast: each scoring part is computed once per distinct value, then summed.

50,000 postings share a few hundred divisions, a handful of occupations and wage ranges, so the parts
of :mod:`app.matching.rules` are computed per distinct value, the per-posting sum runs in C (``map``
over lists of value numbers), and the top ``limit`` are taken with a heap. See
``benchmarks/bench_matching.py``.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Mapping, Sequence
from itertools import repeat
from operator import add, mul
from typing import TypeVar

from app.matching import rules
from app.matching.model import Candidate, Intention, Match

H = TypeVar("H", bound=Hashable)

_PAY_LIMIT = 9_999_999  # pay is folded into the sort key below the score
_LEFT_OUT = -(10**9)  # the score of a posting whose full/part time does not fit


def _ids(values: Sequence[H]) -> tuple[list[H], list[int]]:
    """The distinct values (in first-seen order) and each row's position among them."""
    positions: dict[H, int] = {}
    ids = [positions.setdefault(v, len(positions)) for v in values]
    return list(positions), ids


class PostingIndex:
    """Candidates with their scoring keys laid out once; ``top`` ranks them for one intention.

    Each scoring part is computed once per distinct value (a few hundred places, a handful of
    occupations …); the per-posting work is C-level ``map`` over lists of value numbers."""

    def __init__(
        self,
        candidates: Sequence[Candidate],
        key_industries: frozenset[str],
        *,
        occupation_labels: Mapping[str, str] | None = None,
        industry_labels: Mapping[str, str] | None = None,
    ) -> None:
        self.candidates = list(candidates)
        self.key_industries = key_industries
        self.occupation_labels = dict(occupation_labels or {})
        self.industry_labels = dict(industry_labels or {})
        cs = self.candidates
        self._occ, self._occ_ids = _ids([c.occupation_code for c in cs])
        self._div, self._div_ids = _ids([c.division_code for c in cs])
        self._wage, self._wage_ids = _ids([(c.salary_min, c.salary_max) for c in cs])
        self._ind, self._ind_ids = _ids([c.key_industry for c in cs])
        self._wt, self._wt_ids = _ids([c.work_time for c in cs])
        self._pay = [min(c.salary_max or c.salary_min or 0, _PAY_LIMIT) for c in cs]

    def __len__(self) -> int:
        return len(self.candidates)

    def parts(self, candidate: Candidate, intention: Intention) -> list[rules.Part]:
        return [
            rules.occupation_part(
                candidate.occupation_code,
                intention.occupations,
                self.occupation_labels.get(candidate.occupation_code or ""),
            ),
            rules.place_part(candidate.division_code, intention.divisions, intention.place_names),
            rules.wage_part(candidate.salary_min, candidate.salary_max, intention.wage_min),
            rules.key_industry_part(
                candidate.key_industry,
                self.key_industries,
                intention.key_industries,
                self.industry_labels.get(candidate.key_industry or ""),
            ),
        ]

    def explain(self, candidate: Candidate, intention: Intention) -> Match:
        parts = self.parts(candidate, intention)
        reasons = [p.reason for p in parts if p.reason]
        if candidate.on_commitment:
            reasons.append("该单位为书面承诺受理，请提醒求职者知晓")
        return Match(candidate, sum(p.points for p in parts), tuple(reasons))

    def top(self, intention: Intention, limit: int = 20) -> list[Match]:
        """The best ``limit`` postings, best first (ties: higher pay, then the order the index was built in)."""
        if not self.candidates or limit <= 0:
            return []
        wanted_time = intention.work_time
        occ = [rules.occupation_part(v, intention.occupations).points for v in self._occ]
        div = [rules.place_part(v, intention.divisions).points for v in self._div]
        wage = [rules.wage_part(lo, hi, intention.wage_min).points for lo, hi in self._wage]
        ind = [rules.key_industry_part(v, self.key_industries, intention.key_industries).points for v in self._ind]
        fits = [0 if rules.work_time_fits(v, wanted_time) else _LEFT_OUT for v in self._wt]
        score = map(
            add,
            map(add, map(occ.__getitem__, self._occ_ids), map(div.__getitem__, self._div_ids)),
            map(add, map(wage.__getitem__, self._wage_ids), map(ind.__getitem__, self._ind_ids)),
        )
        score = map(add, score, map(fits.__getitem__, self._wt_ids))
        keys = list(map(add, map(mul, score, repeat(_PAY_LIMIT + 1)), self._pay))
        best = heapq.nlargest(limit, range(len(keys)), key=keys.__getitem__)
        return [self.explain(self.candidates[i], intention) for i in best if keys[i] > _LEFT_OUT * _PAY_LIMIT]
