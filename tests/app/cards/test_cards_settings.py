"""Reader settings: stored form, validation, and the factory building each backend on the card thread."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.cards.errors import ReaderFault
from app.cards.helper_client import HelperProcessReader, default_helper_command
from app.cards.idcard import IdCardReader
from app.cards.pcsc import PcscReader
from app.cards.reader import card_thread
from app.cards.settings import BACKEND_LABELS, BACKENDS, ReaderSettings, open_reader
from app.cards.simulator import SimulatorReader
from app.cards.vendor import VendorReader
from tests.app.cards.conftest import FakeLibs


@pytest.fixture(autouse=True)
def _on_card_thread() -> Iterator[None]:
    with card_thread():
        yield


def test_round_trip_and_validation() -> None:
    settings = ReaderSettings(
        backend="vendor", library="C:/SSCard/SSCardDriver.dll", itype=1, use_helper=True, helper_command=("a", "b")
    )
    assert ReaderSettings.from_dict(settings.to_dict()) == settings
    assert ReaderSettings.from_dict({"backend": "pcsc", "from_a_newer_version": 1}) == ReaderSettings()
    for bad in ({"backend": "magnetic"}, {"itype": 9}, {"convention": "pascal"}, {"idcard_family": "x"}):
        with pytest.raises(ValueError):
            ReaderSettings.from_dict(bad)
    assert set(BACKEND_LABELS) == set(BACKENDS)


def test_factory_builds_each_backend(fake_libs: FakeLibs) -> None:
    lib = str(fake_libs.sscard)
    assert isinstance(open_reader(ReaderSettings(backend="simulator", scenario="card30")), SimulatorReader)
    assert isinstance(open_reader(ReaderSettings(backend="pcsc", reader_name=" ")), PcscReader)
    assert isinstance(open_reader(ReaderSettings(backend="vendor", library=lib, convention="cdecl")), VendorReader)
    helper = open_reader(ReaderSettings(backend="vendor", library=lib, use_helper=True))
    assert isinstance(helper, HelperProcessReader)
    assert helper.command == default_helper_command()
    assert helper.helper_pid is None  # started on first use
    idcard = ReaderSettings(backend="idcard", library=str(fake_libs.idcard), convention="cdecl")
    assert isinstance(open_reader(idcard), IdCardReader)
    with pytest.raises(ReaderFault, match="还没有设置身份证阅读器的驱动文件"):
        open_reader(ReaderSettings(backend="idcard"))


def test_from_workstation_settings(fake_libs: FakeLibs) -> None:
    """The 设置 page's ``card_*`` values become the reader the card thread opens."""
    lib = str(fake_libs.sscard)
    chosen = ReaderSettings.from_settings(
        {
            "card_backend": "vendor",
            "card_library": f"  {lib} ",
            "card_helper": True,
            "card_itype": 2,
            "card_convention": "cdecl",
            "card_step1_itype": False,
            "card_reader_name": "",
            "card_idcard_family": "termb",
            "card_idcard_port": 0,
            "card_scenario": "card30",
        }
    )
    assert chosen == ReaderSettings(
        backend="vendor",
        library=lib,
        use_helper=True,
        itype=2,
        convention="cdecl",
        step1_has_itype=False,
        idcard_family="termb",
        scenario="card30",
    )
    assert isinstance(open_reader(chosen), HelperProcessReader)
    pcsc = ReaderSettings.from_settings({"card_backend": "pcsc", "card_reader_name": " ACS ", "card_idcard_port": 1001})
    assert pcsc.reader_name == "ACS" and pcsc.idcard_port == 1001 and not pcsc.use_helper
    # A real reader is assumed when nothing says otherwise: a station never simulates cards by accident.
    assert ReaderSettings.from_settings({}).backend == "pcsc"


def test_from_settings_falls_back_per_option() -> None:
    """A value that is not a known choice costs that option its default, not the counter its reader."""
    chosen = ReaderSettings.from_settings(
        {
            "card_backend": "pcsc",
            "card_itype": 9,
            "card_convention": "pascal",
            "card_idcard_family": "x",
            "card_scenario": "dragon",
            "card_helper": "yes please",
            "card_idcard_port": True,
        }
    )
    assert chosen == ReaderSettings(backend="pcsc")
    assert ReaderSettings.from_settings({"card_backend": "magnetic"}).backend == "pcsc"
