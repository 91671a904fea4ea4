"""The embedded demo station: a data folder of its own with synthetic staff, persons and cases.

Used by the README's run command so a newcomer sees a working station at once. Everything here is
synthetic: ID numbers are generated with valid check digits and belong to no one.
"""

from __future__ import annotations

import random
from pathlib import Path

import platformdirs

from app.auth import StaffInfo, create_staff
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
        for _ in range(persons):
            tags = tuple(rng.sample(DEMO_TAGS, k=rng.randint(0, 2)))
            create_person(
                session,
                staff[1].id,
                PersonInput(
                    name=synthetic_name(rng),
                    doc_type="resident_id",
                    doc_number=synthetic_resident_id(rng, region="520102"),
                    phone=synthetic_mobile(rng),
                    residence_address="贵阳市南明区五里冲街道（演示地址）",
                    tags=tags,
                ),
            )
    return store
