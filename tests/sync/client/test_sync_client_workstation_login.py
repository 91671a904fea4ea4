"""The login screen's rule: online first when enrolled; offline only for staff who logged in online here."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import select

from app.auth import create_staff
from app.store import Store
from app.store.sync_models import OnlineLogin
from sync.client.card_services import store_api_factory
from sync.client.credentials import NEVER_ONLINE_HERE, LoginRefused, workstation_login
from sync.server.harness import PlatformHarness
from tests.sync.conftest import STATION_A

PASSWORD = "correct-horse-1"


def test_sync_client_login_online_then_offline(enrolled: Callable[..., Store], platform: PlatformHarness) -> None:
    store = enrolled()
    platform.add_user(STATION_A, "clerk_a", PASSWORD, "clerk", "甲经办")
    staff, online = workstation_login(store, "clerk_a", PASSWORD, store_api_factory(store))
    assert online is not None and online.username == "clerk_a" and staff.username == "clerk_a"
    with store.session() as session:
        assert session.get(OnlineLogin, "clerk_a") is not None
    with pytest.raises(LoginRefused, match="密码"):
        workstation_login(store, "clerk_a", "wrong-password", store_api_factory(store))
    platform.stop()
    # Offline now: the same person may log in with the password the platform confirmed.
    staff, online = workstation_login(store, "clerk_a", PASSWORD, store_api_factory(store))
    assert online is None and staff.username == "clerk_a"


def test_sync_client_offline_login_refused_for_staff_never_online_here(
    enrolled: Callable[..., Store], platform: PlatformHarness
) -> None:
    store = enrolled()
    with store.session() as session:
        create_staff(session, "local_only", "本地账号", "clerk", PASSWORD)
    platform.stop()
    with pytest.raises(LoginRefused) as caught:
        workstation_login(store, "local_only", PASSWORD, store_api_factory(store))
    assert str(caught.value) == NEVER_ONLINE_HERE
    with store.session() as session:
        assert session.scalar(select(OnlineLogin.username)) is None


def test_sync_client_unenrolled_workstation_logs_in_locally(make_store: Callable[..., Store]) -> None:
    store = make_store()
    with store.session() as session:
        create_staff(session, "solo", "单机账号", "admin", PASSWORD)
    staff, online = workstation_login(store, "solo", PASSWORD, store_api_factory(store))
    assert online is None and staff.username == "solo"
