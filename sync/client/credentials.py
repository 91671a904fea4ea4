"""Device enrolment, the device credential in the OS keyring, and staff online login.

- :func:`enroll` trades a one-time token for a device credential. The secret goes into the OS
  keyring (service ``fuwutai-device``, user name = the store id), never into the database or a
  file; the server address, CA bundle path, proxy and device id go into the store's ``setting``.
- :func:`login_online` checks a staff member's password with the platform, returns the session
  token (kept in memory by the caller), and records in the store that this person logged in online
  on this workstation; :func:`may_login_offline` is the check the login screen makes when offline.
- :func:`platform_api` builds the authenticated client the engine uses.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import keyring
import keyring.errors
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo, authenticate
from app.auth.passwords import hash_password, verify_password
from app.clock import utcnow
from app.errors import UserError
from app.store import Store
from app.store.models import SYNCED_MODELS, Staff, Station
from app.store.sync_models import OnlineLogin
from sync.client import state
from sync.client.api import PlatformApi
from sync.client.errors import SyncError
from sync.client.transport import Transport, TransportConfig
from sync.protocol.auth import LoginResponse
from sync.protocol.common import device_authorization

SERVICE = "fuwutai-device"


# ---------------------------------------------------------------------- keyring


def _keyring_failed(exc: Exception) -> SyncError:
    return SyncError(
        "本机没有可用的安全密钥库（系统钥匙串），无法保存本机接入凭据。"
        "请在图形桌面会话中运行本程序，或请信息技术人员配置密钥库后重试。"
        f"（{type(exc).__name__}）",
        kind="config",
    )


def save_secret(store_id: str, device_id: str, secret: str) -> None:
    value = f"{device_id}.{secret}"
    try:
        keyring.set_password(SERVICE, store_id, value)
        stored = keyring.get_password(SERVICE, store_id)
    except keyring.errors.KeyringError as exc:
        raise _keyring_failed(exc) from exc
    if stored != value:
        raise SyncError("密钥库没有正确保存本机接入凭据，请检查系统密钥库后重新接入。", kind="config")


def load_secret(store_id: str) -> tuple[str, str] | None:
    """(device_id, secret) from the keyring, or None when this store has no credential there."""
    try:
        value = keyring.get_password(SERVICE, store_id)
    except keyring.errors.KeyringError as exc:
        raise _keyring_failed(exc) from exc
    if not value:
        return None
    device_id, dot, secret = value.rpartition(".")
    if not dot or not device_id or not secret:
        return None
    return device_id, secret


def forget_secret(store_id: str) -> None:
    try:
        keyring.delete_password(SERVICE, store_id)
    except keyring.errors.PasswordDeleteError:
        return
    except keyring.errors.KeyringError as exc:
        raise _keyring_failed(exc) from exc


# ---------------------------------------------------------------------- building the client


def make_transport(
    server_url: str,
    *,
    ca_bundle: str | None = None,
    proxy: str | None = None,
    credential: tuple[str, str] | None = None,
    cancel: threading.Event | None = None,
    tuning: dict[str, Any] | None = None,
) -> Transport:
    config = dataclasses.replace(
        TransportConfig(base_url=server_url, ca_bundle=ca_bundle, proxy=proxy, probe_path="/v1/hello"),
        **(tuning or {}),
    )
    headers: dict[str, str] = {}
    if credential is not None:
        headers["Authorization"] = device_authorization(*credential)
    transport = Transport(config, auth_headers=lambda: headers)
    if cancel is not None:
        transport.cancel = cancel
    return transport


def platform_api(
    store: Store, *, cancel: threading.Event | None = None, tuning: dict[str, Any] | None = None
) -> PlatformApi:
    """The authenticated platform client for this store, from its settings and keyring entry."""
    with store.session() as session:
        conn = state.connection(session)
    if conn is None:
        raise SyncError(
            "本机尚未接入省级平台。请先由县级信息技术人员运行"
            "“fuwutai enroll --server 平台地址 --token 接入码”完成接入。",
            kind="config",
        )
    credential = load_secret(store.store_id)
    if credential is None or credential[0] != conn.device_id:
        raise SyncError(
            "在本机密钥库中找不到接入凭据（可能系统账户或密钥库被重置）。"
            "请联系县级信息技术人员重新生成接入码并运行“fuwutai enroll”。",
            kind="config",
        )
    server_url, ca_bundle, proxy = _with_preset(conn.server_url, conn.ca_bundle, conn.proxy)
    transport = make_transport(
        server_url,
        ca_bundle=ca_bundle,
        proxy=proxy,
        credential=credential,
        cancel=cancel,
        tuning=tuning,
    )
    return PlatformApi(transport)


def _with_preset(server_url: str, ca_bundle: str | None, proxy: str | None) -> tuple[str, str | None, str | None]:
    """The machine's preset configuration (fuwutai.toml, app.config.preset) over the enrolled settings:
    a locked value always wins, an unlocked one fills in what enrolment left empty."""
    from app.config.preset import current_preset

    preset = current_preset()
    url = preset.get("server_url")
    if url and url.rstrip("/") != server_url.rstrip("/"):
        raise SyncError(
            f"本机接入的平台地址 {server_url} 与预置配置规定的 {url} 不同。"
            "请县级信息技术人员用预置配置中的地址重新运行“fuwutai enroll”。",
            kind="config",
        )
    if "ca_bundle" in preset.values and (preset.is_locked("ca_bundle") or not ca_bundle):
        ca_bundle = preset.values["ca_bundle"]
    if "proxy" in preset.values and (preset.is_locked("proxy") or not proxy):
        proxy = preset.values["proxy"]
    return server_url, ca_bundle, proxy


# ---------------------------------------------------------------------- enrolment


@dataclass(frozen=True)
class Enrolment:
    device_id: str
    station_code: str
    station_name: str
    server_url: str


def _has_local_records(session: Session) -> bool:
    for model in SYNCED_MODELS:
        if model is Staff:
            continue
        if session.scalar(select(func.count()).select_from(model)):
            return True
    return False


def enroll(
    store: Store,
    server_url: str,
    token: str,
    *,
    ca_bundle: str | None = None,
    proxy: str | None = None,
    tuning: dict[str, Any] | None = None,
) -> Enrolment:
    """Exchange a one-time token for this workstation's device credential and save the settings."""
    server_url = server_url.strip().rstrip("/")
    token = token.strip()
    if len(token) < 8:
        raise SyncError("接入码不正确：接入码至少 8 个字符，请核对县级信息技术人员提供的接入码。", kind="config")
    api = PlatformApi(make_transport(server_url, ca_bundle=ca_bundle, proxy=proxy, tuning=tuning))
    try:
        api.hello()
        answer = api.enrol(token)
    finally:
        api.close()
    with store.session() as session:
        station = session.scalars(select(Station)).first()
        if station is not None and station.code != answer.station.code:
            if _has_local_records(session):
                raise SyncError(
                    f"本机站点代码（{station.code}）与平台为该接入码登记的站点"
                    f"（{answer.station.code} {answer.station.name}）不一致，本机已有业务数据，未接入。"
                    "请核对接入码，并请县级信息技术人员重新生成接入码。",
                    kind="config",
                )
            station.code, station.name = answer.station.code, answer.station.name
        save_secret(store.store_id, answer.device_id, answer.device_secret)
        previous = state.get(session, state.SERVER_URL)
        if previous is not None and previous != server_url:
            state.forget_server_progress(session)
        state.put(session, state.SERVER_URL, server_url)
        state.put(session, state.CA_BUNDLE, ca_bundle)
        state.put(session, state.PROXY, proxy)
        state.put(session, state.DEVICE_ID, answer.device_id)
        state.put(session, state.STATION_CODE, answer.station.code)
        state.put(session, state.ENROLLED_AT, utcnow().isoformat(timespec="seconds"))
        audit.record(session, None, "sync.enrol", "device", None, {"device_id": answer.device_id})
    return Enrolment(answer.device_id, answer.station.code, answer.station.name, server_url)


def is_enrolled(session: Session) -> bool:
    return state.connection(session) is not None


# ---------------------------------------------------------------------- staff login


@dataclass(frozen=True)
class OnlineSession:
    """A staff member's platform session; keep it in memory only."""

    token: str
    expires_at: datetime
    staff_id: str
    username: str
    display_name: str
    role: str


def login_online(store: Store, api: PlatformApi, username: str, password: str) -> OnlineSession:
    """Check the password with the platform; on success remember this login for offline use here.

    The local account is created or brought up to date (name, role, password) so that the same
    password works offline later. This is written as platform data: it queues nothing to push.
    """
    try:
        answer: LoginResponse = api.login(username, password)
    except SyncError as exc:
        if exc.code in ("invalid_credentials", "account_locked"):
            raise SyncError(
                exc.platform_message or "用户名或密码不正确，请重新输入。",
                kind="auth",
                code=exc.code,
                retry_after=exc.retry_after,
            ) from exc
        raise
    info = answer.staff
    with store.session(remote_apply=True) as session:
        local = session.scalar(select(Staff).where(Staff.username == info.username))
        if local is None:
            local = Staff(
                id=info.staff_id,
                username=info.username,
                display_name=info.display_name,
                role=info.role,
                password_hash=hash_password(password),
            )
            session.add(local)
        else:
            local.display_name, local.role, local.active = info.display_name, info.role, True
            if not verify_password(password, local.password_hash):
                local.password_hash = hash_password(password)
            local.failed_logins, local.locked_until = 0, None
        record = session.get(OnlineLogin, info.username)
        now = utcnow()
        if record is None:
            session.add(OnlineLogin(username=info.username, staff_id=local.id, first_at=now, last_at=now))
        else:
            record.last_at, record.staff_id = now, local.id
        session.flush()
        audit.record(session, local.id, "staff.login_online", "staff", local.id, {})
    return OnlineSession(answer.session_token, answer.expires_at, local.id, info.username, info.display_name, info.role)


def may_login_offline(session: Session, username: str, *, allow_unenrolled: bool = True) -> bool:
    """Whether ``username`` may log in offline on this workstation.

    On an enrolled workstation only staff who once logged in online here may. A workstation that was
    never enrolled has no platform to ask, so its local accounts are allowed unless the caller says
    otherwise (``allow_unenrolled=False``).
    """
    if session.get(OnlineLogin, username) is not None:
        return True
    return allow_unenrolled and not is_enrolled(session)


class LoginRefused(UserError):
    """The login screen's answer when a staff member may not log in (wrong password, offline rule)."""


NEVER_ONLINE_HERE = (
    "此账号还没有在本机联网登录过，离线时不能登录。请连接网络后再登录一次（之后断网也能登录），"
    "或请已在本机联网登录过的同事办理。"
)


def workstation_login(
    store: Store, username: str, password: str, api_factory: Callable[[], PlatformApi]
) -> tuple[StaffInfo, OnlineSession | None]:
    """The login screen: online first on an enrolled workstation, offline only for staff who logged in
    online here before. A platform that answers "wrong password" or "locked" is final; a platform
    that cannot be reached (or fails) leaves the offline rule to decide."""
    with store.session() as session:
        enrolled = is_enrolled(session)
    online: OnlineSession | None = None
    if enrolled:
        try:
            api = api_factory()
            try:
                online = login_online(store, api, username, password)
            finally:
                api.close()
        except SyncError as exc:
            if exc.kind == "auth":
                raise LoginRefused(str(exc)) from exc
            online = None
    with store.session() as session:
        if online is None and not may_login_offline(session, username):
            raise LoginRefused(NEVER_ONLINE_HERE)
        staff = authenticate(session, username, password)
    return staff, online
