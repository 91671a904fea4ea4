"""零就业家庭 and settlement figures at 1,000,000 persons and 50,000 households.

    .venv/bin/python benchmarks/bench_households.py --persons 1000000 --households 50000

The store is built once in the temp folder and reused: the persons come from bench_search's store of
the same size (copied; built first through the importer when missing), then settlements, households
(1–6 members, avg ~3.5), their settlement links, employment statuses and laborer census rows are added
with Core bulk inserts (no outbox rows: they do not take part in these reads), and the zero-employment
list is filled by the real :func:`app.households.refresh_all`.

Measured (median of ``--runs`` runs, each in a fresh session, as a DB job of the page would):
per-settlement figures of the largest settlement (target <= 1 s), all settlements' figures (the 安置点
list), the settlement's household table, the open 零就业家庭 list and the one with cleared households
(target <= 1 s), one household's detail, and ``refresh_all`` over every household.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import Any

from common import median, use_throwaway_keyring

SETTLEMENTS = 12
RELOCATED_SHARE = 0.8
EMPLOYED_SHARE = 0.62
CENSUS_SHARE = 0.7
CLEARED_SHARE = 0.3


def default_folder(persons: int, households: int) -> Path:
    return Path(tempfile.gettempdir()) / f"fuwutai-bench-households-{persons}-{households}"


def _seed_persons(folder: Path, persons: int) -> None:
    source = Path(tempfile.gettempdir()) / f"fuwutai-bench-search-{persons}"
    if not (source / "store" / "fuwutai.db").exists():
        from bench_search import build_store

        use_throwaway_keyring(source)
        build_store(source, persons)
    print(f"copying the {persons:,}-person store from {source} (once) ...", flush=True)
    (folder / "store").mkdir(parents=True, exist_ok=True)
    for name in ("fuwutai.db", "store.json"):
        shutil.copy2(source / "store" / name, folder / "store" / name)
    shutil.copytree(source / "keyring", folder / "keyring", dirs_exist_ok=True)


def ensure_store(folder: Path, persons: int, households: int) -> Any:
    use_throwaway_keyring(folder)
    from app.store import DataDir, open_store

    data_dir = DataDir(folder / "store")
    if not data_dir.db.exists():
        _seed_persons(folder, persons)
    store = open_store(data_dir, auto_backup=False)
    for backup in data_dir.backups.glob("*"):
        backup.unlink()
    _ensure_indexes(store)
    with store.session() as session:
        from sqlalchemy import func, select

        from app.store.models import Household

        have = session.scalar(select(func.count()).select_from(Household)) or 0
    if have < households:
        print(f"adding {households:,} households (once) ...", flush=True)
        started = time.perf_counter()
        _build(store, households)
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return store


def _ensure_indexes(store: Any) -> None:
    """A store built before migration 0005 gained its covering indexes gets them here (same DDL)."""
    from app.store.models_households import MEMBER_FACTS_INDEX, PERSON_FACTS_INDEX, SettlementHousehold

    by_household = next(i for i in SettlementHousehold.__table__.indexes
                        if i.name == "ix_settlement_household_household_id")
    with store.session() as session:
        conn = session.connection()
        for index in (PERSON_FACTS_INDEX, MEMBER_FACTS_INDEX, by_household):
            if not conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = ?", (index.name,)).first():
                print(f"creating {index.name} (once) ...", flush=True)
                index.create(conn)


def _build(store: Any, households: int) -> None:
    from sqlalchemy import insert, update

    from app.clock import today, utcnow
    from app.households import refresh_all
    from app.store.models import Household, HouseholdMember, Person, new_id
    from app.store.models_households import LaborerCensus, Settlement, SettlementHousehold

    rng = Random(20261125)
    now = utcnow()
    on = today()
    base = {"version": 1, "updated_at": now, "deleted": False}
    with store.session() as session:
        conn = session.connection()
        settlements = [{"id": new_id(), "name": f"基准安置点{i + 1:02d}", "division_code": "520603", **base}
                       for i in range(SETTLEMENTS)]
        conn.execute(insert(Settlement), settlements)
        persons = iter(conn.exec_driver_sql("SELECT id FROM person ORDER BY rowid").scalars())
        house_rows: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        members: list[dict[str, Any]] = []
        statuses: list[dict[str, Any]] = []
        census: list[dict[str, Any]] = []

        def flush() -> None:
            for model, rows in ((Household, house_rows), (SettlementHousehold, links),
                                (HouseholdMember, members), (LaborerCensus, census)):
                if rows:
                    conn.execute(insert(model), rows)
                    rows.clear()
            if statuses:
                conn.execute(update(Person).where(Person.id == _bind("pid")).values(employment_status=_bind("st")),
                             statuses)
                statuses.clear()

        for number in range(households):
            household_id = new_id()
            relocated = rng.random() < RELOCATED_SHARE
            settlement = settlements[number % SETTLEMENTS] if relocated else None
            size = rng.choice((1, 2, 3, 3, 4, 4, 4, 5, 5, 6))
            ids = [next(persons) for _ in range(size)]
            house_rows.append({"id": household_id, "head_person_id": ids[0], "relocated": relocated,
                               "settlement_name": settlement["name"] if settlement else None, **base})
            if settlement is not None:
                links.append({"id": new_id(), "settlement_id": settlement["id"], "household_id": household_id,
                              "household_no": f"{number:06d}", **base})
            for index, person_id in enumerate(ids):
                able = rng.random() < 0.92
                members.append({"id": new_id(), "household_id": household_id, "person_id": person_id,
                                "relation": "01" if index == 0 else "03", "working_age": True, "able_to_work": able,
                                **base})
                employed = rng.random() < EMPLOYED_SHARE
                statuses.append({"pid": person_id, "st": "employed" if employed else "unemployed"})
                if settlement is not None and able and rng.random() < CENSUS_SHARE:
                    census.append({
                        "id": new_id(), "person_id": person_id, "household_id": household_id,
                        "settlement_id": settlement["id"], "census_on": on - timedelta(days=rng.randint(1, 300)),
                        "employed": employed, "destination": rng.choice(("county", "province", "outside"))
                        if employed else None, "work_form": "01" if employed else None,
                        "aid_workshop": employed and rng.random() < 0.1,
                        "public_welfare_post": employed and rng.random() < 0.05,
                        "monthly_income": rng.randrange(1500, 7000, 100) if employed else None, **base,
                    })
            if len(members) >= 20_000:
                flush()
        flush()
    with store.session() as session:
        listed = refresh_all(session, on - timedelta(days=200))
        print(f"  {listed:,} households listed as zero-employment", flush=True)
    # Some of them found work and were cleared.
    from sqlalchemy import select

    from app.households import clear_zero_employment, household_detail
    from app.store.models_households import ZeroEmploymentEpisode

    with store.session() as session:
        open_ids = list(session.scalars(select(ZeroEmploymentEpisode.household_id)))
        for household_id in open_ids[: int(len(open_ids) * CLEARED_SHARE)]:
            detail = household_detail(session, None, household_id, on)
            laborer = next((m.person_id for m in detail.members if m.laborer), None)
            if laborer is not None:
                clear_zero_employment(session, None, household_id, person_id=laborer, via="public_welfare",
                                      cleared_on=on - timedelta(days=rng.randint(1, 150)), on=on)


def _bind(name: str) -> Any:
    from sqlalchemy import bindparam

    return bindparam(name)


def timed(store: Any, runs: int, job: Callable[[Any], Any]) -> tuple[float, Any]:
    times = []
    result = None
    for _ in range(runs):
        started = time.perf_counter()
        with store.session() as session:
            result = job(session)
            session.rollback()  # the reads record audit entries; keep the benchmark store unchanged
        times.append((time.perf_counter() - started) * 1000)
    return median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--households", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--folder", type=Path, default=None)
    args = parser.parse_args()
    folder = args.folder or default_folder(args.persons, args.households)
    store = ensure_store(folder, args.persons, args.households)
    from sqlalchemy import func, select

    from app.clock import today
    from app.households import (
        household_detail,
        list_settlements,
        refresh_all,
        settlement_figures,
        settlement_households,
        zero_employment_list,
    )
    from app.store.models import Household, HouseholdMember, Person
    from app.store.models_households import LaborerCensus

    on: date = today()
    with store.session() as session:
        counts = [session.scalar(select(func.count()).select_from(m)) for m in
                  (Person, Household, HouseholdMember, LaborerCensus)]
        settlements = list_settlements(session, on)
    print(f"store: {counts[0]:,} persons, {counts[1]:,} households, {counts[2]:,} members, "
          f"{counts[3]:,} census rows, {len(settlements)} settlements")
    largest = max(settlements, key=lambda s: s.figures.households)
    rows: list[tuple[str, float, str]] = []

    ms, f = timed(store, args.runs, lambda s: settlement_figures(s, largest.id, on))
    rows.append(("settlement figures (largest settlement)", ms,
                 f"{f.households:,} households, {f.laborers:,} laborers, rate {f.employment_rate:.1%}, "
                 f"{f.zero_employment_households:,} zero"))
    ms, r = timed(store, args.runs, lambda s: list_settlements(s, on))
    rows.append(("all settlements with figures (安置点 list)", ms, f"{len(r)} settlements"))
    ms, r = timed(store, args.runs, lambda s: settlement_households(s, largest.id, on))
    rows.append(("settlement household table", ms, f"{len(r):,} households"))
    ms, r = timed(store, args.runs, lambda s: zero_employment_list(s, on))
    rows.append(("zero-employment list (open)", ms, f"{len(r):,} households"))
    ms, r = timed(store, args.runs, lambda s: zero_employment_list(s, on, include_cleared=True))
    rows.append(("zero-employment list (with cleared)", ms, f"{len(r):,} rows"))
    some = r[0].household_id
    ms, _ = timed(store, args.runs, lambda s: household_detail(s, None, some, on))
    rows.append(("one household's detail", ms, ""))
    ms, added = timed(store, max(1, args.runs // 2), lambda s: refresh_all(s, on))
    rows.append(("refresh_all (every household)", ms, f"{added:,} would be added"))
    print(f"\n{'measure':<44}{'median ms':>11}  result")
    for name, ms, note in rows:
        print(f"{name:<44}{ms:>11.0f}  {note}")
    store.close()


if __name__ == "__main__":
    main()
