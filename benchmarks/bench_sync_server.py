"""The reference platform's own throughput: push N cases in batches, then pull them all.

Measures the server side only (a bare requests loop, gzip bodies), so a slow client sync can be told
apart from a slow platform. SQLite file by default; ``--db postgresql+psycopg://…`` for PostgreSQL.
Usage: python benchmarks/bench_sync_server.py [--cases 10000] [--batch 500] [--db URL]
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def _case(index: int) -> dict[str, object]:
    entity_id = str(uuid.uuid4())
    return {
        "mutation_id": str(uuid.uuid4()),
        "entity": "case",
        "entity_id": entity_id,
        "op": "upsert",
        "base_version": None,
        "version": 1,
        "payload": {
            "id": entity_id,
            "case_no": f"520102001-BENCH-{index:07d}",
            "item_code": "unemployment_registration",
            "item_version": 1,
            "subject_kind": "person",
            "state": "accepted",
            "form_data": {"cause": "01", "note": "基准测试" * 5},
            "deleted": False,
            "version": 1,
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--page", type=int, default=1000)
    parser.add_argument("--db", default=None)
    args = parser.parse_args()

    import requests

    from sync.protocol import Paths, device_authorization
    from sync.server.harness import PlatformHarness

    with tempfile.TemporaryDirectory(prefix="fuwutai-bench-") as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'platform.db'}"
        with PlatformHarness(url) as platform:
            platform.add_station("520102001", "基准站")
            credential = platform.enrol("520102001")
            headers = {
                "Authorization": device_authorization(credential.device_id, credential.device_secret),
                "Content-Type": "application/json",
                "Content-Encoding": "gzip",
            }
            http = requests.Session()
            cases = [_case(i) for i in range(args.cases)]
            bodies = [
                gzip.compress(json.dumps({"items": cases[i : i + args.batch]}, ensure_ascii=False).encode())
                for i in range(0, len(cases), args.batch)
            ]
            started = time.perf_counter()
            for body in bodies:
                answer = http.post(platform.url + Paths.PUSH, data=body, headers=headers, timeout=120)
                answer.raise_for_status()
            push_seconds = time.perf_counter() - started

            started = time.perf_counter()
            cursor, pulled = 0, 0
            while True:
                page = http.get(
                    platform.url + Paths.CHANGES,
                    params={"cursor": cursor, "limit": args.page},
                    headers={"Authorization": headers["Authorization"]},
                    timeout=120,
                ).json()
                pulled += len(page["items"])
                cursor = page["next_cursor"]
                if not page["has_more"]:
                    break
            pull_seconds = time.perf_counter() - started
    print(f"push: {args.cases} cases in {push_seconds:.2f} s = {args.cases / push_seconds:.0f} cases/s")
    print(f"pull: {pulled} records in {pull_seconds:.2f} s = {pulled / pull_seconds:.0f} records/s")


if __name__ == "__main__":
    main()
