"""The client's small settings and progress markers, kept in the store's ``setting`` table.

Everything here is plain configuration or bookkeeping — the server address, the CA bundle path,
the proxy, the device id, the change-feed cursor, reference-data versions, the last result. The
device *secret* is never here: it lives in the OS keyring (:mod:`sync.client.credentials`).

The cursor is written only by the pull, in the same transaction as the page it covers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.store.models import Setting

PREFIX = "sync."
SERVER_URL = "sync.server_url"
CA_BUNDLE = "sync.ca_bundle"
PROXY = "sync.proxy"
DEVICE_ID = "sync.device_id"
STATION_CODE = "sync.station_code"
ENROLLED_AT = "sync.enrolled_at"
CURSOR = "sync.cursor"
RESET_PENDING = "sync.reset_pending"
LAST_ATTEMPT = "sync.last_attempt"
LAST_SUCCESS = "sync.last_success"
LAST_ERROR = "sync.last_error"
LAST_REPORT = "sync.last_report"
REFDATA_PREFIX = "sync.refdata."


def get(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return None if row is None else row.value


def put(session: Session, key: str, value: str | None) -> None:
    """Set (or, with None, remove) one setting in the caller's transaction."""
    row = session.get(Setting, key)
    if value is None:
        if row is not None:
            session.delete(row)
        return
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def get_int(session: Session, key: str, default: int = 0) -> int:
    value = get(session, key)
    return default if value is None or not value.lstrip("-").isdigit() else int(value)


def get_json(session: Session, key: str) -> Any:
    value = get(session, key)
    if value is None:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def put_json(session: Session, key: str, value: Any) -> None:
    put(session, key, json.dumps(value, ensure_ascii=False, default=str))


def refdata_key(stream: str) -> str:
    return f"{REFDATA_PREFIX}{stream}"


def refdata_versions(session: Session) -> dict[str, int]:
    rows = session.scalars(select(Setting).where(Setting.key.startswith(REFDATA_PREFIX)))
    return {r.key[len(REFDATA_PREFIX) :]: int(r.value) for r in rows if r.value.isdigit()}


def forget_server_progress(session: Session) -> None:
    """Drop the cursor and reference-data versions (a new server, or a reset order)."""
    session.execute(delete(Setting).where(Setting.key.startswith(REFDATA_PREFIX)))
    put(session, CURSOR, None)


@dataclass(frozen=True)
class Connection:
    """Where and how this workstation reaches the platform (the secret is in the keyring)."""

    server_url: str
    device_id: str
    ca_bundle: str | None
    proxy: str | None
    station_code: str | None


def connection(session: Session) -> Connection | None:
    """The enrolment settings, or None when this workstation has not been enrolled."""
    url = get(session, SERVER_URL)
    device = get(session, DEVICE_ID)
    if not url or not device:
        return None
    return Connection(url, device, get(session, CA_BUNDLE), get(session, PROXY), get(session, STATION_CODE))
