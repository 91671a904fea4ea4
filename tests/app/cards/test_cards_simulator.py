"""The training/demo simulator: synthetic cards only, every scenario."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.cards.bas import HsmStep1
from app.cards.errors import CardLocked, NeedsNetwork, NoCard, WrongCard
from app.cards.reader import card_thread
from app.cards.record import NOTICE_HOLDER_NEEDS_VENDOR
from app.cards.simulator import SCENARIOS, SimulatedHolder, SimulatorReader, synthetic_holders
from app.validation import validate
from tests.app.cards.samples import CARD_NUMBER, NAME, SS_NUMBER


@pytest.fixture(autouse=True)
def _on_card_thread() -> Iterator[None]:
    with card_thread():
        yield


def test_holders_have_valid_ids_and_card_numbers() -> None:
    holders = synthetic_holders(count=20)
    assert len({h.ss_number for h in holders}) == 20
    for holder in holders:
        assert validate("resident_id", holder.ss_number).ok
        assert validate("ss_card_number", holder.card_number).ok
    assert synthetic_holders(seed=1) == synthetic_holders(seed=1)
    assert holders[0].ss_number not in repr(holders[0])


def test_card20_cycles_through_holders() -> None:
    holders = synthetic_holders(count=3)
    reader = SimulatorReader("card20", holders=holders)
    read = [reader.read() for _ in range(4)]
    assert [r.ss_number for r in read] == [h.ss_number for h in holders] + [holders[0].ss_number]
    assert all(r.source == "simulator" and r.spec_version == "2.00" and r.has_holder_data for r in read)


def test_given_holders_are_used() -> None:
    reader = SimulatorReader(holders=[SimulatedHolder(SS_NUMBER, NAME, CARD_NUMBER)])
    record = reader.read()
    assert (record.ss_number, record.name, record.card_number) == (SS_NUMBER, NAME, CARD_NUMBER)


def test_card30_idcard_and_failures() -> None:
    reader = SimulatorReader("card30")
    record = reader.read()
    assert record.notice == NOTICE_HOLDER_NEEDS_VENDOR and not record.has_holder_data
    reader.set_scenario("idcard")
    id_record = reader.read()
    assert id_record.address and id_record.birth_date and id_record.ss_number
    assert id_record.ss_number[6:14] == f"{id_record.birth_date:%Y%m%d}"
    for scenario, error in (("no_card", NoCard), ("locked", CardLocked), ("wrong_card", WrongCard)):
        reader.set_scenario(scenario)
        with pytest.raises(error):
            reader.read()
    with pytest.raises(CardLocked):
        SimulatorReader("locked").verify_pin()
    SimulatorReader("card20").verify_pin()
    with pytest.raises(ValueError, match="unknown simulator scenario"):
        SimulatorReader("teleport")
    assert set(SCENARIOS) >= {"card20", "card30", "online_auth", "no_card", "locked"}


def test_online_auth_scenario() -> None:
    with pytest.raises(NeedsNetwork):
        SimulatorReader("online_auth").read()

    class Platform:
        def authenticate(self, step1: HsmStep1) -> str:
            assert step1.card_id.startswith("520100")
            return "0102|0304|"

    assert SimulatorReader("online_auth", authenticator=Platform()).read().has_holder_data


def test_insert_and_remove_for_the_insertion_watch() -> None:
    reader = SimulatorReader()
    assert reader.watch_insertion and reader.card_present()
    reader.remove()
    assert not reader.card_present()
    with pytest.raises(NoCard):
        reader.read()
    reader.insert()
    assert reader.read().has_holder_data
