"""Enrolment (device secret in the keyring only), staff online login, and who may log in offline."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import keyring
import pytest
from sqlalchemy import select

from app.auth import authenticate
from app.store import Store
from app.store.models import Setting, Staff, Station
from app.store.sync_models import OnlineLogin
from sync.client import state
from sync.client.cli import run as cli_run
from sync.client.credentials import SERVICE, enroll, load_secret, login_online, may_login_offline, platform_api
from sync.client.errors import SyncError
from sync.server.harness import PlatformHarness
from tests.sync.client.conftest import FAST, add_persons
from tests.sync.conftest import STATION_A, STATION_B

PASSWORD = "test-pass-123"


def test_sync_client_enroll_keeps_the_secret_in_the_keyring_only(
    platform: PlatformHarness, make_store: Callable[..., Store], capsys: Any
) -> None:
    store = make_store()
    root = str(store.data_dir.root)
    token = platform.enrol_token(STATION_A)
    assert cli_run(["--data-dir", root, "enroll", "--server", platform.url, "--token", token, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["station_code"] == STATION_A
    credential = load_secret(store.store_id)
    assert credential is not None and credential[0] == shown["device_id"]
    secret = credential[1]
    assert keyring.get_password(SERVICE, store.store_id) == f"{credential[0]}.{secret}"
    with store.session() as session:
        settings = {s.key: s.value for s in session.scalars(select(Setting))}
        assert settings[state.SERVER_URL] == platform.url and settings[state.DEVICE_ID] == credential[0]
        assert not any(secret in value for value in settings.values())
    for path in store.data_dir.root.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path
    # The one-time token cannot be used twice.
    assert cli_run(["--data-dir", root, "enroll", "--server", platform.url, "--token", token]) == 1
    assert "HTTP 401" in capsys.readouterr().err


def test_sync_client_enroll_refuses_another_station_when_data_exists(
    platform: PlatformHarness, make_store: Callable[..., Store]
) -> None:
    store = make_store()
    add_persons(store, 1)
    with pytest.raises(SyncError, match="站点代码") as caught:
        enroll(store, platform.url, platform.enrol_token(STATION_B), tuning=FAST)
    assert caught.value.kind == "config"
    assert load_secret(store.store_id) is None

    empty = make_store("pc2")
    enroll(empty, platform.url, platform.enrol_token(STATION_B), tuning=FAST)
    with empty.session() as session:
        assert session.scalars(select(Station.code)).one() == STATION_B


def test_sync_client_enroll_checks_its_inputs(platform: PlatformHarness, make_store: Callable[..., Store]) -> None:
    store = make_store()
    with pytest.raises(SyncError, match="接入码"):
        enroll(store, platform.url, "short")
    with pytest.raises(SyncError, match="平台地址"):
        enroll(store, "platform.example", "x" * 20)
    with pytest.raises(SyncError, match="证书文件"):
        enroll(store, platform.url, "x" * 20, ca_bundle="/nonexistent/ca.pem")


def test_sync_client_staff_login_online_allows_offline_login_later(
    platform: PlatformHarness, enrolled: Callable[..., Store]
) -> None:
    store = enrolled()
    platform.add_user(STATION_A, "zhangsan", PASSWORD, role="reviewer", display_name="张三")
    with store.session() as session:
        assert not may_login_offline(session, "zhangsan")
        assert may_login_offline(session, "zhangsan", allow_unenrolled=True) is False  # enrolled: no exception
    api = platform_api(store, tuning=FAST)
    with pytest.raises(SyncError) as caught:
        login_online(store, api, "zhangsan", "wrong-pass-1")
    assert caught.value.kind == "auth" and caught.value.code == "invalid_credentials"
    assert "重新接入" not in str(caught.value) and "密码" in str(caught.value)
    online = login_online(store, api, "zhangsan", PASSWORD)
    api.close()
    assert online.token and online.role == "reviewer" and online.display_name == "张三"
    with store.session() as session:
        assert may_login_offline(session, "zhangsan")
        assert session.get(OnlineLogin, "zhangsan") is not None
        staff = session.scalars(select(Staff).where(Staff.username == "zhangsan")).one()
        assert staff.role == "reviewer"
    with store.session() as session:
        assert authenticate(session, "zhangsan", PASSWORD).role == "reviewer"  # now works offline


def test_sync_client_offline_login_on_a_workstation_never_enrolled(make_store: Callable[..., Store]) -> None:
    store = make_store()
    with store.session() as session:
        assert may_login_offline(session, "admin1")
        assert not may_login_offline(session, "admin1", allow_unenrolled=False)


def test_sync_client_cli_sync_and_status(
    platform: PlatformHarness, enrolled: Callable[..., Store], capsys: Any
) -> None:
    store = enrolled()
    add_persons(store, 3)
    root = str(store.data_dir.root)
    assert cli_run(["--data-dir", root, "sync", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["enrolled"] and status["pending"] == 6 and status["last_success"] is None
    assert cli_run(["--data-dir", root, "sync", "--once", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] and report["pushed"] == 6 and report["pending"] == 0
    assert cli_run(["--data-dir", root, "sync", "--once"]) == 0
    assert "上传 0 条" in capsys.readouterr().out
    assert cli_run(["--data-dir", root, "sync", "status"]) == 0
    assert "待上传 0 条" in capsys.readouterr().out

    platform.stop()  # the platform goes away: the round fails, with a non-zero exit code
    add_persons(store, 1, seed=9)
    assert cli_run(["--data-dir", root, "sync", "--once", "--json"]) == 1
    failed = json.loads(capsys.readouterr().out)
    assert not failed["ok"] and failed["offline"] and failed["pending"] == 2
    assert cli_run(["--data-dir", root, "sync", "status", "--json"]) == 0
    assert "离线" in json.loads(capsys.readouterr().out)["last_error"]
