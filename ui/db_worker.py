"""All database work runs here, on one worker thread; results come back on the GUI thread.

Only plain data crosses threads: the job builds what it returns inside its own session.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object, object, object)  # callback, result, error

    @Slot(object, object, object)
    def deliver(
        self, callback: Callable[[Any, BaseException | None], None], result: Any, error: BaseException | None
    ) -> None:
        callback(result, error)


class DbWorker:
    def __init__(self) -> None:
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fuwutai-db")
        self._closed = False
        self._relay = _Relay()
        self._relay.done.connect(self._relay.deliver)

    def run(
        self, job: Callable[[], Any], on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None]
    ) -> Future[Any] | None:
        def finished(result: Any, error: BaseException | None) -> None:
            if error is None:
                on_success(result)
            else:
                on_failure(error)

        def wrapped() -> Any:
            try:
                result = job()
            except Exception as exc:  # delivered to on_failure on the GUI thread
                log.exception("database job failed")
                self._relay.done.emit(finished, None, exc)
                raise
            self._relay.done.emit(finished, result, None)
            return result

        if self._closed:
            # Timers may still fire while the program closes; there is nothing left to do the work.
            log.debug("database job dropped: worker already shut down")
            return None
        return self._executor.submit(wrapped)

    def shutdown(self) -> None:
        self._closed = True
        self._executor.shutdown(wait=True)
