"""FastAPI dependencies: the database, the protocol check, the device and the staff session."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Header, Request

from sync.protocol import PROTOCOL_VERSION, ErrorCode
from sync.server.auth_service import DeviceContext, StaffContext, authenticate_device, require_session
from sync.server.db import Database
from sync.server.errors import ApiError


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


DbDep = Annotated[Database, Depends(get_db)]


def check_protocol(x_fuwutai_protocol: Annotated[str | None, Header()] = None) -> None:
    if x_fuwutai_protocol is not None and x_fuwutai_protocol.strip() != str(PROTOCOL_VERSION):
        raise ApiError(
            400,
            ErrorCode.UNSUPPORTED_PROTOCOL,
            f"平台只支持同步协议第 {PROTOCOL_VERSION} 版，本机使用第 {x_fuwutai_protocol} 版。请升级程序或联系管理员。",
        )


def get_device(db: DbDep, authorization: Annotated[str | None, Header()] = None) -> DeviceContext:
    return authenticate_device(db, authorization)


DeviceDep = Annotated[DeviceContext, Depends(get_device)]


def get_staff(db: DbDep, device: DeviceDep, x_fuwutai_session: Annotated[str | None, Header()] = None) -> StaffContext:
    return require_session(db, device, x_fuwutai_session)


StaffDep = Annotated[StaffContext, Depends(get_staff)]
