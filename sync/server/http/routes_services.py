"""Online services: 社保卡 authentication, QR verification, person look-up and online applications."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Header, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from sync.protocol import (
    CardAuthRequest,
    OnlineApplication,
    Paths,
    PersonLookupRequest,
    QrVerifyRequest,
)
from sync.server import card_service, online_service
from sync.server.http.body import read_model, reply
from sync.server.http.deps import DbDep, DeviceDep, StaffDep

router = APIRouter()


@router.post(Paths.CARD_AUTH)
async def card_authenticate(request: Request, device: DeviceDep) -> Response:
    body = await read_model(request, CardAuthRequest, 64 * 1024)
    return reply(request, card_service.authenticate_card(body), device=device)


@router.post(Paths.QR_VERIFY)
async def qr_verify(request: Request, db: DbDep, device: DeviceDep) -> Response:
    body = await read_model(request, QrVerifyRequest, 16 * 1024)
    answer = await run_in_threadpool(card_service.verify_qr, db, body, device.device_id)
    return reply(request, answer, device=device)


@router.post(Paths.PERSON_LOOKUP)
async def person_lookup(request: Request, db: DbDep, device: DeviceDep, staff: StaffDep) -> Response:
    body = await read_model(request, PersonLookupRequest, 16 * 1024)
    answer = await run_in_threadpool(online_service.lookup, db, device, staff, body)
    return reply(request, answer, device=device)


@router.post(Paths.ONLINE_APPLICATIONS)
async def online_application(
    request: Request, db: DbDep, x_fuwutai_app_key: Annotated[str | None, Header()] = None
) -> Response:
    await run_in_threadpool(online_service.check_app_key, db, x_fuwutai_app_key)
    body = await read_model(request, OnlineApplication, 1024 * 1024)
    answer = await run_in_threadpool(online_service.submit_application, db, body)
    return reply(request, answer, status=200 if answer.status == "duplicate" else 201)
