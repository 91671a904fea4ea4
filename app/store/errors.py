"""Errors of the local store. Every message is a Chinese sentence a clerk or IT staff can act on."""

from __future__ import annotations

from app.errors import UserError

SQLITE_FULL = 13
DISK_FULL_MESSAGE = "磁盘空间已满，本次内容没有保存。已保存的数据不受影响。请清理磁盘或联系信息技术人员后再次保存。"


class StoreError(Exception):
    """Base of all store errors; ``str(err)`` is the user-facing Chinese message."""


class KeyringUnavailableError(StoreError):
    pass


class KeyMissingError(StoreError):
    pass


class WrongKeyOrCorruptError(StoreError):
    pass


class ForeignFileError(StoreError):
    pass


class NewerSchemaError(StoreError):
    pass


class StoreNotInitialisedError(StoreError):
    pass


class BackupError(StoreError):
    pass


class DiskFullError(StoreError, UserError):
    """SQLITE_FULL ("database or disk is full") or ENOSPC: the change was rolled back, nothing else is hurt."""

    def __init__(self, message: str = DISK_FULL_MESSAGE) -> None:
        super().__init__(message)


def is_disk_full(exc: BaseException) -> bool:
    """True for SQLite's SQLITE_FULL (code 13, also when the file hits ``max_page_count``) and ENOSPC."""
    if getattr(exc, "sqlite_errorcode", None) == SQLITE_FULL:
        return True
    text = str(exc).lower()
    return "database or disk is full" in text or "no space left" in text
