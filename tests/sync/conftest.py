"""Shared sync fixtures: a real reference platform on 127.0.0.1 (SQLite or a throwaway PostgreSQL).

``platform``        a fresh SQLite platform on a free port, started on a background thread.
``pg_platform``     the same on a fresh database of a real PostgreSQL cluster.
``postgres_url``    a fresh, empty PostgreSQL database (SQLAlchemy URL).
``device_api``      factory: ``device_api(platform, station_code)`` → an enrolled :class:`DeviceApi`.

The PostgreSQL cluster is made once per test session with the Debian ``postgresql`` package's
``initdb``/``pg_ctl`` (run as the ``postgres`` user when we are root), listens on 127.0.0.1 on a
free port, keeps its data in a temporary folder and is stopped and removed at the end.
"""

from __future__ import annotations

import gzip
import json
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import requests

from sync.protocol import SESSION_HEADER, Paths, device_authorization
from sync.server.harness import PlatformHarness

STATION_A = "520102001"
STATION_B = "520103002"


@dataclass
class DeviceApi:
    """A thin ``requests`` wrapper for one enrolled device (explicit timeouts, JSON in and out)."""

    base_url: str
    device_id: str
    device_secret: str
    station_code: str
    session_token: str | None = None
    http: requests.Session = field(default_factory=requests.Session)

    def headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        out = {"Authorization": device_authorization(self.device_id, self.device_secret)}
        if self.session_token:
            out[SESSION_HEADER] = self.session_token
        out.update(extra or {})
        return out

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.get(
            self.base_url + path, headers=self.headers(kwargs.pop("headers", None)), timeout=30, **kwargs
        )

    def head(self, path: str, **kwargs: Any) -> requests.Response:
        return self.http.head(
            self.base_url + path, headers=self.headers(kwargs.pop("headers", None)), timeout=30, **kwargs
        )

    def post(self, path: str, body: Any = None, *, gzip_body: bool = False, **kwargs: Any) -> requests.Response:
        headers = self.headers(kwargs.pop("headers", None))
        data = kwargs.pop("data", None)
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        if gzip_body and data is not None:
            data = gzip.compress(data)
            headers["Content-Encoding"] = "gzip"
        return self.http.post(self.base_url + path, data=data, headers=headers, timeout=30, **kwargs)

    def put(self, path: str, data: bytes, **kwargs: Any) -> requests.Response:
        headers = self.headers(kwargs.pop("headers", None))
        headers["Content-Type"] = "application/octet-stream"
        return self.http.put(self.base_url + path, data=data, headers=headers, timeout=30, **kwargs)

    def push(self, items: list[dict[str, Any]], **kwargs: Any) -> list[dict[str, Any]]:
        response = self.post(Paths.PUSH, {"items": items}, **kwargs)
        assert response.status_code == 200, response.text
        results: list[dict[str, Any]] = response.json()["results"]
        return results

    def changes(self, cursor: int = 0, limit: int = 500) -> dict[str, Any]:
        response = self.get(Paths.CHANGES, params={"cursor": cursor, "limit": limit})
        assert response.status_code == 200, response.text
        page: dict[str, Any] = response.json()
        return page

    def pull_all(self, cursor: int = 0, limit: int = 500) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        while True:
            page = self.changes(cursor, limit)
            items.extend(page["items"])
            cursor = page["next_cursor"]
            if not page["has_more"]:
                return items

    def login(self, username: str, password: str) -> requests.Response:
        response = self.post(Paths.LOGIN, {"username": username, "password": password})
        if response.status_code == 200:
            self.session_token = response.json()["session_token"]
        return response


def make_item(
    entity: str,
    payload: dict[str, Any],
    *,
    entity_id: str | None = None,
    op: str = "upsert",
    base_version: int | None = None,
    version: int = 1,
    mutation_id: str | None = None,
) -> dict[str, Any]:
    """A push item as a device's outbox would send it."""
    entity_id = entity_id or payload.get("id") or str(uuid.uuid4())
    body = dict(payload)
    if op != "command":
        body["id"] = entity_id
    return {
        "mutation_id": mutation_id or str(uuid.uuid4()),
        "entity": entity,
        "entity_id": entity_id,
        "op": op,
        "base_version": base_version,
        "version": version,
        "payload": body,
    }


_RNG = random.Random(20250303)


def person_payload(**overrides: Any) -> dict[str, Any]:
    """A synthetic person record as a device stores it (valid check digit, never a real person)."""
    from app.validation import synthetic_name, synthetic_resident_id

    payload: dict[str, Any] = {
        "name": synthetic_name(_RNG),
        "doc_type": "resident_id",
        "doc_number": synthetic_resident_id(_RNG),
        "gender": "2",
        "phone": None,
        "division_code": STATION_A,
        "deleted": False,
        "version": 1,
        "updated_at": "2025-03-03T02:00:00.000000",
    }
    payload.update(overrides)
    return payload


def case_payload(person_id: str | None = None, state: str = "accepted", **overrides: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "case_no": f"{STATION_A}-20250303-{uuid.uuid4().hex[:8]}",
        "item_code": "unemployment_registration",
        "item_version": 1,
        "subject_kind": "person",
        "person_id": person_id,
        "state": state,
        "form_data": {"cause": "01"},
        "channel": "counter",
        "deleted": False,
        "version": 1,
        "updated_at": "2025-03-03T02:00:00.000000",
    }
    payload.update(overrides)
    return payload


@pytest.fixture
def item_factory() -> Callable[..., dict[str, Any]]:
    return make_item


def _start(url: str) -> Iterator[PlatformHarness]:
    harness = PlatformHarness(url).start()
    try:
        harness.add_station(STATION_A, "测试甲镇服务站")
        harness.add_station(STATION_B, "测试乙镇服务站")
        yield harness
    finally:
        harness.stop()


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[PlatformHarness]:
    """A fresh SQLite platform with stations STATION_A and STATION_B."""
    yield from _start(f"sqlite:///{tmp_path / 'platform.db'}")


@pytest.fixture
def device_api() -> Callable[..., DeviceApi]:
    def make(harness: PlatformHarness, station_code: str = STATION_A, name: str = "测试工作站") -> DeviceApi:
        credential = harness.enrol(station_code, name)
        return DeviceApi(harness.url, credential.device_id, credential.device_secret, station_code)

    return make


# --- PostgreSQL ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PgCluster:
    host: str
    port: int

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@{self.host}:{self.port}/{database}"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    from benchmarks.platform_process import pg_bin
    from benchmarks.platform_process import pg_cluster as throwaway_cluster

    if pg_bin() is None:
        pytest.skip("PostgreSQL server is not installed (apt-get install -y postgresql)")
    with throwaway_cluster() as port:
        yield PgCluster("127.0.0.1", port)


@pytest.fixture
def postgres_url(pg_cluster: PgCluster) -> str:
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(
        f"host={pg_cluster.host} port={pg_cluster.port} user=postgres dbname=postgres", autocommit=True
    ) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg_cluster.url(name)


@pytest.fixture
def pg_platform(postgres_url: str) -> Iterator[PlatformHarness]:
    """A fresh platform on a real PostgreSQL database, with stations STATION_A and STATION_B."""
    yield from _start(postgres_url)
