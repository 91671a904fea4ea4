"""Running the platform: in the foreground (``serve``) or on a background thread (tests, the demo)."""

from __future__ import annotations

import socket
import threading
import time

import uvicorn

from sync.server.db import Database
from sync.server.http.app import DEFAULT_SERVER_NAME, create_app


def _config(db: Database, host: str, port: int, server_name: str, access_log: bool) -> uvicorn.Config:
    return uvicorn.Config(
        create_app(db, server_name=server_name),
        host=host,
        port=port,
        log_level="warning" if not access_log else "info",
        access_log=access_log,  # paths only: no credential or ID number ever appears in a URL
        proxy_headers=False,
        server_header=False,
        timeout_keep_alive=30,
    )


def serve(db: Database, host: str = "127.0.0.1", port: int = 8765, server_name: str = DEFAULT_SERVER_NAME) -> None:
    uvicorn.Server(_config(db, host, port, server_name, access_log=True)).run()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


class ServerThread:
    """A platform on a background thread bound to ``host:port`` (a free port when 0); ``stop()`` ends it."""

    def __init__(
        self,
        db: Database,
        host: str = "127.0.0.1",
        port: int = 0,
        server_name: str = DEFAULT_SERVER_NAME,
        *,
        access_log: bool = False,
    ) -> None:
        self.db = db
        self.host = host
        self.port = port or free_port(host)
        self._server = uvicorn.Server(_config(db, host, self.port, server_name, access_log=access_log))
        self._thread = threading.Thread(target=self._server.run, name=f"platform-{self.port}", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 10.0) -> ServerThread:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"参考平台未能在 {self.url} 启动")
            time.sleep(0.01)
        return self

    def stop(self, timeout: float = 10.0) -> None:
        self._server.should_exit = True
        self._thread.join(timeout)

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()
