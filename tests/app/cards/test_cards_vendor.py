"""The vendor backend against real shared libraries built with gcc from tests/app/cards/fixtures."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cards.bas import HsmStep1
from app.cards.errors import (
    CardDataInvalid,
    CardLocked,
    NeedsNetwork,
    NeedsOnlineAuth,
    NoCard,
    NoReader,
    PinWrong,
    ReaderFault,
    WrongCard,
)
from app.cards.reader import WrongThreadError, card_thread
from app.cards.vendor import HSM_CODES, VendorConfig, VendorReader
from tests.app.cards.conftest import Control, FakeLibs, hexed
from tests.app.cards.samples import BAD_SS_NUMBER, CARD_ID, HSM_KEY, NAME, SS_NUMBER, STEP1_TEXT, bas_bytes


@pytest.fixture(autouse=True)
def _on_card_thread() -> Iterator[None]:
    # These tests drive backends directly; CardService's own thread is tested elsewhere.
    with card_thread():
        yield


class Authenticator:
    """Stands in for the sync client's platform call."""

    def __init__(self, answer: str = HSM_KEY, error: BaseException | None = None) -> None:
        self.answer = answer
        self.error = error
        self.seen: list[HsmStep1] = []

    def authenticate(self, step1: HsmStep1) -> str:
        self.seen.append(step1)
        if self.error is not None:
            raise self.error
        return self.answer


def reader(lib: Path, *, itype: int = 3, authenticator: Authenticator | None = None, **kw: bool) -> VendorReader:
    return VendorReader(VendorConfig(library=str(lib), itype=itype, convention="cdecl", **kw), authenticator)


def test_reads_a_card(fake_libs: FakeLibs, sscard_control: Control) -> None:
    sscard_control.set(read=f"0 {hexed(bas_bytes())}")
    record = reader(fake_libs.sscard, itype=2).read()
    assert (record.ss_number, record.name, record.source) == (SS_NUMBER, NAME, "vendor")
    assert sscard_control.calls() == ["iReadCardBas 2"]


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (-1, WrongCard),
        (-2, NoCard),
        (-11, NoReader),
        (-21, ReaderFault),
        (-52, CardLocked),
        (-9999, ReaderFault),
        (7, ReaderFault),
    ],
)
def test_error_codes_are_typed(fake_libs: FakeLibs, sscard_control: Control, code: int, error: type) -> None:
    sscard_control.set(read=f"{code} {hexed('读卡器报错'.encode('gbk'))}")
    with pytest.raises(error) as caught:
        reader(fake_libs.sscard).read()
    if error is ReaderFault and code not in (-21,):
        assert str(code) in str(caught.value)
        assert "读卡器报错" in str(caught.value)  # the vendor's own text helps IT staff


@pytest.mark.parametrize("code", sorted(HSM_CODES))
def test_hsm_route_for_each_of_the_five_codes(fake_libs: FakeLibs, sscard_control: Control, code: int) -> None:
    sscard_control.set(
        read=f"{code} -",
        step1=f"0 {hexed(STEP1_TEXT.encode())}",
        key=HSM_KEY,
        step2=f"0 {hexed(bas_bytes())}",
    )
    auth = Authenticator()
    record = reader(fake_libs.sscard, itype=4, authenticator=auth).read()
    assert record.ss_number == SS_NUMBER
    assert [s.card_id for s in auth.seen] == [CARD_ID]
    assert sscard_control.calls() == ["iReadCardBas 4", "iReadCardBas_HSM_Step1 4", "iReadCardBas_HSM_Step2 -1"]


def test_step1_without_itype(fake_libs: FakeLibs, sscard_control: Control) -> None:
    sscard_control.set(read="-2201 -", step1=f"0 {hexed(STEP1_TEXT.encode())}", step2=f"0 {hexed(bas_bytes())}")
    record = reader(fake_libs.sscard_no_itype, authenticator=Authenticator(), step1_has_itype=False).read()
    assert record.name == NAME
    assert sscard_control.calls()[1] == "iReadCardBas_HSM_Step1 -1"


def test_offline_or_unconfigured_means_needs_network(fake_libs: FakeLibs, sscard_control: Control) -> None:
    sscard_control.set(read="-2203 -", step1=f"0 {hexed(STEP1_TEXT.encode())}", step2=f"0 {hexed(bas_bytes())}")
    with pytest.raises(NeedsNetwork, match="无法连接平台"):
        reader(fake_libs.sscard).read()
    for offline in (ConnectionRefusedError(), TimeoutError(), OSError("unreachable"), NeedsNetwork()):
        with pytest.raises(NeedsNetwork):
            reader(fake_libs.sscard, authenticator=Authenticator(error=offline)).read()
    assert "iReadCardBas_HSM_Step2 -1" not in sscard_control.calls()


def test_platform_refusal_and_rejected_key(fake_libs: FakeLibs, sscard_control: Control) -> None:
    sscard_control.set(read="-24 -", step1=f"0 {hexed(STEP1_TEXT.encode())}", key=HSM_KEY, step2="0 -")
    refusal = NeedsOnlineAuth("平台拒绝了认证。请持卡人到社保经办机构核实。")
    with pytest.raises(NeedsOnlineAuth, match="平台拒绝"):
        reader(fake_libs.sscard, authenticator=Authenticator(error=refusal)).read()
    with pytest.raises(NeedsOnlineAuth, match="没有接受"):
        reader(fake_libs.sscard, authenticator=Authenticator(answer="0000|1111|")).read()
    with pytest.raises(NeedsOnlineAuth, match="格式不正确"):
        reader(fake_libs.sscard, authenticator=Authenticator(answer="not a key")).read()


def test_driver_without_hsm_functions(fake_libs: FakeLibs, sscard_control: Control) -> None:
    sscard_control.set(read="-2201 -")
    with pytest.raises(NeedsOnlineAuth, match="HSM_Step1"):
        reader(fake_libs.sscard_no_hsm, authenticator=Authenticator()).read()


def test_step1_failure_and_malformed_factors(fake_libs: FakeLibs, sscard_control: Control) -> None:
    sscard_control.set(read="-2202 -", step1="-2 -")
    with pytest.raises(NoCard):
        reader(fake_libs.sscard, authenticator=Authenticator()).read()
    sscard_control.set(read="-2202 -", step1=f"0 {hexed(b'520100|only|three|')}")
    with pytest.raises(CardDataInvalid):
        reader(fake_libs.sscard, authenticator=Authenticator()).read()


@pytest.mark.parametrize(
    "output",
    [
        b"",
        b"garbage without separators",
        bas_bytes(ss_number=BAD_SS_NUMBER),
        bas_bytes().replace(NAME.encode("gbk"), b"\xff\xff"),
        bas_bytes() + b"x|" * 600,
        bas_bytes(name="王" * 200),
    ],
)
def test_malformed_output_is_card_data_invalid(fake_libs: FakeLibs, sscard_control: Control, output: bytes) -> None:
    sscard_control.set(read=f"0 {hexed(output)}")
    with pytest.raises(CardDataInvalid):
        reader(fake_libs.sscard).read()


def test_pin_pad(fake_libs: FakeLibs, sscard_control: Control) -> None:
    vendor = reader(fake_libs.sscard, itype=1)
    sscard_control.set(pin="0 -")
    vendor.verify_pin()
    sscard_control.set(pin=f"-51 {hexed('密码错误，还可尝试2次'.encode('gbk'))}")
    with pytest.raises(PinWrong) as caught:
        vendor.verify_pin()
    assert caught.value.tries_left == 2
    assert "还可以再试 2 次" in str(caught.value)
    sscard_control.set(pin="-51 -")
    with pytest.raises(PinWrong) as caught:
        vendor.verify_pin()
    assert caught.value.tries_left is None
    sscard_control.set(pin="-52 -")
    with pytest.raises(CardLocked):
        vendor.verify_pin()
    assert sscard_control.calls() == ["iVerifyPIN 1"]


def test_loading_problems_are_reader_faults(fake_libs: FakeLibs, tmp_path: Path) -> None:
    with pytest.raises(ReaderFault, match=r"无法加载读卡器驱动“missing\.so”"):
        reader(tmp_path / "missing.so")
    with pytest.raises(ReaderFault, match="没有 iReadCardBas"):
        reader(fake_libs.idcard)
    with pytest.raises(ReaderFault, match="stdcall"):
        VendorReader(VendorConfig(library=str(fake_libs.sscard), convention="stdcall"))


def test_itype_and_convention_are_checked() -> None:
    with pytest.raises(ValueError, match="itype"):
        VendorConfig(library="x", itype=5)
    with pytest.raises(ValueError, match="convention"):
        VendorConfig(library="x", convention="fastcall")  # type: ignore[arg-type]


def test_backends_refuse_to_run_off_the_card_thread(fake_libs: FakeLibs, sscard_control: Control) -> None:
    sscard_control.set(read=f"0 {hexed(bas_bytes())}")
    vendor = reader(fake_libs.sscard)

    errors: list[BaseException] = []

    def other_thread() -> None:
        try:
            vendor.read()
        except WrongThreadError as exc:
            errors.append(exc)

    worker = threading.Thread(target=other_thread)
    worker.start()
    worker.join(timeout=10)
    assert len(errors) == 1 and isinstance(errors[0], WrongThreadError)
    assert sscard_control.calls() == []


@pytest.mark.parametrize(
    ("text", "tries"),
    [
        ("密码错误，还可尝试2次", 2),
        ("错误-51，剩余2次", 2),
        ("PIN校验失败(-51)，剩余次数：1", 1),
        ("还可以再试 3 次", 3),
        ("密码错误", None),
        ("error 51", None),
    ],
)
def test_pin_tries_come_from_the_count_not_the_error_code(text: str, tries: int | None) -> None:
    from app.cards.vendor import error_for

    error = error_for(-51, text.encode("gbk"))
    assert isinstance(error, PinWrong) and error.tries_left == tries
