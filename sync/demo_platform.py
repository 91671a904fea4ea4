"""The reference platform beside ``fuwutai demo``: sync works on the demo station with no set-up.

Only for the embedded demo station (never for a real one). The platform keeps its own SQLite
database in ``<demo data dir>/platform/`` and listens on 127.0.0.1 — on the port it had last time
when that port is still free, otherwise on a free one. The demo station is added and the demo store
enrolled on first run; on later runs the enrolment is reused (the device credential lives in the
platform database and the keyring, not in the address), and only the stored address is updated
when the port changed. Qt-free; the desktop program calls :func:`start_demo_platform` on a worker.
"""

from __future__ import annotations

import logging
import socket
from pathlib import Path

from app.store import Store
from sync.client import state
from sync.client.credentials import enroll, load_secret
from sync.server.harness import PlatformHarness
from sync.server.models import Device, Station

log = logging.getLogger("fuwutai.sync.demo")

HOST = "127.0.0.1"


def platform_dir(store: Store) -> Path:
    return store.data_dir.root / "platform"


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def _previous_port(folder: Path) -> int:
    try:
        port = int((folder / "port").read_text(encoding="utf-8").strip())
    except (OSError, ValueError):
        return 0
    return port if 1024 <= port <= 65535 and _port_free(port) else 0


def start_demo_platform(store: Store) -> PlatformHarness:
    """Start the demo platform and make sure ``store`` is enrolled with it; the caller stops it."""
    folder = platform_dir(store)
    folder.mkdir(parents=True, exist_ok=True)
    harness = PlatformHarness(f"sqlite:///{folder / 'platform.db'}", HOST, _previous_port(folder)).start()
    try:
        _ensure_enrolled(store, harness)
        _ensure_demo_accounts(store, harness)
        (folder / "port").write_text(str(harness.server.port), encoding="utf-8")
    except BaseException:
        harness.stop()
        raise
    return harness


def _ensure_enrolled(store: Store, harness: PlatformHarness) -> None:
    station = store.station()
    if station is None:
        raise RuntimeError("演示站点数据不完整：找不到站点信息。")
    with harness.db.read() as session:
        has_station = session.get(Station, station.code) is not None
    if not has_station:
        harness.add_station(station.code, station.name)
    with store.session() as session:
        conn = state.connection(session)
    credential = load_secret(store.store_id)
    if conn is not None and credential is not None and credential[0] == conn.device_id:
        with harness.db.read() as session:
            device = session.get(Device, conn.device_id)
            known = device is not None and device.revoked_at is None
        if known:
            if conn.server_url != harness.url:
                # Only the port changed: same platform, same device; no new enrolment, progress kept.
                with store.session() as session:
                    state.put(session, state.SERVER_URL, harness.url)
            return
    log.info("enrolling the demo station with its reference platform at %s", harness.url)
    enroll(store, harness.url, harness.enrol_token(station.code))


def _ensure_demo_accounts(store: Store, harness: PlatformHarness) -> None:
    """The demo's staff exist on its platform too, so that login is online first, as at a real station."""
    from sqlalchemy import select

    from app.demo import DEMO_ACCOUNTS
    from sync.server.models import StaffUser

    station = store.station()
    if station is None:
        return
    with harness.db.read() as session:
        known = set(session.scalars(select(StaffUser.username).where(StaffUser.station_code == station.code)))
    for username, name, role, password in DEMO_ACCOUNTS:
        if username not in known:
            harness.add_user(station.code, username, password, role, name)
