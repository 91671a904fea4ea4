"""Demo data for 零就业家庭 and relocation settlements: two settlements with synthetic households.

Each household has a head, often a spouse, children and sometimes an elderly parent (synthetic names and
valid-checksum synthetic ID numbers). About half the laborers are censused as employed (县内 / 省内县外 /
省外, some in 帮扶车间 or 公益性岗位); households without an employed laborer go on the 零就业家庭 list,
and some of them are cleared again, so the list shows both kinds.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy.orm import Session

from app.auth import StaffInfo
from app.clock import today
from app.households import (
    CensusInput,
    MemberInput,
    SettlementInput,
    add_household,
    clear_zero_employment,
    create_settlement,
    record_census,
    zero_employment_list,
)
from app.households.roster import RELOCATED_LABOR_TAG
from app.persons import create_person
from app.persons.model import PersonInput
from app.validation import synthetic_mobile, synthetic_name, synthetic_resident_id

SETTLEMENTS = (
    ("万山区旺家社区安置点（演示）", "520603", "520603", "铜仁市万山区旺家社区（演示地址）", 14),
    ("惠水县明田街道新民社区安置点（演示）", "522731", "522731", "黔南州惠水县明田街道（演示地址）", 10),
)
EMPLOYERS = ("（演示）扶贫车间服装厂", "（演示）建筑劳务公司", "（演示）浙江宁波电子厂", "（演示）县城商贸公司")


def _birth(rng: random.Random, low: int, high: int, on: date) -> date:
    return on - timedelta(days=rng.randint(low * 365 + 10, high * 365 - 10))


def _person(session: Session, actor: str, rng: random.Random, region: str, birth: date, gender: str,
            laborer: bool) -> str:
    data = PersonInput(
        name=synthetic_name(rng), doc_type="resident_id",
        doc_number=synthetic_resident_id(rng, region=region, birth=birth, gender=gender), gender=gender,
        birth_date=birth, phone=synthetic_mobile(rng) if laborer else None,
        residence_address="易地扶贫搬迁安置点（演示地址）", tags=(RELOCATED_LABOR_TAG,) if laborer else (),
    )
    return create_person(session, actor, data)[0]


def seed_households(
    session: Session, staff: list[StaffInfo], people: list[tuple[str, PersonInput]], rng: random.Random
) -> None:
    clerk = staff[1].id
    on = today()
    listed_on = on - timedelta(days=120)
    for name, division, region, address, households in SETTLEMENTS:
        settlement_id = create_settlement(session, clerk, SettlementInput(name, division, address))
        for number in range(1, households + 1):
            head_gender = rng.choice("12")
            members = [(_person(session, clerk, rng, region, _birth(rng, 30, 55, on), head_gender, True), "01", True)]
            if rng.random() < 0.8:
                other = "2" if head_gender == "1" else "1"
                members.append((_person(session, clerk, rng, region, _birth(rng, 28, 52, on), other, True), "02",
                                rng.random() > 0.15))
            for _ in range(rng.randint(0, 2)):
                members.append((_person(session, clerk, rng, region, _birth(rng, 3, 15, on), rng.choice("12"), False),
                                "03", True))
            if rng.random() < 0.3:
                members.append((_person(session, clerk, rng, region, _birth(rng, 66, 80, on), rng.choice("12"), False),
                                "04", False))
            add_household(
                session, clerk, [MemberInput(pid, relation, able) for pid, relation, able in members],
                settlement_id=settlement_id, household_no=f"{number:03d}", origin_village=f"演示{rng.randint(1, 9)}村",
                poverty_kind=rng.choice(("脱贫户", "脱贫户", "监测户", None)),
                moved_in_year=rng.choice((2018, 2019, 2020)), address=address, division_code=division, on=listed_on,
            )
            for pid, relation, able in members:
                if relation not in ("01", "02") or not able:
                    continue
                if rng.random() < 0.55:
                    destination = rng.choice(("county", "county", "province", "outside"))
                    workshop = destination == "county" and rng.random() < 0.4
                    welfare = destination == "county" and not workshop and rng.random() < 0.3
                    record_census(session, clerk, CensusInput(
                        pid, on - timedelta(days=rng.randint(1, 60)), True, destination=destination,
                        work_form="04" if welfare else rng.choice(("01", "01", "03")),
                        employer_name=EMPLOYERS[0] if workshop else rng.choice(EMPLOYERS[1:]),
                        post=rng.choice(("缝纫工", "钢筋工", "流水线操作工", "保洁员", "营业员")),
                        aid_workshop=workshop, public_welfare_post=welfare,
                        monthly_income=rng.randrange(1800, 6500, 100), verifier_name="（演示）网格员",
                    ), on)
                elif rng.random() < 0.5:
                    record_census(session, clerk, CensusInput(
                        pid, on - timedelta(days=rng.randint(1, 60)), False, not_employed_reason="照顾家庭",
                        verifier_name="（演示）网格员"), on)
    # Listed households where someone has found work since are cleared, except two left to clear by hand.
    clearable = [row for row in zero_employment_list(session, on) if row.employed]
    for n, row in enumerate(clearable[2:]):
        person_id = _employed_laborer(session, row.household_id, on)
        if person_id is not None:
            clear_zero_employment(session, clerk, row.household_id, person_id=person_id,
                                  via=rng.choice(("aid_workshop", "public_welfare", "labor_export", "referral")),
                                  cleared_on=on - timedelta(days=5 + n), on=on)


def _employed_laborer(session: Session, household_id: str, on: date) -> str | None:
    from app.households import household_detail

    detail = household_detail(session, None, household_id, on)
    return next((m.person_id for m in detail.members if m.laborer and m.employed), None)
