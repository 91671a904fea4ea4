"""统计 benchmark: the station dashboards at 1,000,000 persons, 50,000 households and 100,000 cases.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_stats.py

The store is the workbench benchmark's (1M persons, 100k cases with events and follow-ups; built by
``workbench_store.py`` when missing), copied once and given 50,000 households of three members each,
30 relocation settlements holding 15,000 of them, 20,000 laborer census rows and 5,000 零就业家庭
episodes over the last 18 months (60 % cleared), all with Core bulk inserts.

Measured (target: every dashboard renders in <= 1 s):
1. ``station_stats`` in the core, fresh session each run;
2. the 统计 page with the real widgets and DB worker: from ``refresh()`` until every chart has painted;
3. one drill-down: the overdue list behind its number.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path
from random import Random
from typing import Any

from common import median, peak_rss_mib, use_throwaway_keyring
from workbench_store import default_folder as workbench_folder
from workbench_store import ensure_workbench_store

HOUSEHOLDS = 50_000
SETTLEMENTS = 30
IN_SETTLEMENTS = 15_000
CENSUS = 20_000
EPISODES = 5_000
MARKER = "bench_stats_households"


def default_folder(persons: int, cases: int) -> Path:
    return Path(tempfile.gettempdir()) / f"fuwutai-bench-stats-{persons}-{HOUSEHOLDS}-{cases}"


def _uuid(rng: Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _add_households(session: Any, today: date) -> None:
    from sqlalchemy import insert, select, update

    from app.store.models import Household, HouseholdMember, Person, Setting
    from app.store.models_households import LaborerCensus, Settlement, SettlementHousehold, ZeroEmploymentEpisode

    rng = Random(20260501)
    now = datetime(2026, 11, 1, 8, 0, 0)
    base = {"version": 1, "updated_at": now, "deleted": False}
    person_ids = list(session.scalars(select(Person.id).limit(HOUSEHOLDS * 3)))
    rng.shuffle(person_ids)
    settlements = [{**base, "id": _uuid(rng), "name": f"基准安置点{n:02d}"} for n in range(SETTLEMENTS)]
    session.execute(insert(Settlement), settlements)
    households, members, links = [], [], []
    for n in range(HOUSEHOLDS):
        hid = _uuid(rng)
        heads = person_ids[n * 3 : n * 3 + 3]
        households.append({**base, "id": hid, "head_person_id": heads[0], "address": f"基准地址{n}号"})
        for pid in heads:
            members.append(
                {
                    **base,
                    "id": _uuid(rng),
                    "household_id": hid,
                    "person_id": pid,
                    "working_age": True,
                    "able_to_work": rng.random() < 0.9,
                }
            )
        if n < IN_SETTLEMENTS:
            links.append(
                {
                    **base,
                    "id": _uuid(rng),
                    "settlement_id": settlements[n % SETTLEMENTS]["id"],
                    "household_id": hid,
                    "household_no": f"H{n:06d}",
                }
            )
    for chunk in range(0, len(households), 5000):
        session.execute(insert(Household), households[chunk : chunk + 5000])
    for chunk in range(0, len(members), 5000):
        session.execute(insert(HouseholdMember), members[chunk : chunk + 5000])
    session.execute(insert(SettlementHousehold), links)
    employed = [pid for pid in person_ids if rng.random() < 0.45]
    for chunk in range(0, len(employed), 2000):
        session.execute(
            update(Person).where(Person.id.in_(employed[chunk : chunk + 2000])).values(employment_status="employed")
        )
    census = []
    for n in range(CENSUS):
        link = links[n % len(links)]
        census.append(
            {
                **base,
                "id": _uuid(rng),
                "person_id": person_ids[(n % IN_SETTLEMENTS) * 3],
                "household_id": link["household_id"],
                "settlement_id": link["settlement_id"],
                "census_on": today - timedelta(days=rng.randint(0, 300)),
                "employed": rng.random() < 0.6,
                "destination": rng.choice(["county", "province", "outside"]),
            }
        )
    session.execute(insert(LaborerCensus), census)
    episodes = []
    for n in range(EPISODES):
        since = today - timedelta(days=rng.randint(0, 540))
        cleared = since + timedelta(days=rng.randint(10, 200)) if rng.random() < 0.6 else None
        episodes.append(
            {
                **base,
                "id": _uuid(rng),
                "household_id": households[n * 7 % HOUSEHOLDS]["id"],
                "since": since,
                "cleared_on": cleared if cleared is not None and cleared <= today else None,
            }
        )
    session.execute(insert(ZeroEmploymentEpisode), episodes)
    session.add(Setting(key=MARKER, value=str(HOUSEHOLDS)))


def ensure_stats_store(persons: int, cases: int) -> Path:
    folder = default_folder(persons, cases)
    use_throwaway_keyring(folder)
    if not (folder / "store" / "fuwutai.db").exists():
        source = ensure_workbench_store(workbench_folder(persons, cases), persons, cases)
        print(f"copying the workbench store from {source} (once) ...", flush=True)
        (folder / "store").mkdir(parents=True, exist_ok=True)
        for name in ("fuwutai.db", "store.json"):
            shutil.copy2(source / name, folder / "store" / name)
        shutil.copytree(source.parent / "keyring", folder / "keyring", dirs_exist_ok=True)
    from sqlalchemy import select

    from app.clock import today
    from app.store import DataDir, open_store
    from app.store.models import Setting

    store = open_store(DataDir(folder / "store"), auto_backup=False)
    for backup in store.data_dir.backups.glob("*"):
        backup.unlink()
    try:
        with store.session() as session:
            if session.scalar(select(Setting.value).where(Setting.key == MARKER)) is None:
                print(f"adding {HOUSEHOLDS:,} households, settlements, census and episodes (once) ...", flush=True)
                started = time.perf_counter()
                _add_households(session, today())
                print(f"  added in {time.perf_counter() - started:.0f} s", flush=True)
    finally:
        store.close()
    return folder / "store"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path = ensure_stats_store(args.persons, args.cases)

    from app.catalog import load_bundled_catalog
    from app.clock import today
    from app.stats import drill_rows, station_stats
    from app.store import DataDir, open_store

    store = open_store(DataDir(path), auto_backup=False)
    names = {item.code: item.name for item in load_bundled_catalog().items()}
    print(f"\n1. station_stats in the core (target <= 1000 ms), {args.runs} runs")
    core: list[float] = []
    for _ in range(args.runs):
        started = time.perf_counter()
        with store.session() as session:
            stats = station_stats(session, today(), names)
        core.append((time.perf_counter() - started) * 1000)
    print(
        f"   median {median(core):.0f} ms, worst {max(core):.0f} ms; persons {stats.headlines[0].value:,.0f}, "
        f"settlements {len(stats.settlement_rates.points)}, "
        f"zero households now {stats.zero_households.points[-1].value:g}"
    )
    overdue = next(h for h in stats.headlines if h.key == "overdue")
    started = time.perf_counter()
    with store.session() as session:
        rows = drill_rows(session, overdue.drill, names)  # type: ignore[arg-type]
    print(
        f"\n3. drill-down behind 逾期办件 ({overdue.value:g}): {len(rows):,} rows in "
        f"{(time.perf_counter() - started) * 1000:.0f} ms"
    )

    from PySide6.QtWidgets import QApplication

    from ui.context import AppContext
    from ui.db_worker import DbWorker
    from ui.pages.stats import StatsPage

    app = QApplication.instance() or QApplication([])
    worker = DbWorker()
    station = store.station()
    ctx = AppContext(store, worker, load_bundled_catalog(), station.name if station else "", "")
    page = StatsPage(ctx)
    page.resize(1280, 900)
    page.show()
    print(f"\n2. 统计 page rendered with the real widgets (target <= 1000 ms), {args.runs} runs")
    ui: list[float] = []
    for _ in range(args.runs):
        page.stats = None
        started = time.perf_counter()
        page.refresh()
        while page.stats is None:
            app.processEvents()
            time.sleep(0.0005)
        for chart in page.charts.values():
            chart.repaint()
        ui.append((time.perf_counter() - started) * 1000)
    print(f"   median {median(ui):.0f} ms, worst {max(ui):.0f} ms")
    print(f"\npeak RSS {peak_rss_mib():.0f} MiB")
    worker.shutdown()
    store.close()


if __name__ == "__main__":
    main()
