"""The card helper process for real, protocol 2, in both implementations.

Every reader test runs twice: against the Python helper (``python -m app.cards.vendor_helper``) and against
the C helper (``build/card-helper/fuwutai_card_helper.c``) compiled here with gcc, both loading the
gcc-built fake vendor library. A read through the helper must behave exactly like an in-process read, so
errors are compared with ``VendorReader``'s. The Windows code path (LoadLibraryW, GetProcAddress, the
UTF-16 command line) runs under wine64 with a mingw-built 64-bit helper and fake DLL; the shipped 32-bit
build is checked to be a PE32 i386 console program that imports only system DLLs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cards.errors import CardError, CardLocked, NeedsNetwork, NeedsOnlineAuth, NoCard, PinWrong, ReaderFault
from app.cards.helper_client import HelperProcessReader
from app.cards.reader import card_thread
from app.cards.vendor import VendorConfig, VendorReader
from tests.app.cards.conftest import FIXTURES, Control, FakeLibs, hexed
from tests.app.cards.samples import HSM_KEY, NAME, SS_NUMBER, STEP1_TEXT, bas_bytes
from tests.app.cards.test_cards_vendor import Authenticator

ROOT = Path(__file__).resolve().parents[3]
HELPER_SOURCE = ROOT / "build" / "card-helper" / "fuwutai_card_helper.c"
BUILD_SCRIPT = ROOT / "build" / "card-helper" / "build-card-helper.sh"
IMPLEMENTATIONS = ("python", "c")


def _tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is needed for the card helper tests: install the Debian package {package}")
    return path


def _run(cmd: list[str], what: str, *, timeout: float = 120, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False, env=env)
    if done.returncode != 0:
        pytest.fail(f"{what} failed ({done.returncode}): {done.stdout}\n{done.stderr}")
    return done.stdout


@pytest.fixture(scope="session")
def c_helper(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The C helper compiled natively (dlopen/dlsym), strictly."""
    out = tmp_path_factory.mktemp("c-helper") / "fuwutai-card-helper"
    gcc = _tool("gcc", "gcc")
    flags = ["-O2", "-std=c99", "-Wall", "-Wextra", "-Werror", "-pedantic"]
    _run([gcc, *flags, "-o", str(out), str(HELPER_SOURCE), "-ldl"], "gcc (card helper)")
    return out


@pytest.fixture(autouse=True)
def _on_card_thread() -> Iterator[None]:
    with card_thread():
        yield


@pytest.fixture(params=IMPLEMENTATIONS)
def helper_command(request: pytest.FixtureRequest) -> list[str]:
    if request.param == "c":
        return [str(request.getfixturevalue("c_helper"))]
    return [sys.executable, "-m", "app.cards.vendor_helper"]


def _reader(command: list[str], library: Path | str, **config: object) -> HelperProcessReader:
    settings: dict[str, object] = {"itype": 1, "convention": "cdecl"} | config
    vendor = VendorConfig(library=str(library), **settings)  # type: ignore[arg-type]
    return HelperProcessReader(vendor, Authenticator(), command=command, timeout=5.0, start_timeout=20.0)


@pytest.fixture
def helper(helper_command: list[str], fake_libs: FakeLibs, sscard_control: Control) -> Iterator[HelperProcessReader]:
    reader = _reader(helper_command, fake_libs.sscard)
    yield reader
    reader.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it counts as gone.
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "State:\tZ" not in status.read_text()


def _outcome(call: object) -> tuple[type[CardError], str]:
    assert callable(call)
    with pytest.raises(CardError) as caught:
        call()
    return type(caught.value), str(caught.value)


# -- reads, errors and the HSM route, through both helpers --------------------------------------------------


def test_reads_through_the_helper(helper: HelperProcessReader, sscard_control: Control) -> None:
    sscard_control.set(read=f"0 {hexed(bas_bytes())}", noise=1)  # the library also prints to stdout
    record = helper.read()
    assert (record.ss_number, record.name) == (SS_NUMBER, NAME)
    assert helper.hello is not None
    assert (helper.hello.protocol, helper.hello.hsm, helper.hello.pin) == (2, True, True)
    assert helper.hello.bits == 64  # on this test machine; the shipped Windows helper says 32
    assert helper.helper_pid is not None and helper.helper_pid != os.getpid()
    assert sscard_control.calls() == ["iReadCardBas 1"]
    sscard_control.set(pin="0 -", noise=1)
    helper.verify_pin()
    assert sscard_control.calls() == ["iVerifyPIN 1"]


def test_hsm_route_across_the_pipe(helper: HelperProcessReader, sscard_control: Control) -> None:
    sscard_control.set(
        read="-27272 -", step1=f"0 {hexed(STEP1_TEXT.encode())}", key=HSM_KEY, step2=f"0 {hexed(bas_bytes())}"
    )
    assert helper.read().name == NAME
    assert sscard_control.calls() == ["iReadCardBas 1", "iReadCardBas_HSM_Step1 1", "iReadCardBas_HSM_Step2 -1"]
    assert isinstance(helper.authenticator, Authenticator)
    assert len(helper.authenticator.seen) == 1
    helper.authenticator = Authenticator(answer="AAAA|BBBB|")  # the card does not accept this answer: -21
    with pytest.raises(NeedsOnlineAuth, match="没有接受"):
        helper.read()
    helper.authenticator = None
    with pytest.raises(NeedsNetwork):
        helper.read()


def test_step1_without_itype(helper_command: list[str], fake_libs: FakeLibs, sscard_control: Control) -> None:
    reader = _reader(helper_command, fake_libs.sscard_no_itype, step1_has_itype=False)
    try:
        sscard_control.set(read="-2201 -", step1=f"0 {hexed(STEP1_TEXT.encode())}", step2=f"0 {hexed(bas_bytes())}")
        assert reader.read().ss_number == SS_NUMBER
        assert sscard_control.calls()[1] == "iReadCardBas_HSM_Step1 -1"
    finally:
        reader.close()


# (return code, vendor's text): each must come back as the same typed error, with the same message, as in process.
ERROR_CASES = [
    ("-1", "-"),
    ("-2", "-"),
    ("-11", "-"),
    ("-21", "-"),
    ("-51", hexed("密码错误，剩余3次".encode("gbk"))),
    ("-51", "-"),
    ("-52", "-"),
    ("-99", hexed("读卡器忙".encode("gbk"))),
]


def test_errors_are_the_same_as_in_process(
    helper: HelperProcessReader, fake_libs: FakeLibs, sscard_control: Control
) -> None:
    local = VendorReader(VendorConfig(library=str(fake_libs.sscard), itype=1, convention="cdecl"))
    for code, text in ERROR_CASES:
        sscard_control.set(read=f"{code} {text}", pin=f"{code} {text}")
        expected = _outcome(local.read)
        assert _outcome(helper.read) == expected, code
        assert _outcome(helper.verify_pin) == _outcome(local.verify_pin), code
    sscard_control.set(pin=f"-51 {hexed('还可尝试2次'.encode('gbk'))}")
    with pytest.raises(PinWrong) as caught:
        helper.verify_pin()
    assert caught.value.tries_left == 2
    sscard_control.set(read="-2 -", pin="-52 -")
    with pytest.raises(NoCard):
        helper.read()
    with pytest.raises(CardLocked):
        helper.verify_pin()
    # The HSM route with a Step1 that fails, and a Step2 with a bad record.
    sscard_control.set(read="-2202 -", step1="-11 -")
    assert _outcome(helper.read) == _outcome(local.read)
    sscard_control.set(read=f"0 {hexed(bas_bytes(ss_number='123'))}")
    assert _outcome(helper.read) == _outcome(local.read)


def test_an_old_driver_without_hsm(helper_command: list[str], fake_libs: FakeLibs, sscard_control: Control) -> None:
    reader = _reader(helper_command, fake_libs.sscard_no_hsm)
    local = VendorReader(VendorConfig(library=str(fake_libs.sscard_no_hsm), itype=1, convention="cdecl"))
    try:
        sscard_control.set(read="-27272 -", pin="0 -")
        assert _outcome(reader.read) == _outcome(local.read)
        assert reader.hello is not None and (reader.hello.hsm, reader.hello.pin) == (False, True)
        reader.verify_pin()
    finally:
        reader.close()


# -- a library that crashes, hangs, is missing or is not a 社保卡 driver ------------------------------------


def test_a_crash_is_a_reader_fault_and_the_next_call_restarts(
    helper: HelperProcessReader, sscard_control: Control
) -> None:
    sscard_control.set(read=f"0 {hexed(bas_bytes())}")
    helper.read()
    first_pid = helper.helper_pid
    sscard_control.set(crash=1)
    with pytest.raises(ReaderFault, match="意外退出"):
        helper.read()
    assert helper.helper_pid is None
    assert first_pid is not None and not _alive(first_pid)
    sscard_control.set(read=f"0 {hexed(bas_bytes())}")
    assert helper.read().ss_number == SS_NUMBER
    assert helper.helper_pid not in (None, first_pid)


def test_a_hanging_library_is_killed_after_the_timeout(helper: HelperProcessReader, sscard_control: Control) -> None:
    sscard_control.set(read=f"0 {hexed(bas_bytes())}")
    helper.read()
    pid = helper.helper_pid
    helper.timeout = 0.5
    sscard_control.set(read=f"0 {hexed(bas_bytes())}", sleep_ms=5000)
    with pytest.raises(ReaderFault, match=r"0\.5 秒内没有响应"):
        helper.read()
    assert pid is not None and not _alive(pid)
    helper.timeout = 5.0
    sscard_control.set(read=f"0 {hexed(bas_bytes())}")
    assert helper.read().name == NAME


def test_library_problems_are_the_same_as_in_process(
    helper_command: list[str], fake_libs: FakeLibs, sscard_control: Control, tmp_path: Path
) -> None:
    missing = tmp_path / "drivers" / "SSCardDriver.so"
    cases: list[tuple[Path, str]] = [
        (missing, "cdecl"),  # no such file
        (fake_libs.idcard, "cdecl"),  # a library without iReadCardBas
        (fake_libs.sscard, "stdcall"),  # stdcall outside Windows
    ]
    for library, convention in cases:
        reader = _reader(helper_command, library, convention=convention)
        try:
            local = _outcome(lambda: VendorReader(VendorConfig(library=str(library), convention=convention)))  # noqa: B023
            assert _outcome(reader.read) == local, library
            assert _outcome(reader.verify_pin) == local, library
            assert reader.helper_pid is None  # not kept running: the next read tries again
        finally:
            reader.close()
    # The driver is installed while the program runs: the next read works.
    reader = _reader(helper_command, missing)
    try:
        with pytest.raises(ReaderFault, match=r"无法加载读卡器驱动“SSCardDriver\.so”"):
            reader.read()
        missing.parent.mkdir()
        shutil.copy(fake_libs.sscard, missing)
        sscard_control.set(read=f"0 {hexed(bas_bytes())}")
        assert reader.read().ss_number == SS_NUMBER
    finally:
        reader.close()


def test_helper_that_cannot_start_or_answers_nonsense(tmp_path: Path) -> None:
    broken = HelperProcessReader(VendorConfig(library="x"), command=[str(tmp_path / "no-such-helper")])
    with pytest.raises(ReaderFault, match="无法启动读卡辅助程序"):
        broken.read()
    answers = {
        "bonjour": "回答无法识别",
        "ok proto=1 bits=32 hsm=1 pin=1": "版本（协议 1）",
    }
    for answer, message in answers.items():
        script = f"import sys\nsys.stdin.readline()\nprint({answer!r}, flush=True)\nsys.stdin.readline()\n"
        odd = HelperProcessReader(VendorConfig(library="x"), command=[sys.executable, "-c", script], timeout=5.0)
        with pytest.raises(ReaderFault, match=message):
            odd.read()
        assert odd.helper_pid is None
        odd.close()


def test_close_stops_the_helper(helper: HelperProcessReader, sscard_control: Control) -> None:
    sscard_control.set(read=f"0 {hexed(bas_bytes())}")
    helper.read()
    pid = helper.helper_pid
    helper.close()
    assert pid is not None and not _alive(pid)
    assert helper.helper_pid is None


# -- the protocol by hand ---------------------------------------------------------------------------------


def _talk(command: list[str], library: Path, lines: list[bytes], *extra: str) -> list[str]:
    result = subprocess.run(
        [*command, "--library", str(library), "--convention", "cdecl", *extra],
        input=b"".join(line + b"\n" for line in lines),
        capture_output=True,
        timeout=30,
        check=True,
    )
    assert result.stdout.isascii()
    return result.stdout.decode("ascii").splitlines()


def test_protocol_by_hand(helper_command: list[str], fake_libs: FakeLibs, sscard_control: Control) -> None:
    """Protocol 2 as documented in fuwutai_card_helper.c and app/cards/vendor_helper.py."""
    pin_text = "剩余3次".encode("gbk")
    sscard_control.set(
        read="0 61006263", step1="-2 -", step2="0 6869", key=HSM_KEY, pin=f"-51 {pin_text.hex()}", noise=1
    )
    conversation = [
        (b"hello", "ok proto=2 bits=64 hsm=1 pin=1"),
        (b"read 1", "ok 0 61"),  # the output up to the first NUL
        (b"step1 2", "ok -2 -"),
        (b"step2 " + HSM_KEY.encode().hex().encode(), "ok 0 6869"),
        (b"step2 " + HSM_KEY.encode().hex().upper().encode(), "ok 0 6869"),
        (b"step2 4142", "ok -21 -"),
        (b"step2 -", "ok -21 -"),
        (b"pin 4", f"ok -51 {pin_text.hex()}"),
        (b"read -2147483648", "ok 0 61"),
        (b"read 1\r", "ok 0 61"),
        (b"read 2147483648", "err request"),
        (b"read", "err request"),
        (b"read x", "err request"),
        (b"read 1 2", "err request"),
        (b"read  1", "err request"),
        (b"READ 1", "err request"),
        (b"hello again", "err request"),
        (b"step2 0", "err request"),
        (b"step2 00", "err request"),
        (b"step2 zz", "err request"),
        (b"step2", "err request"),
        (b"", "err request"),
        (b"dance", "err request"),
        ("读卡 1".encode(), "err request"),
        (b"read 1\x00", "err request"),
        (b"read\t1", "err request"),
        (b"read 1\rx", "err request"),
        (b"read " + b"1" * 70_000, "err request"),
        (b"step2 " + b"41" * 40_000, "err request"),
        (b"read 1", "ok 0 61"),
        (b"quit", "ok"),
        (b"read 1", ""),  # after quit: nothing
    ]
    answers = _talk(helper_command, fake_libs.sscard, [line for line, _ in conversation])
    assert answers == [answer for _, answer in conversation if answer]
    assert sscard_control.calls().count("iReadCardBas 1") == 3


def test_protocol_by_hand_library_problems(
    helper_command: list[str], fake_libs: FakeLibs, sscard_control: Control, tmp_path: Path
) -> None:
    lines = [b"hello", b"read 1", b"step2 4142", b"pin 1", b"bogus", b"quit"]
    answers = _talk(helper_command, tmp_path / "nope.so", lines)
    assert [a[:9] for a in answers[:4]] == ["err load "] * 4
    assert "nope.so" in bytes.fromhex(answers[0][9:]).decode("utf-8")
    assert answers[4:] == ["err request", "ok"]

    answers = _talk(helper_command, fake_libs.idcard, lines)
    assert answers == ["err missing iReadCardBas"] * 4 + ["err request", "ok"]

    answers = _talk(helper_command, fake_libs.sscard_no_hsm, [b"hello", b"step1 1", b"step2 4142", b"quit"])
    missing = ["err missing iReadCardBas_HSM_Step1", "err missing iReadCardBas_HSM_Step2"]
    assert answers == ["ok proto=2 bits=64 hsm=0 pin=1", *missing, "ok"]

    sscard_control.set(step1="0 41")
    answers = _talk(helper_command, fake_libs.sscard_no_itype, [b"step1 3", b"quit"], "--step1-no-itype")
    assert answers == ["ok 0 41", "ok"]
    assert sscard_control.calls() == ["iReadCardBas_HSM_Step1 -1"]

    result = subprocess.run(
        [*helper_command, "--library", str(fake_libs.sscard), "--convention", "stdcall"],
        input=b"hello\n",
        capture_output=True,
        timeout=30,
        check=True,
    )
    assert result.stdout == b"err load " + b"convention=stdcall unsupported".hex().encode() + b"\n"


# -- the Windows builds -------------------------------------------------------------------------------------


def _pe_header(path: Path) -> tuple[int, int, int]:
    """(machine, optional-header magic, subsystem) of a PE file."""
    data = path.read_bytes()
    assert data[:2] == b"MZ", path
    pe = int.from_bytes(data[0x3C:0x40], "little")
    assert data[pe : pe + 4] == b"PE\0\0", path
    optional = pe + 24
    return (
        int.from_bytes(data[pe + 4 : pe + 6], "little"),
        int.from_bytes(data[optional : optional + 2], "little"),
        int.from_bytes(data[optional + 68 : optional + 70], "little"),
    )


def _build_helper(arch: str, out: Path) -> Path:
    _tool("i686-w64-mingw32-gcc" if arch == "x86" else "x86_64-w64-mingw32-gcc", f"gcc-mingw-w64-{arch}-win32")
    env = os.environ | {"HELPER_ARCH": arch}
    _run(["bash", str(BUILD_SCRIPT), str(out)], f"build-card-helper.sh ({arch})", env=env)
    exe = out / "fuwutai-card-helper.exe"
    assert exe.is_file()
    return exe


def test_the_shipped_helper_is_a_32_bit_console_program_importing_system_dlls(tmp_path: Path) -> None:
    exe = _build_helper("x86", tmp_path / "x86")
    machine, magic, subsystem = _pe_header(exe)
    assert (machine, magic, subsystem) == (0x14C, 0x10B, 3)  # i386, PE32, console
    dump = _run([_tool("i686-w64-mingw32-objdump", "binutils-mingw-w64-i686"), "-p", str(exe)], "objdump")
    imports = {line.split(":", 1)[1].strip().lower() for line in dump.splitlines() if "DLL Name:" in line}
    assert imports and imports <= {"kernel32.dll", "msvcrt.dll"}, imports
    assert exe.stat().st_size < 200_000


def _wine_path(path: Path) -> str:
    return "Z:" + str(path.resolve()).replace("/", "\\")


def test_the_windows_helper_under_wine(
    fake_libs: FakeLibs, tmp_path: Path, sscard_control: Control, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 64-bit Windows build of the C helper and of the fake DLL under wine64: LoadLibraryW with a Chinese
    path, GetProcAddress, the UTF-16 command line; and a 32-bit DLL refused with the bitness message."""
    wine = _tool("wine", "wine64")
    wineserver = _tool("wineserver", "wine64")
    mingw64 = _tool("x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64-win32")
    mingw32 = _tool("i686-w64-mingw32-gcc", "gcc-mingw-w64-i686-win32")
    exe = _build_helper("x64", tmp_path / "x64")
    folder = tmp_path / "读卡器驱动"
    folder.mkdir()
    dll = folder / "SSCardDriver.dll"
    dll32 = tmp_path / "SSCardDriver32.dll"
    source = str(FIXTURES / "fake_sscard.c")
    _run([mingw64, "-shared", "-O1", "-Wall", "-Werror", "-o", str(dll), source], "mingw (x64 fake DLL)")
    flags = ["-shared", "-O1", "-DFAKE_CALL=__stdcall", "-Wl,--kill-at"]
    _run([mingw32, *flags, "-o", str(dll32), source], "mingw (x86 fake DLL)")

    prefix = tmp_path / "wine"
    for name in list(os.environ):
        if name.startswith(("PYTHON", "PIP_", "QT_", "LC_")) or name in {"DISPLAY", "VIRTUAL_ENV"}:
            monkeypatch.delenv(name)
    monkeypatch.setenv("WINEPREFIX", str(prefix))
    monkeypatch.setenv("WINEARCH", "win64")
    monkeypatch.setenv("WINEDEBUG", "-all")
    monkeypatch.setenv("WINEDLLOVERRIDES", "mscoree,mshtml=")
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # the Chinese folder name reaches Wine as UTF-8
    assert sscard_control.log is not None
    monkeypatch.setenv("FAKE_SSCARD_CONTROL", _wine_path(sscard_control.path))
    monkeypatch.setenv("FAKE_SSCARD_LOG", _wine_path(sscard_control.log))
    _run([wine, "wineboot", "-i"], "wineboot", timeout=300, env=dict(os.environ))
    try:

        def windows_reader(library: Path) -> HelperProcessReader:
            config = VendorConfig(library=_wine_path(library), itype=2, convention="auto")
            return HelperProcessReader(config, Authenticator(), command=[wine, str(exe)], timeout=30, start_timeout=60)

        reader = windows_reader(dll)
        try:
            sscard_control.set(read=f"0 {hexed(bas_bytes())}", noise=1)
            assert reader.read().ss_number == SS_NUMBER
            assert reader.hello is not None and (reader.hello.bits, reader.hello.hsm) == (64, True)
            assert sscard_control.calls() == ["iReadCardBas 2"]
            sscard_control.set(
                read="-2203 -", step1=f"0 {hexed(STEP1_TEXT.encode())}", key=HSM_KEY, step2=f"0 {hexed(bas_bytes())}"
            )
            assert reader.read().name == NAME
            sscard_control.set(pin=f"-51 {hexed('剩余1次'.encode('gbk'))}")
            with pytest.raises(PinWrong) as caught:
                reader.verify_pin()
            assert caught.value.tries_left == 1
        finally:
            reader.close()

        refused = ((dll32, "位数不同"), (tmp_path / "none.dll", r"无法加载读卡器驱动“Z:\\.*\\none\.dll”"))
        for library, message in refused:
            reader = windows_reader(library)
            try:
                with pytest.raises(ReaderFault, match=message):
                    reader.read()
            finally:
                reader.close()
    finally:
        subprocess.run([wineserver, "-k"], timeout=60, check=False)
