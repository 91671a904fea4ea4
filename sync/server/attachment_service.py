"""Attachments: chunks appended at an exact offset, committed after a hash check, read by range.

Bytes are stored once per hash; each station gains access by uploading them itself, so one station
can never read (or learn of) another station's files.
"""

from __future__ import annotations

import hashlib
from contextlib import suppress

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync.protocol import MAX_ATTACHMENT_BYTES, AttachmentStatus, CommitRequest, ErrorCode
from sync.server.auth_service import DeviceContext
from sync.server.db import Database
from sync.server.errors import ApiError, not_found
from sync.server.models import Blob, BlobOwner, UploadPart
from sync.server.security import utcnow


def status(db: Database, device: DeviceContext, sha256: str) -> AttachmentStatus:
    with db.read() as session:
        owned = session.get(BlobOwner, (sha256, device.station_code))
        if owned is not None:
            blob = session.get(Blob, sha256)
            if blob is not None:
                return AttachmentStatus(
                    sha256=sha256, state="complete", received=blob.size, size=blob.size, media_type=blob.media_type
                )
        received = _received(session, device.station_code, sha256)
    return AttachmentStatus(sha256=sha256, state="partial" if received else "absent", received=received)


def _received(session: Session, station_code: str, sha256: str) -> int:
    total = session.execute(
        select(func.coalesce(func.sum(func.length(UploadPart.data)), 0)).where(
            UploadPart.station_code == station_code, UploadPart.sha256 == sha256
        )
    ).scalar_one()
    return int(total)


def put_chunk(db: Database, device: DeviceContext, sha256: str, offset: int, data: bytes) -> AttachmentStatus:
    current = status(db, device, sha256)
    if current.state == "complete":
        return current
    if offset != current.received:
        raise _offset_mismatch(current.received)
    if offset + len(data) > MAX_ATTACHMENT_BYTES:
        raise ApiError(413, ErrorCode.BODY_TOO_LARGE, "附件超过平台允许的最大大小（50 MB），请压缩或拆分后再上传。")
    if not data:
        return current
    try:
        with db.write() as session:
            # The (station, sha256, offset) primary key makes a resent chunk a clash, never a second copy.
            session.add(UploadPart(station_code=device.station_code, sha256=sha256, offset=offset, data=data))
            session.flush()
            received = _received(session, device.station_code, sha256)
            if received != offset + len(data):
                raise _offset_mismatch(received - len(data))
    except IntegrityError:
        raise _offset_mismatch(status(db, device, sha256).received) from None
    return AttachmentStatus(sha256=sha256, state="partial", received=offset + len(data))


def _offset_mismatch(received: int) -> ApiError:
    return ApiError(
        409,
        ErrorCode.CONFLICT,
        f"上传位置不一致，平台已收到 {received} 字节，请从该位置继续上传。",
        details={"received": received},
        headers={"Upload-Offset": str(received)},
    )


def commit(db: Database, device: DeviceContext, sha256: str, request: CommitRequest) -> AttachmentStatus:
    with db.write() as session:
        if session.get(BlobOwner, (sha256, device.station_code)) is not None:
            blob = session.get(Blob, sha256)
            if blob is not None:
                return AttachmentStatus(
                    sha256=sha256, state="complete", received=blob.size, size=blob.size, media_type=blob.media_type
                )
        parts = (
            session.execute(
                select(UploadPart.data)
                .where(UploadPart.station_code == device.station_code, UploadPart.sha256 == sha256)
                .order_by(UploadPart.offset)
            )
            .scalars()
            .all()
        )
        content = b"".join(parts)
        session.execute(
            delete(UploadPart).where(UploadPart.station_code == device.station_code, UploadPart.sha256 == sha256)
        )
        if len(content) != request.size or hashlib.sha256(content).hexdigest() != sha256:
            failure = ApiError(
                422,
                ErrorCode.HASH_MISMATCH,
                "上传的附件内容与其摘要或大小不符，已丢弃。请从头重新上传。",
                details={"received": len(content)},
            )
        else:
            failure = None
            # A clash on either insert means a concurrent commit stored the same thing: nothing left to do.
            if session.get(Blob, sha256) is None:
                with suppress(IntegrityError), session.begin_nested():
                    session.add(
                        Blob(
                            sha256=sha256,
                            size=len(content),
                            media_type=request.media_type,
                            data=content,
                            created_at=utcnow(),
                        )
                    )
            with suppress(IntegrityError), session.begin_nested():
                session.add(BlobOwner(sha256=sha256, station_code=device.station_code))
    if failure is not None:
        raise failure
    return status(db, device, sha256)


def read(db: Database, device: DeviceContext, sha256: str) -> tuple[bytes, str]:
    with db.read() as session:
        if session.get(BlobOwner, (sha256, device.station_code)) is None:
            raise not_found("平台上没有这个附件，或它不属于本站。")
        blob = session.get(Blob, sha256)
        if blob is None:
            raise not_found("平台上没有这个附件。")
        return blob.data, blob.media_type
