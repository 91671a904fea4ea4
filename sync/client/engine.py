"""One synchronisation round: push, pull (with reset orders), push again, attachments, reference data.

Qt-free and synchronous: the desktop program calls :meth:`SyncEngine.run_round` on its sync thread
(on a timer and on demand), the CLI calls it directly. ``progress`` is called from the calling
thread with plain :class:`Progress` values; ``cancel`` (a ``threading.Event``) stops the round
between batches and pages — never inside a transaction — and interrupts retry waits.

A round never raises for sync problems: it returns a :class:`RoundReport` whose ``error`` is a plain
Chinese sentence, and records the outcome in the store (last attempt, last success, last error).
One round at a time per data folder (an OS file lock).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from app.clock import utcnow
from app.store import Store
from app.store.errors import StoreError
from sync.client import state
from sync.client.api import PULL_PAGE_LIMIT, PlatformApi
from sync.client.attachments import upload_attachments
from sync.client.credentials import platform_api
from sync.client.errors import ErrorKind, SyncError
from sync.client.lock import RoundLock, lock_path
from sync.client.pull import PullStats, pull
from sync.client.push import PushStats, push
from sync.client.refdata import pull_refdata
from sync.client.status import sync_status

log = logging.getLogger("fuwutai.sync.engine")

PHASE_LABELS = {
    "connect": "正在连接省级平台",
    "push": "正在上传本机修改",
    "pull": "正在下载平台数据",
    "attachments": "正在上传附件",
    "refdata": "正在更新代码表、事项目录等基础数据",
    "done": "同步结束",
}


@dataclass(frozen=True)
class Progress:
    """Where a round is. ``done`` counts records of the phase so far (push: sent; pull: received and
    applied, reported after every page with its cursor saved); ``total`` is an estimate when one is
    known, else None (protocol 1's change feed says "more" but not how many, so a pull has none)."""

    phase: str
    label: str
    done: int = 0
    total: int | None = None


@dataclass
class RoundReport:
    ok: bool = False
    started_at: datetime = field(default_factory=utcnow)
    finished_at: datetime | None = None
    pushed: int = 0
    duplicates: int = 0
    pulled: int = 0
    rebased: int = 0
    new_conflicts: int = 0
    new_quarantined: int = 0
    uploaded: int = 0
    refdata: dict[str, int] = field(default_factory=dict)
    reset: bool = False
    # State after the round (what is still waiting).
    pending: int = 0
    conflicts: int = 0
    quarantined: int = 0
    parked: int = 0
    offline: bool = False
    error: str | None = None
    error_kind: ErrorKind | None = None
    retry_after: float | None = None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["started_at"] = self.started_at.isoformat(timespec="seconds")
        data["finished_at"] = self.finished_at.isoformat(timespec="seconds") if self.finished_at else None
        return data

    def add_push(self, stats: PushStats) -> None:
        self.pushed += stats.accepted
        self.duplicates += stats.duplicates
        self.rebased += stats.rebased
        self.new_conflicts += stats.conflicts
        self.new_quarantined += stats.rejected

    def add_pull(self, stats: PullStats) -> None:
        self.pulled += stats.pulled
        self.rebased += stats.rebased
        self.new_conflicts += stats.conflicts
        self.reset = self.reset or stats.reset_done


class SyncEngine:
    def __init__(
        self,
        store: Store,
        api: PlatformApi | None = None,
        *,
        batch_items: int = 200,
        page_limit: int = PULL_PAGE_LIMIT,
        progress: Callable[[Progress], None] | None = None,
        cancel: threading.Event | None = None,
        tuning: dict[str, Any] | None = None,
    ) -> None:
        self.store = store
        self.cancel = cancel or threading.Event()
        self.batch_items = batch_items
        self.page_limit = page_limit
        self.progress = progress
        self._tuning = tuning
        self._api = api
        if api is not None:
            api.transport.cancel = self.cancel

    @property
    def api(self) -> PlatformApi:
        # Built lazily and kept: the transport remembers offline pauses between rounds.
        if self._api is None:
            self._api = platform_api(self.store, cancel=self.cancel, tuning=self._tuning)
        return self._api

    def close(self) -> None:
        if self._api is not None:
            self._api.close()

    def _emit(self, phase: str, done: int = 0, total: int | None = None) -> None:
        if self.progress is not None:
            self.progress(Progress(phase, PHASE_LABELS[phase], done, total))

    def _stop(self) -> bool:
        return self.cancel.is_set()

    def run_round(self, *, probe: bool = True) -> RoundReport:
        """One full round; never raises for synchronisation problems (see the report's ``error``)."""
        report = RoundReport()
        lock = RoundLock(lock_path(self.store.data_dir.root))
        if not lock.acquire():
            report.error = "另一个同步正在进行中，请稍候。"
            report.error_kind = "local"
            self._finish(report, record=False)
            return report
        try:
            self._round(report, probe=probe)
            report.ok = True
        except SyncError as exc:
            report.error, report.error_kind, report.retry_after = str(exc), exc.kind, exc.retry_after
            report.offline = exc.kind == "offline"
            log.info("sync round failed (%s): %s", exc.kind, exc)
        except StoreError as exc:
            report.error, report.error_kind = str(exc), "local"
        except (SQLAlchemyError, OSError) as exc:
            log.exception("sync round failed on the local side")
            report.error = (
                "同步时写入本机数据库失败，本次同步未完成，已保存的数据不受影响。"
                f"请稍后再试；如果一直出现，请运行“fuwutai doctor”检查。（{type(exc).__name__}）"
            )
            report.error_kind = "local"
        except Exception:  # the sync thread reports and lives on; log.exception keeps the traceback
            log.exception("unexpected error in a sync round")
            report.error = (
                "同步时发生意外错误，本次同步未完成，已保存的数据不受影响。"
                "详情已写入数据文件夹 logs 目录下的日志，请联系信息技术人员。"
            )
            report.error_kind = "local"
        finally:
            try:
                self._finish(report, record=True)
            finally:
                lock.release()
        return report

    def _round(self, report: RoundReport, *, probe: bool) -> None:
        api = self.api
        self._emit("connect")
        if probe and not api.transport.reachable(force=False):
            wait = api.transport.offline_for()
            raise SyncError(
                f"无法连接省级平台，本机处于离线状态。数据已保存在本机，约 {max(1, round(wait))} 秒后会再次尝试。",
                kind="offline",
                retry_after=wait,
            )
        limits = api.hello().limits
        batch_items = max(1, min(self.batch_items, limits.max_batch_items))
        batch_bytes = max(64 * 1024, int(limits.max_body_bytes * 0.7))
        page_limit = max(1, min(self.page_limit, limits.max_page_limit))

        def pushed(stats: PushStats) -> None:
            self._emit("push", stats.sent)

        def pulled(stats: PullStats, page: object) -> None:
            self._emit("pull", stats.received, pull_estimate(stats, page))

        self._emit("push")
        first = push(
            self.store, api, batch_items=batch_items, batch_bytes=batch_bytes, should_stop=self._stop, on_batch=pushed
        )
        report.add_push(first)
        reset = first.reset_required or api.reset_seen
        api.reset_seen = False
        self._emit("pull")
        pulled_stats = pull(
            self.store, api, page_limit=page_limit, should_stop=self._stop, reset_ordered=reset, on_page=pulled
        )
        report.add_pull(pulled_stats)
        # Rebased edits and records re-queued after a reset go up in the same round.
        second = push(
            self.store, api, batch_items=batch_items, batch_bytes=batch_bytes, should_stop=self._stop, on_batch=pushed
        )
        report.add_push(second)
        self._emit("attachments")
        report.uploaded = upload_attachments(self.store, api, should_stop=self._stop).uploaded
        self._emit("refdata")
        report.refdata = pull_refdata(self.store, api, should_stop=self._stop).updated
        if self._stop():
            raise SyncError("同步已按要求停止，已完成的部分已经保存，下次同步会从中断处继续。", kind="cancelled")

    def _finish(self, report: RoundReport, *, record: bool) -> None:
        report.finished_at = utcnow()
        try:
            with self.store.session() as session:
                status = sync_status(session)
                report.pending, report.conflicts = status.pending + status.held, status.conflicts
                report.quarantined, report.parked = status.quarantined, status.parked
                if record:
                    stamp = report.finished_at.isoformat(timespec="seconds")
                    state.put(session, state.LAST_ATTEMPT, stamp)
                    if report.ok:
                        state.put(session, state.LAST_SUCCESS, stamp)
                        state.put(session, state.LAST_ERROR, None)
                    else:
                        state.put(session, state.LAST_ERROR, report.error)
                    state.put_json(session, state.LAST_REPORT, report.to_json())
        except (SQLAlchemyError, StoreError):
            log.exception("could not record the sync round's outcome")
        self._emit("done")


def pull_estimate(stats: PullStats, page: object) -> int | None:
    """Records this pull will have received in all, when the feed says (the optional ``remaining``
    count of a page, asked for on a pull's first page and carried on by :func:`pull`; None otherwise)."""
    remaining = getattr(page, "remaining", None)
    if isinstance(remaining, int) and not isinstance(remaining, bool) and remaining >= 0:
        return stats.received + remaining
    return None


def run_once(store: Store, **kwargs: Any) -> RoundReport:
    """One round with a fresh engine (the CLI's ``fuwutai sync --once``)."""
    engine = SyncEngine(store, **kwargs)
    try:
        return engine.run_round()
    finally:
        engine.close()
