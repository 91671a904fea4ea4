"""Card test fixtures: fake vendor / ID-card libraries built with gcc, and pcscd with vsmartcard's vpcd.

Nothing is skipped: a missing gcc, pcscd or vpcd driver fails the run with the package to install.
pcscd is started per test module with its own reader configuration (two vpcd slots on free local
ports); if a system pcscd already owns /run/pcscd (there can be only one per machine), that one is
used with the vpcd configuration Debian's vsmartcard-vpcd package installs. Because pcscd and its
reader slots are machine-wide, test runs on one machine take turns through a lock file. Every wait is
a bounded poll.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.app.cards.virtual_card import CardApplet, CardProfile, VirtualCard

FIXTURES = Path(__file__).parent / "fixtures"
VPCD_DRIVER = Path("/usr/lib/pcsc/drivers/serial/libifdvpcd.so")
SYSTEM_VPCD_CONF = Path("/etc/reader.conf.d/vpcd")
PCSCD_SOCKET = Path("/run/pcscd/pcscd.comm")
PCSCD_PID = Path("/run/pcscd/pcscd.pid")
READY_TIMEOUT = 15.0
MACHINE_LOCK = Path("/tmp/fuwutai-card-tests.lock")
MACHINE_LOCK_TIMEOUT = 300.0


def _need(tool: str, package: str) -> str:
    path = shutil.which(tool) or (f"/usr/sbin/{tool}" if Path(f"/usr/sbin/{tool}").exists() else None)
    if path is None:
        pytest.fail(f"{tool} is needed for the card tests: install the Debian package {package}")
    return path


def _gcc(source: Path, output: Path, *defines: str) -> Path:
    gcc = _need("gcc", "gcc")
    cmd = [gcc, "-shared", "-fPIC", "-O1", "-Wall", "-Wextra", "-Werror", *defines, "-o", str(output), str(source)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    if result.returncode != 0:
        pytest.fail(f"gcc failed for {source.name}: {result.stderr}")
    return output


@dataclass(frozen=True)
class FakeLibs:
    sscard: Path  # Step1 with iType
    sscard_no_itype: Path  # Step1 without iType (some vendor headers)
    sscard_no_hsm: Path  # an old driver without the HSM functions
    idcard: Path  # SDT_* and termb
    idcard_termb: Path  # termb only


@pytest.fixture(scope="session")
def fake_libs(tmp_path_factory: pytest.TempPathFactory) -> FakeLibs:
    out = tmp_path_factory.mktemp("fake-libs")
    sscard = FIXTURES / "fake_sscard.c"
    idcard = FIXTURES / "fake_idcard.c"
    return FakeLibs(
        sscard=_gcc(sscard, out / "libfakesscard.so"),
        sscard_no_itype=_gcc(sscard, out / "libfakesscard_noitype.so", "-DSTEP1_NO_ITYPE"),
        sscard_no_hsm=_gcc(sscard, out / "libfakesscard_nohsm.so", "-DNO_HSM"),
        idcard=_gcc(idcard, out / "libfakeidcard.so"),
        idcard_termb=_gcc(idcard, out / "libfaketermb.so", "-DONLY_TERMB"),
    )


class Control:
    """Writes the control file a fake library reads on every call, and reads its call log."""

    def __init__(self, path: Path, log: Path | None = None) -> None:
        self.path = path
        self.log = log
        self.set()

    def set(self, **lines: str | int) -> None:
        self.path.write_text("".join(f"{key} {value}\n" for key, value in lines.items()), encoding="ascii")
        if self.log is not None:
            self.log.write_text("", encoding="ascii")

    def calls(self) -> list[str]:
        assert self.log is not None
        return self.log.read_text(encoding="ascii").splitlines()


@pytest.fixture
def sscard_control(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Control:
    control = Control(tmp_path / "sscard-control.txt", tmp_path / "sscard-calls.txt")
    monkeypatch.setenv("FAKE_SSCARD_CONTROL", str(control.path))
    monkeypatch.setenv("FAKE_SSCARD_LOG", str(control.log))
    return control


@pytest.fixture
def idcard_control(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Control:
    control = Control(tmp_path / "idcard-control.txt")
    monkeypatch.setenv("FAKE_IDCARD_CONTROL", str(control.path))
    return control


def hexed(data: bytes) -> str:
    return data.hex() if data else "-"


# -- pcscd + vpcd ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pcscd:
    port: int  # vpcd slot 0; slot 1 listens on port + 1 and stays empty
    reader_prefix: str
    owned: bool
    netns: str | None = None  # the suite's pcscd runs in a network namespace of its own (root only)

    @property
    def slot0(self) -> str:
        return f"{self.reader_prefix} 00 00"

    @property
    def slot1(self) -> str:
        return f"{self.reader_prefix} 00 01"


def _free_port_pair() -> int:
    for _ in range(50):
        with socket.socket() as a:
            a.bind(("127.0.0.1", 0))
            port = a.getsockname()[1]
            if port >= 65535:
                continue
            with socket.socket() as b:
                try:
                    b.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
            return int(port)
    pytest.fail("no two consecutive free TCP ports for vpcd")


def _system_pcscd_running() -> bool:
    if PCSCD_PID.exists():
        try:
            os.kill(int(PCSCD_PID.read_text().strip(" \n\0")), 0)
            return True
        except (ValueError, ProcessLookupError, PermissionError):
            return False
    # systemd socket activation: the socket exists and something accepts on it.
    if PCSCD_SOCKET.exists():
        with socket.socket(socket.AF_UNIX) as s:
            try:
                s.connect(str(PCSCD_SOCKET))
                return True
            except OSError:
                pass
        # Left behind by a pcscd that died without its pid file; pcscd refuses to start while it exists.
        PCSCD_SOCKET.unlink(missing_ok=True)
    return False


def _readers() -> list[str]:
    from smartcard import scard

    code, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    if code != scard.SCARD_S_SUCCESS:
        return []
    try:
        code, names = scard.SCardListReaders(context, [])
        return list(names) if code == scard.SCARD_S_SUCCESS else []
    finally:
        scard.SCardReleaseContext(context)


def reader_has_card(name: str) -> bool:
    from smartcard import scard

    code, context = scard.SCardEstablishContext(scard.SCARD_SCOPE_USER)
    assert code == scard.SCARD_S_SUCCESS
    try:
        code, states = scard.SCardGetStatusChange(context, 0, [(name, scard.SCARD_STATE_UNAWARE)])
        return code == scard.SCARD_S_SUCCESS and bool(states[0][1] & scard.SCARD_STATE_PRESENT)
    finally:
        scard.SCardReleaseContext(context)


def wait_until(predicate: Callable[[], bool], what: str, timeout: float = READY_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(0.05)


@contextmanager
def _machine_lock() -> Iterator[None]:
    """Another test run on this machine may be using pcscd: wait (bounded) for it to finish."""
    with MACHINE_LOCK.open("a") as handle:
        deadline = time.monotonic() + MACHINE_LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    pytest.fail(f"another test run held {MACHINE_LOCK} (pcscd) for {MACHINE_LOCK_TIMEOUT:g} s")
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _can_isolate() -> bool:
    """Whether pcscd can get a network namespace of its own (needs root, ``unshare`` and ``ip``)."""
    if os.geteuid() != 0 or not (shutil.which("unshare") and shutil.which("ip")):
        return False
    probe = subprocess.run(["unshare", "--net", "ip", "link", "set", "lo", "up"], capture_output=True, check=False)
    return probe.returncode == 0


@pytest.fixture(scope="module")
def pcscd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pcscd]:
    with _machine_lock():
        yield from _pcscd(tmp_path_factory)


def _pcscd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Pcscd]:
    if not VPCD_DRIVER.exists():
        pytest.fail("the vpcd driver is needed for the PC/SC tests: install the Debian package vsmartcard-vpcd")
    try:
        import smartcard.scard  # noqa: F401
    except ImportError:
        pytest.fail("pyscard is needed for the PC/SC tests: pip install pyscard")
    if _system_pcscd_running():
        text = SYSTEM_VPCD_CONF.read_text(encoding="utf-8") if SYSTEM_VPCD_CONF.exists() else ""
        channel = re.search(r"^\s*CHANNELID\s+(\S+)", text, re.MULTILINE)
        name = re.search(r'^\s*FRIENDLYNAME\s+"([^"]+)"', text, re.MULTILINE)
        if channel is None or name is None:
            pytest.fail("a system pcscd is running without the vsmartcard-vpcd reader: install vsmartcard-vpcd")
        handle = Pcscd(int(channel[1], 0), name[1], owned=False)
        wait_until(lambda: handle.slot0 in _readers(), "the system pcscd to list the vpcd reader")
        yield handle
        return

    binary = _need("pcscd", "pcscd")
    folder = tmp_path_factory.mktemp("pcscd")
    conf = folder / "reader.conf.d"
    conf.mkdir()
    port = _free_port_pair()
    handle = Pcscd(port, "Fuwutai Test PCD", owned=True)
    (conf / "vpcd").write_text(
        f'FRIENDLYNAME "{handle.reader_prefix}"\n'
        f"DEVICENAME   /dev/null:0x{port:04X}\n"
        f"LIBPATH      {VPCD_DRIVER}\n"
        f"CHANNELID    0x{port:04X}\n",
        encoding="ascii",
    )
    log = (folder / "pcscd.log").open("wb")
    command = [binary, "--foreground", "--config", str(conf)]
    isolated = _can_isolate()
    if isolated:
        # vpcd listens on every interface of its namespace: give pcscd one with nothing but loopback. Its
        # client socket is a file, so pyscard reaches it as usual; the virtual card joins the namespace.
        command = ["unshare", "--net", "sh", "-c", 'ip link set lo up && exec "$0" "$@"', *command]
    proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    if isolated:
        handle = Pcscd(port, handle.reader_prefix, owned=True, netns=f"/proc/{proc.pid}/ns/net")
    try:

        def ready() -> bool:
            if proc.poll() is not None:
                pytest.fail(f"pcscd exited with {proc.returncode}: {(folder / 'pcscd.log').read_text()}")
            return handle.slot0 in _readers()

        wait_until(ready, "pcscd to list the vpcd reader")
        yield handle
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture
def insert_card(pcscd: Pcscd) -> Iterator[Callable[[CardProfile], VirtualCard]]:
    """Put a virtual card into vpcd slot 0 and wait until pcscd reports it; removed again afterwards."""
    cards: list[VirtualCard] = []

    def insert(profile: CardProfile) -> VirtualCard:
        card = VirtualCard(CardApplet(profile), pcscd.port, netns=pcscd.netns)
        card.insert(timeout=READY_TIMEOUT)
        cards.append(card)
        wait_until(lambda: reader_has_card(pcscd.slot0), "pcscd to notice the virtual card")
        return card

    yield insert
    for card in cards:
        card.remove()
        assert card.error is None, card.error
    wait_until(lambda: not reader_has_card(pcscd.slot0), "pcscd to notice the card was removed")
