"""The Linux package end to end (slow): build the bundle and the .deb from this checkout, install it with
apt as root (CI runs as root), run the installed program's self-test and CLI, and remove it again."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REQUIRED_DEPENDS = {"libgl1", "libegl1", "fontconfig", "fonts-noto-cjk", "libxkbcommon0", "libxcb-cursor0", "libcups2"}


def _run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload,no-any-return]


def _clean_env(tmp_path: Path) -> dict[str, str]:
    """What a clerk's session would have: no test keyring, no forced Qt platform, a home of its own."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON_KEYRING", "QT_", "PYTEST", "FUWUTAI_"))}
    env["HOME"] = str(tmp_path / "home")
    env["XDG_DATA_HOME"] = str(tmp_path / "home" / ".local" / "share")
    env.pop("VIRTUAL_ENV", None)
    env["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    return env


@pytest.mark.slow
@pytest.mark.timeout(2400)
def test_deb_builds_installs_self_tests_and_removes(tmp_path: Path) -> None:
    assert os.geteuid() == 0, "this test installs a .deb with apt: run it as root (CI does)"
    assert shutil.which("apt-get") and shutil.which("dpkg-deb"), "needs a Debian system"

    built = _run(["bash", "build/build-linux.sh", "--deb"], cwd=ROOT, timeout=2000)
    assert built.returncode == 0, built.stdout[-4000:] + built.stderr[-4000:]
    assert "自检通过" in built.stdout  # the bundle's own self-test, before packing
    deb = Path(ROOT / built.stdout.strip().splitlines()[-1])
    assert deb.is_file() and deb.name.startswith("fuwutai_") and deb.suffix == ".deb"

    info = _run(["dpkg-deb", "--field", str(deb), "Depends"])
    depends = {d.strip().split()[0] for d in info.stdout.split(",")}
    assert depends >= REQUIRED_DEPENDS, depends
    listing = _run(["dpkg-deb", "--contents", str(deb)]).stdout
    for path in (
        "./opt/fuwutai/fuwutai",
        "./usr/bin/fuwutai",
        "./usr/share/applications/fuwutai.desktop",
        "./usr/share/icons/hicolor/256x256/apps/fuwutai.png",
        "./opt/fuwutai/_internal/resources/i18n/zh_CN.qm",
    ):
        assert path in listing, path

    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    installed = _run(["apt-get", "install", "-y", "-q", "--no-install-recommends", str(deb)], env=env, timeout=900)
    assert installed.returncode == 0, installed.stdout[-3000:] + installed.stderr[-3000:]
    try:
        assert Path("/usr/bin/fuwutai").is_file() and os.access("/usr/bin/fuwutai", os.X_OK)
        desktop = Path("/usr/share/applications/fuwutai.desktop").read_text(encoding="utf-8")
        assert "Exec=fuwutai" in desktop and "Name=基层就业服务台" in desktop

        run_env = _clean_env(tmp_path)
        selftest = _run(["fuwutai", "--self-test"], env=run_env, cwd=tmp_path, timeout=300)
        assert selftest.returncode == 0, selftest.stdout + selftest.stderr
        assert "自检通过 / self-test passed" in selftest.stdout
        assert "frozen" in selftest.stdout  # it was the installed bundle, not a checkout

        # On an X display with Qt's xcb platform: the package's Depends bring every library xcb needs.
        assert shutil.which("xvfb-run"), "xvfb-run (Debian xvfb, xauth) is needed: scripts/bootstrap.sh installs it"
        on_x = _run(
            ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "fuwutai", "--self-test"],
            env={**run_env, "QT_QPA_PLATFORM": "xcb"},
            cwd=tmp_path,
            timeout=300,
        )
        assert on_x.returncode == 0, on_x.stdout + on_x.stderr
        assert "Qt platform xcb" in on_x.stdout

        # The installed CLI: a diagnostic bundle even where nothing is set up yet.
        target = tmp_path / "diag.zip"
        doctor = _run(
            ["fuwutai", "--data-dir", str(tmp_path / "data"), "doctor", "--bundle", str(target)],
            env=run_env,
            timeout=120,
        )
        assert target.is_file(), doctor.stdout + doctor.stderr
        with zipfile.ZipFile(target) as bundle:
            assert "manifest.json" in bundle.namelist()

        # A wrong preset configuration stops the program with a Chinese reason.
        bad = tmp_path / "fuwutai.toml"
        bad.write_text('idle_lock_minutes = "ten"\n', encoding="utf-8")
        enroll = _run(
            ["fuwutai", "--data-dir", str(tmp_path / "data"), "enroll", "--token", "12345678"],
            env={**run_env, "FUWUTAI_CONFIG": str(bad)},
            timeout=120,
        )
        assert enroll.returncode != 0
        assert "应为整数" in enroll.stderr + enroll.stdout
    finally:
        removed = _run(["apt-get", "purge", "-y", "-q", "fuwutai"], env=env, timeout=600)
        assert removed.returncode == 0, removed.stderr
    assert not Path("/opt/fuwutai").exists() and not Path("/usr/bin/fuwutai").exists()
