"""The one error type of the sync client: a Chinese sentence for staff plus a machine-readable kind."""

from __future__ import annotations

from typing import Literal

ErrorKind = Literal[
    "offline",  # the platform could not be reached at all
    "timeout",  # it was reached but did not answer in time
    "server",  # it answered with a server error, after the retries
    "protocol",  # it answered something this program cannot accept (bad JSON, wrong schema, too big…)
    "auth",  # the device credential or staff login was refused
    "config",  # this workstation is not enrolled or its settings are wrong
    "refused",  # the platform refused the request for a reason it stated
    "cancelled",  # the caller asked to stop
    "local",  # the local store could not be written
]


class SyncError(Exception):
    """Synchronisation did not complete; ``str(err)`` tells staff what happened and what to do.

    Whatever raised it, nothing half-done was saved: every page and batch result is applied in one
    transaction or not at all.
    """

    def __init__(
        self,
        message: str,
        *,
        kind: ErrorKind = "server",
        retry_after: float | None = None,
        code: str | None = None,
        status: int | None = None,
        platform_message: str | None = None,
    ) -> None:
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.retry_after = retry_after
        self.code = code  # the platform's error code (sync.protocol.errors.ErrorCode), when it sent one
        self.status = status
        self.platform_message = platform_message  # the platform's own sentence, when it sent one


class Cancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("同步已按要求停止，已完成的部分已经保存，下次同步会从中断处继续。", kind="cancelled")
