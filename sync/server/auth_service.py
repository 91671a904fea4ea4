"""Enrolment, device authentication, staff login and sessions."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, update

from sync.protocol import (
    PROTOCOL_VERSION,
    EnrolRequest,
    EnrolResponse,
    ErrorCode,
    LoginRequest,
    LoginResponse,
    StaffInfo,
    StaffRole,
    StationInfo,
    parse_device_authorization,
)
from sync.server.db import Database
from sync.server.errors import ApiError
from sync.server.models import Device, EnrolToken, StaffSession, StaffUser, Station
from sync.server.security import (
    DUMMY_PASSWORD_HASH,
    new_secret,
    same_hash,
    token_hash,
    utcnow,
    verify_password,
)

SESSION_HOURS = 12
MAX_FAILED_LOGINS = 5
LOCK_MINUTES = 15


@dataclass(frozen=True)
class DeviceContext:
    device_id: str
    station_code: str
    reset_pending: bool


@dataclass(frozen=True)
class StaffContext:
    staff_id: str
    username: str
    role: str


def enrol(db: Database, request: EnrolRequest) -> EnrolResponse:
    now = utcnow()
    device_id = str(uuid.uuid4())
    secret = new_secret()
    with db.write() as session:
        # One conditional UPDATE decides who gets a token: two racing enrolments cannot both win.
        claimed = session.execute(
            update(EnrolToken)
            .where(
                EnrolToken.token_hash == token_hash(request.token),
                EnrolToken.used_at.is_(None),
                EnrolToken.expires_at > now,
            )
            .values(used_at=now, device_id=device_id)
            .returning(EnrolToken.station_code)
        ).scalar_one_or_none()
        if claimed is None:
            raise ApiError(401, ErrorCode.INVALID_TOKEN, "登记令牌无效、已使用或已过期。请向县级管理员申请新的令牌。")
        station = session.get(Station, claimed)
        if station is None:
            raise ApiError(401, ErrorCode.INVALID_TOKEN, "登记令牌对应的站点已不存在。请向县级管理员申请新的令牌。")
        session.add(
            Device(
                id=device_id,
                station_code=station.code,
                name=request.device_name,
                client_version=request.client_version,
                secret_hash=token_hash(secret),
                created_at=now,
            )
        )
        info = StationInfo(code=station.code, name=station.name)
    return EnrolResponse(
        device_id=device_id,
        device_secret=secret,
        station=info,
        protocol_version=PROTOCOL_VERSION,
        server_time=now,
    )


_BAD_DEVICE = "设备凭据无效。请检查本机登记信息，或请县级管理员重新为本机生成登记令牌。"


def authenticate_device(db: Database, authorization: str | None) -> DeviceContext:
    parsed = parse_device_authorization(authorization)
    if parsed is None:
        raise ApiError(
            401,
            ErrorCode.UNAUTHENTICATED,
            "请求缺少设备凭据。请先登记本机（fuwutai enroll）。",
            headers={"WWW-Authenticate": "Bearer"},
        )
    device_id, secret = parsed
    with db.read() as session:
        device = session.get(Device, device_id) if len(device_id) <= 36 else None
        if device is None or not same_hash(device.secret_hash, token_hash(secret)):
            raise ApiError(401, ErrorCode.UNAUTHENTICATED, _BAD_DEVICE, headers={"WWW-Authenticate": "Bearer"})
        if device.revoked_at is not None:
            raise ApiError(
                401, ErrorCode.DEVICE_REVOKED, "本机的登记已被平台注销。如需继续使用，请联系县级管理员重新登记。"
            )
        return DeviceContext(device.id, device.station_code, device.reset_pending)


def login(db: Database, device: DeviceContext, request: LoginRequest) -> LoginResponse:
    now = utcnow()
    with db.write() as session:
        user = session.execute(
            select(StaffUser).where(
                StaffUser.station_code == device.station_code, StaffUser.username == request.username
            )
        ).scalar_one_or_none()
        if user is not None and user.locked_until is not None and user.locked_until > now:
            wait = int((user.locked_until - now).total_seconds()) + 1
            raise ApiError(
                423,
                ErrorCode.ACCOUNT_LOCKED,
                f"登录失败次数过多，账号已暂时锁定，请 {wait // 60 + 1} 分钟后再试。",
                retry_after=wait,
            )
        ok = verify_password(request.password, user.password_hash if user else DUMMY_PASSWORD_HASH)
        if user is None or not ok or not user.active:
            if user is not None and not ok:
                user.failed_logins += 1
                if user.failed_logins >= MAX_FAILED_LOGINS:
                    user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                    user.failed_logins = 0
        else:
            user.failed_logins = 0
            user.locked_until = None
            token = new_secret()
            expires = now + timedelta(hours=SESSION_HOURS)
            session.add(
                StaffSession(
                    token_hash=token_hash(token),
                    staff_id=user.id,
                    station_code=device.station_code,
                    device_id=device.device_id,
                    created_at=now,
                    expires_at=expires,
                )
            )
            role: StaffRole = user.role  # type: ignore[assignment]
            staff = StaffInfo(
                staff_id=user.id,
                username=user.username,
                display_name=user.display_name,
                role=role,
                station_code=user.station_code,
            )
            return LoginResponse(session_token=token, expires_at=expires, staff=staff)
    # Outside the transaction so the failure count above is committed before answering.
    raise ApiError(401, ErrorCode.INVALID_CREDENTIALS, "用户名或密码不正确，请重新输入。")


def require_session(db: Database, device: DeviceContext, token: str | None) -> StaffContext:
    if not token:
        raise ApiError(401, ErrorCode.SESSION_REQUIRED, "此功能需要工作人员在线登录。请联网后重新登录。")
    now = utcnow()
    with db.read() as session:
        row = session.get(StaffSession, token_hash(token))
        if row is None or row.ended_at is not None or row.expires_at <= now or row.station_code != device.station_code:
            raise ApiError(401, ErrorCode.SESSION_REQUIRED, "在线登录已过期或无效，请重新登录。")
        # A session dies with the device it was opened on: revoking a device ends its staff's sessions too.
        issuer = session.get(Device, row.device_id)
        if issuer is None or issuer.revoked_at is not None:
            raise ApiError(401, ErrorCode.SESSION_REQUIRED, "在线登录已过期或无效，请重新登录。")
        user = session.get(StaffUser, row.staff_id)
        if user is None or not user.active:
            raise ApiError(401, ErrorCode.SESSION_REQUIRED, "此账号已停用，请联系站点管理员。")
        return StaffContext(user.id, user.username, user.role)


def logout(db: Database, device: DeviceContext, token: str | None) -> None:
    require_session(db, device, token)
    with db.write() as session:
        session.execute(
            update(StaffSession)
            .where(StaffSession.token_hash == token_hash(token or ""), StaffSession.ended_at.is_(None))
            .values(ended_at=utcnow())
        )
