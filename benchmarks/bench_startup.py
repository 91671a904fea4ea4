"""First paint of Fuwutai's window against a bare PySide6 window, measured the same way in the same run.

Each run is a fresh process; the time is from just before the process is started to the first paint
event of its first window. Usage: python benchmarks/bench_startup.py [--runs 7]
Target: Fuwutai's median first paint <= 2 x the bare window's median.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BARE = """
import os, sys, time
from PySide6.QtWidgets import QApplication, QLabel
class L(QLabel):
    done = False
    def paintEvent(self, e):
        super().paintEvent(e)
        if not L.done:
            L.done = True
            open(os.environ["FUWUTAI_FIRST_PAINT_FILE"], "w").write(repr(time.time()))
            app.quit()
app = QApplication(sys.argv[:1])
w = L("基层就业服务台"); w.resize(420, 160); w.show()
app.exec()
"""


def measure(command: list[str], env: dict[str, str]) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        marker = Path(tmp) / "paint"
        run_env = dict(env, FUWUTAI_FIRST_PAINT_FILE=str(marker))
        started = time.time()
        proc = subprocess.Popen(command, env=run_env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = started + 60
        while not marker.exists() or not marker.read_text():
            if time.time() > deadline:
                proc.kill()
                raise RuntimeError("no first paint within 60 s")
            time.sleep(0.005)
        painted = float(marker.read_text())
        proc.kill()
        proc.wait()
    return painted - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               PYTHON_KEYRING_BACKEND="keyrings.alt.file.PlaintextKeyring")
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_DATA_HOME"] = str(Path(tmp) / "keyring")
        data = str(Path(tmp) / "demo")
        fuwutai = [str(Path(sys.executable).with_name("fuwutai")), "demo", "--data-dir", data]
        measure(fuwutai, env)  # first run creates the demo store; not counted
        bare_times, app_times = [], []
        for _ in range(args.runs):
            bare_times.append(measure([sys.executable, "-c", BARE], env))
            app_times.append(measure(fuwutai, env))
    bare, app = statistics.median(bare_times), statistics.median(app_times)
    print(f"first paint, median of {args.runs} ({env['QT_QPA_PLATFORM']}): bare PySide6 window {bare * 1000:.0f} ms, "
          f"Fuwutai start window {app * 1000:.0f} ms, ratio {app / bare:.2f} (target <= 2.0)")


if __name__ == "__main__":
    main()
