"""Scanned materials and attached files, stored content-addressed under the data folder.

The bytes live at ``attachments/<aa>/<sha256>`` (written to a temporary name, flushed, then renamed,
so a crash never leaves half a file under a real name); rows in ``attachment`` point at them by hash.
The same file attached twice is stored once.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
from pathlib import Path

from sqlalchemy.orm import Session

from app.errors import UserError
from app.store.models import Attachment
from app.store.paths import DataDir

MAX_BYTES = 50 * 1024 * 1024
_SHA = re.compile(r"^[0-9a-f]{64}$")


def blob_path(data_dir: DataDir, sha256: str) -> Path:
    if not _SHA.match(sha256):
        raise ValueError("not a sha256 hex digest")
    return data_dir.attachments / sha256[:2] / sha256


def store_blob(data_dir: DataDir, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the store by content; returns (sha256, size)."""
    try:
        size = source.stat().st_size
    except OSError as exc:
        raise UserError(f"无法读取文件 {source.name}，请检查文件是否存在。") from exc
    if size > MAX_BYTES:
        raise UserError(f"文件 {source.name} 超过 50 MB，请压缩或分页扫描后再添加。")
    digest = hashlib.sha256()
    tmp = data_dir.attachments / f".incoming-{os.getpid()}-{id(source)}"
    data_dir.attachments.mkdir(parents=True, exist_ok=True)
    try:
        with source.open("rb") as reader, tmp.open("wb") as writer:
            for chunk in iter(lambda: reader.read(1 << 20), b""):
                digest.update(chunk)
                writer.write(chunk)
            writer.flush()
            os.fsync(writer.fileno())
        sha = digest.hexdigest()
        target = blob_path(data_dir, sha)
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            tmp.unlink()
        else:
            os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError(f"无法保存附件（{exc.strerror}），请检查磁盘空间后重试。") from exc
    return sha, size


def add_attachment(
    session: Session,
    data_dir: DataDir,
    source: Path,
    *,
    case_id: str | None = None,
    person_id: str | None = None,
    material: str | None = None,
) -> str:
    """Store the file and record it (in the caller's transaction); returns the attachment row id."""
    sha, size = store_blob(data_dir, source)
    media_type = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    row = Attachment(
        sha256=sha,
        size=size,
        media_type=media_type,
        filename=source.name[:200],
        case_id=case_id,
        person_id=person_id,
        material=material,
    )
    session.add(row)
    session.flush()
    return row.id


def read_blob(data_dir: DataDir, sha256: str) -> bytes:
    """The bytes of a stored file, checked against their hash."""
    data = blob_path(data_dir, sha256).read_bytes()
    if hashlib.sha256(data).hexdigest() != sha256:
        raise UserError("附件文件已损坏（内容与记录不符），请重新扫描或从平台重新下载。")
    return data
