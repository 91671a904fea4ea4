"""All database work runs here, on one worker thread; results come back on the GUI thread.

Only plain data crosses threads: the job builds what it returns inside its own session.

Jobs and callbacks often hold widgets (bound methods, closures over ``self``). A Qt object whose last
Python reference is dropped on the worker thread is destroyed there, which crashes Qt. So the GUI side
keeps every job and its callbacks in ``_pending`` until their result is delivered, and the worker only
ever holds them while ``_pending`` does too: the last reference is always released on the GUI thread.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

Job = tuple[Callable[[], Any], Callable[[Any], None], Callable[[BaseException], None]]

# Every worker alive, so that none is left running while the interpreter shuts down (its job would
# race the final garbage collection of Qt objects).
_LIVE: weakref.WeakSet[BackgroundWorker] = weakref.WeakSet()


def shutdown_all() -> None:
    """Stop every worker still running (end of the program or of a test session)."""
    for worker in list(_LIVE):
        worker.shutdown()


class _Relay(QObject):
    # One tuple argument: (result, error). PySide6 6.12 under Python 3.11 (where None is not immortal) was
    # seen to lose references to None passed directly as a signal argument ("deallocating None").
    done = Signal(int, object)  # token, (result, error)

    def __init__(self, worker: BackgroundWorker) -> None:
        super().__init__()
        # A weak link: a cycle through a QObject would leave its destruction to the garbage collector,
        # which may run on any thread.
        self.worker = weakref.ref(worker)

    @Slot(int, object)
    def deliver(self, token: int, payload: tuple[Any, BaseException | None]) -> None:
        worker = self.worker()
        if worker is not None:
            worker._deliver(token, payload[0], payload[1])


class BackgroundWorker:
    """One thread that runs jobs in order; results and errors come back on the GUI thread."""

    thread_name = "fuwutai-worker"

    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=self.thread_name)
        self._closed = False
        self._pending: dict[int, Job] = {}
        self._lock = threading.Lock()
        self._tokens = itertools.count(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._relay.deliver)
        _LIVE.add(self)

    def run(
        self, job: Callable[[], Any], on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None]
    ) -> Future[Any] | None:
        if self._closed:
            # Timers may still fire while the program closes; there is nothing left to do the work.
            log.debug("database job dropped: worker already shut down")
            return None
        token = next(self._tokens)
        with self._lock:
            self._pending[token] = (job, on_success, on_failure)
        return self._executor.submit(self._work, token)

    def _work(self, token: int) -> Any:
        with self._lock:
            job = self._pending[token][0]
        try:
            result = job()
        except Exception as exc:  # delivered to on_failure on the GUI thread
            self.log_failure(exc)
            del job
            # The traceback's frames hold the job's locals (widgets among them): drop them here, while
            # the pending entry still holds the job, so nothing is destroyed on this thread later.
            traceback.clear_frames(exc.__traceback__)
            self._relay.done.emit(token, (None, exc))
            raise
        del job
        self._relay.done.emit(token, (result, None))
        return result

    def log_failure(self, _error: BaseException) -> None:
        log.exception("background job failed")

    def _deliver(self, token: int, result: Any, error: BaseException | None) -> None:
        with self._lock:
            entry = self._pending.pop(token, None)
        if entry is None:
            return
        _job, on_success, on_failure = entry
        if error is None:
            on_success(result)
        else:
            on_failure(error)

    def shutdown(self) -> None:
        self._closed = True
        self._executor.shutdown(wait=True)


class DbWorker(BackgroundWorker):
    """The one thread that touches the store."""

    thread_name = "fuwutai-db"

    def log_failure(self, error: BaseException) -> None:
        from app.errors import UserError

        if isinstance(error, UserError):
            # A refusal the clerk is shown (a rule, a missing field), not a fault: no traceback, and not
            # its text either, which may name the person.
            log.info("database job refused: %s", type(error).__name__)
            return
        log.exception("database job failed")
