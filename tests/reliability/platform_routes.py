"""The reference platform's routes, enumerated from the FastAPI app itself (shared by the test_rel_platform_* tests).

A new route shows up here automatically, so every test parametrised over :data:`ROUTES` fails for it
until it is given its checks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.routing import BaseRoute

from sync.server.db import Database
from sync.server.harness import PlatformHarness
from sync.server.http.app import create_app
from sync.server.http.deps import get_device, get_staff
from tests.sync.conftest import STATION_A, STATION_B

Route = tuple[str, str]  # (method, path template)


def _calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for dep in dependant.dependencies:
        if dep.call is not None:
            yield dep.call
        yield from _calls(dep)


def _walk(routes: Iterable[BaseRoute], prefix: str) -> Iterator[tuple[str, BaseRoute]]:
    """Every route, descending into included routers (FastAPI ≥ 0.16x keeps them as nested objects)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            context = getattr(route, "include_context", None)
            yield from _walk(inner.routes, prefix + str(getattr(context, "prefix", "") or ""))
        else:
            yield prefix, route


def _enumerate() -> tuple[list[Route], set[Route], set[Route], int]:
    db = Database("sqlite://")
    try:
        app = create_app(db)
        routes: list[Route] = []
        device: set[Route] = set()
        staff: set[Route] = set()
        other = 0
        for prefix, route in _walk(app.routes, ""):
            if not isinstance(route, APIRoute):
                other += 1
                continue
            calls = set(_calls(route.dependant))
            for method in sorted(route.methods or ()):
                key = (method, prefix + route.path)
                routes.append(key)
                if get_device in calls:
                    device.add(key)
                if get_staff in calls:
                    staff.add(key)
        return sorted(routes), device, staff, other
    finally:
        db.dispose()


ROUTES, DEVICE_ROUTES, STAFF_ROUTES, NON_API_ROUTES = _enumerate()
SHA_PLACEHOLDER = "{sha256}"
STREAM_PLACEHOLDER = "{stream}"


def start_platform(tmp_path: Path) -> Iterator[PlatformHarness]:
    """A fresh SQLite platform on 127.0.0.1 with the two test stations (``tests/sync/conftest.py``'s ``platform``)."""
    harness = PlatformHarness(f"sqlite:///{tmp_path / 'platform.db'}").start()
    try:
        harness.add_station(STATION_A, "测试甲镇服务站")
        harness.add_station(STATION_B, "测试乙镇服务站")
        yield harness
    finally:
        harness.stop()


def route_id(route: Route) -> str:
    return f"{route[0]} {route[1]}"


def fill(path: str, *, sha256: str = "0" * 64, stream: str = "contacts") -> str:
    return path.replace(SHA_PLACEHOLDER, sha256).replace(STREAM_PLACEHOLDER, stream)
