"""PC/SC end to end: pyscard → pcscd → vsmartcard's vpcd driver → the virtual card of this test suite."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from app.cards.errors import NoCard, NoReader
from app.cards.pcsc import PcscReader
from app.cards.reader import card_thread
from app.cards.record import NOTICE_HOLDER_NEEDS_VENDOR
from app.cards.service import CardService
from tests.app.cards.conftest import Pcscd, reader_has_card, wait_until
from tests.app.cards.samples import CARD_NUMBER, NAME, NAME_2, SS_NUMBER, SS_NUMBER_2
from tests.app.cards.virtual_card import CardProfile, VirtualCard, make_profile

InsertCard = Callable[[CardProfile], VirtualCard]


@pytest.fixture
def on_card_thread() -> Iterator[None]:
    with card_thread():
        yield


def card_20(**kw: object) -> CardProfile:
    return make_profile(ss_number=SS_NUMBER, name=NAME, card_number=CARD_NUMBER, **kw)  # type: ignore[arg-type]


@pytest.mark.usefixtures("on_card_thread")
def test_reads_a_2_0_card_with_holder_data(pcscd: Pcscd, insert_card: InsertCard) -> None:
    card = insert_card(card_20(birth=date(1988, 6, 1)))
    reader = PcscReader(pcscd.reader_prefix)
    try:
        record = reader.read()
    finally:
        reader.close()
    assert record.source == "pcsc"
    assert (record.ss_number, record.name, record.card_number) == (SS_NUMBER, NAME, CARD_NUMBER)
    assert record.spec_version == "2.00"
    assert record.region_code == "520100"
    assert record.card_id.startswith("520100D156000005")
    assert (record.issued_on, record.valid_until) == (date(2019, 6, 1), date(2029, 6, 1))
    assert (record.gender, record.ethnic, record.birth_date) == ("1", "01", date(1988, 6, 1))
    assert record.atr == card.applet.profile.atr.hex().upper()
    assert record.notice is None
    commands = card.applet.commands
    assert commands[0].hex().upper() == "00A404000F7378312E73682EC9E7BBE1B1A3D5CF"
    assert commands[1].hex().upper() == "00A4020002EF05"
    assert [c[2] for c in commands if c[1] == 0xB2] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 0x4E, 0x0A, 0x0B, 0x0C, 0x0D]


@pytest.mark.usefixtures("on_card_thread")
def test_a_3_0_card_gives_card_data_and_a_notice(pcscd: Pcscd, insert_card: InsertCard) -> None:
    card = insert_card(card_20(version="3.00"))
    reader = PcscReader()
    try:
        record = reader.read()
    finally:
        reader.close()
    assert record.spec_version == "3.00"
    assert record.card_number == CARD_NUMBER
    assert record.ss_number is None and record.name is None and not record.has_holder_data
    assert record.notice == NOTICE_HOLDER_NEEDS_VENDOR
    assert any(c[:4] == bytes.fromhex("00B20800") for c in card.applet.commands)  # EF06 was tried


@pytest.mark.usefixtures("on_card_thread")
def test_get_response_wrong_le_and_name_extension(pcscd: Pcscd, insert_card: InsertCard) -> None:
    card = insert_card(
        make_profile(
            ss_number=SS_NUMBER_2,
            name=NAME_2,
            name_ext="·阿依古丽",
            card_number=CARD_NUMBER,
            short_name_record=True,
            get_response=True,
        )
    )
    reader = PcscReader(pcscd.slot0)
    try:
        record = reader.read()
    finally:
        reader.close()
    assert record.name == NAME_2 + "·阿依古丽"
    assert record.ss_number == SS_NUMBER_2
    commands = card.applet.commands
    assert any(c[1] == 0xC0 for c in commands)  # 61xx answered with GET RESPONSE
    name_reads = [c for c in commands if c[1] == 0xB2 and c[2] == 0x09]
    assert [c[4] for c in name_reads] == [32, 2 + len(NAME_2.encode("gbk"))]  # 6Cxx: resent with Le=xx


@pytest.mark.usefixtures("on_card_thread")
def test_no_card_and_no_such_reader(pcscd: Pcscd, insert_card: InsertCard) -> None:
    insert_card(card_20())  # the card sits in slot 0; slot 1 stays empty
    reader = PcscReader(pcscd.slot1)
    try:
        assert not reader.card_present()
        with pytest.raises(NoCard):
            reader.read()
        names = {info.name: info.card_present for info in reader.list_readers()}
        assert names[pcscd.slot0] is True and names[pcscd.slot1] is False
    finally:
        reader.close()
    missing = PcscReader("读卡器不存在")
    try:
        with pytest.raises(NoReader, match="没有找到名为“读卡器不存在”的读卡器"):
            missing.read()
    finally:
        missing.close()


def test_no_pcsc_service_is_no_reader() -> None:
    """A process whose PC/SC client finds no pcscd socket (the service is not running)."""
    code = (
        "from app.cards.pcsc import PcscReader\n"
        "from app.cards.reader import card_thread\n"
        "from app.cards.errors import NoReader\n"
        "with card_thread():\n"
        "    try:\n"
        "        PcscReader().read()\n"
        "    except NoReader as exc:\n"
        "        print(exc)\n"
    )
    env = os.environ | {"PCSCLITE_CSOCK_NAME": "/nonexistent/pcscd.comm"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=30, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "智能卡服务没有运行" in result.stdout


def test_insertion_is_noticed_through_the_card_service(pcscd: Pcscd, insert_card: InsertCard) -> None:
    inserted = threading.Event()
    service = CardService(lambda: PcscReader(pcscd.slot0), poll_interval=0.1)
    try:
        assert service.watch(inserted.set).result(timeout=10) is True
        wait_until(lambda: service.submit(lambda r: r.card_present()).result(timeout=10) is False, "an empty slot")
        assert not inserted.is_set()
        insert_card(card_20())
        assert inserted.wait(timeout=10)
        record = service.read().result(timeout=10)
        assert record.ss_number == SS_NUMBER
    finally:
        service.close()


def test_cli_lists_readers_and_reads(pcscd: Pcscd, insert_card: InsertCard, tmp_path: Path) -> None:
    insert_card(card_20())
    assert reader_has_card(pcscd.slot0)
    cli = [sys.executable, "-c", "from app.cli.main import main; main()", "--data-dir", str(tmp_path)]
    listing = subprocess.run(
        [*cli, "card", "list-readers", "--json"], capture_output=True, text=True, timeout=30, check=False
    )
    assert listing.returncode == 0, listing.stderr
    readers = {r["name"]: r["card_present"] for r in json.loads(listing.stdout)}
    assert readers[pcscd.slot0] is True
    read = subprocess.run(
        [*cli, "card", "read", "--backend", "pcsc", "--reader", pcscd.slot0, "--json"],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert read.returncode == 0, read.stderr
    out = json.loads(read.stdout)
    assert out["audited"] is False
    assert out["record"]["ss_number"] == SS_NUMBER[:6] + "*" * 8 + SS_NUMBER[-4:]
    assert SS_NUMBER not in read.stdout and NAME not in read.stdout
    assert "没有记入审计日志" in read.stderr


def test_vpcd_is_not_reachable_from_the_network(pcscd: Pcscd) -> None:
    """vpcd listens on every interface it has: the suite's pcscd gets a network namespace with loopback
    only, so nothing outside this test can reach the virtual reader (root; otherwise it is not isolated)."""
    import os
    import socket

    if not pcscd.owned or os.geteuid() != 0:
        return  # a system pcscd or an unprivileged run: not ours to isolate (CI runs as root)
    assert pcscd.netns is not None
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", pcscd.port), timeout=2).close()
