"""A platform on a background thread with shortcuts to set it up: for tests and the demo."""

from __future__ import annotations

from sync.protocol import EnrolRequest, EnrolResponse
from sync.server import admin, auth_service
from sync.server.db import Database
from sync.server.runner import ServerThread


class PlatformHarness:
    """Owns a database and a server thread on ``host`` (a free port unless given)."""

    def __init__(self, db_url: str, host: str = "127.0.0.1", port: int = 0, *, access_log: bool = False) -> None:
        self.db = Database(db_url)
        self.server = ServerThread(self.db, host, port, access_log=access_log)

    @property
    def url(self) -> str:
        return self.server.url

    def start(self) -> PlatformHarness:
        self.server.start()
        return self

    def stop(self) -> None:
        self.server.stop()
        self.db.dispose()

    def __enter__(self) -> PlatformHarness:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def add_station(self, code: str, name: str | None = None) -> str:
        admin.add_station(self.db, code, name or f"测试站点{code}")
        return code

    def enrol_token(self, station_code: str, hours: int = 72) -> str:
        return admin.create_enrol_token(self.db, station_code, hours=hours)

    def enrol(self, station_code: str, device_name: str = "测试工作站") -> EnrolResponse:
        """Enrol a device directly (no HTTP round trip); returns its credential."""
        token = self.enrol_token(station_code)
        return auth_service.enrol(self.db, EnrolRequest(token=token, device_name=device_name))

    def add_user(
        self, station_code: str, username: str, password: str, role: str = "clerk", display_name: str = "测试人员"
    ) -> str:
        return admin.add_user(self.db, station_code, username, display_name, role, password)

    def app_key(self) -> str:
        return admin.create_app_key(self.db)
