"""Attachment bytes: uploaded after their record was acknowledged, in chunks, resuming where they stopped.

Files live content-addressed in the data folder: ``attachments/<sha256>`` (or, for folders that
shard, ``attachments/<first two hex digits>/<sha256>``). The platform is asked how much it already
has, the rest is sent in chunks at explicit offsets (a chunk the platform already has is answered
with its current offset, never stored twice), and the upload is committed, which makes the platform
check size and hash. Only then is the row marked ``uploaded`` (as platform data: nothing queued).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from app.store import Store
from app.store.models import Attachment
from sync.client.api import PlatformApi
from sync.client.errors import SyncError
from sync.client.records import take_write_lock
from sync.protocol.common import MAX_CHUNK_BYTES

log = logging.getLogger("fuwutai.sync.attachments")


@dataclass
class AttachmentStats:
    uploaded: int = 0
    bytes_sent: int = 0
    missing: list[str] = field(default_factory=list)  # sha256 of files not found locally


def attachment_path(root: Path, sha256: str) -> Path | None:
    """Where the bytes of ``sha256`` are kept in the data folder, or None when they are not there."""
    for candidate in (root / sha256, root / sha256[:2] / sha256):
        if candidate.is_file():
            return candidate
    return None


def waiting(store: Store, limit: int = 200) -> list[tuple[str, str, int, str]]:
    """(id, sha256, size, media_type) of live attachments whose record the platform has acknowledged."""
    with store.session() as session:
        rows = session.execute(
            select(Attachment.id, Attachment.sha256, Attachment.size, Attachment.media_type)
            .where(
                Attachment.uploaded.is_(False),
                Attachment.deleted.is_(False),
                Attachment.server_version.is_not(None),
            )
            .order_by(Attachment.updated_at)
            .limit(limit)
        ).all()
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def upload_one(
    api: PlatformApi,
    path: Path,
    sha256: str,
    media_type: str,
    *,
    chunk_bytes: int,
    should_stop: Callable[[], bool],
) -> int:
    """Send what the platform lacks of one file and commit it; returns the bytes sent."""
    size = path.stat().st_size
    status = api.attachment_status(sha256)
    if status.state == "complete":
        return 0
    offset = status.received
    sent = 0
    with path.open("rb") as handle:
        for _attempt in range(3):
            while offset < size:
                if should_stop():
                    raise SyncError("附件上传已停止，下次同步会从中断处继续。", kind="cancelled")
                handle.seek(offset)
                chunk = handle.read(chunk_bytes)
                try:
                    status = api.attachment_chunk(sha256, offset, chunk)
                except SyncError as exc:
                    if exc.code != "conflict":
                        raise
                    status = api.attachment_status(sha256)  # the platform has a different offset: resume there
                else:
                    sent += len(chunk)
                if status.state == "complete":
                    return sent
                offset = status.received
            try:
                api.attachment_commit(sha256, size, media_type)
                return sent
            except SyncError as exc:
                if exc.code != "hash_mismatch":
                    raise
                offset = 0  # the platform discarded the partial upload: start again
    raise SyncError("附件多次上传后校验仍不一致，已暂停上传。请联系县级信息技术人员。", kind="server")


def upload_attachments(
    store: Store,
    api: PlatformApi,
    *,
    should_stop: Callable[[], bool],
    chunk_bytes: int = MAX_CHUNK_BYTES,
) -> AttachmentStats:
    stats = AttachmentStats()
    for attachment_id, sha256, _size, media_type in waiting(store):
        if should_stop():
            break
        path = attachment_path(store.data_dir.attachments, sha256)
        if path is None or _file_sha256(path) != sha256:
            stats.missing.append(sha256)
            log.warning("attachment %s has no intact file in the data folder", attachment_id)
            continue
        stats.bytes_sent += upload_one(
            api,
            path,
            sha256,
            media_type or "application/octet-stream",
            chunk_bytes=chunk_bytes,
            should_stop=should_stop,
        )
        with store.session(remote_apply=True) as session:
            take_write_lock(session)
            row = session.get(Attachment, attachment_id)
            if row is not None:
                row.uploaded = True
        stats.uploaded += 1
    return stats
