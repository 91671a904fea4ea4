"""The sync client engine against a real reference platform on 127.0.0.1: push, first pull, resume.

The platform runs as its own process (``fuwutai-platform serve``) on a SQLite file, so the client's
time and memory are measured alone; every measured step runs in a fresh child process of this script.

* **push**: a store with N cases and their persons (one outbox entry each: 2N entries) is pushed by
  ``SyncEngine.run_round()``; the push phase is timed from the engine's progress reports. The request
  bodies the client sent are recorded and posted again, byte for byte, to a second fresh platform with
  a bare ``requests`` loop: the ratio says how much the engine adds over the HTTP + server cost.
* **pull**: a platform seeded with N records (persons and job postings, written straight into its
  tables; cached under /tmp between runs) is pulled into an empty enrolled store by ``run_round()``:
  records/s and the child's peak RSS. Then a second empty store is pulled by a child that is killed
  (SIGKILL) part-way; a new child carries on from the saved cursor and the records it had to fetch are
  counted (resumed, not started over), and the store must end with every record exactly once.

Usage: python benchmarks/bench_sync_client.py [--what push|pull|all] [--cases 10000] [--records 200000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from random import Random
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.common import cpu_seconds, peak_rss_mib, synthetic_id, use_throwaway_keyring  # noqa: E402

STATION = "520102001"
PAGE_LIMIT = 1000  # the engine's default page size (sync.client.api.PULL_PAGE_LIMIT), what the desktop program uses
SERVE = "import sys; from sync.server.cli import main; main(sys.argv[1:])"


# ---------------------------------------------------------------------- the platform process


class Platform:
    """``fuwutai-platform serve`` on a SQLite file, as a child process on a free port."""

    def __init__(self, db_path: Path) -> None:
        from sync.server.runner import free_port

        self.db_path = db_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> Platform:
        import requests

        self.process = subprocess.Popen(
            [sys.executable, "-c", SERVE, "--db", str(self.db_path), "serve", "--port", str(self.port)],
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(self.url + "/v1/hello", timeout=1).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("platform did not start")

    def cpu(self) -> float:
        """CPU seconds the platform process has used so far (user + system)."""
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def token(self) -> str:
        from sync.server import admin
        from sync.server.db import Database

        db = Database(f"sqlite:///{self.db_path}")
        try:
            return admin.create_enrol_token(db, STATION)
        finally:
            db.dispose()


def new_platform_db(path: Path) -> None:
    from sync.server import admin
    from sync.server.db import Database

    db = Database(f"sqlite:///{path}")
    try:
        admin.add_station(db, STATION, "基准测试站")
    finally:
        db.dispose()


def new_store(root: Path, platform: Platform) -> Path:
    from app.store import DataDir, create_store
    from sync.client.credentials import enroll

    store = create_store(DataDir(root), STATION, "基准测试站")
    try:
        enroll(store, platform.url, platform.token())
    finally:
        store.close()
    return root


def child(args: list[str], *, progress: Any = None) -> dict[str, Any]:
    """Run this script in ``--child`` mode and return the JSON it prints last."""
    process = subprocess.Popen(
        [sys.executable, __file__, "--child", *args], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    last: dict[str, Any] = {}
    for line in process.stdout:
        data = json.loads(line)
        if progress is not None and progress(data, process):
            process.stdout.close()
            process.wait()
            return {"killed": True, **data}
        last = data
    if process.wait() != 0:
        raise RuntimeError(f"child {args[0]} failed with {process.returncode}")
    return last


# ---------------------------------------------------------------------- push


def build_push_store(root: Path, platform: Platform, cases: int) -> None:
    from app.store import DataDir, open_store
    from app.store.models import Case, Person
    from app.validation.synthetic import synthetic_mobile, synthetic_name

    new_store(root, platform)
    store = open_store(DataDir(root), auto_backup=False)
    rng = Random(5)
    try:
        for start in range(0, cases, 1000):
            with store.session() as session:
                for index in range(start, min(cases, start + 1000)):
                    person = Person(
                        name=synthetic_name(rng),
                        doc_type="resident_id",
                        doc_number=synthetic_id(index),
                        gender="1" if index % 2 else "2",
                        phone=synthetic_mobile(rng),
                        division_code=STATION,
                    )
                    session.add(person)
                    session.flush()
                    session.add(
                        Case(
                            case_no=f"{STATION}-20261125-{index:06d}",
                            item_code="unemployment_registration",
                            item_version=1,
                            subject_kind="person",
                            person_id=person.id,
                            state="accepted",
                            form_data={"cause": "01", "note": "基准测试" * 5},
                        )
                    )
    finally:
        store.close()


def child_push(root: Path, bodies_file: Path) -> dict[str, Any]:
    from app.store import DataDir, open_store
    from sync.client import transport
    from sync.client.engine import Progress, SyncEngine

    bodies: list[bytes] = []
    original = transport.Transport._once

    def recording(self: Any, method: str, url: str, body: Any, headers: Any, params: Any) -> Any:
        if url.endswith("/v1/push") and body is not None:
            bodies.append((headers.get("Content-Encoding", ""), body))  # type: ignore[arg-type]
        return original(self, method, url, body, headers, params)

    transport.Transport._once = recording  # type: ignore[method-assign]
    marks: dict[str, float] = {}

    def on_progress(progress: Progress) -> None:
        marks.setdefault(progress.phase, time.perf_counter())

    store = open_store(DataDir(root), auto_backup=False)
    engine = SyncEngine(store, progress=on_progress)
    started = time.perf_counter()
    cpu_marks: dict[str, float] = {}

    def on_progress_cpu(progress: Progress) -> None:
        cpu_marks.setdefault(progress.phase, cpu_seconds())
        on_progress(progress)

    engine.progress = on_progress_cpu
    report = engine.run_round()
    total = time.perf_counter() - started
    engine.close()
    store.close()
    bodies_file.write_bytes(json.dumps([[enc, body.hex()] for enc, body in bodies]).encode())  # type: ignore[union-attr]
    return {
        "ok": report.ok,
        "error": report.error,
        "pushed": report.pushed,
        "push_s": marks["pull"] - marks["push"],
        "push_cpu_s": cpu_marks["pull"] - cpu_marks["push"],
        "round_s": total,
        "peak_rss_mib": peak_rss_mib(),
        "requests": len(bodies),
        "bytes": sum(len(b) for _e, b in bodies),
    }


def bare_post(platform: Platform, bodies_file: Path) -> float:
    import requests

    from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, EnrolRequest, Paths, device_authorization
    from sync.server import auth_service
    from sync.server.db import Database

    db = Database(f"sqlite:///{platform.db_path}")
    try:
        credential = auth_service.enrol(db, EnrolRequest(token=platform.token(), device_name="bare"))
    finally:
        db.dispose()
    bodies = [(enc, bytes.fromhex(hexed)) for enc, hexed in json.loads(bodies_file.read_bytes())]
    http = requests.Session()
    base = {
        "Authorization": device_authorization(credential.device_id, credential.device_secret),
        "Content-Type": "application/json",
        PROTOCOL_HEADER: str(PROTOCOL_VERSION),
    }
    started = time.perf_counter()
    for encoding, body in bodies:
        headers = {**base, "Content-Encoding": encoding} if encoding else base
        answer = http.post(platform.url + Paths.PUSH, data=body, headers=headers, timeout=120)
        answer.raise_for_status()
    return time.perf_counter() - started


def bench_push(tmp: Path, cases: int) -> None:
    new_platform_db(tmp / "push-platform.db")
    platform = Platform(tmp / "push-platform.db").start()
    try:
        t0 = time.perf_counter()
        build_push_store(tmp / "push-store", platform, cases)
        print(f"push: built a store with {cases} cases and their persons in {time.perf_counter() - t0:.1f} s")
        server_cpu = platform.cpu()
        result = child(["push", str(tmp / "push-store"), platform.url, str(tmp / "bodies.json")])
        server_cpu = platform.cpu() - server_cpu
    finally:
        platform.stop()
    assert result["ok"], result["error"]
    new_platform_db(tmp / "bare-platform.db")
    bare = Platform(tmp / "bare-platform.db").start()
    try:
        bare_cpu = bare.cpu()
        bare_s = bare_post(bare, tmp / "bodies.json")
        bare_cpu = bare.cpu() - bare_cpu
    finally:
        bare.stop()
    push_s = result["push_s"]
    print(
        f"push: {result['pushed']} records ({cases} cases + {cases} persons) in {result['requests']} requests "
        f"({result['bytes'] / 1e6:.1f} MB gzip) in {push_s:.2f} s = {cases / push_s:.0f} cases/s "
        f"({result['pushed'] / push_s:.0f} records/s); whole round {result['round_s']:.2f} s; "
        f"peak RSS {result['peak_rss_mib']:.0f} MiB; CPU: client push phase {result['push_cpu_s']:.1f} s "
        f"({cases / result['push_cpu_s']:.0f} cases per client CPU second), platform {server_cpu:.1f} s for the round"
    )
    print(
        f"push: the same bytes posted by a bare requests loop: {bare_s:.2f} s = {cases / bare_s:.0f} cases/s "
        f"(platform CPU {bare_cpu:.1f} s); engine / bare time ratio {push_s / bare_s:.2f}"
    )


# ---------------------------------------------------------------------- pull


def seed_feed(path: Path, records: int) -> None:
    """A platform database whose station feed holds ``records`` persons (80 %) and job postings."""
    from sqlalchemy import insert, update

    from app.validation.synthetic import synthetic_mobile, synthetic_name
    from sync.server.db import Database
    from sync.server.models import Record, Station
    from sync.server.security import utcnow

    new_platform_db(path)
    db = Database(f"sqlite:///{path}")
    rng = Random(7)
    now = utcnow()
    stamp = "2026-11-25T08:00:00.000000"
    persons = records * 4 // 5
    try:
        for start in range(0, records, 10_000):
            rows = []
            for seq in range(start + 1, min(records, start + 10_000) + 1):
                entity_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                if seq <= persons:
                    entity = "person"
                    payload: dict[str, Any] = {
                        "id": entity_id, "name": synthetic_name(rng), "gender": "1" if seq % 2 else "2",
                        "birth_date": None, "ethnic": "01", "education": "20", "hukou_type": None,
                        "phone": synthetic_mobile(rng), "doc_type": "resident_id", "doc_number": synthetic_id(seq),
                        "hukou_address": f"贵州省某县某镇{seq % 40 + 1}组", "residence_address": None,
                        "division_code": STATION, "employment_status": None, "note": None,
                        "created_at": stamp, "version": 1, "updated_at": stamp, "deleted": False,
                    }
                else:
                    entity = "job_posting"
                    payload = {
                        "id": entity_id, "employer_id": None, "title": f"普工{seq % 97}", "occupation_code": None,
                        "headcount": seq % 20 + 1, "salary_min": 3000, "salary_max": 5000,
                        "conditions": "身体健康，能吃苦耐劳", "division_code": STATION, "key_industry": None,
                        "on_commitment": False, "status": "open", "published_on": "2026-11-01",
                        "expires_on": "2026-12-31", "version": 1, "updated_at": stamp, "deleted": False,
                    }
                rows.append(
                    {
                        "entity": entity, "entity_id": entity_id, "station_code": STATION, "seq": seq,
                        "server_version": 1, "deleted": False, "payload": payload, "origin": "platform",
                        "origin_device_id": None, "subject_id": entity_id if entity == "person" else None,
                        "changed_at": now,
                    }
                )
            with db.write() as session:
                session.execute(insert(Record), rows)
        with db.write() as session:
            session.execute(update(Station).where(Station.code == STATION).values(last_seq=records))
    finally:
        db.dispose()


def cached_feed(records: int) -> Path:
    folder = Path(tempfile.gettempdir()) / f"fuwutai-bench-sync-feed-{records}"
    path = folder / "platform.db"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        seed_feed(folder / "building.db", records)
        (folder / "building.db").rename(path)
        print(f"pull: seeded a platform feed of {records} records in {time.perf_counter() - t0:.1f} s ({path})")
    return path


def local_counts(root: Path) -> dict[str, int]:
    from sqlalchemy import func, select

    from app.store import DataDir, open_store
    from app.store.models import JobPosting, Person
    from sync.client import state

    store = open_store(DataDir(root), auto_backup=False)
    try:
        with store.session() as session:
            return {
                "person": session.scalar(select(func.count()).select_from(Person)) or 0,
                "job_posting": session.scalar(select(func.count()).select_from(JobPosting)) or 0,
                "indexed": session.connection().exec_driver_sql("SELECT count(*) FROM person_search").scalar_one(),
                "cursor": state.get_int(session, state.CURSOR),
            }
    finally:
        store.close()


def child_pull(root: Path, report_every: int) -> dict[str, Any]:
    from app.store import DataDir, open_store
    from sync.client import state
    from sync.client.engine import Progress, SyncEngine

    store = open_store(DataDir(root), auto_backup=False)
    with store.session() as session:
        cursor = state.get_int(session, state.CURSOR)
    print(json.dumps({"phase": "start", "cursor": cursor}), flush=True)
    marks: dict[str, float] = {}
    shown = [0]

    def on_progress(progress: Progress) -> None:
        marks.setdefault(progress.phase, time.perf_counter())
        if progress.phase == "pull" and progress.done - shown[0] >= report_every:
            shown[0] = progress.done
            print(json.dumps({"phase": "pull", "done": progress.done}), flush=True)

    engine = SyncEngine(store, progress=on_progress, page_limit=PAGE_LIMIT)
    cpu_started = cpu_seconds()
    report = engine.run_round()
    cpu_used = cpu_seconds() - cpu_started
    engine.close()
    store.close()
    return {
        "phase": "end",
        "ok": report.ok,
        "error": report.error,
        "start_cursor": cursor,
        "pulled": report.pulled,
        "pull_s": marks["attachments"] - marks["pull"],
        "round_cpu_s": cpu_used,
        "peak_rss_mib": peak_rss_mib(),
    }


def bench_pull(tmp: Path, records: int) -> None:
    feed = cached_feed(records)
    shutil.copy(feed, tmp / "pull-platform.db")
    platform = Platform(tmp / "pull-platform.db").start()
    try:
        new_store(tmp / "pull-store", platform)
        server_cpu = platform.cpu()
        result = child(["pull", str(tmp / "pull-store"), str(records)])
        server_cpu = platform.cpu() - server_cpu
        assert result["ok"], result["error"]
        counts = local_counts(tmp / "pull-store")
        print(
            f"pull: {result['pulled']} records into an empty store in {result['pull_s']:.2f} s = "
            f"{result['pulled'] / result['pull_s']:.0f} records/s, peak RSS {result['peak_rss_mib']:.0f} MiB; "
            f"store: {counts['person']} persons ({counts['indexed']} indexed), {counts['job_posting']} postings; "
            f"CPU: client round {result['round_cpu_s']:.1f} s ({result['pulled'] / result['round_cpu_s']:.0f} "
            f"records per client CPU second), platform {server_cpu:.1f} s"
        )

        # Interrupted and resumed.
        new_store(tmp / "resume-store", platform)
        kill_at = records * 2 // 5

        def kill_when(data: dict[str, Any], process: subprocess.Popen[str]) -> bool:
            if data.get("phase") == "pull" and data["done"] >= kill_at:
                process.send_signal(signal.SIGKILL)
                return True
            return False

        first = child(["pull", str(tmp / "resume-store"), str(PAGE_LIMIT * 5)], progress=kill_when)
        assert first.get("killed"), "the first pull ended before it could be interrupted"
        saved = local_counts(tmp / "resume-store")
        second = child(["pull", str(tmp / "resume-store"), str(records)])
        assert second["ok"], second["error"]
        final = local_counts(tmp / "resume-store")
        print(
            f"pull: interrupted (SIGKILL) after {first['done']} records reported; saved cursor {saved['cursor']} "
            f"({saved['person'] + saved['job_posting']} records in the store); the restarted pull began at cursor "
            f"{second['start_cursor']} and fetched {second['pulled']} records in {second['pull_s']:.2f} s; store "
            f"now {final['person']} persons + {final['job_posting']} postings = "
            f"{final['person'] + final['job_posting']} of {records}"
        )
        assert final["person"] + final["job_posting"] == records
        assert second["start_cursor"] == saved["cursor"] > 0
        assert second["pulled"] == records - saved["cursor"]
    finally:
        platform.stop()


# ---------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--what", choices=("push", "pull", "all"), default="all")
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    keyring_dir = Path(tempfile.gettempdir()) / "fuwutai-bench-sync-client-keyring"
    use_throwaway_keyring(keyring_dir)
    if args.child:
        kind, *rest = args.child
        out = child_push(Path(rest[0]), Path(rest[2])) if kind == "push" else child_pull(Path(rest[0]), int(rest[1]))
        print(json.dumps(out), flush=True)
        return
    os.environ.setdefault("PYTHONHASHSEED", "0")
    with tempfile.TemporaryDirectory(prefix="fuwutai-bench-sync-client-") as name:
        tmp = Path(name)
        if args.what in ("push", "all"):
            bench_push(tmp, args.cases)
        if args.what in ("pull", "all"):
            bench_pull(tmp, args.records)


if __name__ == "__main__":
    main()
