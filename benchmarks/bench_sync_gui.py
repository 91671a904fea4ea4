"""Does the GUI thread stay responsive while a big sync runs? A heartbeat timer says.

The desktop program's real pieces, offscreen: the demo store (station 520102001) logged in, the main
window with its status bar, and ``SyncRunner`` running one round on its own thread against a
``fuwutai-platform serve`` process whose feed holds N records (persons and job postings; the feed
of ``bench_sync_client.py``, cached under /tmp). A 10 ms ``PreciseTimer`` on the GUI thread records
when it fires; the longest gap between two beats is how long the GUI thread was blocked (target:
never more than 50 ms). The status bar's pending count is refreshed through the DB worker every
second meanwhile, as counter work would. Progress reports and the progress bar are counted too.

Usage: python benchmarks/bench_sync_gui.py [--records 50000]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.bench_sync_client import Platform, cached_feed  # noqa: E402
from benchmarks.common import peak_rss_mib, percentile, use_throwaway_keyring  # noqa: E402

HEARTBEAT_MS = 10
TARGET_MS = 50.0


class Collections:
    """Garbage-collector passes (they stop every thread) by generation: count and longest, in ms."""

    def __init__(self) -> None:
        self.started = 0.0
        self.longest: dict[int, float] = {}
        self.count: dict[int, int] = {}

    def note(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self.started = time.perf_counter()
            return
        generation = info["generation"]
        spent = (time.perf_counter() - self.started) * 1000
        self.count[generation] = self.count.get(generation, 0) + 1
        self.longest[generation] = max(self.longest.get(generation, 0.0), spent)

    def summary(self) -> str:
        return ", ".join(
            f"gen{g}: {self.count[g]} passes, longest {self.longest[g]:.1f} ms" for g in sorted(self.count)
        )


collections = Collections()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=50_000)
    parser.add_argument("--baseline", type=int, default=10, help="seconds of heartbeat with no sync, first")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    use_throwaway_keyring(Path(tempfile.gettempdir()) / "fuwutai-bench-sync-client-keyring")
    feed = cached_feed(args.records)

    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from app.auth import authenticate
    from app.catalog import load_bundled_catalog
    from app.demo import ensure_demo_store
    from app.store import DataDir
    from sync.client.credentials import enroll
    from ui.context import AppContext
    from ui.db_worker import DbWorker
    from ui.shell import build_main_window
    from ui.style import apply_style
    from ui.sync_runner import SyncOutcome, SyncProgress, SyncRunner

    app = QApplication.instance() or QApplication([])
    apply_style(app)
    with tempfile.TemporaryDirectory(prefix="fuwutai-bench-sync-gui-") as name:
        tmp = Path(name)
        shutil.copy(feed, tmp / "platform.db")
        platform = Platform(tmp / "platform.db").start()
        store = ensure_demo_store(DataDir(tmp / "demo"), persons=12)
        worker = DbWorker()
        runner: SyncRunner | None = None
        try:
            enroll(store, platform.url, platform.token())
            station = store.station()
            assert station is not None
            ctx = AppContext(store, worker, load_bundled_catalog(), station.name, station.code)
            with store.session() as session:
                ctx.user = authenticate(session, "clerk", "demo-clerk-1")
            runner = SyncRunner(store, first_after=3600)
            window = build_main_window(ctx, idle_minutes=60, sync_runner=runner)
            window.show()
            app.processEvents()

            beats: list[float] = []
            reports: list[SyncProgress] = []
            outcome: list[SyncOutcome] = []
            bar_seen = [0]
            loop = QEventLoop()

            def on_progress(progress: SyncProgress) -> None:
                reports.append(progress)
                if window.sync_status.progress_bar.isVisible():  # type: ignore[attr-defined]
                    bar_seen[0] += 1

            def on_finished(result: SyncOutcome) -> None:
                outcome.append(result)
                loop.quit()

            runner.progressed.connect(on_progress)
            runner.finished.connect(on_finished)
            heartbeat = QTimer()
            heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
            heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))
            counter_work = QTimer()
            counter_work.timeout.connect(window.refresh_status)
            gc.callbacks.append(collections.note)
            heartbeat.start(HEARTBEAT_MS)
            counter_work.start(1000)
            # The same heartbeat with no sync running first: what the machine itself adds (other load).
            QTimer.singleShot(args.baseline * 1000, loop.quit)
            loop.exec()
            baseline = [(b - a) * 1000 for a, b in itertools.pairwise(beats)]
            beats.clear()
            runner.start()
            started = time.perf_counter()
            runner.request()
            loop.exec()
            seconds = time.perf_counter() - started
            heartbeat.stop()
            counter_work.stop()
            gc.callbacks.remove(collections.note)
            bar_visible_after = window.sync_status.progress_bar.isVisible()  # type: ignore[attr-defined]
        finally:
            if runner is not None:
                runner.stop()
            worker.shutdown()
            store.close()
            platform.stop()
    result = outcome[0]
    gaps = [(b - a) * 1000 for a, b in itertools.pairwise(beats)]
    longest = max(gaps)
    over = sum(1 for gap in gaps if gap > TARGET_MS)
    when = [f"{beats[i] - started:.1f} s" for i, gap in enumerate(gaps) if gap > TARGET_MS]
    print(
        f"sync through SyncRunner: ok={result.ok} pulled {result.pulled} records in {seconds:.1f} s "
        f"({result.pulled / seconds:.0f} records/s), {len(reports)} progress reports, progress bar shown in "
        f"{bar_seen[0]} of them, hidden after: {not bar_visible_after}"
    )
    print(
        f"GUI heartbeat ({HEARTBEAT_MS} ms) during the sync: {len(gaps)} gaps, longest {longest:.1f} ms, "
        f"p99 {percentile(gaps, 0.99):.1f} ms, p50 {percentile(gaps, 0.5):.1f} ms, "
        f"{over} gaps over {TARGET_MS:.0f} ms (target: none){' at ' + ', '.join(when) if when else ''} "
        f"after the round was requested; peak RSS {peak_rss_mib():.0f} MiB"
    )
    print(
        f"GUI heartbeat with no sync ({args.baseline} s before it, the machine's own noise): longest "
        f"{max(baseline):.1f} ms, p99 {percentile(baseline, 0.99):.1f} ms, "
        f"{sum(1 for gap in baseline if gap > TARGET_MS)} gaps over {TARGET_MS:.0f} ms"
    )
    print(f"garbage collector during the sync: {collections.summary()}")
    if result.error:
        print(f"round error: {result.error}")


if __name__ == "__main__":
    main()
