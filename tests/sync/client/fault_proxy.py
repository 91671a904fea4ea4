"""A fault-injecting TCP proxy between a workstation and the platform, on 127.0.0.1 only.

Each client connection carries one HTTP request (the proxy asks both sides to close afterwards), so
a fault can be chosen per request. Faults, chosen with a seeded random generator:

- ``drop``: the connection is closed before the request is read (nothing reaches the platform);
- ``reset``: the request is read, then the connection is reset (nothing reaches the platform);
- ``delay``: the answer comes late but whole;
- ``stall``: the request reaches the platform, the answer comes after the client's read timeout;
- ``cut``: the request reaches the platform, the answer is cut short (Content-Length not met);
- ``reset_mid_body``: the request reaches the platform, the connection is reset inside the answer;
- ``lost_answer``: the request reaches the platform, the client gets a 502 instead of the answer;
- ``500`` / ``502`` / ``503`` / ``503_retry_after``: an error without forwarding, with or without
  ``Retry-After``.

The ones marked "reaches the platform" are the interesting ones: the platform stored the change but
the workstation does not know, so the resend must be recognised as a duplicate.
"""

from __future__ import annotations

import random
import socket
import struct
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

FAULTS = (
    "drop",
    "reset",
    "delay",
    "stall",
    "cut",
    "reset_mid_body",
    "lost_answer",
    "500",
    "502",
    "503",
    "503_retry_after",
)


@dataclass
class FaultProxy:
    upstream_host: str
    upstream_port: int
    seed: int = 1
    fault_rate: float = 0.3
    stall_seconds: float = 1.5
    enabled: bool = True
    counts: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept_loop, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._sock.close()

    def _choose(self) -> str:
        with self._lock:
            healthy = not self.enabled or self._rng.random() >= self.fault_rate
            fault = "none" if healthy else self._rng.choice(FAULTS)
            self.counts[fault] += 1
            return fault

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        client.settimeout(10)
        try:
            fault = self._choose()
            if fault == "drop":
                client.close()
                return
            request = _read_request(client)
            if request is None:
                client.close()
                return
            if fault == "reset":
                _reset(client)
                return
            if fault in ("500", "502", "503", "503_retry_after"):
                status = int(fault[:3])
                extra = "Retry-After: 1\r\n" if fault == "503_retry_after" else ""
                _send_error(client, status, extra)
                return
            answer = self._forward(request)
            if fault == "lost_answer":
                _send_error(client, 502, "")
                return
            if fault == "delay":
                time.sleep(0.05 + self._rng.random() * 0.2)
            elif fault == "stall":
                time.sleep(self.stall_seconds)
            elif fault == "cut":
                client.sendall(answer[: max(1, len(answer) // 2)])
                client.close()
                return
            elif fault == "reset_mid_body":
                client.sendall(answer[: max(1, len(answer) * 2 // 3)])
                _reset(client)
                return
            client.sendall(answer)
            client.close()
        except OSError:
            client.close()

    def _forward(self, request: bytes) -> bytes:
        with socket.create_connection((self.upstream_host, self.upstream_port), timeout=30) as upstream:
            upstream.sendall(request)
            chunks: list[bytes] = []
            while True:
                data = upstream.recv(65536)
                if not data:
                    break
                chunks.append(data)
        return _close_after(b"".join(chunks))


def _read_request(client: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = client.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    lines = head.split(b"\r\n")
    kept = [lines[0]]
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
        if name.strip().lower() == b"connection":
            continue
        kept.append(line)
    while len(body) < length:
        chunk = client.recv(65536)
        if not chunk:
            return None
        body += chunk
    kept.append(b"Connection: close")
    return b"\r\n".join(kept) + b"\r\n\r\n" + body


def _close_after(answer: bytes) -> bytes:
    head, sep, body = answer.partition(b"\r\n\r\n")
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
    lines.append(b"Connection: close")
    return b"\r\n".join(lines) + sep + body


def _send_error(client: socket.socket, status: int, extra_headers: str) -> None:
    reasons = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}
    body = b"<html>proxy error</html>"
    head = (
        f"HTTP/1.1 {status} {reasons[status]}\r\nContent-Type: text/html\r\n{extra_headers}"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    client.sendall(head.encode() + body)
    client.close()


def _reset(client: socket.socket) -> None:
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.close()
