"""Saving a case (draft + acceptance, with its event, outbox rows and audit entries) on an encrypted store.

Each iteration is one unit of work committed to disk with synchronous=FULL, as at the counter.
Usage: python benchmarks/bench_case_save.py [--cases 1000] [--persons 1000]
Target: p95 <= 20 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--persons", type=int, default=1000)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="fuwutai-bench-") as tmp:
        os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "keyring")
        from app.auth import create_staff
        from app.calendar import default_calendar
        from app.catalog import load_bundled_catalog
        from app.persons import PersonInput, create_person
        from app.store import DataDir, create_store
        from app.validation import synthetic_name, synthetic_resident_id
        from app.workflow import create_case, transition

        store = create_store(DataDir(Path(tmp) / "data"), "520102001", "基准测试站")
        catalog, calendar = load_bundled_catalog(), default_calendar()
        item = catalog.get("unemployment_registration")
        rng = random.Random(1)
        with store.session() as session:
            clerk = create_staff(session, "bench", "基准", "clerk", "bench-pass-1")
            people = []
            for _ in range(args.persons):
                doc = synthetic_resident_id(rng, region="520102")
                pid, _ = create_person(session, clerk.id, PersonInput(name=synthetic_name(rng), doc_type="resident_id",
                                                                      doc_number=doc))
                people.append((pid, doc))
        timings: list[float] = []
        for i in range(args.cases):
            pid, doc = people[i % len(people)]
            form = {
                "name": "基准", "gender": "1", "id_doc": {"doc_type": "resident_id", "number": doc}, "ethnic": "01",
                "hukou_type": "01", "education": "71", "health": "10", "hukou_address": "地址",
                "residence_address": "地址", "residence_division": "520102001", "phone": "19900001234",
                "registration_division": "520102001", "unemployed_since": "2026-08-01",
                "unemployment_cause": "02", "claims_ui_benefit": False, "training_intention": False,
                "truth_commitment": True,
            }
            started = time.perf_counter()
            with store.session() as session:
                case_id = create_case(session, clerk, item, pid, form)
                transition(session, clerk, case_id, "accept", catalog=catalog, calendar=calendar, on_commitment=True)
            timings.append((time.perf_counter() - started) * 1000)
        store.close()
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"case save (draft+accept, event, outbox, audit, follow-up; encrypted, synchronous=FULL): "
          f"n={len(timings)} p50={p50:.2f} ms p95={p95:.2f} ms max={timings[-1]:.2f} ms (target p95 <= 20 ms)")


if __name__ == "__main__":
    main()
