"""How a posting is scored for a job seeker, as pure functions with the reasons in Chinese.

The score is the sum of four independent parts, so each can be computed once per distinct value and
reused across 50,000 postings (see :mod:`app.matching.index`):

- occupation: 40 when the posting's occupation is one the person wants (意向职业相符);
- place, the best over the person's places, by administrative division: 30 same village, 25 same
  township, 18 same county, 10 same prefecture, 4 same province (同村 / 同乡镇（街道） / 同县（区） /
  同市（州） / 省内);
- wage: +15 when the lowest pay reaches the wanted wage, +8 when only the highest does, −15 when even
  the highest is below (工资达到期望 / 工资上限达到期望 / 工资低于期望);
- key industry (12 农业 / 10 工业 / 5 服务业): +10, and +5 more when the person named that industry.

A posting whose full/part time is known and differs from what the person wants is left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

OCCUPATION_POINTS = 40
PLACE_POINTS = {"village": 30, "township": 25, "county": 18, "prefecture": 10, "province": 4}
PLACE_LABELS = {
    "village": "同村（社区）",
    "township": "同乡镇（街道）",
    "county": "同县（区）",
    "prefecture": "同市（州）",
    "province": "省内",
}
WAGE_FULL, WAGE_PARTIAL, WAGE_BELOW = 15, 8, -15
KEY_INDUSTRY_POINTS, WANTED_INDUSTRY_POINTS = 10, 5

# (level, end of its segment in a 12-digit code): 52 | 01 | 02 | 001 | 001
_SEGMENTS = (("province", 2), ("prefecture", 4), ("county", 6), ("township", 9), ("village", 12))


@dataclass(frozen=True)
class Part:
    points: int
    reason: str | None


NOTHING = Part(0, None)


@lru_cache(maxsize=65536)
def division_chain(code: str | None) -> tuple[str, ...]:
    """The prefixes of a division code that name a real level, highest first.

    ``520102001`` → (52, 5201, 520102, 520102001); ``520100`` (a prefecture) → (52, 5201); zero
    segments ("00", "000") mean the level is not given."""
    if not code or not code.isdigit():
        return ()
    padded = code.ljust(12, "0")[:12]
    chain: list[str] = []
    start = 0
    for _level, end in _SEGMENTS:
        if set(padded[start:end]) == {"0"}:
            break
        chain.append(padded[:end])
        start = end
    return tuple(chain)


def shared_level(a: str | None, b: str | None) -> str | None:
    """The lowest level two divisions have in common: village … province, or None."""
    chain_a, chain_b = division_chain(a), division_chain(b)
    level = None
    for (name, _end), x, y in zip(_SEGMENTS, chain_a, chain_b, strict=False):
        if x != y:
            break
        level = name
    return level


def place_part(posting_division: str | None, wanted: tuple[str, ...], names: tuple[str, ...] = ()) -> Part:
    """The best of the wanted places; with several, the reason names the one that matched (``names``
    run parallel to ``wanted``)."""
    best: str | None = None
    which = 0
    for n, place in enumerate(wanted):
        level = shared_level(posting_division, place)
        if level is not None and (best is None or PLACE_POINTS[level] > PLACE_POINTS[best]):
            best, which = level, n
    if best is None:
        return NOTHING
    if len(wanted) > 1 and which < len(names) and names[which]:
        return Part(PLACE_POINTS[best], f"{PLACE_LABELS[best]}（意向地：{names[which]}）")
    return Part(PLACE_POINTS[best], PLACE_LABELS[best])


def occupation_part(posting_occupation: str | None, wanted: tuple[str, ...], label: str | None = None) -> Part:
    if posting_occupation and posting_occupation in wanted:
        return Part(OCCUPATION_POINTS, f"意向职业相符：{label or posting_occupation}")
    return NOTHING


def wage_part(salary_min: int | None, salary_max: int | None, wanted_min: int | None) -> Part:
    if not wanted_min:
        return NOTHING
    if salary_min is not None and salary_min >= wanted_min:
        return Part(WAGE_FULL, f"工资达到期望（{_range(salary_min, salary_max)}，期望 {wanted_min} 元起）")
    if salary_max is not None and salary_max >= wanted_min:
        return Part(WAGE_PARTIAL, f"工资上限达到期望（{_range(salary_min, salary_max)}，期望 {wanted_min} 元起）")
    if salary_max is not None or salary_min is not None:
        return Part(WAGE_BELOW, f"工资低于期望（{_range(salary_min, salary_max)}，期望 {wanted_min} 元起）")
    return NOTHING


def _range(low: int | None, high: int | None) -> str:
    if low is not None and high is not None and low != high:
        return f"{low}–{high} 元"
    return f"{low if low is not None else high} 元"


def key_industry_part(
    posting_industry: str | None, key_industries: frozenset[str], wanted: tuple[str, ...], label: str | None = None
) -> Part:
    """``key_industries``: the codes of the 12 + 10 + 5 list (children only, not the group rows)."""
    if not posting_industry or posting_industry not in key_industries:
        return NOTHING
    name = label or posting_industry
    if posting_industry in wanted:
        return Part(KEY_INDUSTRY_POINTS + WANTED_INDUSTRY_POINTS, f"重点产业、意向产业：{name}")
    return Part(KEY_INDUSTRY_POINTS, f"重点产业：{name}")


def work_time_fits(posting_work_time: str | None, wanted: str) -> bool:
    """Full/part time: unknown on either side fits; otherwise they must agree."""
    return wanted not in ("full", "part") or posting_work_time not in ("full", "part") or posting_work_time == wanted
