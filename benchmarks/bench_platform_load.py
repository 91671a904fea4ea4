"""The reference platform under load: many stations syncing at once, then a nothing-lost/nothing-duplicated check.

A real ``fuwutai-platform serve`` process on 127.0.0.1 (its own Python, its own GIL); each simulated
station is a thread with its own enrolled device credential (``POST /v1/enrol`` with a one-time
token) and its own HTTP connection. Every station, until the time is up: pushes a gzip'd batch of new
persons + their cases + edits of earlier persons (now and then resending the previous batch, as a
client does when an answer is lost), then pulls its change feed to the end. 429/503 are honoured
(wait ``Retry-After``, resend the same body: same mutation ids); connection failures are resent too.

Afterwards, with the server stopped, the platform's database is compared with what every station
sent and was told: every acknowledged record present exactly once with the acknowledged version and
the values sent, nothing the stations did not send, every acknowledged mutation id recorded once for
its station, one history row per version, business keys (ID number, case number) unique per station,
and each station's pulled feed equal to the platform's export.

Usage:
  python benchmarks/bench_platform_load.py [--stations 200] [--duration 90] [--db URL | --pg] [--json FILE]
``--pg`` makes a throwaway PostgreSQL cluster (Debian ``postgresql`` package: initdb/pg_ctl on 127.0.0.1).
Exit status 0 when the check passes and no request failed other than by documented backpressure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import requests  # noqa: E402

from app.validation import synthetic_name, synthetic_resident_id  # noqa: E402
from benchmarks.platform_process import pg_database, platform_process  # noqa: E402
from sync.protocol import Paths, device_authorization  # noqa: E402
from sync.server import admin  # noqa: E402
from sync.server.db import Database  # noqa: E402
from sync.server.models import Mutation, Record, RecordVersion, Station, UniqueKey  # noqa: E402

BACKPRESSURE = frozenset({429, 503})
PAGE_LIMIT = 500


# --- measurements -----------------------------------------------------------------------------------


class Stats:
    """Latencies and statuses per endpoint, shared by all station threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.statuses: Counter[tuple[str, str]] = Counter()
        self.missing_retry_after = 0

    def record(self, endpoint: str, seconds: float, status: str) -> None:
        with self._lock:
            self.latencies[endpoint].append(seconds)
            self.statuses[(endpoint, status)] += 1

    def requests(self) -> int:
        return sum(self.statuses.values())

    def errors(self) -> dict[str, int]:
        """Every answer that is not 200/201, by endpoint and status (connection failures by exception name)."""
        return {f"{e} {s}": n for (e, s), n in sorted(self.statuses.items()) if s not in ("200", "201")}

    def unexpected(self) -> dict[str, int]:
        """Errors other than documented backpressure (429/503)."""
        return {k: n for k, n in self.errors().items() if k.split()[1] not in ("429", "503")}


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


# --- one simulated station --------------------------------------------------------------------------


@dataclass
class Sent:
    entity: str
    entity_id: str
    payload: dict[str, Any]


@dataclass
class SimStation:
    code: str
    base_url: str
    stats: Stats
    rng: random.Random
    persons_per_batch: int
    edits_per_batch: int
    resend_chance: float
    device_id: str = ""
    secret: str = ""
    http: requests.Session = field(default_factory=requests.Session)
    sent: dict[str, Sent] = field(default_factory=dict)  # mutation id → what it carried
    acked: dict[str, int] = field(default_factory=dict)  # mutation id → server_version answered
    unknown: set[str] = field(default_factory=set)  # sent, never answered (gave up): stored 0 or 1 times
    state: dict[str, tuple[str, dict[str, Any], int]] = field(default_factory=dict)  # id → (entity, payload, v)
    persons: list[str] = field(default_factory=list)
    doc_numbers: set[str] = field(default_factory=set)
    outcomes: Counter[str] = field(default_factory=Counter)
    feed: dict[str, tuple[int, bool]] = field(default_factory=dict)  # id → (server_version, deleted)
    cursor: int = 0
    feed_order_errors: int = 0
    pulled: int = 0
    counter: int = 0
    last_body: bytes | None = None
    last_items: list[dict[str, Any]] = field(default_factory=list)

    def headers(self) -> dict[str, str]:
        return {"Authorization": device_authorization(self.device_id, self.secret), "Accept-Encoding": "gzip"}

    # HTTP with the client's retry rules ----------------------------------------------------------

    def call(self, endpoint: str, method: str, path: str, give_up_at: float, **kwargs: Any) -> requests.Response | None:
        while True:
            started = time.perf_counter()
            try:
                response = self.http.request(method, self.base_url + path, timeout=(10, 120), **kwargs)
                response.content  # noqa: B018 - read the whole body inside the timed window
            except requests.RequestException as error:
                self.stats.record(endpoint, time.perf_counter() - started, type(error).__name__)
                if time.monotonic() > give_up_at:
                    return None
                time.sleep(1.0)
                continue
            self.stats.record(endpoint, time.perf_counter() - started, str(response.status_code))
            if response.status_code < 400:
                return response
            retryable = response.status_code in BACKPRESSURE or response.status_code >= 500
            if not retryable or time.monotonic() > give_up_at:
                return response
            wait = 1.0
            if response.status_code in BACKPRESSURE:
                header = response.headers.get("Retry-After")
                if header is None:
                    self.stats.missing_retry_after += 1
                else:
                    wait = float(header)
            time.sleep(wait * (1 + self.rng.random() * 0.25))

    def enrol(self, token: str, give_up_at: float) -> None:
        body = {"token": token, "device_name": f"load-{self.code}", "client_version": "load"}
        response = self.call("enrol", "POST", Paths.ENROL, give_up_at, json=body)
        if response is None or response.status_code != 200:
            raise RuntimeError(f"station {self.code} could not enrol: {response and response.text[:300]}")
        answer = response.json()
        self.device_id, self.secret = answer["device_id"], answer["device_secret"]

    # push ----------------------------------------------------------------------------------------------

    def _new_doc_number(self) -> str:
        while True:
            number = synthetic_resident_id(self.rng)
            if number not in self.doc_numbers:
                self.doc_numbers.add(number)
                return number

    def _item(self, entity: str, payload: dict[str, Any], base_version: int | None) -> dict[str, Any]:
        mutation_id = str(uuid.uuid4())
        self.sent[mutation_id] = Sent(entity, payload["id"], payload)
        version = (base_version or 0) + 1
        return {
            "mutation_id": mutation_id,
            "entity": entity,
            "entity_id": payload["id"],
            "op": "upsert",
            "base_version": base_version,
            "version": version,
            "payload": payload,
        }

    def next_batch(self) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        # Edits of persons this station already has on the platform (base_version = the acknowledged one).
        edit_ids = self.rng.sample(self.persons, min(self.edits_per_batch, len(self.persons)))
        for person_id in edit_ids:
            _entity, payload, version = self.state[person_id]
            edited = {**payload, "phone": f"1990000{self.rng.randint(0, 9999):04d}", "version": version + 1}
            items.append(self._item("person", edited, version))
        for _ in range(self.persons_per_batch):
            self.counter += 1
            person_id, case_id = str(uuid.uuid4()), str(uuid.uuid4())
            person = {
                "id": person_id,
                "name": synthetic_name(self.rng),
                "doc_type": "resident_id",
                "doc_number": self._new_doc_number(),
                "gender": "2",
                "phone": None,
                "division_code": self.code,
                "deleted": False,
                "version": 1,
                "updated_at": "2025-03-03T02:00:00.000000",
            }
            case = {
                "id": case_id,
                "case_no": f"{self.code}-20250303-{self.counter:06d}",
                "item_code": "unemployment_registration",
                "item_version": 1,
                "subject_kind": "person",
                "person_id": person_id,
                "state": "accepted",
                "form_data": {"cause": "01", "note": "负载测试"},
                "channel": "counter",
                "deleted": False,
                "version": 1,
                "updated_at": "2025-03-03T02:00:00.000000",
            }
            items.append(self._item("person", person, None))
            items.append(self._item("case", case, None))
        return items

    def push(self, items: list[dict[str, Any]], body: bytes, give_up_at: float) -> None:
        headers = {**self.headers(), "Content-Type": "application/json", "Content-Encoding": "gzip"}
        response = self.call("push", "POST", Paths.PUSH, give_up_at, data=body, headers=headers)
        if response is None or response.status_code != 200:
            # A whole-request refusal applies nothing; a lost answer may or may not have: unknown.
            for item in items:
                if item["mutation_id"] not in self.acked:
                    self.unknown.add(item["mutation_id"])
            self.outcomes["request_failed"] += len(items)
            return
        results = response.json()["results"]
        for item, result in zip(items, results, strict=True):
            mutation_id, status = item["mutation_id"], result["status"]
            self.outcomes[status] += 1
            self.unknown.discard(mutation_id)  # answered now: stored (accepted/duplicate) or not (the others)
            if status not in ("accepted", "duplicate"):
                continue
            if mutation_id in self.acked:
                if result["server_version"] != self.acked[mutation_id]:
                    self.outcomes["duplicate_version_mismatch"] += 1
                continue
            self.acked[mutation_id] = result["server_version"]
            sent = self.sent[mutation_id]
            known = self.state.get(sent.entity_id)
            if known is None or known[2] < result["server_version"]:
                self.state[sent.entity_id] = (sent.entity, sent.payload, result["server_version"])
            if known is None and sent.entity == "person":
                self.persons.append(sent.entity_id)

    def pull(self, give_up_at: float) -> None:
        while True:
            response = self.call(
                "changes",
                "GET",
                Paths.CHANGES,
                give_up_at,
                params={"cursor": self.cursor, "limit": PAGE_LIMIT},
                headers=self.headers(),
            )
            if response is None or response.status_code != 200:
                return
            page = response.json()
            for change in page["items"]:
                if change["seq"] <= self.cursor:
                    self.feed_order_errors += 1
                self.cursor = change["seq"]
                self.feed[change["entity_id"]] = (change["server_version"], change["deleted"])
            self.pulled += len(page["items"])
            self.cursor = max(self.cursor, page["next_cursor"])
            if not page["has_more"]:
                return

    def run(self, start: threading.Event, stop_at: float, give_up_at: float) -> None:
        start.wait()
        while time.monotonic() < stop_at:
            if self.last_body is not None and self.rng.random() < self.resend_chance:
                self.push(self.last_items, self.last_body, give_up_at)  # an answer "lost": resend as is
            items = self.next_batch()
            body = gzip.compress(json.dumps({"items": items}, ensure_ascii=False).encode("utf-8"))
            self.push(items, body, give_up_at)
            self.last_items, self.last_body = items, body
            self.pull(give_up_at)
        self.pull(give_up_at)  # drain: the feed must show everything acknowledged


# --- the check ---------------------------------------------------------------------------------------


def verify(db: Database, stations: list[SimStation]) -> list[str]:
    """Compare the platform's database with what each station sent and was told; returns the problems."""
    from sqlalchemy import func, select

    problems: list[str] = []
    with db.read() as session:
        mutations: dict[str, list[str]] = defaultdict(list)
        for mutation_id, station_code in session.execute(select(Mutation.mutation_id, Mutation.station_code)):
            mutations[station_code].append(mutation_id)
        versions = {
            (row.entity, row.entity_id): (row.n, row.top)
            for row in session.execute(
                select(
                    RecordVersion.entity,
                    RecordVersion.entity_id,
                    func.count().label("n"),
                    func.max(RecordVersion.server_version).label("top"),
                ).group_by(RecordVersion.entity, RecordVersion.entity_id)
            )
        }
        keys = Counter(code for (code,) in session.execute(select(UniqueKey.station_code)).all())
        last_seq = {row[0]: row[1] for row in session.execute(select(Station.code, Station.last_seq))}
        top_seq = {
            row[0]: row[1]
            for row in session.execute(select(Record.station_code, func.max(Record.seq)).group_by(Record.station_code))
        }
    for station in stations:
        where = f"station {station.code}"
        exported = {row["id"]: row for entity in ("person", "case") for row in admin.export(db, entity, station.code)}
        unknown_ids = {station.sent[m].entity_id for m in station.unknown}
        missing = set(station.state) - set(exported)
        extra = set(exported) - set(station.state) - unknown_ids
        if missing:
            problems.append(f"{where}: {len(missing)} acknowledged records missing")
        if extra:
            problems.append(f"{where}: {len(extra)} records never acknowledged")
        for entity_id, (entity, payload, version) in station.state.items():
            row = exported.get(entity_id)
            if row is None:
                continue
            if row["server_version"] != version and entity_id not in unknown_ids:
                problems.append(f"{where}: {entity} {entity_id} version {row['server_version']} != acked {version}")
            fields = ("name", "doc_number", "phone") if entity == "person" else ("case_no", "person_id", "state")
            if any(row.get(name) != payload.get(name) for name in fields) and entity_id not in unknown_ids:
                problems.append(f"{where}: {entity} {entity_id} differs from what was sent")
            count, top = versions.get((entity, entity_id), (0, 0))
            if count != row["server_version"] or top != row["server_version"]:
                problems.append(f"{where}: {entity} {entity_id} has {count} history rows for version {top}")
        stored = mutations.get(station.code, [])
        if len(stored) != len(set(stored)):
            problems.append(f"{where}: a mutation id recorded twice")
        lost = set(station.acked) - set(stored)
        if lost:
            problems.append(f"{where}: {len(lost)} acknowledged mutations not recorded")
        phantom = set(stored) - set(station.acked) - station.unknown
        if phantom:
            problems.append(f"{where}: {len(phantom)} recorded mutations never acknowledged")
        for entity, key in (("person", "doc_number"), ("case", "case_no")):
            values = [row[key] for row in exported.values() if key in row and not row["deleted"]]
            if len(values) != len(set(values)):
                problems.append(f"{where}: duplicate {entity} {key} among live records")
        live_keys = sum(1 for row in exported.values() if not row["deleted"])
        if keys.get(station.code, 0) != live_keys:
            problems.append(f"{where}: {keys.get(station.code, 0)} unique keys for {live_keys} live records")
        if last_seq.get(station.code) != top_seq.get(station.code):
            problems.append(
                f"{where}: station last_seq {last_seq.get(station.code)} != top seq {top_seq.get(station.code)}"
            )
        if station.feed_order_errors:
            problems.append(f"{where}: feed positions went backwards {station.feed_order_errors} times")
        feed_view = {entity_id: version for entity_id, (version, _deleted) in station.feed.items()}
        export_view = {entity_id: row["server_version"] for entity_id, row in exported.items()}
        if feed_view != export_view:
            problems.append(f"{where}: pulled feed differs from the export ({len(feed_view)} vs {len(export_view)})")
    return problems


# --- the run -----------------------------------------------------------------------------------------


@dataclass
class LoadReport:
    database: str
    stations: int
    duration: float
    load_seconds: float
    enrol_seconds: float
    stats: Stats
    outcomes: Counter[str]
    acked_items: int
    pulled: int
    unknown: int
    records: int
    problems: list[str]
    server_log_errors: int
    server_cpu_seconds: float
    client_cpu_seconds: float
    load_average: tuple[float, float, float]

    def summary(self) -> dict[str, Any]:
        per_endpoint = {
            endpoint: {
                "requests": len(values),
                "p50_ms": round(percentile(values, 50) * 1000, 1),
                "p95_ms": round(percentile(values, 95) * 1000, 1),
                "p99_ms": round(percentile(values, 99) * 1000, 1),
                "max_ms": round(max(values) * 1000, 1),
            }
            for endpoint, values in sorted(self.stats.latencies.items())
        }
        sync_requests = sum(len(v) for e, v in self.stats.latencies.items() if e != "enrol")
        return {
            "database": self.database,
            "stations": self.stations,
            "duration_s": self.duration,
            "load_seconds": round(self.load_seconds, 1),
            "enrol_seconds": round(self.enrol_seconds, 1),
            "pushed_items_acked": self.acked_items,
            "items_per_s": round(self.acked_items / self.load_seconds, 1),
            "pulled_records": self.pulled,
            "pulled_per_s": round(self.pulled / self.load_seconds, 1),
            "sync_requests": sync_requests,
            "requests_per_s": round(sync_requests / self.load_seconds, 1),
            "endpoints": per_endpoint,
            "item_outcomes": dict(sorted(self.outcomes.items())),
            "errors": self.stats.errors(),
            "unexpected_errors": self.stats.unexpected(),
            "backpressure_without_retry_after": self.stats.missing_retry_after,
            "unknown_outcome_items": self.unknown,
            "records_on_platform": self.records,
            "server_log_errors": self.server_log_errors,
            "server_cpu_s": round(self.server_cpu_seconds, 1),
            "load_generator_cpu_s": round(self.client_cpu_seconds, 1),
            "load_average_1_5_15": [round(x, 1) for x in self.load_average],
            "problems": self.problems[:50],
            "problem_count": len(self.problems),
        }

    @property
    def ok(self) -> bool:
        return not self.problems and not self.stats.unexpected() and not self.server_log_errors


def _station_code(index: int) -> str:
    return f"5290{index:05d}"  # 9-digit township-level codes of a made-up county (5290xx)


def run_load(
    db_url: str,
    *,
    stations: int = 200,
    duration: float = 90.0,
    persons_per_batch: int = 20,
    edits_per_batch: int = 5,
    resend_chance: float = 0.05,
    grace: float = 120.0,
    seed: int = 20251126,
    work_dir: Path | None = None,
) -> LoadReport:
    """Set up ``stations`` stations on ``db_url``, run them against a platform process, and check the result."""
    with tempfile.TemporaryDirectory(prefix="fuwutai-load-") as tmp:
        folder = work_dir or Path(tmp)
        db = Database(db_url)
        try:
            codes = [_station_code(i) for i in range(stations)]
            tokens = {}
            for code in codes:
                admin.add_station(db, code, f"负载测试站{code[-5:]}")
                tokens[code] = admin.create_enrol_token(db, code)
            stats = Stats()
            sims = [
                SimStation(code, "", stats, random.Random(seed + i), persons_per_batch, edits_per_batch, resend_chance)
                for i, code in enumerate(codes)
            ]
            log_path = folder / "platform.log"
            with platform_process(db_url, log_path) as server:
                for sim in sims:
                    sim.base_url = server.url
                started = time.monotonic()
                _in_threads([lambda s=sim: s.enrol(tokens[s.code], time.monotonic() + 60) for sim in sims])
                enrol_seconds = time.monotonic() - started
                start = threading.Event()
                begin = time.monotonic()
                stop_at, give_up_at = begin + duration, begin + duration + grace
                threads = [
                    threading.Thread(target=sim.run, args=(start, stop_at, give_up_at), name=f"station-{sim.code}")
                    for sim in sims
                ]
                for thread in threads:
                    thread.start()
                begin, server_cpu, client_cpu = time.monotonic(), server.cpu_seconds(), time.process_time()
                start.set()
                for thread in threads:
                    thread.join()
                load_seconds = time.monotonic() - begin
                server_cpu, client_cpu = server.cpu_seconds() - server_cpu, time.process_time() - client_cpu
                load_average = os.getloadavg()
            log_text = log_path.read_text(errors="replace")
            server_log_errors = log_text.count("Traceback") + log_text.count("internal error")
            problems = verify(db, sims)
            with db.read() as session:
                from sqlalchemy import func, select

                records = session.execute(select(func.count()).select_from(Record)).scalar_one()
        finally:
            db.dispose()
        outcomes: Counter[str] = Counter()
        for sim in sims:
            outcomes.update(sim.outcomes)
        return LoadReport(
            database=db_url.split("://", 1)[0],
            stations=stations,
            duration=duration,
            load_seconds=load_seconds,
            enrol_seconds=enrol_seconds,
            stats=stats,
            outcomes=outcomes,
            acked_items=sum(len(sim.acked) for sim in sims),
            pulled=sum(sim.pulled for sim in sims),
            unknown=sum(len(sim.unknown) for sim in sims),
            records=records,
            problems=problems,
            server_log_errors=server_log_errors,
            server_cpu_seconds=server_cpu,
            client_cpu_seconds=client_cpu,
            load_average=load_average,
        )


def _in_threads(jobs: list[Any]) -> None:
    errors: list[BaseException] = []

    def wrap(job: Any) -> None:
        try:
            job()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=wrap, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stations", type=int, default=200)
    parser.add_argument("--duration", type=float, default=90.0, help="seconds of pushing (then a drain)")
    parser.add_argument("--persons", type=int, default=20, help="new persons per batch (each with a case)")
    parser.add_argument("--edits", type=int, default=5, help="edits of earlier persons per batch")
    parser.add_argument("--db", default=None, help="SQLAlchemy URL (default: a SQLite file in a temporary folder)")
    parser.add_argument("--pg", action="store_true", help="a throwaway PostgreSQL cluster")
    parser.add_argument("--json", type=Path, default=None, help="write the summary here too")
    args = parser.parse_args()

    def load(url: str) -> LoadReport:
        return run_load(
            url,
            stations=args.stations,
            duration=args.duration,
            persons_per_batch=args.persons,
            edits_per_batch=args.edits,
        )

    if args.pg:
        with pg_database() as url:
            report = load(url)
    elif args.db:
        report = load(args.db)
    else:
        with tempfile.TemporaryDirectory(prefix="fuwutai-load-db-") as tmp:
            report = load(f"sqlite:///{Path(tmp) / 'platform.db'}")
    summary = report.summary()
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    sys.exit(0 if report.ok else 1)


if __name__ == "__main__":
    main()
