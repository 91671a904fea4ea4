"""One sync round at a time per data folder, across threads and processes (GUI timer, F5, CLI).

An OS file lock on ``<data folder>/sync.lock``: the operating system releases it when the holder
exits, even when killed, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import IO

_IN_PROCESS = threading.Lock()
_HELD: set[str] = set()


class RoundLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: IO[bytes] | None = None

    def acquire(self) -> bool:
        key = str(self.path.resolve())
        with _IN_PROCESS:
            if key in _HELD:
                return False
            handle = self.path.open("a+b")
            try:
                _lock_file(handle)
            except OSError:
                handle.close()
                return False
            _HELD.add(key)
            self._handle = handle
            return True

    def release(self) -> None:
        if self._handle is None:
            return
        with _IN_PROCESS:
            try:
                _unlock_file(self._handle)
            finally:
                self._handle.close()
                self._handle = None
                _HELD.discard(str(self.path.resolve()))

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


if sys.platform == "win32":
    import msvcrt

    def _lock_file(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_file(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def lock_path(root: Path) -> Path:
    return Path(os.fspath(root)) / "sync.lock"
