"""Errors of the local store. Every message is a Chinese sentence a clerk or IT staff can act on."""

from __future__ import annotations


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


class DiskFullError(StoreError):
    pass
