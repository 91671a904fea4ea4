"""Attachments: HEAD/status, chunk upload at an offset, commit, ranged download."""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from sync.protocol import MAX_ATTACHMENT_BYTES, MAX_CHUNK_BYTES, UPLOAD_OFFSET_HEADER, CommitRequest, ErrorCode, Paths
from sync.server import attachment_service
from sync.server.errors import ApiError
from sync.server.http.body import check_media_type, decode, read_model, read_raw, reply
from sync.server.http.deps import DbDep, DeviceDep

router = APIRouter()
Sha = Annotated[str, Path(pattern=r"^[0-9a-f]{64}$")]
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@router.head(Paths.ATTACHMENTS + "/{sha256}")
async def head(db: DbDep, device: DeviceDep, sha256: Sha) -> Response:
    status = await run_in_threadpool(attachment_service.status, db, device, sha256)
    if status.state == "complete":
        return Response(status_code=200, headers={"Content-Length": str(status.size), "Accept-Ranges": "bytes"})
    return Response(status_code=404, headers={UPLOAD_OFFSET_HEADER: str(status.received)})


@router.get(Paths.ATTACHMENTS + "/{sha256}/status")
async def status(request: Request, db: DbDep, device: DeviceDep, sha256: Sha) -> Response:
    return reply(request, await run_in_threadpool(attachment_service.status, db, device, sha256), device=device)


@router.put(Paths.ATTACHMENTS + "/{sha256}/chunks")
async def put_chunk(
    request: Request,
    db: DbDep,
    device: DeviceDep,
    sha256: Sha,
    offset: Annotated[int, Query(ge=0, le=MAX_ATTACHMENT_BYTES)],
) -> Response:
    check_media_type(request, "application/octet-stream")
    data = decode(request, await read_raw(request, MAX_CHUNK_BYTES), MAX_CHUNK_BYTES)
    answer = await run_in_threadpool(attachment_service.put_chunk, db, device, sha256, offset, data)
    return reply(request, answer, device=device, headers={UPLOAD_OFFSET_HEADER: str(answer.received)})


@router.post(Paths.ATTACHMENTS + "/{sha256}/commit")
async def commit(request: Request, db: DbDep, device: DeviceDep, sha256: Sha) -> Response:
    body = await read_model(request, CommitRequest, 16 * 1024)
    return reply(request, await run_in_threadpool(attachment_service.commit, db, device, sha256, body), device=device)


@router.get(Paths.ATTACHMENTS + "/{sha256}")
async def download(request: Request, db: DbDep, device: DeviceDep, sha256: Sha) -> Response:
    data, media_type = await run_in_threadpool(attachment_service.read, db, device, sha256)
    size = len(data)
    header = request.headers.get("range")
    if not header:
        return Response(content=data, media_type=media_type, headers={"Accept-Ranges": "bytes"})
    start, end = _parse_range(header, size)
    return Response(
        content=data[start : end + 1],
        status_code=206,
        media_type=media_type,
        headers={"Content-Range": f"bytes {start}-{end}/{size}", "Accept-Ranges": "bytes"},
    )


def _parse_range(header: str, size: int) -> tuple[int, int]:
    match = _RANGE.match(header.strip())
    unsatisfiable = ApiError(
        416,
        ErrorCode.RANGE_NOT_SATISFIABLE,
        "请求的下载范围超出了附件大小。",
        headers={"Content-Range": f"bytes */{size}"},
    )
    if match is None or match.group(0) == "bytes=-":
        raise unsatisfiable
    first, last = match.group(1), match.group(2)
    if first == "":
        length = int(last)
        if length == 0:
            raise unsatisfiable
        return max(size - length, 0), size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        raise unsatisfiable
    return start, end
