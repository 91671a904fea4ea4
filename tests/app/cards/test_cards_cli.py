"""``fuwutai card read`` / ``list-readers`` in-process: masked output, audit decision, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app.cards.errors import NeedsNetwork, NoCard
from app.cli.main import run
from app.store import DataDir, Store, open_store
from app.store.models import AuditEntry
from tests.app.cards.conftest import Control, FakeLibs, hexed
from tests.app.cards.samples import NAME, PERSONAL_VALUES, SS_NUMBER, bas_bytes, id_text_block


def _card_reads(data_dir: DataDir) -> list[dict[str, object]]:
    store = open_store(data_dir, auto_backup=False)
    try:
        with store.session() as session:
            return [e.detail for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "card.read"))]
    finally:
        store.close()


def test_simulator_read_without_a_station_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--data-dir", str(tmp_path / "empty"), "card", "read", "--backend", "simulator", "--json"]) == 0
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert result["audited"] is False
    assert result["record"]["source"] == "simulator"
    assert result["record"]["ss_number"].count("*") == 8
    assert "没有记入审计日志" in err
    assert not (tmp_path / "empty").exists()  # reading a card creates no data folder


def test_read_is_audited_when_the_station_has_a_database(
    store: Store, data_dir: DataDir, fake_libs: FakeLibs, sscard_control: Control, capsys: pytest.CaptureFixture[str]
) -> None:
    store.close()
    sscard_control.set(read=f"0 {hexed(bas_bytes())}")
    args = ["--data-dir", str(data_dir.root), "card", "read", "--backend", "vendor", "--library", str(fake_libs.sscard)]
    assert run([*args, "--convention", "cdecl", "--itype", "1"]) == 0
    out, _ = capsys.readouterr()
    assert "社会保障号码：" + SS_NUMBER[:6] + "*" * 8 + SS_NUMBER[-4:] in out
    assert "姓名：王*明" in out
    assert "已记入审计日志" in out
    for value in PERSONAL_VALUES:
        assert value not in out
    assert sscard_control.calls() == ["iReadCardBas 1"]
    assert _card_reads(data_dir) == [{"source": "vendor", "holder_data": True}]
    log_text = "".join(p.read_text(encoding="utf-8") for p in data_dir.logs.glob("*.log*"))
    for value in PERSONAL_VALUES:
        assert value not in log_text


def test_a_database_that_cannot_be_opened_stops_the_read(
    store: Store,
    data_dir: DataDir,
    fake_libs: FakeLibs,
    sscard_control: Control,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store.close()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "other-keyring"))  # the store's key is not there
    sscard_control.set(read=f"0 {hexed(bas_bytes())}")
    args = ["--data-dir", str(data_dir.root), "card", "read", "--backend", "vendor"]
    code = run([*args, "--library", str(fake_libs.sscard), "--convention", "cdecl"])
    assert code == 1
    assert "错误：" in capsys.readouterr().err
    assert sscard_control.calls() == []


@pytest.mark.parametrize(
    ("control", "exit_code", "words"),
    [
        ("-2 -", NoCard.exit_code, "没有卡"),
        ("-2201 -", NeedsNetwork.exit_code, "已接入平台的服务台数据文件夹"),  # no station: no platform to ask
    ],
)
def test_card_errors_have_their_own_exit_codes(
    tmp_path: Path,
    fake_libs: FakeLibs,
    sscard_control: Control,
    capsys: pytest.CaptureFixture[str],
    control: str,
    exit_code: int,
    words: str,
) -> None:
    sscard_control.set(read=control, step1="0 " + hexed(b"520100|3B|01|520100D156|11|22|33|44|"))
    args = ["--data-dir", str(tmp_path), "card", "read", "--backend", "vendor", "--library", str(fake_libs.sscard)]
    assert run([*args, "--convention", "cdecl"]) == exit_code
    assert words in capsys.readouterr().err
    # With --json the error is JSON too, its kind named for scripts; same exit code.
    assert run([*args, "--convention", "cdecl", "--json"]) == exit_code
    shown = json.loads(capsys.readouterr().out)["error"]
    assert exit_code == {"NoCard": NoCard.exit_code, "NeedsNetwork": NeedsNetwork.exit_code}[shown["type"]]
    assert words in shown["message"]


def test_helper_and_idcard_backends(
    tmp_path: Path,
    fake_libs: FakeLibs,
    sscard_control: Control,
    idcard_control: Control,
    capsys: pytest.CaptureFixture[str],
) -> None:
    sscard_control.set(read=f"0 {hexed(bas_bytes())}")
    base = ["--data-dir", str(tmp_path), "card", "read", "--json", "--convention", "cdecl"]
    assert run([*base, "--backend", "vendor", "--helper", "--library", str(fake_libs.sscard)]) == 0
    assert json.loads(capsys.readouterr().out)["record"]["name"] == "王*明"
    idcard_control.set(text=id_text_block().hex())
    assert run([*base, "--backend", "idcard", "--library", str(fake_libs.idcard)]) == 0
    out = capsys.readouterr().out
    record = json.loads(out)["record"]
    assert record["source"] == "idcard" and record["birth_date"] == "1988-**-**"
    assert SS_NUMBER not in out and NAME not in out


def test_missing_library_setting(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--data-dir", str(tmp_path), "card", "read", "--backend", "vendor"]) != 0
    assert "还没有设置社保卡读卡器的驱动文件" in capsys.readouterr().err


def _pin_checks(data_dir: DataDir) -> list[dict[str, object]]:
    store = open_store(data_dir, auto_backup=False)
    try:
        with store.session() as session:
            return [e.detail for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "card.pin"))]
    finally:
        store.close()


def test_verify_pin_through_the_vendor_pad_is_audited(
    store: Store, data_dir: DataDir, fake_libs: FakeLibs, sscard_control: Control, capsys: pytest.CaptureFixture[str]
) -> None:
    store.close()
    args = ["--data-dir", str(data_dir.root), "card", "verify-pin", "--backend", "vendor"]
    args += ["--library", str(fake_libs.sscard), "--convention", "cdecl", "--itype", "1"]
    sscard_control.set(pin="0 -")
    assert run(args) == 0
    assert "密码正确。已记入审计日志。" in capsys.readouterr().out
    assert sscard_control.calls() == ["iVerifyPIN 1"]
    sscard_control.set(pin=f"-51 {hexed('密码错误，还可尝试2次'.encode('gbk'))}")
    assert run(args) == 19  # PinWrong
    assert "还可以再试 2 次" in capsys.readouterr().err
    sscard_control.set(pin="-52 -")
    assert run([*args, "--json"]) == 14  # CardLocked
    assert _pin_checks(data_dir) == [{"outcome": "ok"}, {"outcome": "PinWrong"}, {"outcome": "CardLocked"}]


def test_verify_pin_needs_a_reader_with_a_pad(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A PC/SC reader has no PIN pad here: a clear refusal, not a crash (the simulator stands in for one)."""
    assert run(["--data-dir", str(tmp_path / "none"), "card", "verify-pin", "--backend", "simulator", "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {"audited": False, "outcome": "ok"} and "没有记入审计日志" in err
    from app.cards import CardService
    from app.cards.errors import ReaderFault
    from app.cards.service import NO_PIN_PAD
    from tests.app.cards.test_cards_service import RecordingReader

    service = CardService(RecordingReader)
    with pytest.raises(ReaderFault, match="不能让持卡人输入密码"):
        service.verify_pin().result(timeout=5)
    service.close()
    assert "厂商读卡器" in NO_PIN_PAD
