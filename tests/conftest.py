"""Suite-wide set-up: offscreen Qt, a throwaway file keyring, and 'a skipped test fails CI'."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before anything imports Qt or keyring: no display here, and the tests' keyring is a file in a
# temporary folder (the real OS keyring is not reachable headless; see ENVIRONMENT.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
_KEYRING_HOME = tempfile.mkdtemp(prefix="fuwutai-test-keyring-")
os.environ["XDG_DATA_HOME"] = _KEYRING_HOME
os.environ.pop("FUWUTAI_HOME", None)

# Issue 8 point 8: register every log file and every synthetic value; scanned in pytest_sessionfinish.
from tests.reliability import log_scan  # noqa: E402

log_scan.install()


def _scan_logs(session: pytest.Session) -> None:
    factory = getattr(session.config, "_tmp_path_factory", None)
    try:
        basetemp = factory.getbasetemp() if factory is not None else None
    except (OSError, ValueError):
        basetemp = None
    count, problems = log_scan.scan(basetemp)
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(f"log scan: {count} log file(s) checked for ID numbers, phones and names")
    if problems:
        if reporter is not None:
            for path, hits in problems.items():
                reporter.write_line(f"personal data in log {path}: {'; '.join(hits)}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    import sys

    if "ui.db_worker" in sys.modules:  # no worker thread may still run while the interpreter exits
        sys.modules["ui.db_worker"].shutdown_all()
    _scan_logs(session)
    if os.environ.get("CI") != "true":
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = len(reporter.stats.get("skipped", [])) if reporter else 0
    if skipped:
        reporter.write_line(f"CI=true: {skipped} skipped test(s) count as failures", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[object]:
    from app.store import DataDir

    yield DataDir(tmp_path / "data")
