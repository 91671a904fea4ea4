"""A store with N persons and M cases for the workbench benchmark, built once and reused.

    .venv/bin/python benchmarks/workbench_store.py --persons 1000000 --cases 100000

The persons come from bench_search's store of the same size when it exists (its database file, its
store.json and its plaintext keyring are copied; otherwise that store is built first through the
importer). Cases are then added with Core bulk inserts: cases of person items for existing persons,
states spread like a station's history (mostly closed, some open, a few drafts), acceptance dates over
the last three years with a band of open cases around today (so the 工作台 has overdue and due-soon
lines), deadlines from each item's rule on the working calendar, their case events, follow-ups for
accepted items that schedule them, and one outbox row per row of still unsynced cases. Core inserts
bypass the ORM outbox hook, so the outbox rows are written here, like the roster importer does.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from random import Random
from typing import Any

from common import use_throwaway_keyring

BENCH_USER = "bench-clerk"
BENCH_PASSWORD = "bench-clerk-1"
# state, weight, events leading to it (action, from, to)
HISTORIES: tuple[tuple[str, int, tuple[tuple[str, str | None, str], ...]], ...] = (
    ("draft", 2, ()),
    ("accepted", 6, (("accept", "draft", "accepted"),)),
    ("in_review", 2, (("accept", "draft", "accepted"), ("request_review", "accepted", "in_review"))),
    ("completed", 80, (("accept", "draft", "accepted"), ("complete", "accepted", "completed"))),
    ("rejected", 5, (("accept", "draft", "accepted"), ("reject", "accepted", "rejected"))),
    ("withdrawn", 5, (("accept", "draft", "accepted"), ("withdraw", "accepted", "withdrawn"))),
)
OPEN = {"accepted", "in_review"}
UNSYNCED_SHARE = 0.1


def default_folder(persons: int, cases: int) -> Path:
    return Path(tempfile.gettempdir()) / f"fuwutai-bench-workbench-{persons}-{cases}"


def _seed_persons(folder: Path, persons: int) -> None:
    """Copy bench_search's store of ``persons`` (building it first when missing) into ``folder``."""
    source = Path(tempfile.gettempdir()) / f"fuwutai-bench-search-{persons}"
    if not (source / "store" / "fuwutai.db").exists():
        from bench_search import build_store

        use_throwaway_keyring(source)
        build_store(source, persons)
    print(f"copying the {persons:,}-person store from {source} (once) ...", flush=True)
    started = time.perf_counter()
    (folder / "store").mkdir(parents=True, exist_ok=True)
    for name in ("fuwutai.db", "store.json"):
        shutil.copy2(source / "store" / name, folder / "store" / name)
    shutil.copytree(source / "keyring", folder / "keyring", dirs_exist_ok=True)
    print(f"  copied in {time.perf_counter() - started:.0f} s", flush=True)


def ensure_workbench_store(folder: Path, persons: int, cases: int) -> Path:
    """Return the store folder with ``persons`` persons, ``cases`` cases and the bench clerk."""
    use_throwaway_keyring(folder)
    from app.store import DataDir, open_store

    data_dir = DataDir(folder / "store")
    if not data_dir.db.exists():
        _seed_persons(folder, persons)
    started = time.perf_counter()
    store = open_store(data_dir, auto_backup=False)  # migrates (after a verified backup) when needed
    opened = time.perf_counter() - started
    if opened > 5:
        print(f"  opened (and migrated) in {opened:.0f} s", flush=True)
    for backup in data_dir.backups.glob("*"):  # 3 GB copies of a synthetic store are not worth keeping
        backup.unlink()
    try:
        with store.session() as session:
            _ensure_clerk(session)
            have = _case_count(session)
            if have < cases:
                print(f"adding {cases - have:,} cases (once) ...", flush=True)
                started = time.perf_counter()
                _add_cases(session, cases - have, seed=have + 1)
                print(f"  added in {time.perf_counter() - started:.0f} s", flush=True)
    finally:
        store.close()
    return folder / "store"


def _case_count(session: Any) -> int:
    from sqlalchemy import func, select

    from app.store.models import Case

    return int(session.scalar(select(func.count()).select_from(Case)) or 0)


def _ensure_clerk(session: Any) -> None:
    from sqlalchemy import select

    from app.auth import create_staff
    from app.store.models import Staff

    if session.scalar(select(Staff.id).where(Staff.username == BENCH_USER)) is None:
        create_staff(session, BENCH_USER, "基准测试经办人", "clerk", BENCH_PASSWORD)


def _add_cases(session: Any, count: int, seed: int) -> None:
    from sqlalchemy import insert, select

    from app.catalog import load_bundled_catalog
    from app.clock import today as local_today
    from app.refdata.local_tables import working_calendar
    from app.store.models import Case, CaseEvent, FollowUp, OutboxEntry, Staff, Station
    from app.store.outbox import to_wire
    from app.workflow.deadlines import due_date

    rng = Random(seed)
    catalog = load_bundled_catalog()
    items = [item for item in catalog.items() if item.subject == "person"]
    calendar = working_calendar(session)
    station = session.scalars(select(Station)).one()
    handlers = list(session.scalars(select(Staff.id)))
    max_rowid = session.connection().exec_driver_sql("SELECT max(rowid) FROM person").scalar()
    assert max_rowid, "the store has no persons"
    rowids = rng.sample(range(1, max_rowid + 1), min(count, max_rowid))
    while len(rowids) < count:
        rowids.append(rng.randint(1, max_rowid))
    person_ids: list[str] = []
    conn = session.connection()
    for start in range(0, len(rowids), 900):
        chunk = rowids[start : start + 900]
        marks = ",".join("?" for _ in chunk)
        rows = conn.exec_driver_sql(f"SELECT rowid, id FROM person WHERE rowid IN ({marks})", tuple(chunk))
        found = {rowid: pid for rowid, pid in rows}
        person_ids.extend(found[r] for r in chunk if r in found)
    states = [s for s, _, _ in HISTORIES]
    weights = [w for _, w, _ in HISTORIES]
    events_of = {s: e for s, _, e in HISTORIES}
    today = local_today()
    seq_by_day: dict[date, int] = {}
    device = station.device_id[:4].upper()
    case_rows: list[dict[str, Any]] = []
    event_rows: list[dict[str, Any]] = []
    follow_rows: list[dict[str, Any]] = []
    outbox_rows: list[dict[str, Any]] = []

    def synced(row: dict[str, Any], at: datetime, unsynced: bool) -> dict[str, Any]:
        row.update(id=_uuid(rng), version=1, server_version=None if unsynced else 1, updated_at=at, deleted=False)
        return row

    def queue(entity: str, row: dict[str, Any]) -> None:
        payload = {k: to_wire(v) for k, v in row.items() if k != "server_version"}
        outbox_rows.append({"id": _uuid(rng), "entity": entity, "entity_id": row["id"], "op": "upsert",
                            "base_version": None, "version": 1, "payload": payload, "created_at": row["updated_at"],
                            "state": "pending", "attempts": 0, "last_error": None})

    for n, person_id in enumerate(person_ids):
        state = rng.choices(states, weights)[0]
        item = rng.choice(items)
        # Open cases and drafts are recent; closed ones spread over three years.
        back = rng.randint(0, 25) if state in OPEN or state == "draft" else rng.randint(0, 3 * 365)
        day = today - timedelta(days=back)
        created = datetime(day.year, day.month, day.day, 8, 30) + timedelta(seconds=rng.randint(0, 9 * 3600))
        seq_by_day[day] = seq_by_day.get(day, 0) + 1
        accepted = None if state == "draft" else day
        due = due_date(item.deadline, day, calendar) if accepted else None
        closed = None
        if state not in OPEN and state != "draft":
            closed = min(today, day + timedelta(days=rng.randint(0, 10)))
        unsynced = state in OPEN or state == "draft" or rng.random() < UNSYNCED_SHARE / 2
        case = synced({
            "case_no": f"{station.code}-{day:%Y%m%d}-B{device[:3]}{seq_by_day[day]:04d}",
            "item_code": item.code, "item_version": item.version, "subject_kind": "person",
            "person_id": person_id, "employer_id": None, "household_id": None, "state": state,
            "form_data": {}, "on_commitment": False, "channel": "counter",
            "handler_id": handlers[n % len(handlers)], "created_at": created, "accepted_on": accepted,
            "due_on": due, "closed_on": closed,
            "close_reason": "材料不齐" if state == "rejected" else ("本人申请撤回" if state == "withdrawn" else None),
        }, created, unsynced)
        case_rows.append(case)
        if unsynced:
            queue("case", case)
        at = created
        for action, source, target in events_of[state]:
            at += timedelta(minutes=rng.randint(5, 600))
            event = synced({"case_id": case["id"], "action": action, "from_state": source, "to_state": target,
                            "actor_id": case["handler_id"], "at": at, "note": case["close_reason"]
                            if target in {"rejected", "withdrawn"} else None}, at, unsynced)
            event_rows.append(event)
            if unsynced:
                queue("case_event", event)
        if accepted and state not in {"rejected", "withdrawn"}:
            for follow in item.follow_ups:
                if follow.after is None:
                    continue
                follow_due = due_date(follow.after, day, calendar) or day
                done = follow_due < today - timedelta(days=3) and rng.random() < 0.9
                row = synced({"person_id": person_id, "case_id": case["id"], "kind": follow.kind,
                              "due_on": follow_due, "done_on": follow_due if done else None,
                              "done_by": case["handler_id"] if done else None,
                              "outcome": "已回访" if done else None}, created, unsynced)
                follow_rows.append(row)
                if unsynced:
                    queue("follow_up", row)
    for model, rows in ((Case, case_rows), (CaseEvent, event_rows), (FollowUp, follow_rows),
                        (OutboxEntry, outbox_rows)):
        for start in range(0, len(rows), 5_000):
            session.execute(insert(model.__table__), rows[start : start + 5_000])
    print(f"  {len(case_rows):,} cases, {len(event_rows):,} events, {len(follow_rows):,} follow-ups, "
          f"{len(outbox_rows):,} outbox rows", flush=True)


def _uuid(rng: Random) -> str:
    import uuid

    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    folder = args.dir or default_folder(args.persons, args.cases)
    print(ensure_workbench_store(folder, args.persons, args.cases))


if __name__ == "__main__":
    main()
