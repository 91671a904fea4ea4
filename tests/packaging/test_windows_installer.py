"""The Windows installer, tested on Linux under Wine (slow: builds it when no fresh one exists).

Builds ``dist/fuwutai-<version>-setup.exe`` with ``build/build-windows.sh`` (or reuses one newer than
every source that goes into it; ``FUWUTAI_WINDOWS_SETUP`` names a given installer), then in a Wine prefix
of the test's own: silent install with a preset ``fuwutai.toml``, the installed files, Start-menu
shortcut and uninstall entry, a real store made by the installed program, the program's ``--self-test``
with Qt's ``windows`` platform under ``xvfb-run``, an upgrade (installing again over it) that keeps the
preset and the data, a store of the previous schema (0004, made in the prefix by the build's own Windows
Python with ``old_store.py``) that the installed program migrates with a backup and nothing lost, a
silent uninstall that keeps the data folder, and ``uninstall.exe /S /PURGE``.

Wine 8 lacks three system DLLs that Qt 6.12 / pydantic-core import; stand-ins compiled here from
``build/windows/wine-stubs/*.c`` go into this test's prefix only (never into the bundle or installer).
What Wine cannot prove is listed in docs/deployment.md ("Windows").
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path
from random import Random

import openpyxl
import pytest

from app.validation.synthetic import synthetic_name, synthetic_resident_id

ROOT = Path(__file__).resolve().parents[2]
INSTALL_DIR = "C:\\Program Files\\Fuwutai"
UNINSTALL_KEY = "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\Fuwutai"
SHORTCUT_NAME = "基层就业服务台.lnk"
STUBS = ("icuuc", "mscms", "bcryptprimitives")
# Inputs of the installer: a setup.exe newer than all of these is reused.
SOURCES = (
    "app",
    "ui",
    "sync",
    "resources",
    "build/fuwutai.spec",
    "build/fuwutai_entry.py",
    "build/windows",
    "build/build-windows.sh",
    "build/card-helper",
    "pyproject.toml",
)
BUILD_TIMEOUT = 1500
STEP_TIMEOUT = 300

pytestmark = [pytest.mark.slow, pytest.mark.timeout(BUILD_TIMEOUT + 900)]


def _version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"])


def _newest_source() -> float:
    newest = 0.0
    for name in SOURCES:
        path = ROOT / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for f in files:
            if "__pycache__" in f.parts or f.suffix in {".pyc", ".qm"}:
                continue
            newest = max(newest, f.stat().st_mtime)
    return newest


def _installer() -> Path:
    given = os.environ.get("FUWUTAI_WINDOWS_SETUP")
    if given:
        return Path(given).resolve()
    setup = ROOT / "dist" / f"fuwutai-{_version()}-setup.exe"
    if not setup.is_file() or setup.stat().st_mtime < _newest_source():
        done = subprocess.run(
            ["bash", str(ROOT / "build" / "build-windows.sh")],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=BUILD_TIMEOUT,
            check=False,
        )
        assert done.returncode == 0, done.stdout.decode("utf-8", "replace")[-4000:]
    assert setup.is_file(), f"{setup} was not built"
    return setup


def _win(path: Path) -> str:
    return "Z:" + str(path.resolve()).replace("/", "\\")


class Wine:
    """One Wine prefix; every command's output goes through a pipe (Wine's Python dies on a plain file)."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("PIP_", "PYTHON", "QT_", "SSL_CERT_", "FUWUTAI_", "LC_"))
            and k not in {"REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE", "NIX_SSL_CERT_FILE", "VIRTUAL_ENV", "DISPLAY"}
        }
        env.update(
            WINEPREFIX=str(prefix),
            WINEDEBUG="-all",
            WINEARCH="win64",
            # A Chinese Windows: ANSI code page 936, which the CLI's redirected output is written in.
            LANG="zh_CN.UTF-8",
            # mscms is Wine's own DLL: the test's stand-in must win (n = native).
            WINEDLLOVERRIDES="mscoree,mshtml=;mscms=n",
        )
        self.env = env

    def run(
        self, args: Sequence[str], *, timeout: float = STEP_TIMEOUT, display: bool = False, encoding: str = "gbk"
    ) -> tuple[int, str]:
        command = ["wine", *args]
        if display:
            command = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", *command]
        done = subprocess.run(
            command,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=timeout,
            check=False,
        )
        self.wait()
        return done.returncode, done.stdout.decode(encoding, "replace")

    def gui_stays_up(self, args: Sequence[str], seconds: float) -> bool:
        """Start a windowed program on a virtual display; True if it still runs after ``seconds``."""
        command = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "wine", *args]
        process = subprocess.Popen(
            command,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            process.wait(timeout=seconds)
            return False
        except subprocess.TimeoutExpired:
            return True
        finally:
            subprocess.run(["wineserver", "-k"], env=self.env, timeout=60, check=False)
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
            process.communicate(timeout=60)

    def wait(self) -> None:
        """Until every process of the prefix has ended (the NSIS uninstaller re-launches itself from %TEMP%)."""
        subprocess.run(["wineserver", "-w"], env=self.env, timeout=STEP_TIMEOUT, check=False)

    def c(self, *parts: str) -> Path:
        return self.prefix.joinpath("drive_c", *parts)

    def reg_query(self, key: str) -> dict[str, str]:
        code, out = self.run(["reg", "query", key])
        values: dict[str, str] = {}
        if code != 0:
            return values
        for line in out.splitlines():
            m = re.match(r"\s+(\S+)\s+(REG_\w+)\s+(.*)$", line)
            if m:
                values[m.group(1)] = m.group(3).strip()
        return values

    def user_data_dir(self) -> Path:
        users = [p for p in self.c("users").iterdir() if p.name.lower() != "public" and p.is_dir()]
        assert len(users) == 1, users
        return users[0] / "AppData" / "Local" / "Fuwutai"


def _stubs(wine: Wine) -> None:
    system32 = wine.c("windows", "system32")
    for name in STUBS:
        subprocess.run(
            [
                "x86_64-w64-mingw32-gcc",
                "-O2",
                "-shared",
                "-o",
                str(system32 / f"{name}.dll"),
                str(ROOT / "build" / "windows" / "wine-stubs" / f"{name}.c"),
                "-ladvapi32",
                "-lkernel32",
            ],
            check=True,
            timeout=120,
        )


def _install(wine: Wine, setup: Path, *extra: str) -> None:
    started = time.monotonic()
    code, out = wine.run([_win(setup), "/S", *extra])
    # Wine reports 0 even when the stub cannot run: the files decide.
    assert code == 0, out
    assert wine.c("Program Files", "Fuwutai", "fuwutai.exe").is_file(), f"not installed: {out}"
    print(f"install {' '.join(extra)}: {time.monotonic() - started:.1f} s")


def _fuwutai(wine: Wine, *args: str, display: bool = False, encoding: str = "gbk") -> tuple[int, str]:
    return wine.run([f"{INSTALL_DIR}\\fuwutai.exe", *args], display=display, encoding=encoding)


def _build_python() -> Path:
    """The build prefix's Windows CPython (build/build-windows.sh installs the program's dependencies in it)."""
    prefix = Path(os.environ.get("FUWUTAI_WINEPREFIX") or ROOT / "build" / ".wine")
    python = prefix / "drive_c" / "fuwutai-build" / "python311" / "python.exe"
    assert python.is_file(), f"{python} is missing: run build/build-windows.sh (it makes the build prefix)"
    return python


def _old_store_upgrade(wine: Wine, tmp_path: Path) -> None:
    """A store written with the 0004 schema in this prefix (key in its Windows credential store, made
    by the build's own Windows Python running tests/packaging/old_store.py), then opened by the installed
    program: migrated with a pre-migration backup, every person kept (the exported list is compared)."""
    rng = Random(7)
    people = [(synthetic_name(rng), synthetic_resident_id(rng)) for _ in range(12)]
    people_file = tmp_path / "old-people.json"
    people_file.write_text(json.dumps(people, ensure_ascii=False), encoding="utf-8")
    old_dir = "C:\\fuwutai-0004"
    code, out = wine.run(
        [_win(_build_python()), _win(ROOT / "tests" / "packaging" / "old_store.py"), old_dir, _win(people_file)],
        encoding="utf-8",
    )
    assert code == 0 and "schema 0004 store written" in out, out
    assert wine.c("fuwutai-0004", "fuwutai.db").is_file(), out

    code, out = _fuwutai(wine, "--data-dir", old_dir, "doctor", "--json", encoding="utf-8")
    checks = {c["check"]: c for c in json.loads(out[out.index("[") :])}
    assert code == 0 and not [c for c in checks.values() if c["status"] == "fail"], out
    code, out = _fuwutai(wine, "--data-dir", old_dir, "backup", "--list", "--json", encoding="utf-8")
    assert code == 0, out
    assert [b for b in json.loads(out[out.index("[") :]) if b["reason"] == "pre-migration"], out
    exported = tmp_path / "old-persons.xlsx"
    code, out = _fuwutai(wine, "--data-dir", old_dir, "export", "persons", _win(exported), encoding="utf-8")
    assert code == 0 and exported.is_file(), out
    workbook = openpyxl.load_workbook(exported, read_only=True)  # read-only keeps the file open until closed
    try:
        sheet = workbook.active
        assert sheet is not None
        rows = [[str(v) if v is not None else "" for v in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        workbook.close()
    header = [cell.rstrip("*") for cell in rows[0]]
    name_at, number_at = header.index("姓名"), header.index("证件号码")
    assert {(row[name_at], row[number_at]) for row in rows[1:] if any(row)} == set(people)
    print(f"schema 0004 store upgraded by the installed program: {len(people)} persons kept, backup taken")


def test_windows_installer_under_wine(tmp_path: Path) -> None:
    for tool in ("wine", "wineserver", "xvfb-run", "x86_64-w64-mingw32-gcc", "makensis"):
        assert shutil.which(tool), f"{tool} missing: run scripts/bootstrap.sh as root"
    locales = subprocess.run(["locale", "-a"], capture_output=True, text=True, check=False).stdout.lower().split()
    assert "zh_cn.utf8" in locales, "the host locale zh_CN.UTF-8 is missing: run scripts/bootstrap.sh as root"
    setup = _installer()
    size_mb = setup.stat().st_size / 1e6
    print(f"installer {setup.name}: {size_mb:.1f} MB")
    assert size_mb <= 60, f"installer is {size_mb:.1f} MB (limit 60 MB)"

    wine = Wine(tmp_path / "wine")
    code, out = wine.run(["wineboot", "-i"], timeout=180)
    assert wine.c("windows", "system32").is_dir(), out
    _stubs(wine)

    # --- silent install with a preset configuration ---------------------------------------------
    preset = tmp_path / "preset" / "fuwutai.toml"
    preset.parent.mkdir()
    preset.write_text('idle_lock_minutes = 15\ncard_backend = "simulator"\n', encoding="utf-8")
    _install(wine, setup, f"/CONFIG={_win(preset)}")

    app_dir = wine.c("Program Files", "Fuwutai")
    for name in (
        "fuwutai.exe",
        "fuwutaiw.exe",
        "uninstall.exe",
        "_internal/python311.dll",
        "_internal/PySide6/Qt6Core.dll",
        "_internal/PySide6/plugins/platforms/qwindows.dll",
        "_internal/resources/i18n/zh_CN.qm",
        "card-helper/fuwutai-card-helper.exe",
    ):
        assert (app_dir / name).is_file(), f"{name} not installed"
    # The card helper for 32-bit vendor DLLs is itself a 32-bit program: PE32 (magic 0x10b) for i386 (0x14c).
    helper = (app_dir / "card-helper" / "fuwutai-card-helper.exe").read_bytes()
    pe = int.from_bytes(helper[0x3C:0x40], "little")
    assert helper[:2] == b"MZ" and helper[pe : pe + 4] == b"PE\0\0", "card helper is not a Windows program"
    assert int.from_bytes(helper[pe + 4 : pe + 6], "little") == 0x14C, "card helper is not an i386 program"
    assert int.from_bytes(helper[pe + 24 : pe + 26], "little") == 0x10B, "card helper is not PE32"
    for name in STUBS:
        assert not list(app_dir.rglob(f"{name}.dll")), f"the Wine stand-in {name}.dll was shipped"
    assert (app_dir / "fuwutai.toml").read_text(encoding="utf-8") == preset.read_text(encoding="utf-8")

    shortcut = wine.c("ProgramData", "Microsoft", "Windows", "Start Menu", "Programs", SHORTCUT_NAME)
    assert shortcut.is_file(), "no Start-menu shortcut for all users"
    link = shortcut.read_bytes()
    assert b"fuwutaiw.exe" in link or "fuwutaiw.exe".encode("utf-16-le") in link, "shortcut does not start fuwutaiw.exe"

    entry = wine.reg_query(UNINSTALL_KEY)
    assert entry.get("DisplayVersion") == _version(), entry
    assert entry.get("UninstallString") == f'"{INSTALL_DIR}\\uninstall.exe"', entry
    assert entry.get("QuietUninstallString") == f'"{INSTALL_DIR}\\uninstall.exe" /S', entry
    assert entry.get("InstallLocation") == INSTALL_DIR, entry
    assert "DisplayName" in entry and "EstimatedSize" in entry, entry

    # --- a real station store in the user's data folder (key in the Windows credential store) ------
    code, out = _fuwutai(
        wine,
        "init",
        "--station-code",
        "520102001",
        "--station-name",
        "Wine测试站",
        "--admin-user",
        "winadmin",
        "--admin-name",
        "管理员",
        "--admin-password",
        "Wine-test-pass-1",
    )
    assert code == 0, out
    data_dir = wine.user_data_dir()
    assert (data_dir / "fuwutai.db").is_file(), f"no store in {data_dir}: {out}"

    # --- the installed program's self-test: Qt's windows platform on a virtual X display --------------
    started = time.monotonic()
    code, out = _fuwutai(wine, "--self-test", display=True, encoding="utf-8")  # it writes UTF-8 itself
    print(out)
    print(f"self-test under Wine: {time.monotonic() - started:.1f} s")
    assert code == 0 and "self-test passed" in out, out
    assert "Qt platform windows" in out, out

    # --- the shortcut's console-less program opens its window and keeps running ------------------------
    assert wine.gui_stays_up([f"{INSTALL_DIR}\\fuwutaiw.exe"], seconds=20), "fuwutaiw.exe exited early"

    # --- upgrade: install again over it; preset and data stay --------------------------------------
    marker = data_dir / "attachments" / "keep-me.txt"
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.write_text("记录", encoding="utf-8")
    _install(wine, setup)
    assert (app_dir / "fuwutai.toml").is_file(), "upgrade lost the preset configuration"
    assert marker.read_text(encoding="utf-8") == "记录"
    code, out = _fuwutai(wine, "user", "list", "--json")
    assert code == 0, out
    assert "winadmin" in out, out

    # --- a store of the previous schema (0004), opened by the installed program: nothing lost -----------
    _old_store_upgrade(wine, tmp_path)

    # --- silent uninstall keeps the data folder ---------------------------------------------------------
    code, out = wine.run([f"{INSTALL_DIR}\\uninstall.exe", "/S"])
    assert code == 0, out
    assert not (app_dir / "fuwutai.exe").exists(), "program still installed"
    assert not (app_dir / "_internal").exists()
    assert not (app_dir / "card-helper").exists(), "card helper left behind"
    assert not shortcut.exists(), "shortcut left behind"
    assert wine.reg_query(UNINSTALL_KEY) == {}, "uninstall entry left behind"
    assert (data_dir / "fuwutai.db").is_file(), "uninstall deleted the data"
    assert marker.is_file()

    # --- reinstalling finds the data again; /PURGE deletes it ----------------------------------------------
    _install(wine, setup)
    code, out = _fuwutai(wine, "user", "list", "--json")
    assert code == 0 and "winadmin" in out, out
    code, out = wine.run([f"{INSTALL_DIR}\\uninstall.exe", "/S", "/PURGE"])
    assert code == 0, out
    assert not app_dir.exists() or not any(app_dir.iterdir()), list(app_dir.iterdir())
    assert not data_dir.exists(), "uninstall.exe /PURGE kept the data folder"
