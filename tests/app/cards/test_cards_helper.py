"""The card helper process for real: ``python -m app.cards.vendor_helper`` loading the gcc-built library."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cards.errors import CardLocked, NeedsNetwork, NoCard, PinWrong, ReaderFault
from app.cards.helper_client import HelperProcessReader
from app.cards.reader import card_thread
from app.cards.vendor import VendorConfig
from tests.app.cards.conftest import Control, FakeLibs, hexed
from tests.app.cards.samples import HSM_KEY, NAME, SS_NUMBER, STEP1_TEXT, bas_bytes
from tests.app.cards.test_cards_vendor import Authenticator


@pytest.fixture(autouse=True)
def _on_card_thread() -> Iterator[None]:
    with card_thread():
        yield


@pytest.fixture
def helper(fake_libs: FakeLibs, sscard_control: Control) -> Iterator[HelperProcessReader]:
    reader = HelperProcessReader(
        VendorConfig(library=str(fake_libs.sscard), itype=1, convention="cdecl"),
        Authenticator(),
        timeout=5.0,
        start_timeout=20.0,
    )
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


def test_reads_through_the_helper(helper: HelperProcessReader, sscard_control: Control) -> None:
    sscard_control.set(read=f"0 {hexed(bas_bytes())}", noise=1)  # the library also prints to stdout
    record = helper.read()
    assert (record.ss_number, record.name) == (SS_NUMBER, NAME)
    assert helper.hello["protocol"] == 1
    assert helper.hello["bits"] == 64  # on this test machine; a Windows build of the helper says 32
    assert helper.hello["hsm"] is True
    assert helper.helper_pid is not None and helper.helper_pid != os.getpid()
    assert sscard_control.calls() == ["iReadCardBas 1"]


def test_hsm_route_across_the_pipe(helper: HelperProcessReader, sscard_control: Control) -> None:
    sscard_control.set(
        read="-27272 -", step1=f"0 {hexed(STEP1_TEXT.encode())}", key=HSM_KEY, step2=f"0 {hexed(bas_bytes())}"
    )
    assert helper.read().name == NAME
    assert isinstance(helper.authenticator, Authenticator)
    assert len(helper.authenticator.seen) == 1
    helper.authenticator = None
    with pytest.raises(NeedsNetwork):
        helper.read()


def test_typed_errors_cross_the_pipe(helper: HelperProcessReader, sscard_control: Control) -> None:
    sscard_control.set(read="-2 -", pin=f"-51 {hexed('剩余3次'.encode('gbk'))}")
    with pytest.raises(NoCard):
        helper.read()
    with pytest.raises(PinWrong) as caught:
        helper.verify_pin()
    assert caught.value.tries_left == 3
    sscard_control.set(pin="-52 -")
    with pytest.raises(CardLocked):
        helper.verify_pin()


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


def test_library_problems_come_back_typed(fake_libs: FakeLibs, tmp_path: Path) -> None:
    reader = HelperProcessReader(VendorConfig(library=str(tmp_path / "nope.so"), convention="cdecl"), timeout=5.0)
    try:
        with pytest.raises(ReaderFault, match="无法加载读卡器驱动"):
            reader.read()
    finally:
        reader.close()
    broken = HelperProcessReader(VendorConfig(library="x"), command=[str(tmp_path / "no-such-helper")])
    with pytest.raises(ReaderFault, match="无法启动读卡辅助程序"):
        broken.read()


def test_close_stops_the_helper(helper: HelperProcessReader, sscard_control: Control) -> None:
    sscard_control.set(read=f"0 {hexed(bas_bytes())}")
    helper.read()
    pid = helper.helper_pid
    helper.close()
    assert pid is not None and not _alive(pid)
    assert helper.helper_pid is None


def test_protocol_by_hand(fake_libs: FakeLibs, sscard_control: Control) -> None:
    """The JSON-lines protocol as documented in app/cards/vendor_helper.py."""
    sscard_control.set(read="-2 -")
    requests = [
        {"id": 1, "op": "hello"},
        {"id": 2, "op": "read"},
        {"id": 3, "op": "dance"},
        "not an object",
        {"id": 5, "op": "quit"},
    ]
    stdin = "\n".join(json.dumps(r) for r in requests) + "\n{broken json\n"
    result = subprocess.run(
        [sys.executable, "-m", "app.cards.vendor_helper", "--library", str(fake_libs.sscard), "--convention", "cdecl"],
        input=stdin.encode(),
        capture_output=True,
        timeout=30,
        check=True,
    )
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["id"] for a in answers] == [1, 2, 3, None, 5]
    assert answers[0]["ok"] is True and answers[0]["protocol"] == 1
    assert answers[1] == {"id": 2, "ok": False, "error": answers[1]["error"]}
    assert answers[1]["error"]["type"] == "NoCard"
    assert answers[2]["error"]["type"] == "ReaderFault"
    assert answers[3]["error"]["type"] == "ReaderFault"
    assert answers[4] == {"id": 5, "ok": True}
