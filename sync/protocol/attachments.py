"""Attachments: content-addressed by sha256, uploaded in chunks with resume, downloaded by range."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from sync.protocol.common import MAX_ATTACHMENT_BYTES, WireRequest, WireResponse

UploadState = Literal["absent", "partial", "complete"]


class AttachmentStatus(WireResponse):
    """Answer of ``GET /v1/attachments/{sha256}/status``, chunk uploads and commits.

    ``received`` is the next byte offset the server expects (the length of the partial upload); for a
    complete attachment it equals ``size``.
    """

    sha256: str
    state: UploadState
    received: int = Field(ge=0)
    size: int | None = None
    media_type: str | None = None


class CommitRequest(WireRequest):
    """``POST /v1/attachments/{sha256}/commit``: all bytes are sent; the server checks size and hash."""

    size: int = Field(ge=0, le=MAX_ATTACHMENT_BYTES)
    media_type: Annotated[str, StringConstraints(min_length=1, max_length=100)] = "application/octet-stream"
