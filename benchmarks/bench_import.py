"""Import benchmark: a synthetic roster of N rows into a fresh encrypted store.

    .venv/bin/python benchmarks/bench_import.py --rows 200000 [--xlsx]

Prints rows/s, elapsed and peak RSS. Targets: 200,000 rows < 60 s; 1,000,000 rows with RSS < 500 MB.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from common import cpu_seconds, peak_rss_mib, use_throwaway_keyring, write_roster_csv, write_roster_xlsx


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--dir", type=Path, default=None, help="work folder (default: a temporary one)")
    parser.add_argument("--xlsx", action="store_true", help="import an .xlsx workbook instead of a CSV file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fuwutai-bench-import-") as temporary:
        work = args.dir or Path(temporary)
        use_throwaway_keyring(work)
        from app.io.person_import import import_persons
        from app.store import DataDir, create_store

        roster = work / f"roster-{args.rows}.{'xlsx' if args.xlsx else 'csv'}"
        started = time.perf_counter()
        (write_roster_xlsx if args.xlsx else write_roster_csv)(roster, args.rows)
        print(f"roster: {args.rows:,} rows, {roster.stat().st_size / 2**20:.1f} MiB, "
              f"written in {time.perf_counter() - started:.1f} s")
        store = create_store(DataDir(work / "store"), "520102", "基准测试站")
        last = [0.0]
        check_done: list[float] = []

        def progress(done: int, total: int | None) -> None:
            now = time.perf_counter()
            if total is not None and not check_done:
                check_done.append(now - started)
            if now - last[0] >= 10:
                last[0] = now
                phase = "checked" if total is None else f"written of {total:,}"
                print(f"  {now - started:7.1f} s  {done:,} {phase}  RSS peak {peak_rss_mib():.0f} MiB", flush=True)

        started = time.perf_counter()
        cpu_before = cpu_seconds()
        report = import_persons(store, roster, progress=progress)
        elapsed = time.perf_counter() - started
        cpu = cpu_seconds() - cpu_before
        store.close()
        db_size = (work / "store" / "fuwutai.db").stat().st_size / 2**20
        print(report.message)
        if check_done:
            print(f"check pass: {check_done[0]:.1f} s (to the first written chunk); write pass: the rest")
        print(f"rows: {report.imported:,}  elapsed: {elapsed:.1f} s  rate: {report.imported / elapsed:,.0f} rows/s  "
              f"CPU: {cpu:.1f} s  peak RSS: {peak_rss_mib():.0f} MiB  database: {db_size:.0f} MiB  "
              f"load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
