"""A virtual 社会保障卡 for tests: the SSSE application answering SELECT / READ RECORD / GET RESPONSE,
and a client for vsmartcard's vpcd driver so pcscd (and pyscard through it) sees a real card.

vpcd framing: every message is a 2-byte big-endian length and the payload. A one-byte payload is a
control message (0 power off, 1 power on, 2 reset, 4 "send the ATR"); anything longer is a command
APDU, answered with the response APDU. Debian's own ``vicc`` is broken, hence this one.
All data is synthetic (valid-checksum IDs from ``app.validation.synthetic``).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from datetime import date

SSSE_AID = bytes.fromhex("7378312E73682EC9E7BBE1B1A3D5CF")
ATR_20 = bytes.fromhex("3B680000") + b"FWTSS-20"
ATR_30 = bytes.fromhex("3B680000") + b"FWTSS-30"


def an(text: str, length: int) -> bytes:
    raw = text.encode("gbk")
    assert len(raw) <= length, (text, length)
    return raw + b"\x00" * (length - len(raw))


def cn(digits: str, length: int) -> bytes:
    padded = digits + "F" * (2 * length - len(digits))
    return bytes.fromhex(padded)


@dataclass
class CardProfile:
    atr: bytes
    ef05: dict[int, bytes]
    ef06: dict[int, bytes]
    ef06_needs_auth: bool = False
    # T=0 style: answer 61xx and hand the data out with GET RESPONSE.
    get_response: bool = False
    has_ssse: bool = True


def make_profile(
    *,
    ss_number: str,
    name: str,
    card_number: str,
    version: str = "2.00",
    region: str = "520100",
    issued: date = date(2019, 6, 1),
    valid: date = date(2029, 6, 1),
    gender: str = "1",
    ethnic: str = "01",
    birth: date = date(1990, 1, 1),
    name_ext: str = "",
    short_name_record: bool = False,
    get_response: bool = False,
) -> CardProfile:
    """A 2.0 card (EF06 free) or a 3.0 card (EF06 answers 6982) with the given synthetic holder."""
    card_id = (region + "D156000005" + "0123456789ABCDEF")[:32]
    ef05 = {
        0x01: bytes.fromhex(card_id),
        0x02: an("3", 1),
        0x03: an(version, 4),
        0x04: cn("52010000000000000001", 12),
        0x05: cn(f"{issued:%Y%m%d}", 4),
        0x06: cn(f"{valid:%Y%m%d}", 4),
        0x07: an(card_number, 9),
    }
    ef06 = {
        0x08: an(ss_number, 18),
        # A record shorter than the spec's 30 bytes makes the card answer 6Cxx to the reader's Le.
        0x09: name.encode("gbk") if short_name_record else an(name, 30),
        0x0A: an(gender, 1),
        0x0B: cn(ethnic, 1),
        0x0C: cn(region, 3),
        0x0D: cn(f"{birth:%Y%m%d}", 4),
    }
    if name_ext:
        ef06[0x4E] = an(name_ext, 20)
    return CardProfile(
        atr=ATR_30 if version.startswith("3") else ATR_20,
        ef05=ef05,
        ef06=ef06,
        ef06_needs_auth=version.startswith("3"),
        get_response=get_response,
    )


@dataclass
class CardApplet:
    """The card's side of the conversation, independent of any transport."""

    profile: CardProfile
    commands: list[bytes] = field(default_factory=list)
    _app_selected: bool = False
    _ef: int | None = None
    _pending: bytes = b""

    def reset(self) -> None:
        self._app_selected = False
        self._ef = None
        self._pending = b""

    def _out(self, body: bytes) -> bytes:
        if self.profile.get_response and body:
            self._pending = body
            return bytes([0x61, min(len(body), 0xFF)])
        return body + b"\x90\x00"

    def process(self, apdu: bytes) -> bytes:
        self.commands.append(apdu)
        if len(apdu) < 4:
            return b"\x67\x00"
        cla, ins, p1, p2 = apdu[:4]
        if cla != 0x00:
            return b"\x6e\x00"
        if ins == 0xC0:
            if not self._pending:
                return b"\x69\x85"
            le = apdu[4] if len(apdu) > 4 else 0
            chunk, self._pending = self._pending[: le or 256], self._pending[le or 256 :]
            return chunk + (bytes([0x61, min(len(self._pending), 0xFF)]) if self._pending else b"\x90\x00")
        self._pending = b""
        if ins == 0xA4:
            data = apdu[5 : 5 + apdu[4]] if len(apdu) > 5 else b""
            if p1 == 0x04:
                if data != SSSE_AID or not self.profile.has_ssse:
                    return b"\x6a\x82"
                self._app_selected = True
                self._ef = None
                return self._out(bytes([0x6F, 2 + len(SSSE_AID), 0x84, len(SSSE_AID)]) + SSSE_AID)
            if p1 == 0x02 and self._app_selected and data in (b"\xef\x05", b"\xef\x06"):
                self._ef = int.from_bytes(data, "big")
                return b"\x90\x00"
            return b"\x6a\x82"
        if ins == 0xB2:
            if self._ef is None or p2 != 0x00:
                return b"\x69\x86"
            if self._ef == 0xEF06 and self.profile.ef06_needs_auth:
                return b"\x69\x82"
            records = self.profile.ef05 if self._ef == 0xEF05 else self.profile.ef06
            if p1 not in records:
                return b"\x6a\x83"
            body = bytes([p1, len(records[p1])]) + records[p1]
            le = apdu[4] if len(apdu) > 4 else 0
            if le != len(body):
                return bytes([0x6C, len(body)])
            return self._out(body)
        return b"\x6d\x00"

    def transmit(self, apdu: bytes) -> tuple[bytes, int]:
        """The ``Transmit`` shape used by ``app.cards.ssse.read_ssse``."""
        response = self.process(apdu)
        return response[:-2], (response[-2] << 8) | response[-1]


_CLONE_NEWNET = 0x40000000


def socket_in(netns: str) -> socket.socket:
    """A TCP socket created inside another network namespace (Linux ``setns`` on this thread only, then
    back): it reaches that namespace's loopback, where the suite's vpcd listens."""
    libc = ctypes.CDLL(None, use_errno=True)
    own = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
    target = os.open(netns, os.O_RDONLY)
    try:
        if libc.setns(target, _CLONE_NEWNET) != 0:
            raise OSError(ctypes.get_errno(), "setns into the pcscd namespace failed")
        try:
            return socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        finally:
            if libc.setns(own, _CLONE_NEWNET) != 0:
                raise OSError(ctypes.get_errno(), "setns back failed")
    finally:
        os.close(own)
        os.close(target)


class VirtualCard:
    """Puts a ``CardApplet`` into vpcd's virtual reader slot listening on ``host:port``."""

    def __init__(self, applet: CardApplet, port: int, host: str = "127.0.0.1", netns: str | None = None) -> None:
        """``netns``: the network namespace vpcd lives in (``/proc/<pid>/ns/net``), when the suite gave
        its pcscd one of its own so that vpcd's listening socket exists on that namespace's loopback only."""
        self.applet = applet
        self.port = port
        self.host = host
        self.netns = netns
        self._sock: socket.socket | None = None
        self._thread: threading.Thread | None = None
        self.error: BaseException | None = None

    def insert(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            try:
                sock = socket_in(self.netns) if self.netns else socket.socket(socket.AF_INET, socket.SOCK_STREAM)
                sock.settimeout(1.0)
                try:
                    sock.connect((self.host, self.port))
                except OSError:
                    sock.close()
                    raise
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.settimeout(None)
        self._sock = sock
        self._thread = threading.Thread(target=self._serve, args=(sock,), name="virtual-card", daemon=True)
        self._thread.start()

    def remove(self) -> None:
        sock, self._sock = self._sock, None
        if sock is not None:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    @staticmethod
    def _recv_exact(sock: socket.socket, count: int) -> bytes | None:
        data = bytearray()
        while len(data) < count:
            chunk = sock.recv(count - len(data))
            if not chunk:
                return None
            data += chunk
        return bytes(data)

    @staticmethod
    def _send(sock: socket.socket, payload: bytes) -> None:
        sock.sendall(struct.pack(">H", len(payload)) + payload)

    def _serve(self, sock: socket.socket) -> None:
        try:
            while True:
                if hasattr(socket, "TCP_QUICKACK"):
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
                header = self._recv_exact(sock, 2)
                if header is None:
                    return
                (length,) = struct.unpack(">H", header)
                payload = self._recv_exact(sock, length)
                if payload is None:
                    return
                if length == 1:
                    if payload[0] in (0, 1, 2):  # power off / power on / reset
                        self.applet.reset()
                    elif payload[0] == 4:
                        self._send(sock, self.applet.profile.atr)
                    continue
                self._send(sock, self.applet.process(payload))
        except OSError as exc:
            if self._sock is not None:  # not a deliberate remove()
                self.error = exc
