"""Fixtures for the headless core: a real encrypted store file, the bundled catalog and calendar."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from app.auth import StaffInfo, create_staff
from app.store import DataDir, Store, create_store

PASSWORD = "test-pass-123"


@pytest.fixture
def store(data_dir: DataDir) -> Iterator[Store]:
    s = create_store(data_dir, "520102001", "测试街道就业服务站")
    yield s
    s.close()


@pytest.fixture
def staff(store: Store) -> dict[str, StaffInfo]:
    with store.session() as session:
        return {
            role: create_staff(session, f"{role}1", f"测试{role}", role, PASSWORD)
            for role in ("clerk", "reviewer", "admin")
        }


@pytest.fixture(scope="session")
def catalog():  # type: ignore[no-untyped-def]
    from app.catalog import load_bundled_catalog

    return load_bundled_catalog()


@pytest.fixture(scope="session")
def calendar():  # type: ignore[no-untyped-def]
    from app.calendar import default_calendar

    return default_calendar()


@pytest.fixture
def monday() -> date:
    return date(2026, 3, 2)
