"""Handshake, enrolment, login, push, change feed, reset and reference data."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from sync.protocol import (
    DEFAULT_PAGE_LIMIT,
    MAX_ATTACHMENT_BYTES,
    MAX_BATCH_ITEMS,
    MAX_BODY_BYTES,
    MAX_CHUNK_BYTES,
    MAX_PAGE_LIMIT,
    MAX_REFDATA_PAGE,
    PROTOCOL_VERSION,
    EnrolRequest,
    Limits,
    LoginRequest,
    OkResponse,
    Paths,
    PushRequest,
    ServerInfo,
)
from sync.server import auth_service, feed_service, push_service, refdata_service
from sync.server.http.body import read_model, reply
from sync.server.http.deps import DbDep, DeviceDep
from sync.server.security import utcnow

router = APIRouter()


@router.get(Paths.HELLO)
async def hello(request: Request) -> Response:
    info = ServerInfo(
        protocol_version=PROTOCOL_VERSION,
        server_name=request.app.state.server_name,
        server_time=utcnow(),
        limits=Limits(
            max_body_bytes=MAX_BODY_BYTES,
            max_batch_items=MAX_BATCH_ITEMS,
            max_page_limit=MAX_PAGE_LIMIT,
            max_chunk_bytes=MAX_CHUNK_BYTES,
            max_attachment_bytes=MAX_ATTACHMENT_BYTES,
        ),
    )
    return reply(request, info)


@router.post(Paths.ENROL)
async def enrol(request: Request, db: DbDep) -> Response:
    body = await read_model(request, EnrolRequest, 64 * 1024)
    return reply(request, await run_in_threadpool(auth_service.enrol, db, body))


@router.post(Paths.LOGIN)
async def login(request: Request, db: DbDep, device: DeviceDep) -> Response:
    body = await read_model(request, LoginRequest, 64 * 1024)
    return reply(request, await run_in_threadpool(auth_service.login, db, device, body), device=device)


@router.post(Paths.LOGOUT)
async def logout(
    request: Request, db: DbDep, device: DeviceDep, x_fuwutai_session: Annotated[str | None, Header()] = None
) -> Response:
    await run_in_threadpool(auth_service.logout, db, device, x_fuwutai_session)
    return reply(request, OkResponse(), device=device)


@router.post(Paths.PUSH)
async def push(request: Request, db: DbDep, device: DeviceDep) -> Response:
    body = await read_model(request, PushRequest)
    return reply(request, await run_in_threadpool(push_service.push, db, device, body), device=device)


@router.get(Paths.CHANGES)
async def changes(
    request: Request,
    db: DbDep,
    device: DeviceDep,
    cursor: Annotated[int, Query(ge=0, le=2**62)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_LIMIT)] = DEFAULT_PAGE_LIMIT,
    count: bool = False,
) -> Response:
    page = await run_in_threadpool(feed_service.changes, db, device, cursor, limit, count=count)
    return reply(request, page, device=device)


@router.post(Paths.RESET_ACK)
async def reset_ack(request: Request, db: DbDep, device: DeviceDep) -> Response:
    answer = await run_in_threadpool(feed_service.ack_reset, db, device)
    return reply(request, answer)


@router.get(Paths.REFDATA)
async def refdata_index(request: Request, db: DbDep, device: DeviceDep) -> Response:
    return reply(request, await run_in_threadpool(refdata_service.index, db), device=device)


@router.get(Paths.REFDATA + "/{stream}")
async def refdata_page(
    request: Request,
    db: DbDep,
    device: DeviceDep,
    stream: str,
    version: Annotated[int | None, Query(ge=1, le=2**31)] = None,
    offset: Annotated[int, Query(ge=0, le=2**31)] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_REFDATA_PAGE)] = MAX_REFDATA_PAGE,
) -> Response:
    page = await run_in_threadpool(refdata_service.page, db, stream, version, offset, limit)
    return reply(request, page, device=device)
