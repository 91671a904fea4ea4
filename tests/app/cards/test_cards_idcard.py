"""二代身份证: the text block's offsets, and both SDK families against a gcc-built fake SDK."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cards.errors import CardDataInvalid, NoCard, NoReader, ReaderFault, WrongCard
from app.cards.idcard import IdCardConfig, IdCardReader, parse_id_text
from app.cards.reader import card_thread
from tests.app.cards.conftest import Control, FakeLibs
from tests.app.cards.samples import BAD_SS_NUMBER, NAME, SS_NUMBER, id_text_block


@pytest.fixture(autouse=True)
def _on_card_thread() -> Iterator[None]:
    with card_thread():
        yield


def test_text_block_offsets() -> None:
    block = id_text_block()
    assert len(block) == 256
    record = parse_id_text(block)
    assert record.source == "idcard"
    assert record.name == NAME
    assert record.gender == "1"
    assert record.ethnic == "01"
    assert record.birth_date == date(1988, 6, 1)
    assert record.address == "贵州省贵阳市南明区测试路100号"
    assert record.ss_number == SS_NUMBER
    assert record.issuer == "贵阳市公安局南明分局"
    assert record.id_valid_from == date(2015, 1, 1)
    assert record.id_valid_to is None  # 长期
    assert record.card_number == "" and record.region_code == ""


def test_full_width_fields_and_dated_validity() -> None:
    name = "阿" * 15  # exactly fills 0–15: the gender at 15 must not be swallowed
    address = "贵" * 35
    record = parse_id_text(id_text_block(name=name, gender="2", address=address, valid="2016030120360301"))
    assert record.name == name and record.gender == "2" and record.address == address
    assert record.id_valid_to == date(2036, 3, 1)


@pytest.mark.parametrize(
    ("block", "problem"),
    [
        (id_text_block()[:200], "身份证文字信息不完整"),
        (id_text_block(number=BAD_SS_NUMBER), "社会保障号码校验不通过"),
        (id_text_block(birth="19880602"), "出生日期与身份证号码不一致"),
        (id_text_block(gender="7"), "性别代码不正确"),
        (b"\x00\xd8" + id_text_block()[2:], "身份证文字信息的编码不正确"),  # a lone surrogate
    ],
)
def test_bad_blocks(block: bytes, problem: str) -> None:
    with pytest.raises(CardDataInvalid) as caught:
        parse_id_text(block)
    assert caught.value.problem == problem


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_fuzz_text_block(block: bytes) -> None:
    with contextlib.suppress(CardDataInvalid):
        parse_id_text(block)


def sdt(lib: Path, **kw: object) -> IdCardReader:
    return IdCardReader(IdCardConfig(library=str(lib), convention="cdecl", **kw))  # type: ignore[arg-type]


def test_sdt_family_scans_the_usb_ports(fake_libs: FakeLibs, idcard_control: Control) -> None:
    idcard_control.set(port=1005, text=id_text_block().hex())
    reader = sdt(fake_libs.idcard)
    assert reader.family == "sdt"
    assert reader.read().ss_number == SS_NUMBER
    reader.close()
    idcard_control.set(port=1001, text=id_text_block().hex())
    assert sdt(fake_libs.idcard, port=1001, family="sdt").read().name == NAME


@pytest.mark.parametrize(
    ("control", "error", "words"),
    [
        ({"port": 9}, NoReader, "没有找到身份证阅读器"),
        ({"find": "0x80"}, NoCard, "没有身份证"),
        ({"select": "0x81"}, NoCard, "没有身份证"),
        ({"read": "0x41"}, NoCard, "离开了感应区"),
        ({"read": "0x31"}, WrongCard, "没有通过身份证认证"),
        ({"find": "0x02"}, ReaderFault, "错误码 0x02"),
    ],
)
def test_sdt_errors(
    fake_libs: FakeLibs, idcard_control: Control, control: dict[str, str], error: type, words: str
) -> None:
    idcard_control.set(text=id_text_block().hex(), **control)
    with pytest.raises(error, match=words):
        sdt(fake_libs.idcard).read()


def test_termb_family_reads_and_deletes_its_files(fake_libs: FakeLibs, idcard_control: Control, tmp_path: Path) -> None:
    drop = fake_libs.idcard_termb.parent  # termb drivers write next to the DLL
    idcard_control.set(termb_dir=str(drop), text=id_text_block().hex())
    reader = sdt(fake_libs.idcard_termb)
    assert reader.family == "termb"
    assert reader.read().ss_number == SS_NUMBER
    assert not (drop / "wz.txt").exists() and not (drop / "zp.bmp").exists()
    # The SDT library also exports termb's functions: the family can be forced.
    assert sdt(fake_libs.idcard, family="termb").read().name == NAME
    idcard_control.set(termb_dir=str(drop), text=id_text_block().hex(), find="0x80")
    with pytest.raises(NoCard):
        reader.read()
    idcard_control.set(termb_dir=str(tmp_path / "not-there"), text=id_text_block().hex())
    with pytest.raises(NoCard):
        reader.read()  # the driver could not write its file: Read_Content fails
    idcard_control.set(port=1003, termb_dir=str(drop), text=id_text_block().hex())
    with pytest.raises(NoReader):
        reader.read()
    # A read that fails after the driver wrote the holder's text and photo leaves nothing behind.
    idcard_control.set(termb_dir=str(drop), text=id_text_block().hex(), partial=1)
    with pytest.raises(NoCard):
        reader.read()
    assert not (drop / "wz.txt").exists() and not (drop / "zp.bmp").exists()


def test_termb_in_the_working_folder(
    fake_libs: FakeLibs, idcard_control: Control, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    idcard_control.set(termb_dir=os.fspath(tmp_path), text=id_text_block().hex())
    assert sdt(fake_libs.idcard_termb).read().name == NAME
    assert list(tmp_path.iterdir()) == [tmp_path / "idcard-control.txt"]


def test_not_an_id_card_library(fake_libs: FakeLibs) -> None:
    with pytest.raises(ReaderFault, match="不是身份证阅读器的驱动"):
        sdt(fake_libs.sscard)
    with pytest.raises(ReaderFault, match="缺少函数"):
        sdt(fake_libs.idcard_termb, family="sdt")
