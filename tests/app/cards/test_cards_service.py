"""CardService's one card thread, the insertion watch, the audit helper, and "card data is never logged"."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

import pytest
from sqlalchemy import select

from app.auth import StaffInfo
from app.cards import CardRecord, CardService, audit_card_read
from app.cards.errors import CardDataInvalid, NoCard
from app.cards.idcard import IdCardConfig, IdCardReader
from app.cards.pcsc import PcscReader
from app.cards.reader import CardReader, WrongThreadError
from app.cards.service import THREAD_NAME
from app.cards.settings import ReaderSettings, open_reader, reader_factory
from app.cards.simulator import SimulatedHolder, SimulatorReader
from app.cards.vendor import VendorConfig, VendorReader
from app.store import Store
from app.store.models import AuditEntry
from tests.app.cards.conftest import Control, FakeLibs, Pcscd, hexed
from tests.app.cards.samples import (
    BAD_SS_NUMBER,
    CARD_NUMBER,
    HSM_KEY,
    NAME,
    PERSONAL_VALUES,
    SS_NUMBER,
    STEP1_TEXT,
    bas_bytes,
    id_text_block,
)
from tests.app.cards.test_cards_vendor import Authenticator
from tests.app.cards.virtual_card import CardProfile, VirtualCard, make_profile


class RecordingReader(CardReader):
    watch_insertion = True

    def __init__(self) -> None:
        self.threads: list[str] = []
        self.present = False
        self.closed = False

    def _note(self) -> None:
        self.threads.append(threading.current_thread().name)

    def read(self) -> CardRecord:
        self._note()
        return CardRecord(ss_number=SS_NUMBER, name=NAME, source="simulator")

    def card_present(self) -> bool:
        self._note()
        return self.present

    def close(self) -> None:
        self._note()
        self.closed = True


def test_every_call_runs_on_the_one_card_thread() -> None:
    reader = RecordingReader()
    created_on: list[str] = []

    def factory() -> CardReader:
        created_on.append(threading.current_thread().name)
        return reader

    service = CardService(factory)
    futures = [service.read() for _ in range(5)]
    assert [f.result(timeout=5).ss_number for f in futures] == [SS_NUMBER] * 5
    service.close()
    assert created_on == [THREAD_NAME]
    assert set(reader.threads) == {THREAD_NAME}
    assert reader.closed


def test_results_and_errors_arrive_through_futures_and_callbacks() -> None:
    service = CardService(lambda: SimulatorReader("no_card"))
    done = threading.Event()
    seen: list[Future[CardRecord]] = []

    def callback(future: Future[CardRecord]) -> None:
        seen.append(future)
        done.set()

    future = service.read(on_done=callback)
    assert done.wait(timeout=5)
    assert seen == [future]
    assert isinstance(future.exception(), NoCard)
    with pytest.raises(NoCard):
        future.result()
    service.close()


def test_factory_failures_reach_the_caller_and_the_service_survives(tmp_path: Path) -> None:
    settings = ReaderSettings(backend="vendor", library=str(tmp_path / "missing.so"), convention="cdecl")
    service = CardService(reader_factory(settings))
    with pytest.raises(Exception, match="无法加载读卡器驱动"):
        service.read().result(timeout=5)
    service.replace_reader(lambda: SimulatorReader("card20")).result(timeout=5)
    assert service.read().result(timeout=5).has_holder_data
    service.close()


def test_calling_a_backend_outside_the_card_thread_is_refused() -> None:
    with pytest.raises(WrongThreadError):
        SimulatorReader().read()
    with pytest.raises(WrongThreadError):
        open_reader(ReaderSettings(backend="vendor", library="x.so"))


def test_insertion_watch() -> None:
    reader = RecordingReader()
    inserted = threading.Event()
    service = CardService(lambda: reader, poll_interval=0.02)
    assert service.watch(inserted.set).result(timeout=5) is True
    assert not inserted.wait(timeout=0.2)
    reader.present = True
    assert inserted.wait(timeout=5)
    service.watch(None).result(timeout=5)
    service.close()
    assert set(reader.threads) == {THREAD_NAME}


def test_trial_read_shares_the_card_thread_and_the_watch_goes_on() -> None:
    """设置's 测试读卡器: the trial reader runs on the station's card thread, never beside its reader."""
    station, trial = RecordingReader(), RecordingReader()
    made: list[str] = []

    def station_factory() -> CardReader:
        made.append("station")
        return station

    def trial_factory() -> CardReader:
        assert station.closed, "the station's reader must be closed before the trial reader opens"
        made.append("trial")
        return trial

    inserted = threading.Event()
    service = CardService(station_factory, poll_interval=0.02)
    assert service.watch(inserted.set).result(timeout=5) is True
    record = service.read_with(trial_factory).result(timeout=5)
    assert record.ss_number == SS_NUMBER and trial.closed
    assert made == ["station", "trial", "station"]  # reopened at once so insertion is still noticed
    station.closed = False
    station.present = True
    assert inserted.wait(timeout=5)

    def broken() -> CardReader:
        raise NoCard()

    with pytest.raises(NoCard):
        service.read_with(broken).result(timeout=5)
    assert made[-1] == "station"  # a trial that cannot even open still gives the station its reader back
    service.close()
    assert set(station.threads) | set(trial.threads) == {THREAD_NAME}


def test_watch_reports_unsupported_readers(fake_libs: FakeLibs, sscard_control: Control) -> None:
    settings = ReaderSettings(backend="vendor", library=str(fake_libs.sscard), convention="cdecl")
    service = CardService(reader_factory(settings))
    assert service.watch(lambda: None).result(timeout=5) is False
    service.close()


def test_closed_service_refuses_work() -> None:
    service = CardService(SimulatorReader)
    service.close()
    service.close()  # twice is fine
    with pytest.raises(RuntimeError, match="closed"):
        service.read().result(timeout=5)


def test_audit_records_the_read_without_personal_data(store: Store, staff: dict[str, StaffInfo]) -> None:
    record = CardRecord(ss_number=SS_NUMBER, name=NAME, card_number=CARD_NUMBER, source="pcsc")
    with store.session() as session:
        audit_card_read(session, staff["clerk"].id, record)
    with store.session() as session:
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "card.read")).one()
        assert entry.actor_id == staff["clerk"].id
        assert entry.entity == "card" and entry.entity_id is None
        assert entry.detail == {"source": "pcsc", "holder_data": True}
        for value in PERSONAL_VALUES:
            assert value not in str(entry.detail)


def test_card_data_is_never_logged(
    caplog: pytest.LogCaptureFixture,
    fake_libs: FakeLibs,
    sscard_control: Control,
    idcard_control: Control,
    pcscd: Pcscd,
    insert_card: Callable[[CardProfile], VirtualCard],
) -> None:
    caplog.set_level(logging.DEBUG)
    holder = SimulatedHolder(SS_NUMBER, NAME, CARD_NUMBER)
    vendor = VendorConfig(library=str(fake_libs.sscard), convention="cdecl")
    idcard = IdCardConfig(library=str(fake_libs.idcard), convention="cdecl")
    insert_card(make_profile(ss_number=SS_NUMBER, name=NAME, card_number=CARD_NUMBER))
    sscard_control.set(
        read="-2201 -", step1=f"0 {hexed(STEP1_TEXT.encode())}", key=HSM_KEY, step2=f"0 {hexed(bas_bytes())}"
    )
    idcard_control.set(text=id_text_block().hex())

    from app.cards.helper_client import HelperProcessReader

    factories: list[Callable[[], CardReader]] = [
        lambda: SimulatorReader(holders=[holder]),
        lambda: VendorReader(vendor, Authenticator()),
        lambda: HelperProcessReader(vendor, Authenticator(), timeout=10),
        lambda: IdCardReader(idcard),
        lambda: PcscReader(pcscd.slot0),
    ]
    records = []
    for factory in factories:
        service = CardService(factory)
        records.append(service.read().result(timeout=20))
        service.close()
    assert all(r.ss_number == SS_NUMBER and r.name == NAME for r in records)
    sscard_control.set(read=f"0 {hexed(bas_bytes(ss_number=BAD_SS_NUMBER))}")
    service = CardService(lambda: VendorReader(vendor))
    with pytest.raises(CardDataInvalid):
        service.read().result(timeout=10)
    service.close()

    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''} {r.stack_info or ''}" for r in caplog.records)
    assert "card read: source=" in logged  # reads are logged …
    for value in (*PERSONAL_VALUES, BAD_SS_NUMBER, "测试路100号"):
        assert value not in logged  # … but never what was read


def test_jobs_queued_while_closing_fail_instead_of_hanging() -> None:
    release = threading.Event()

    class SlowReader(RecordingReader):
        def read(self) -> CardRecord:
            release.wait(timeout=10)
            return super().read()

    service = CardService(SlowReader)
    busy = service.read()
    closer = threading.Thread(target=service.close)
    closer.start()
    deadline = time.monotonic() + 10
    while not service._closed and time.monotonic() < deadline:  # close() has queued its own job
        time.sleep(0.001)
    late = service.read()
    release.set()
    closer.join(timeout=10)
    assert busy.result(timeout=5).ss_number == SS_NUMBER
    with pytest.raises(RuntimeError, match="closed"):
        late.result(timeout=5)
