"""Pull: the station's change feed, paged by a strictly increasing server sequence, and reset orders."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field, model_validator

from sync.protocol.common import WireResponse

Origin = Literal["device", "platform", "online"]


class Change(WireResponse):
    """The current state of one record, as of feed position ``seq``.

    The feed is compacted: a record appears once, at the position of its latest change, with its full
    current state. Tombstones (``deleted = true``) are included so deletions reach every device.
    """

    seq: int = Field(ge=1)
    entity: str
    entity_id: str
    server_version: int = Field(ge=1)
    deleted: bool
    payload: dict[str, Any]
    origin: Origin
    origin_device_id: str | None = None
    changed_at: datetime


class ChangesPage(WireResponse):
    """``GET /v1/changes?cursor=N&limit=M``: changes with ``seq > cursor`` in increasing ``seq`` order.

    Save ``next_cursor`` in the same transaction that applies the page and pass it as the next
    ``cursor``. ``has_more`` false means the feed is drained for now. ``next_cursor`` never goes backwards.

    ``remaining`` (optional; asked for with ``count=true``): how many of the station's records lie after
    ``next_cursor`` when the page was read, for progress displays only. Servers may omit it.
    """

    items: list[Change]
    next_cursor: int = Field(ge=0)
    has_more: bool
    reset_required: bool = False
    server_time: datetime
    remaining: int | None = Field(default=None, ge=0)

    @model_validator(mode="after")
    def _strictly_increasing(self) -> ChangesPage:
        previous = -1
        for change in self.items:
            if change.seq <= previous:
                raise ValueError("change seq must strictly increase within a page")
            previous = change.seq
        if self.items and self.next_cursor < self.items[-1].seq:
            raise ValueError("next_cursor must be at least the last item's seq")
        return self


class ResetAckResponse(WireResponse):
    """``POST /v1/reset/ack``: the device has re-pulled everything; the reset order is cleared."""

    reset_required: bool
    server_time: datetime
