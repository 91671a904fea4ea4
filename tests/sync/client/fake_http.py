"""A tiny scripted HTTP server on 127.0.0.1 for answers the real platform never gives.

The reference platform always answers correctly; to prove the client survives a broken or hostile
server (bad JSON, wrong schema, huge bodies, cursors going backwards, 503 with ``Retry-After``,
bodies cut short) these tests need a server that misbehaves on purpose. Each route has a queue of
scripted answers; the last one repeats. Every request is recorded.
"""

from __future__ import annotations

import gzip
import json
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    status: int = 200
    body: bytes | Any = b""
    headers: dict[str, str] = field(default_factory=dict)
    truncate_to: int | None = None  # send only this many body bytes, then close (Content-Length stays)
    chunked: bool = False  # send the body with chunked transfer encoding (no Content-Length)
    gzip: bool = False

    def payload(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8")


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


Responder = Callable[[Seen], Answer]


class FakeServer:
    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[tuple[str, str], list[Answer | Responder]] = {}
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        handler = _handler(self)
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.scheme = "https" if tls is not None else "http"
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"{self.scheme}://{host!s}:{port}"

    def route(self, method: str, path: str, *answers: Answer | Responder) -> None:
        self.routes[(method, path)] = list(answers)

    def next_answer(self, seen: Seen) -> Answer:
        with self._lock:
            self.seen.append(seen)
            queue = self.routes.get((seen.method, seen.path.split("?", 1)[0]))
            if not queue:
                return Answer(404, {"error": {"code": "not_found", "message": "没有这个地址。"}})
            answer = queue.pop(0) if len(queue) > 1 else queue[0]
        return answer(seen) if callable(answer) else answer

    def count(self, path: str) -> int:
        return sum(1 for s in self.seen if s.path.split("?", 1)[0] == path)

    def __enter__(self) -> FakeServer:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _handler(server: FakeServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            return

        def _serve(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            if self.headers.get("Content-Encoding") == "gzip":
                body = gzip.decompress(body)
            seen = Seen(self.command, self.path, {k: v for k, v in self.headers.items()}, body)
            answer = server.next_answer(seen)
            data = answer.payload()
            if answer.gzip:
                data = gzip.compress(data)
            self.send_response(answer.status)
            headers = {"Content-Type": "application/json", **answer.headers}
            if answer.gzip:
                headers["Content-Encoding"] = "gzip"
            for key, value in headers.items():
                self.send_header(key, value)
            if answer.chunked:
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for start in range(0, len(data), 4096):
                    piece = data[start : start + 4096]
                    self.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                self.wfile.write(b"0\r\n\r\n")
                return
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if answer.truncate_to is not None:
                self.wfile.write(data[: answer.truncate_to])
                self.wfile.flush()
                self.close_connection = True
                return
            self.wfile.write(data)

        do_GET = _serve
        do_POST = _serve
        do_PUT = _serve
        do_HEAD = _serve

    return Handler


def hello_body() -> dict[str, Any]:
    return {
        "protocol_version": 1,
        "server_name": "假平台",
        "server_time": "2026-03-02T02:00:00Z",
        "limits": {
            "max_body_bytes": 8 * 1024 * 1024,
            "max_batch_items": 500,
            "max_page_limit": 1000,
            "max_chunk_bytes": 1024 * 1024,
            "max_attachment_bytes": 50 * 1024 * 1024,
        },
    }
