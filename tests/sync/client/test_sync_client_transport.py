"""The HTTP transport: timeouts, retries with backoff, Retry-After, size cap, gzip, TLS, offline pauses.

A scripted fake server stands in for the platform here: the real one never sends 503s, cut bodies
or oversized answers on purpose.
"""

from __future__ import annotations

import datetime
import gzip
import ipaddress
import json
import socket
import ssl
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from sync.client.api import read_error
from sync.client.errors import Cancelled, SyncError
from sync.client.transport import Transport, TransportConfig, parse_retry_after
from tests.sync.client.fake_http import Answer, FakeServer


class Thing(BaseModel):
    value: int


def _transport(url: str, **overrides: Any) -> Transport:
    settings: dict[str, Any] = {
        "connect_timeout": 2.0,
        "read_timeout": 5.0,
        "backoff_base": 0.01,
        "backoff_cap": 0.05,
        "retry_budget": 10.0,
        "max_attempts": 6,
        **overrides,
    }
    return Transport(
        TransportConfig(base_url=url, **settings),
        auth_headers=lambda: {"Authorization": "Bearer d.s"},
        error_reader=read_error,
    )


def test_sync_client_transport_honours_retry_after() -> None:
    with FakeServer() as server:
        server.route(
            "GET",
            "/v1/thing",
            Answer(
                503,
                {"error": {"code": "unavailable", "message": "平台维护中。", "retry_after": 1}},
                {"Retry-After": "1"},
            ),
            Answer(200, {"value": 7}),
        )
        transport = _transport(server.url)
        started = time.monotonic()
        assert transport.call("GET", "/v1/thing", Thing).value == 7
        elapsed = time.monotonic() - started
    assert 1.0 <= elapsed < 5.0
    assert transport.waits and transport.waits[0] >= 1.0
    assert server.count("/v1/thing") == 2


def test_sync_client_transport_gives_up_at_once_when_retry_after_exceeds_the_budget() -> None:
    with FakeServer() as server:
        server.route(
            "GET",
            "/v1/thing",
            Answer(503, {"error": {"code": "unavailable", "message": "维护"}}, {"Retry-After": "3600"}),
        )
        transport = _transport(server.url, retry_budget=5.0)
        started = time.monotonic()
        with pytest.raises(SyncError) as caught:
            transport.call("GET", "/v1/thing", Thing)
    assert time.monotonic() - started < 1.0
    assert caught.value.kind == "server" and caught.value.retry_after == 3600
    assert "60 分钟后再试" in str(caught.value) and "维护" in str(caught.value)
    assert server.count("/v1/thing") == 1


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_sync_client_transport_retries_server_errors_with_backoff(status: int) -> None:
    with FakeServer() as server:
        server.route("GET", "/v1/thing", Answer(status, b"oops"), Answer(status, b"oops"), Answer(200, {"value": 1}))
        transport = _transport(server.url)
        assert transport.call("GET", "/v1/thing", Thing).value == 1
    assert len(transport.waits) == 2


def test_sync_client_transport_backoff_is_capped_exponential_with_jitter() -> None:
    config = TransportConfig(base_url="http://127.0.0.1:9", backoff_base=0.5, backoff_cap=4.0)
    high = Transport(config, rng=lambda: 1.0)
    low = Transport(config, rng=lambda: 0.0)
    assert [high._delay(n, None) for n in range(1, 7)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert [low._delay(n, None) for n in range(1, 5)] == [0.25, 0.5, 1.0, 2.0]
    assert low._delay(1, 9.0) == 9.0  # Retry-After is never undercut


def test_sync_client_transport_parses_retry_after_dates() -> None:
    now = 1_700_000_000.0
    date = email_date(now + 120)
    assert parse_retry_after(date, now=now) == pytest.approx(120, abs=1)
    assert parse_retry_after("15") == 15
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def email_date(when: float) -> str:
    from email.utils import formatdate

    return formatdate(when, usegmt=True)


def test_sync_client_transport_stops_after_the_attempt_limit() -> None:
    with FakeServer() as server:
        server.route("GET", "/v1/thing", Answer(502, b"bad gateway"))
        transport = _transport(server.url, max_attempts=3)
        with pytest.raises(SyncError) as caught:
            transport.call("GET", "/v1/thing", Thing)
    assert caught.value.kind == "server" and "HTTP 502" in str(caught.value)
    assert server.count("/v1/thing") == 3


def test_sync_client_transport_retries_a_body_cut_short() -> None:
    with FakeServer() as server:
        server.route("GET", "/v1/thing", Answer(200, {"value": 12345678}, truncate_to=5), Answer(200, {"value": 3}))
        assert _transport(server.url).call("GET", "/v1/thing", Thing).value == 3


@pytest.mark.parametrize("chunked", [False, True])
def test_sync_client_transport_refuses_huge_bodies(chunked: bool) -> None:
    huge = {"value": 1, "padding": "x" * 50_000}
    with FakeServer() as server:
        server.route("GET", "/v1/thing", Answer(200, huge, chunked=chunked))
        with pytest.raises(SyncError) as caught:
            _transport(server.url, max_response_bytes=10_000).call("GET", "/v1/thing", Thing)
    assert caught.value.kind == "protocol" and "上限" in str(caught.value)


def test_sync_client_transport_caps_a_gzip_bomb_after_decoding() -> None:
    with FakeServer() as server:
        server.route("GET", "/v1/thing", Answer(200, b"{" + b" " * 2_000_000 + b"}", gzip=True))
        with pytest.raises(SyncError) as caught:
            _transport(server.url, max_response_bytes=100_000).call("GET", "/v1/thing", Thing)
    assert caught.value.kind == "protocol"


@pytest.mark.parametrize(("body", "words"), [(b"{not json", "不是有效的 JSON"), ({"valu": "x"}, "格式与协议不符")])
def test_sync_client_transport_refuses_malformed_answers(body: Any, words: str) -> None:
    with FakeServer() as server:
        server.route("GET", "/v1/thing", Answer(200, body))
        with pytest.raises(SyncError) as caught:
            _transport(server.url).call("GET", "/v1/thing", Thing)
    assert caught.value.kind == "protocol" and words in str(caught.value)
    # Bad JSON may be a cut answer: asked once more. A wrong schema would come again: not retried.
    assert server.count("/v1/thing") == (2 if isinstance(body, bytes) else 1)


def test_sync_client_transport_sends_gzip_and_reads_gzip() -> None:
    with FakeServer() as server:
        server.route(
            "POST",
            "/v1/thing",
            lambda seen: Answer(200, {"value": len(json.loads(seen.body)["items"])}, gzip=True),
        )
        body = json.dumps({"items": list(range(2000))}).encode()
        transport = _transport(server.url)
        raw = transport.send("POST", "/v1/thing", data=body)
        [seen] = server.seen
    assert json.loads(raw.body) == {"value": 2000}
    assert seen.headers["Content-Encoding"] == "gzip"
    assert seen.headers["Authorization"] == "Bearer d.s"


def test_sync_client_transport_reports_refusals_with_the_platform_message() -> None:
    body = {"error": {"code": "device_revoked", "message": "本机已被停用，请重新接入。"}}
    with FakeServer() as server:
        server.route("GET", "/v1/thing", Answer(401, body))
        transport = _transport(server.url)
        with pytest.raises(SyncError) as caught:
            transport.call("GET", "/v1/thing", Thing)
    assert caught.value.kind == "auth" and caught.value.code == "device_revoked"
    assert "本机已被停用" in str(caught.value) and "fuwutai enroll" in str(caught.value)


def test_sync_client_transport_does_not_follow_redirects() -> None:
    with FakeServer() as server:
        server.route("GET", "/v1/thing", Answer(302, b"", {"Location": "http://example.invalid/"}))
        with pytest.raises(SyncError) as caught:
            _transport(server.url).call("GET", "/v1/thing", Thing)
    assert caught.value.kind == "config"


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_sync_client_transport_offline_check_does_not_spin() -> None:
    transport = _transport(
        f"http://127.0.0.1:{_closed_port()}", offline_backoff_base=30.0, probe_timeout=0.5, probe_path="/v1/hello"
    )
    assert transport.reachable() is False
    pause = transport.offline_for()
    assert 20.0 < pause <= 30.0
    started = time.monotonic()
    for _ in range(1000):
        assert transport.reachable() is False  # answered from the pause, no network
    assert time.monotonic() - started < 0.5
    assert transport.reachable(force=True) is False
    assert transport.offline_for() > pause  # the pause grows


def test_sync_client_transport_offline_call_fails_within_its_budget() -> None:
    transport = _transport(f"http://127.0.0.1:{_closed_port()}", retry_budget=0.5, backoff_base=0.05, backoff_cap=0.1)
    started = time.monotonic()
    with pytest.raises(SyncError) as caught:
        transport.call("GET", "/v1/thing", Thing)
    assert caught.value.kind == "offline" and "离线" in str(caught.value)
    assert time.monotonic() - started < 2.0
    assert transport.offline_for() > 0


def test_sync_client_transport_cancel_interrupts_a_wait() -> None:
    with FakeServer() as server:
        server.route("GET", "/v1/thing", Answer(503, b"", {"Retry-After": "30"}))
        transport = _transport(server.url, retry_budget=60.0)
        threading.Timer(0.3, transport.cancel.set).start()
        started = time.monotonic()
        with pytest.raises(Cancelled):
            transport.call("GET", "/v1/thing", Thing)
    assert time.monotonic() - started < 3.0


def test_sync_client_transport_settings_are_checked() -> None:
    with pytest.raises(SyncError, match="平台地址"):
        Transport(TransportConfig(base_url="ftp://x"))
    with pytest.raises(SyncError, match="证书文件"):
        Transport(TransportConfig(base_url="https://x.example", ca_bundle="/nonexistent/ca.pem"))
    proxied = Transport(TransportConfig(base_url="https://x.example", proxy="http://10.0.0.1:3128"))
    assert proxied.session.proxies == {"http": "http://10.0.0.1:3128", "https": "http://10.0.0.1:3128"}
    assert proxied.session.trust_env is False
    assert Transport(TransportConfig(base_url="https://x.example", proxy="system")).session.trust_env is True
    assert Transport(TransportConfig(base_url="https://x.example")).session.verify is True


def _self_signed(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "测试省级平台 CA")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "ca.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path


def test_sync_client_transport_verifies_tls_against_the_configured_ca(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with FakeServer(tls=context) as server:
        server.route("GET", "/v1/thing", Answer(200, {"value": 5}))
        assert _transport(server.url, ca_bundle=str(cert)).call("GET", "/v1/thing", Thing).value == 5
        with pytest.raises(SyncError) as caught:
            _transport(server.url).call("GET", "/v1/thing", Thing)  # system CAs do not know this one
    assert caught.value.kind == "config" and "证书" in str(caught.value)


def test_sync_client_transport_gzip_helper_roundtrip() -> None:
    # The request body the transport compresses is plain gzip any server can read.
    data = json.dumps({"x": "中" * 1000}).encode()
    assert gzip.decompress(gzip.compress(data, compresslevel=5)) == data
