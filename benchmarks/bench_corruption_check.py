"""What a start-up check of the store costs: open, ``PRAGMA quick_check``, ``cipher_integrity_check``.

Run on an existing benchmark store (read-only; the file is not changed)::

    .venv/bin/python benchmarks/bench_corruption_check.py /tmp/fuwutai-bench-search-1000000 [--pragmas]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from common import use_throwaway_keyring


def main(folder: Path) -> None:
    use_throwaway_keyring(folder)
    import sqlcipher3.dbapi2 as sqlcipher

    from app.store import DataDir
    from app.store.keys import StoreInfo, load_key

    data_dir = DataDir(folder / "store")
    key = load_key(StoreInfo.read(data_dir.store_info).store_id)
    size = data_dir.db.stat().st_size
    print(f"store {data_dir.db} {size / 1e9:.2f} GB")
    from app.store.recovery import bad_pages

    runs = (("page HMAC sample of 256 (clean start)", 256), ("page HMAC sample of 4096 (unclean, large)", 4096))
    for label, sample in (*runs, ("page HMAC, every page", None)):
        started = time.perf_counter()
        bad = bad_pages(data_dir.db, key, sample=sample)
        print(f"{label}: {time.perf_counter() - started:.3f} s, bad pages {len(bad)}", flush=True)
    if "--pragmas" not in sys.argv:
        return
    for pragma in ("open", "quick_check", "cipher_integrity_check"):
        conn = sqlcipher.connect(f"file:{data_dir.db}?mode=ro", uri=True)
        conn.execute(f"PRAGMA key = \"x'{key}'\"")
        started = time.perf_counter()
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        rows = conn.execute(f"PRAGMA {pragma}").fetchall() if pragma != "open" else []
        print(f"{pragma}: {time.perf_counter() - started:.2f} s {rows[:1]}", flush=True)
        conn.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
