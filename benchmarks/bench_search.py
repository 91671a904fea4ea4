"""Search benchmark: 1,000 queries of each kind against a store of N synthetic persons.

    .venv/bin/python benchmarks/bench_search.py --persons 1000000

The store is built once through the importer and reused (``--dir``, default a folder under the
system's temporary directory named after N). Each query runs through ``search_persons`` and, for
comparison, as the same SQL statements (``plan_search``) on a raw SQLCipher connection to the same
file, the two taking turns at going first. Prints p50/p95 in milliseconds and the ratio.
Target: p95 <= 10 ms at 1,000,000 persons.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from random import Random
from typing import Any

from common import median, peak_rss_mib, percentile, use_throwaway_keyring, write_roster_csv

LIMIT = 50


def build_store(folder: Path, persons: int) -> None:
    from app.io.person_import import import_persons
    from app.store import DataDir, create_store

    roster = folder / "roster.csv"
    print(f"building a store of {persons:,} persons in {folder} (once) ...", flush=True)
    write_roster_csv(roster, persons)
    store = create_store(DataDir(folder / "store"), "520102", "基准测试站")
    started = time.perf_counter()
    report = import_persons(store, roster)
    store.close()
    roster.unlink()
    print(f"  {report.message} in {time.perf_counter() - started:.0f} s", flush=True)


def sample_queries(conn: Any, count: int, rng: Random) -> dict[str, list[str]]:
    from app.search.terms import name_terms

    top = conn.execute("SELECT max(rowid) FROM person").fetchone()[0]
    rowids = rng.sample(range(1, top + 1), min(count, top))
    marks = ",".join("?" for _ in rowids)
    people = conn.execute(f"SELECT doc_number, name, phone FROM person WHERE rowid IN ({marks})", rowids).fetchall()
    rng.shuffle(people)
    return {
        "exact ID": [number for number, _, _ in people],
        "ID prefix": [number[: rng.randint(4, 17)] for number, _, _ in people],
        "name prefix": [name[:2] for _, name, _ in people],
        "pinyin initials": [name_terms(name)[2].split()[0] for _, name, _ in people],
        # Not among the targets, measured too:
        "full pinyin": [name_terms(name)[1].split()[0] for _, name, _ in people],
        "phone tail": [phone[-4:] for _, _, phone in people],
    }


def run_raw(conn: Any, query: str) -> int:
    """The statements search_persons runs, with the same stop rule, on a bare DB-API connection."""
    from app.search import plan_search

    seen: set[str] = set()
    for planned in plan_search(query, limit=LIMIT):
        for row in conn.execute(planned.sql, dict(planned.params)).fetchall():
            seen.add(row[0])
            if len(seen) >= LIMIT:
                return len(seen)
    return len(seen)


def timed(app: Callable[[str], int], raw: Callable[[str], int], queries: list[str]) -> tuple[list[float], ...]:
    """Both ways for every query, taking turns at going first so neither gets the other's warm cache."""
    for query in queries[:50]:  # warm up like a counter that has been open a while
        app(query)
        raw(query)
    app_times: list[float] = []
    raw_times: list[float] = []
    hits: list[float] = []
    for index, query in enumerate(queries):
        order = ((app, app_times), (raw, raw_times))
        for function, times in order if index % 2 == 0 else reversed(order):
            started = time.perf_counter()
            found = function(query)
            times.append((time.perf_counter() - started) * 1000)
        hits.append(found)
    return app_times, raw_times, hits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=200_000)
    parser.add_argument("--queries", type=int, default=1_000)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    folder = args.dir or Path(tempfile.gettempdir()) / f"fuwutai-bench-search-{args.persons}"
    use_throwaway_keyring(folder)

    from app.search import search_persons
    from app.store import DataDir, open_store
    from app.store.engine import raw_connect
    from app.store.keys import StoreInfo, load_key

    data_dir = DataDir(folder / "store")
    if not data_dir.db.exists():
        build_store(folder, args.persons)
    store = open_store(data_dir, auto_backup=False)
    raw = raw_connect(data_dir.db, load_key(StoreInfo.read(data_dir.store_info).store_id))
    kinds = sample_queries(raw, args.queries, Random(7))
    print(f"{args.persons:,} persons, {args.queries:,} queries per kind, limit {LIMIT}")
    print(f"{'kind':<16}{'p50 ms':>9}{'p95 ms':>9}{'raw p50':>9}{'raw p95':>9}{'ratio p50':>11}{'ratio p95':>11}"
          f"{'hits':>7}")
    with store.session() as session:
        for kind, queries in kinds.items():
            app_times, raw_times, found = timed(
                lambda q: len(search_persons(session, q, limit=LIMIT)), lambda q: run_raw(raw, q), queries
            )
            hits = sum(found) / len(found)
            p50, p95 = median(app_times), percentile(app_times, 0.95)
            r50, r95 = median(raw_times), percentile(raw_times, 0.95)
            print(f"{kind:<16}{p50:>9.2f}{p95:>9.2f}{r50:>9.2f}{r95:>9.2f}{p50 / r50:>11.2f}{p95 / r95:>11.2f}"
                  f"{hits:>7.1f}", flush=True)
    raw.close()
    store.close()
    print(f"peak RSS: {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
