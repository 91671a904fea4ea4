"""The optional ``remaining`` count of a changes page: given only when asked for (``count=true``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from pydantic import ValidationError

from sync.protocol import Paths
from sync.protocol.changes import ChangesPage
from tests.sync.conftest import make_item, person_payload


def _page(api: Any, cursor: int, limit: int, **params: Any) -> dict[str, Any]:
    response = api.get(Paths.CHANGES, params={"cursor": cursor, "limit": limit, **params})
    assert response.status_code == 200, response.text
    page: dict[str, Any] = response.json()
    return page


def test_sync_server_feed_counts_what_follows_only_when_asked(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    pushed = [make_item("person", person_payload()) for _ in range(25)]
    api.push(pushed)
    assert _page(api, 0, 10).get("remaining") is None  # not asked: no count made
    first = _page(api, 0, 10, count="true")
    assert len(first["items"]) == 10 and first["remaining"] == 15
    middle = _page(api, first["next_cursor"], 10, count="true")
    assert middle["remaining"] == 5
    last = _page(api, middle["next_cursor"], 10, count="true")
    assert len(last["items"]) == 5 and last["has_more"] is False and last["remaining"] == 0
    # A compacted record (changed again) moves to the end: still counted once.
    changed = {**pushed[0]["payload"], "phone": "19900000001"}
    api.push([make_item("person", changed, entity_id=pushed[0]["entity_id"], base_version=1)])
    assert _page(api, 0, 10, count="true")["remaining"] == 15


def test_sync_protocol_changes_page_remaining_is_optional_and_never_negative() -> None:
    now = datetime(2026, 11, 26, tzinfo=UTC).isoformat()
    base = {"items": [], "next_cursor": 3, "has_more": False, "server_time": now}
    assert ChangesPage.model_validate(base).remaining is None  # other servers may leave it out
    assert ChangesPage.model_validate({**base, "remaining": 7}).remaining == 7
    with pytest.raises(ValidationError):
        ChangesPage.model_validate({**base, "remaining": -1})
