"""The card reader's online helpers against the real reference platform on 127.0.0.1.

The 3rd-generation card route runs end to end: the gcc-built vendor library's Step1 factors go to the
platform, its answer goes into Step2, and the library only reads the card when the key is right.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from random import Random

import pytest
from sqlalchemy import update

from app.cards.bas import parse_step1_output
from app.cards.errors import NeedsNetwork, NeedsOnlineAuth, QrRejected
from app.cards.qr import QrToken, verify_token
from app.cards.reader import card_thread
from app.cards.vendor import VendorConfig, VendorReader
from app.clock import utcnow
from app.store import Store
from app.validation import synthetic_name, synthetic_resident_id
from sync.client import state
from sync.client.card_services import (
    NOT_ENROLLED,
    PlatformCardAuthenticator,
    PlatformQrVerifier,
    store_api_factory,
)
from sync.protocol import reference_hsm_answer
from sync.server import admin
from sync.server.harness import PlatformHarness
from sync.server.models import QrToken as ServerQrToken
from sync.server.security import utcnow as server_now
from tests.app.cards.conftest import Control, FakeLibs, fake_libs, hexed, sscard_control  # noqa: F401
from tests.app.cards.samples import CARD_ID, SS_NUMBER, STEP1_TEXT, bas_bytes


@pytest.fixture
def on_card_thread() -> Iterator[None]:
    with card_thread():
        yield


def _reference_key() -> str:
    step1 = parse_step1_output(STEP1_TEXT.encode())
    internal, external = reference_hsm_answer(CARD_ID, step1.text)
    return f"{internal}|{external}|"


def test_sync_client_third_generation_card_is_read_through_the_platform(
    enrolled: Callable[..., Store],
    fake_libs: FakeLibs,  # noqa: F811
    sscard_control: Control,  # noqa: F811
    on_card_thread: None,
) -> None:
    store = enrolled()
    # The library reads the card only if Step2 gets exactly the platform's answer for these factors.
    sscard_control.set(
        read="-2201 -", step1=f"0 {hexed(STEP1_TEXT.encode())}", key=_reference_key(), step2=f"0 {hexed(bas_bytes())}"
    )
    reader = VendorReader(
        VendorConfig(library=str(fake_libs.sscard), itype=3, convention="cdecl"),
        PlatformCardAuthenticator(store_api_factory(store)),
    )
    record = reader.read()
    assert record.ss_number == SS_NUMBER and record.source == "vendor"
    assert sscard_control.calls()[-1].startswith("iReadCardBas_HSM_Step2")


def test_sync_client_card_route_without_network_says_so(
    enrolled: Callable[..., Store],
    platform: PlatformHarness,
    fake_libs: FakeLibs,  # noqa: F811
    sscard_control: Control,  # noqa: F811
    on_card_thread: None,
) -> None:
    store = enrolled()
    platform.stop()
    sscard_control.set(read="-2201 -", step1=f"0 {hexed(STEP1_TEXT.encode())}", step2=f"0 {hexed(bas_bytes())}")
    reader = VendorReader(
        VendorConfig(library=str(fake_libs.sscard), itype=3, convention="cdecl"),
        PlatformCardAuthenticator(store_api_factory(store)),
    )
    with pytest.raises(NeedsNetwork, match="无法连接"):
        reader.read()
    assert not any(call.startswith("iReadCardBas_HSM_Step2") for call in sscard_control.calls())


def test_sync_client_card_route_on_a_workstation_never_enrolled(
    make_store: Callable[..., Store],
    fake_libs: FakeLibs,  # noqa: F811
    sscard_control: Control,  # noqa: F811
    on_card_thread: None,
) -> None:
    store = make_store()
    sscard_control.set(read="-2201 -", step1=f"0 {hexed(STEP1_TEXT.encode())}", step2=f"0 {hexed(bas_bytes())}")
    reader = VendorReader(
        VendorConfig(library=str(fake_libs.sscard), itype=3, convention="cdecl"),
        PlatformCardAuthenticator(store_api_factory(store)),
    )
    with pytest.raises(NeedsOnlineAuth) as caught:
        reader.read()
    assert str(caught.value) == NOT_ENROLLED and not isinstance(caught.value, NeedsNetwork)


def _issue(platform: PlatformHarness) -> tuple[str, str, str]:
    rng = Random(7)
    name, number = synthetic_name(rng), synthetic_resident_id(rng)
    token = admin.issue_qr(
        platform.db, {"name": name, "doc_type": "resident_id", "doc_number": number, "card_number": "A12345678"}
    )
    return token, name, number


def test_sync_client_qr_code_verified_by_the_platform(
    enrolled: Callable[..., Store], platform: PlatformHarness
) -> None:
    store = enrolled()
    code, name, number = _issue(platform)
    verifier = PlatformQrVerifier(store_api_factory(store))
    token = verify_token(QrToken(code=code, scanned_at=utcnow()), verifier)
    assert token.state == "verified" and token.holder is not None
    assert (token.holder.ss_number, token.holder.name, token.holder.source) == (number, name, "qr")
    assert token.holder.card_number == "A12345678"
    # A forged code and an expired one are refused with the platform's reason.
    forged = verify_token(QrToken(code=code[:-3] + "xyz", scanned_at=utcnow()), verifier)
    assert forged.state == "rejected" and forged.holder is None and "无效" in (forged.message or "")
    with platform.db.write() as session:
        session.execute(update(ServerQrToken).values(expires_at=server_now() - timedelta(seconds=1)))
    expired = verify_token(QrToken(code=code, scanned_at=utcnow()), verifier)
    assert expired.state == "rejected" and "过期" in (expired.message or "")
    with pytest.raises(QrRejected):
        verifier.verify(QrToken(code=code, scanned_at=utcnow()))


def test_sync_client_qr_code_offline_stays_to_verify(enrolled: Callable[..., Store], platform: PlatformHarness) -> None:
    store = enrolled()
    code, _name, _number = _issue(platform)
    platform.stop()
    token = verify_token(QrToken(code=code, scanned_at=utcnow()), PlatformQrVerifier(store_api_factory(store)))
    assert token.state == "to_verify" and token.holder is None and "待核验" in (token.message or "")
    with store.session() as session:
        assert state.connection(session) is not None  # still enrolled: nothing was changed by the failure


def test_sync_client_platform_failure_is_not_a_refusal(
    enrolled: Callable[..., Store], platform: PlatformHarness
) -> None:
    """A platform answering 500 has judged nothing: the QR code stays to verify (not 核验未通过) and the
    card route says the platform cannot be used now, instead of blaming the card."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
    from urllib.parse import urlsplit

    store = enrolled()
    code, _name, _number = _issue(platform)
    port = urlsplit(platform.url).port
    platform.stop()

    class Failing(BaseHTTPRequestHandler):
        def _fail(self) -> None:
            self.send_response(500)
            self.send_header("Content-Type", "application/json")
            body = b'{"error": {"code": "internal", "message": "internal error"}}'
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _fail

        def log_message(self, *_args: object) -> None:
            pass

    assert port is not None
    server = ThreadingHTTPServer(("127.0.0.1", port), Failing)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        token = verify_token(QrToken(code=code, scanned_at=utcnow()), PlatformQrVerifier(store_api_factory(store)))
        assert token.state == "to_verify" and token.holder is None
        with pytest.raises(NeedsNetwork):
            PlatformCardAuthenticator(store_api_factory(store)).authenticate(parse_step1_output(STEP1_TEXT.encode()))
    finally:
        server.shutdown()
        server.server_close()


def test_sync_client_cli_reads_a_third_generation_card_in_a_station_folder(
    enrolled: Callable[..., Store],
    fake_libs: FakeLibs,  # noqa: F811
    sscard_control: Control,  # noqa: F811
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``fuwutai card read`` in an enrolled station's folder asks the platform like the desktop program;
    with no station folder it says where the online route is available instead of "no network"."""
    from app.cli import card_commands
    from app.cli.main import run

    store = enrolled()
    folder = str(store.data_dir.root)
    store.close()
    args = ["card", "read", "--backend", "vendor", "--library", str(fake_libs.sscard), "--convention", "cdecl"]
    setup = {"read": "-2201 -", "step1": f"0 {hexed(STEP1_TEXT.encode())}", "key": _reference_key()}
    sscard_control.set(**setup, step2=f"0 {hexed(bas_bytes())}")
    card_commands.use_online_authentication(lambda s: PlatformCardAuthenticator(store_api_factory(s)))
    try:
        assert run(["--data-dir", folder, *args]) == 0
        assert "已记入审计日志" in capsys.readouterr().out
        assert sscard_control.calls()[-1].startswith("iReadCardBas_HSM_Step2")
        sscard_control.set(**setup, step2=f"0 {hexed(bas_bytes())}")
        assert run(["--data-dir", str(tmp_path / "no-station"), *args]) == NeedsNetwork.exit_code
        assert "已接入平台的服务台数据文件夹" in capsys.readouterr().err
    finally:
        card_commands.use_online_authentication(None)
