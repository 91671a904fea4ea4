"""``CardService``: the one card thread. Every reader call — creating the backend, reading, the PIN pad,
the insertion watch, closing — runs on it; callers get ``concurrent.futures.Future`` objects back.

Futures complete on the card thread, so a window must hand results to its own thread (the desktop
program does this with a queued Qt signal, as it does for database jobs). When watching is on and the
reader supports it, the thread polls ``card_present()`` between jobs and calls ``on_inserted`` (on the
card thread) when a card arrives. Card data is never logged here: only outcomes and error kinds.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, TypeVar

from app.cards.errors import CardError, ReaderFault
from app.cards.reader import CardReader, card_thread
from app.cards.record import CardRecord

log = logging.getLogger(__name__)

T = TypeVar("T")
ReaderFactory = Callable[[], CardReader]
THREAD_NAME = "fuwutai-card"
NO_PIN_PAD = (
    "所选读卡器不能让持卡人输入密码（只有厂商社保卡读卡器带密码键盘）。请核对身份证件原件，"
    "或请信息技术人员在“设置 → 读卡器”中改用厂商读卡器。"
)


@dataclass
class _Job:
    func: Callable[[CardReader | None], Any]
    future: Future[Any]


_STOP = object()


class CardService:
    def __init__(self, factory: ReaderFactory, *, poll_interval: float = 0.5) -> None:
        self._factory = factory
        self._reader: CardReader | None = None
        self._jobs: queue.Queue[_Job | object] = queue.Queue()
        self._poll_interval = poll_interval
        self._on_inserted: Callable[[], None] | None = None
        self._was_present: bool | None = None
        self._closed = False
        self._lock = threading.Lock()  # makes "closed?" and "queue the job" one step
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        self._thread.start()

    # -- called from any thread -----------------------------------------------------------------------

    def submit(self, func: Callable[[CardReader], T]) -> Future[T]:
        """Run ``func(reader)`` on the card thread (creating the reader first if needed)."""
        return self._submit(lambda _reader: func(self._ensure_reader()))

    def read(self, on_done: Callable[[Future[CardRecord]], None] | None = None) -> Future[CardRecord]:
        future = self.submit(self._timed_read)
        if on_done is not None:
            future.add_done_callback(on_done)
        return future

    def read_with(
        self, factory: ReaderFactory, on_done: Callable[[Future[CardRecord]], None] | None = None
    ) -> Future[CardRecord]:
        """Read once with another reader (设置's 测试读卡器), on this same card thread.

        The station's own reader is closed first, because a driver or port is rarely usable twice at once,
        and opened again afterwards so the insertion watch goes on; the trial reader is always closed."""

        def trial(_reader: CardReader | None) -> CardRecord:
            self._close_reader()
            reader: CardReader | None = None
            try:
                reader = factory()
                return self._timed_read(reader)
            finally:
                if reader is not None:
                    reader.close()
                self._was_present = None
                if self._on_inserted is not None:
                    try:
                        self._ensure_reader()
                    except CardError as exc:  # the station's reader is reported on its next use
                        log.info("reopening the card reader after a trial read: %s", exc.kind)

        future: Future[CardRecord] = self._submit(trial)
        if on_done is not None:
            future.add_done_callback(on_done)
        return future

    def verify_pin(self, on_done: Callable[[Future[None]], None] | None = None) -> Future[None]:
        """The holder types the card's PIN on the reader's pad; raises PinWrong / CardLocked / ReaderFault."""

        def check(reader: CardReader) -> None:
            if not reader.supports_pin:
                raise ReaderFault(NO_PIN_PAD)
            started = time.monotonic()
            try:
                reader.verify_pin()
            except CardError as exc:
                log.info("PIN check failed: %s (%.2f s)", exc.kind, time.monotonic() - started)
                raise
            log.info("PIN check passed (%.2f s)", time.monotonic() - started)

        future = self.submit(check)
        if on_done is not None:
            future.add_done_callback(on_done)
        return future

    def replace_reader(self, factory: ReaderFactory) -> Future[None]:
        """Switch backends (the clerk changed 读卡器设置): the old reader is closed on the card thread."""

        def swap(_reader: CardReader | None) -> None:
            self._close_reader()
            self._factory = factory
            self._was_present = None

        return self._submit(swap)

    def watch(self, on_inserted: Callable[[], None] | None) -> Future[bool]:
        """Start (or with ``None`` stop) the insertion watch; the future says whether the reader supports it."""

        def start(_reader: CardReader | None) -> bool:
            self._on_inserted = on_inserted
            self._was_present = None
            if on_inserted is None:
                return False
            return self._ensure_reader().watch_insertion

        return self._submit(start)

    def close(self, timeout: float = 5.0) -> None:
        done: Future[None] = Future()
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._jobs.put(_Job(lambda _reader: self._close_reader(), done))
            self._jobs.put(_STOP)
        if threading.current_thread() is self._thread:
            return  # called from a job or callback: the thread finishes the close itself
        try:
            done.result(timeout=timeout)
        except Exception:  # closing must not raise; the cause is logged
            log.warning("closing the card reader failed", exc_info=True)
        self._thread.join(timeout=timeout)

    # -- card thread ----------------------------------------------------------------------------------

    def _submit(self, func: Callable[[CardReader | None], T]) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            if not self._closed:
                self._jobs.put(_Job(func, future))
                return future
        future.set_exception(RuntimeError("CardService is closed"))
        return future

    def _ensure_reader(self) -> CardReader:
        if self._reader is None:
            self._reader = self._factory()
        return self._reader

    def _close_reader(self) -> None:
        reader, self._reader = self._reader, None
        if reader is not None:
            reader.close()

    def _timed_read(self, reader: CardReader) -> CardRecord:
        started = time.monotonic()
        try:
            record = reader.read()
        except CardError as exc:
            log.info("card read failed: %s (%.2f s)", exc.kind, time.monotonic() - started)
            raise
        log.info("card read: source=%s (%.2f s)", record.source, time.monotonic() - started)
        return record

    def _poll(self) -> None:
        if self._on_inserted is None or self._reader is None or not self._reader.watch_insertion:
            return
        try:
            present = self._reader.card_present()
        except CardError as exc:
            log.info("insertion watch: %s", exc.kind)
            present = False
        if present and self._was_present is False:
            try:
                self._on_inserted()
            except Exception:  # a broken callback must not stop the card thread
                log.exception("card insertion callback failed")
        self._was_present = present

    def _cancel_pending(self) -> None:
        """Jobs queued while closing never run: their callers get an error instead of waiting forever."""
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if isinstance(job, _Job) and job.future.set_running_or_notify_cancel():
                job.future.set_exception(RuntimeError("CardService is closed"))

    def _run(self) -> None:
        with card_thread():
            while True:
                watching = self._on_inserted is not None
                try:
                    job = self._jobs.get(timeout=self._poll_interval if watching else None)
                except queue.Empty:
                    self._poll()
                    continue
                if job is _STOP:
                    self._cancel_pending()
                    return
                assert isinstance(job, _Job)
                if not job.future.set_running_or_notify_cancel():
                    continue
                try:
                    job.future.set_result(job.func(self._reader))
                except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
                    job.future.set_exception(exc)
                if watching:
                    self._poll()
