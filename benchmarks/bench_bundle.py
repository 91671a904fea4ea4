"""The Linux bundle's size on disk and its start-up against the same program run from source.

Usage: python benchmarks/bench_bundle.py [--bundle build/out/dist/fuwutai] [--runs 7]
(build the bundle first: bash build/build-linux.sh). Prints:
- the bundle's size on disk (target <= 150 MB) with the ten largest contributors (by package/folder and
  by file);
- first paint of the start window, from just before the process starts, for the bundle and for
  `python -m ui.main` from source, same arguments, same machine, alternating runs; the first run of each
  (cold-ish: right after the build nothing of the bundle is cached yet) and the median of the rest
  (target: bundle <= 1.5 x source).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_startup import measure  # the same measurement as the start-up benchmark

ROOT = Path(__file__).resolve().parents[1]


def disk_usage(path: Path) -> int:
    """Bytes on disk (allocated blocks), like du; symlinks counted once as links."""
    total = 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_blocks * 512
    return total


def contributors(bundle: Path) -> tuple[Counter[str], Counter[str]]:
    by_group: Counter[str] = Counter()
    by_file: Counter[str] = Counter()
    internal = bundle / "_internal"
    for item in bundle.rglob("*"):
        if not item.is_file() or item.is_symlink():
            continue
        size = item.stat().st_blocks * 512
        rel = item.relative_to(internal) if internal in item.parents else item.relative_to(bundle)
        parts = rel.parts
        if parts[0] == "PySide6" and len(parts) > 3 and parts[1] == "Qt":
            group = "/".join(parts[:3])  # PySide6/Qt/lib, PySide6/Qt/plugins, ...
        elif len(parts) > 1:
            group = parts[0] + "/"
        else:
            group = parts[0]
        by_group[group] += size
        by_file[str(rel)] += size
    return by_group, by_file


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bundle", type=Path, default=ROOT / "build" / "out" / "dist" / "fuwutai")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    bundle: Path = args.bundle
    exe = bundle / "fuwutai"
    if not exe.is_file():
        raise SystemExit(f"no bundle at {bundle}: run bash build/build-linux.sh first")

    total = disk_usage(bundle)
    print(f"bundle {bundle}: {total / 1e6:.1f} MB on disk (target <= 150 MB)")
    by_group, by_file = contributors(bundle)
    print("ten largest contributors by package/folder:")
    for name, size in by_group.most_common(10):
        print(f"  {size / 1e6:7.1f} MB  {name}")
    print("ten largest files:")
    for name, size in by_file.most_common(10):
        print(f"  {size / 1e6:7.1f} MB  {name}")

    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON_KEYRING")}
    env["QT_QPA_PLATFORM"] = os.environ.get("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_DATA_HOME"] = str(Path(tmp) / "xdg")
        data = str(Path(tmp) / "station")  # empty: the start window paints, then the first-run wizard
        frozen = [str(exe), "gui", "--data-dir", data]
        source = [sys.executable, "-c", "from ui.main import main; main()", "gui", "--data-dir", data]
        first_frozen = measure(frozen, env)
        first_source = measure(source, env)
        frozen_times, source_times = [], []
        for _ in range(args.runs):
            frozen_times.append(measure(frozen, env))
            source_times.append(measure(source, env))
    bundle_ms, source_ms = statistics.median(frozen_times) * 1000, statistics.median(source_times) * 1000
    print(
        f"first paint, first run: bundle {first_frozen * 1000:.0f} ms, source {first_source * 1000:.0f} ms; "
        f"median of {args.runs} ({env['QT_QPA_PLATFORM']}): bundle {bundle_ms:.0f} ms, source {source_ms:.0f} ms, "
        f"ratio {bundle_ms / source_ms:.2f} (target <= 1.5)"
    )


if __name__ == "__main__":
    main()
