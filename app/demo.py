"""The embedded demo station: a data folder of its own with synthetic staff, persons and cases.

Used by the README's run command so a newcomer sees a working station at once. Everything here is
synthetic: ID numbers are generated with valid check digits and belong to no one.
"""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

import platformdirs
from sqlalchemy.orm import Session

from app.auth import StaffInfo, create_staff
from app.cards.simulator import SimulatedHolder
from app.clock import today
from app.persons import PersonInput, create_person
from app.store import DataDir, Store, create_store, open_store, store_exists
from app.validation import synthetic_mobile, synthetic_name, synthetic_resident_id

DEMO_STATION_CODE = "520102001"
DEMO_STATION_NAME = "南明区五里冲街道就业服务站（演示）"
# Demo-only accounts of a synthetic station; documented in the README, never used for real stations.
DEMO_ACCOUNTS = (
    ("admin", "演示管理员", "admin", "demo-admin-1"),
    ("clerk", "演示经办", "clerk", "demo-clerk-1"),
    ("reviewer", "演示审核", "reviewer", "demo-review-1"),
)
DEMO_TAGS = ("农民工", "高校毕业生", "易地扶贫搬迁劳动力", "脱贫人口", "退役军人", "残疾人")


def demo_data_dir() -> DataDir:
    return DataDir(Path(platformdirs.user_data_dir("Fuwutai-demo", appauthor=False)))


def ensure_demo_store(data_dir: DataDir | None = None, persons: int = 40) -> Store:
    """Open the demo store, creating and filling it on first use."""
    data_dir = data_dir or demo_data_dir()
    if store_exists(data_dir):
        return open_store(data_dir)
    store = create_store(data_dir, DEMO_STATION_CODE, DEMO_STATION_NAME)
    rng = random.Random(20191107)
    with store.session() as session:
        staff: list[StaffInfo] = [create_staff(session, u, n, r, p) for u, n, r, p in DEMO_ACCOUNTS]
        people: list[tuple[str, PersonInput]] = []
        for _ in range(persons):
            data = PersonInput(
                name=synthetic_name(rng),
                doc_type="resident_id",
                doc_number=synthetic_resident_id(rng, region="520102"),
                phone=synthetic_mobile(rng),
                residence_address="贵阳市南明区五里冲街道（演示地址）",
                tags=tuple(rng.sample(DEMO_TAGS, k=rng.randint(0, 2))),
            )
            people.append((create_person(session, staff[1].id, data)[0], data))
        _demo_cases(session, staff[1], people[:6])
        from app.demo_areas import seed_areas

        seed_areas(session, staff, people, rng)
        from app.settings import set_settings

        set_settings(session, None, {"card_backend": "simulator"})  # the demo has no card reader
    store.backup_if_due()
    return store


def demo_card_holders(session: Session) -> list[SimulatedHolder]:
    """Whose cards the demo's simulated reader deals, in turn: a card new to the station (F2 prefills a new
    person), then two of the station's own persons (F2 finds them), so training shows both ways."""
    from sqlalchemy import select

    from app.cards.simulator import SimulatedHolder, synthetic_holders
    from app.store.models import Person

    rows = session.execute(
        select(Person.doc_number, Person.name)
        .where(Person.doc_type == "resident_id", Person.deleted.is_(False))
        .order_by(Person.created_at, Person.id)
        .limit(2)
    ).all()
    known = [SimulatedHolder(number, name, f"S{n + 1:08d}") for n, (number, name) in enumerate(rows)]
    return [synthetic_holders()[0], *known]


def _demo_cases(session: Session, clerk: StaffInfo, people: list[tuple[str, PersonInput]]) -> None:
    """A few 失业登记 cases accepted on written commitment days ago (some overdue), and one draft."""
    from app.calendar import default_calendar
    from app.catalog import load_bundled_catalog
    from app.workflow import create_case, transition

    catalog, calendar = load_bundled_catalog(), default_calendar()
    item = catalog.get("unemployment_registration")
    for n, (person_id, data) in enumerate(people):
        accepted = calendar.add_working_days(today(), -(1 + 2 * n))
        form = {
            "name": data.name,
            "gender": "1" if int(data.doc_number[16]) % 2 else "2",
            "id_doc": {"doc_type": "resident_id", "number": data.doc_number},
            "ethnic": "01",
            "hukou_type": "01",
            "education": "71",
            "health": "10",
            "hukou_address": "贵州省（演示地址）",
            "residence_address": data.residence_address,
            "residence_division": DEMO_STATION_CODE,
            "phone": data.phone,
            "registration_division": DEMO_STATION_CODE,
            "unemployed_since": (accepted - timedelta(days=30)).isoformat(),
            "unemployment_cause": "02",
            "claims_ui_benefit": False,
            "training_intention": False,
            "truth_commitment": True,
        }
        case_id = create_case(session, clerk, item, person_id, form, today=accepted)
        if n < len(people) - 1:
            transition(
                session,
                clerk,
                case_id,
                "accept",
                catalog=catalog,
                calendar=calendar,
                on_commitment=True,
                today=accepted,
            )
