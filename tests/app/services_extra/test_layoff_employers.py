"""Layoff reports name a registered employer (picked by name or 统一社会信用代码) or an unregistered one."""

from __future__ import annotations

import random
from datetime import date

import pytest

from app.auth import StaffInfo
from app.errors import NotFound
from app.services_extra import layoffs
from app.store import Store
from app.store.models import Employer
from app.store.models_services import LayoffReport
from app.validation.synthetic import synthetic_uscc

TODAY = date(2026, 9, 25)


def test_picker_search_and_link(store: Store, staff: dict[str, StaffInfo]) -> None:
    clerk = staff["clerk"]
    rng = random.Random(31)
    codes = [synthetic_uscc(rng) for _ in range(3)]
    with store.session() as session:
        mine = Employer(name="遵义某食品有限公司", uscc=codes[0])
        other = Employer(name="凯里某矿业公司", uscc=codes[1])
        gone = Employer(name="某食品厂（已注销）", uscc=None, deleted=True)
        session.add_all([mine, other, gone])
        session.flush()
        mine_id, other_id = mine.id, other.id
    with store.session() as session:
        assert [c.name for c in layoffs.find_employers(session, "食品")] == ["遵义某食品有限公司"]  # no deleted one
        assert [c.id for c in layoffs.find_employers(session, codes[1][:8].lower())] == [other_id]  # code prefix
        assert layoffs.find_employers(session, "  ") == []
        # Picked: the name and code come from the employer's record.
        picked, _ = layoffs.record_layoff(
            session, clerk, employer_id=mine_id, employer_name="别的名字", affected=30, measures="专场招聘", today=TODAY
        )
        # Typed by hand with a registered employer's code: linked to it, and the clerk is told.
        typed, warnings = layoffs.record_layoff(
            session, clerk, employer_name="凯里矿业", uscc=codes[1], affected=25, measures="职业指导", today=TODAY
        )
        assert any("已登记单位“凯里某矿业公司”" in w for w in warnings)
        # An enterprise not registered here: kept by name and code, marked as unregistered.
        free, _ = layoffs.record_layoff(
            session, clerk, employer_name="外地某厂", uscc=codes[2], affected=40, measures="岗位对接", today=TODAY
        )
        with pytest.raises(NotFound, match="请重新选择"):
            layoffs.record_layoff(session, clerk, employer_id=gone.id, affected=30, measures="培训", today=TODAY)
        row = session.get(LayoffReport, picked)
        assert row is not None and (row.employer_id, row.employer_name, row.uscc) == (
            mine_id,
            "遵义某食品有限公司",
            codes[0],
        )
    with store.session() as session:
        found = {r.id: r for r in layoffs.list_layoffs(session)}
    assert (found[picked].registered, found[picked].employer_id, found[picked].uscc) == (True, mine_id, codes[0])
    assert (found[typed].registered, found[typed].employer_id, found[typed].employer_name) == (
        True,
        other_id,
        "凯里某矿业公司",
    )
    assert (found[free].registered, found[free].employer_id, found[free].employer_name) == (False, None, "外地某厂")
    with store.session() as session:  # the employer is later removed: the report stays, no longer a link
        employer = session.get(Employer, mine_id)
        assert employer is not None
        employer.deleted = True
    with store.session() as session:
        again = {r.id: r for r in layoffs.list_layoffs(session)}
    assert not again[picked].registered and again[picked].employer_name == "遵义某食品有限公司"
