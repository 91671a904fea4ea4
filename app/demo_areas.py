"""Demo data of the service areas (households, settlements, employers, assistance, training …).

Each area adds one seeder here. A seeder gets the demo session, the demo staff (admin, clerk,
reviewer), the demo persons as ``(person_id, PersonInput)`` and a seeded ``random.Random``; it must be
deterministic and use synthetic data only.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from sqlalchemy.orm import Session

from app.auth import StaffInfo
from app.persons.model import PersonInput

Seeder = Callable[[Session, list[StaffInfo], list[tuple[str, PersonInput]], random.Random], None]


def seeders() -> list[Seeder]:
    """The area seeders, in the order they run (later ones may use what earlier ones made)."""
    found: list[Seeder] = []
    from app.demo_households import seed_households

    found.append(seed_households)
    from app.demo_assistance import seed_assistance  # 失业登记 follow-through, 就业登记, 就业援助

    found.append(seed_assistance)
    from app.demo_employment import seed_employment  # employers, postings, intentions, referrals

    found.append(seed_employment)
    from app.demo_services import seed_services  # training, campaigns, appointments, satisfaction, fraud

    found.append(seed_services)
    return found


def seed_areas(
    session: Session, staff: list[StaffInfo], people: list[tuple[str, PersonInput]], rng: random.Random
) -> None:
    for seed in seeders():
        seed(session, staff, people, rng)
