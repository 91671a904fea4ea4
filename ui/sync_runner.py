"""Background synchronisation: SyncEngine rounds on their own thread, on a timer and on demand.

One thread (not the DB worker), one round at a time. The thread sleeps on an event between rounds
(``interval`` seconds, or until :meth:`SyncRunner.request` wakes it), so nothing spins; when the
platform is unreachable the engine's own offline pause makes a timed round end at once, and a
request from staff (F5) probes regardless. Progress and results reach the GUI thread through
queued Qt signals carrying plain data only.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

if TYPE_CHECKING:
    from app.store import Store

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_S = 300.0
FIRST_ROUND_AFTER_S = 5.0
MIN_RETRY_S = 5.0  # an offline or throttled round is tried again after the engine's pause, never sooner


@dataclass(frozen=True)
class SyncProgress:
    label: str
    uploaded: int
    downloaded: int
    phase: str = ""  # the engine's phase: connect, push, pull, attachments, refdata, done
    download_total: int | None = None  # an estimate of the records this pull brings, when the feed gives one


@dataclass(frozen=True)
class SyncOutcome:
    enrolled: bool
    ok: bool
    error: str | None
    pushed: int = 0
    pulled: int = 0
    pending: int = 0
    conflicts: int = 0
    quarantined: int = 0
    last_success: str | None = None  # ISO time, UTC
    last_error: str | None = None


def _settle_heap() -> None:
    """Keep the garbage collector from stalling the GUI thread during a big round.

    A full collection walks every tracked object and holds the GIL while it does: with the program's
    long-lived objects (Qt wrappers, SQLAlchemy mappers, the pinyin tables the search index loads)
    one took up to half a second in the middle of a big pull, and the GUI thread froze that long
    (benchmarks/bench_sync_gui.py). Before each round, the pinyin tables are loaded and everything
    alive is moved out of the collector's sight (``gc.freeze``): passes during the round then only
    walk what the round itself made. Objects that are alive now and become cyclic garbage later are
    never reclaimed, which at one call per round is negligible.
    """
    import gc

    from app.search.terms import index_terms

    index_terms("张三", None)  # loads the pinyin tables once, before the freeze
    gc.freeze()


class SyncRunner(QObject):
    """Owns the sync thread. ``start()`` after login; ``stop()`` (joins) before the store closes."""

    roundStarted = Signal()
    progressed = Signal(object)  # SyncProgress
    finished = Signal(object)  # SyncOutcome

    # Emitted on the sync thread; delivered (queued) to slots of this GUI-thread object.
    _progress_raw = Signal(object)
    _finished_raw = Signal(object)
    _started_raw = Signal()

    def __init__(
        self,
        store: Store,
        *,
        interval: float = DEFAULT_INTERVAL_S,
        first_after: float = FIRST_ROUND_AFTER_S,
        tuning: dict[str, Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.interval = interval
        self.first_after = first_after
        self.tuning = tuning
        self.running = False
        self._wake = threading.Event()
        self._forced = False
        self._rebuild = False
        self._stopping = threading.Event()
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._progress_raw.connect(self._on_progress, queued)
        self._finished_raw.connect(self._on_finished, queued)
        self._started_raw.connect(self._on_started, queued)

    # GUI thread ---------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._loop, name="fuwutai-sync", daemon=True)
        self._thread.start()

    def request(self) -> None:
        """A round now (staff asked): probes the platform even during an offline pause."""
        with self._lock:
            self._forced = True
        self._wake.set()

    def reconnect(self) -> None:
        """The platform address changed: build a new client before the next round, and run one."""
        with self._lock:
            self._rebuild = True
        self.request()

    def stop(self, timeout: float = 30.0) -> None:
        self._stopping.set()
        self._cancel.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                log.warning("sync thread did not stop within %.0f s", timeout)
            self._thread = None

    @Slot(object)
    def _on_progress(self, progress: SyncProgress) -> None:
        self.progressed.emit(progress)

    @Slot()
    def _on_started(self) -> None:
        self.running = True
        self.roundStarted.emit()

    @Slot(object)
    def _on_finished(self, outcome: SyncOutcome) -> None:
        self.running = False
        self.finished.emit(outcome)

    # sync thread --------------------------------------------------------------------------------
    def _loop(self) -> None:
        engine: Any = None
        wait = self.first_after
        try:
            while not self._stopping.is_set():
                self._wake.wait(wait)
                self._wake.clear()
                if self._stopping.is_set():
                    break
                with self._lock:
                    forced, self._forced = self._forced, False
                    rebuild, self._rebuild = self._rebuild, False
                if rebuild and engine is not None:
                    engine.close()
                    engine = None
                wait = self.interval
                try:
                    engine, retry_after = self._one_round(engine, forced)
                    if retry_after is not None:
                        # Offline or told to wait: follow the engine's pause (growing up to the interval).
                        wait = min(self.interval, max(MIN_RETRY_S, retry_after))
                except Exception:  # the thread must live on; the next round tries again
                    log.exception("sync round failed unexpectedly")
                    self._finished_raw.emit(
                        SyncOutcome(True, False, "同步时发生意外错误，详情已写入日志。下次同步会再试。")
                    )
        finally:
            if engine is not None:
                engine.close()

    def _one_round(self, engine: Any, forced: bool) -> tuple[Any, float | None]:
        from sync.client.engine import SyncEngine
        from sync.client.status import sync_status

        with self.store.session() as session:
            status = sync_status(session)
        if not status.enrolled:
            self._finished_raw.emit(
                SyncOutcome(
                    False,
                    False,
                    None,
                    pending=status.pending,
                    conflicts=status.conflicts,
                    quarantined=status.quarantined,
                )
            )
            return engine, None
        self._started_raw.emit()
        counts = {"push": 0, "push_base": 0, "pull": 0, "last_push": 0}
        pull_total: list[int | None] = [None]

        def on_progress(progress: Any) -> None:
            if progress.phase == "push":
                if progress.done < counts["last_push"]:
                    counts["push_base"] += counts["last_push"]
                counts["last_push"] = progress.done
                counts["push"] = counts["push_base"] + progress.done
            elif progress.phase == "pull":
                counts["pull"] = progress.done
                pull_total[0] = progress.total
            # One queued signal per batch or page (hundreds of records): the GUI thread repaints
            # the status bar a few times a second at most.
            self._progress_raw.emit(
                SyncProgress(progress.label, counts["push"], counts["pull"], progress.phase, pull_total[0])
            )

        _settle_heap()
        if engine is None:
            engine = SyncEngine(self.store, progress=on_progress, cancel=self._cancel, tuning=self.tuning)
        else:
            engine.progress = on_progress
        if forced:
            try:
                engine.api.transport.reachable(force=True)  # ends an offline pause when the platform is back
            except Exception:  # not enrolled properly etc.: the round reports it
                log.debug("forced probe failed", exc_info=True)
        report = engine.run_round()
        with self.store.session() as session:
            status = sync_status(session)
        self._finished_raw.emit(
            SyncOutcome(
                True,
                report.ok,
                report.error,
                report.pushed,
                report.pulled,
                report.pending,
                report.conflicts,
                report.quarantined,
                status.last_success,
                status.last_error,
            )
        )
        return engine, report.retry_after if not report.ok else None
