"""The SSSE read sequence and codings against the virtual card's applet directly (no pcscd)."""

from __future__ import annotations

from datetime import date
from random import Random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cards.errors import CardDataInvalid, ReaderFault, WrongCard
from app.cards.record import NOTICE_HOLDER_NEEDS_VENDOR
from app.cards.ssse import decode_an, decode_cn, read_record, read_ssse, transceive
from app.validation import synthetic_name, synthetic_resident_id
from tests.app.cards.samples import CARD_NUMBER, NAME, SS_NUMBER
from tests.app.cards.virtual_card import CardApplet, make_profile


def test_codings() -> None:
    assert decode_cn(bytes.fromhex("20190601")) == "20190601"
    assert decode_cn(bytes.fromhex("520100FFFF")) == "520100"
    assert decode_cn(bytes.fromhex("01")) == "01"
    assert decode_cn(bytes.fromhex("ABCF"), strip_padding=False) == "ABCF"
    assert decode_an("王小明".encode("gbk") + b"\x00" * 24, "姓名") == "王小明"
    with pytest.raises(CardDataInvalid, match="姓名的文字编码不正确"):
        decode_an(b"\xff\xfe", "姓名")
    assert read_record(0x09, 30).hex().upper() == "00B2090020"


def test_applet_round_trip() -> None:
    applet = CardApplet(make_profile(ss_number=SS_NUMBER, name=NAME, card_number=CARD_NUMBER))
    record = read_ssse(applet.transmit, "3B00")
    assert (record.ss_number, record.name, record.card_number) == (SS_NUMBER, NAME, CARD_NUMBER)
    assert record.atr == "3B00"


def test_a_card_without_ssse_is_the_wrong_card() -> None:
    profile = make_profile(ss_number=SS_NUMBER, name=NAME, card_number=CARD_NUMBER)
    profile.has_ssse = False
    with pytest.raises(WrongCard, match="没有社会保障应用"):
        read_ssse(CardApplet(profile).transmit, "3B00")


def test_bad_records() -> None:
    profile = make_profile(ss_number=SS_NUMBER, name=NAME, card_number=CARD_NUMBER)
    del profile.ef05[0x07]
    with pytest.raises(CardDataInvalid, match="缺少记录 07"):
        read_ssse(CardApplet(profile).transmit, "3B00")

    def lying(apdu: bytes) -> tuple[bytes, int]:
        if apdu[1] == 0xB2:
            return bytes([apdu[2], 200, 1, 2]), 0x9000  # declares more bytes than it sends
        return b"", 0x9000

    with pytest.raises(CardDataInvalid, match="记录 01 的格式不正确"):
        read_ssse(lying, "3B00")

    def stuck(apdu: bytes) -> tuple[bytes, int]:
        return b"\x00", 0x6101  # GET RESPONSE forever

    with pytest.raises(ReaderFault, match="应答过长"):
        transceive(stuck, bytes.fromhex("00B2010012"))

    def odd_status(apdu: bytes) -> tuple[bytes, int]:
        return b"", 0x6F00

    with pytest.raises(ReaderFault, match="6F00"):
        read_ssse(odd_status, "3B00")


def test_select_level_refusal_of_ef06_is_the_3_0_notice() -> None:
    applet = CardApplet(make_profile(ss_number=SS_NUMBER, name=NAME, card_number=CARD_NUMBER))

    def refuse_ef06(apdu: bytes) -> tuple[bytes, int]:
        if apdu == bytes.fromhex("00A4020002EF06"):
            return b"", 0x6982
        return applet.transmit(apdu)

    record = read_ssse(refuse_ef06, "3B00")
    assert record.notice == NOTICE_HOLDER_NEEDS_VENDOR and record.ss_number is None


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(min_value=0, max_value=10_000),
    version=st.sampled_from(["1.00", "2.00", "3.00"]),
    get_response=st.booleans(),
    short_name=st.booleans(),
    issued=st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
)
def test_any_synthetic_card_reads_back(
    seed: int, version: str, get_response: bool, short_name: bool, issued: date
) -> None:
    rng = Random(seed)
    ss_number = synthetic_resident_id(rng)
    name = synthetic_name(rng)
    card_number = f"A{rng.randint(0, 99_999_999):08d}"
    profile = make_profile(
        ss_number=ss_number,
        name=name,
        card_number=card_number,
        version=version,
        issued=issued,
        get_response=get_response,
        short_name_record=short_name,
    )
    record = read_ssse(CardApplet(profile).transmit, "3B00")
    assert record.card_number == card_number and record.issued_on == issued
    if version == "3.00":
        assert record.ss_number is None and record.notice == NOTICE_HOLDER_NEEDS_VENDOR
    else:
        assert (record.ss_number, record.name) == (ss_number, name)
