"""The reference platform as the load benchmark runs it: ``fuwutai-platform serve`` in its own process on
127.0.0.1, and a throwaway PostgreSQL cluster (Debian ``postgresql``: initdb/pg_ctl) to run it on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from sync.protocol import Paths
from sync.server.runner import free_port

REPO = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class PlatformProcess:
    url: str
    pid: int

    def cpu_seconds(self) -> float:
        """User + system CPU time the platform process has used so far (Linux ``/proc``)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def platform_process(db_url: str, log_path: Path) -> Iterator[PlatformProcess]:
    """``fuwutai-platform serve`` in its own process on a free 127.0.0.1 port."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    code = "from sync.server.cli import main; main()"
    args = [sys.executable, "-c", code, "serve", "--db", db_url, "--host", "127.0.0.1", "--port", str(port)]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(args, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"platform exited: {log_path.read_text(errors='replace')[-2000:]}")
            try:
                if requests.get(url + Paths.HELLO, timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("platform did not start within 60 s")
            time.sleep(0.1)
        yield PlatformProcess(url, proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)


def pg_bin() -> Path | None:
    """The newest installed PostgreSQL server's bin folder (Debian ``postgresql``), or None."""
    roots = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name), reverse=True)
    return next((root for root in roots if (root / "initdb").exists() and (root / "pg_ctl").exists()), None)


def _as_postgres(args: list[str]) -> list[str]:
    # initdb refuses to run as root; the Debian package makes the unprivileged ``postgres`` user.
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@contextmanager
def pg_cluster(prefix: str = "fuwutai-pg-") -> Iterator[int]:
    """A throwaway PostgreSQL cluster on 127.0.0.1 only (trust auth, no fsync); yields its port.

    Used by the load benchmark and by the PostgreSQL tests (tests/sync/conftest.py)."""
    bin_dir = pg_bin()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL server is not installed (apt-get install -y postgresql)")
    base = Path(tempfile.mkdtemp(prefix=prefix))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    data, port = base / "data", free_port()
    env = {**os.environ, "LC_ALL": "C.UTF-8"}

    def run(args: list[str]) -> None:
        subprocess.run(_as_postgres(args), check=True, capture_output=True, env=env, timeout=120)

    try:
        run([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"])
        options = f"-p {port} -k {base} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
        run([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(base / "log"), "-w", "start"])
    except subprocess.CalledProcessError as error:
        log = (base / "log").read_text(errors="replace") if (base / "log").exists() else ""
        shutil.rmtree(base, ignore_errors=True)
        raise RuntimeError(f"could not start PostgreSQL: {error.stderr!r} {log}") from error
    try:
        yield port
    finally:
        subprocess.run(
            _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True,
            env=env,
            timeout=60,
            check=False,
        )
        shutil.rmtree(base, ignore_errors=True)


@contextmanager
def pg_database() -> Iterator[str]:
    """A throwaway cluster and one database in it, for the load benchmark."""
    with pg_cluster("fuwutai-load-pg-") as port:
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres", autocommit=True) as conn:
            conn.execute('CREATE DATABASE "load"')
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/load"
