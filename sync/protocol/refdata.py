"""Reference-data streams: province-wide, versioned documents the client replaces atomically."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Final, Literal

from pydantic import ConfigDict, Field, StringConstraints, TypeAdapter

from sync.protocol.common import WireRequest, WireResponse

Stream = Literal[
    "catalog", "codes", "calendar", "postings", "policies", "services", "contacts", "campaigns", "trainings"
]
STREAMS: Final[tuple[str, ...]] = (
    "catalog", "codes", "calendar", "postings", "policies", "services", "contacts", "campaigns", "trainings"
)
STREAM_LABELS: Final = {
    "catalog": "服务事项目录",
    "codes": "代码表",
    "calendar": "节假日调休表",
    "postings": "岗位信息",
    "policies": "政策清单",
    "services": "服务清单",
    "contacts": "联系清单",
    "campaigns": "专项活动",
    "trainings": "培训目录",
}


class StreamInfo(WireResponse):
    stream: str
    version: int = Field(ge=1)
    published_at: datetime
    total: int = Field(ge=0)
    sha256: str = Field(description="sha256 of the canonical JSON of all entries, to verify a full download")


class RefDataIndex(WireResponse):
    """``GET /v1/refdata``: the current version of every published stream (unpublished ones are absent)."""

    streams: list[StreamInfo]


class RefDataPage(WireResponse):
    """``GET /v1/refdata/{stream}?version=V&offset=N&limit=M``: entries ``offset..offset+limit`` of version V.

    Fetch pages of one version until ``next_offset`` is null, then apply all entries in one transaction.
    """

    stream: str
    version: int
    published_at: datetime
    total: int
    offset: int
    entries: list[dict[str, Any]]
    next_offset: int | None


# --- entry shapes, checked at publish time and usable by clients to parse pages -------------------


class CodeEntry(WireRequest):
    table: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
    code: Annotated[str, StringConstraints(min_length=1, max_length=20)]
    label: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    parent: str | None = None
    sort: int = 0
    active: bool = True


class CalendarDay(WireRequest):
    day: date
    is_workday: bool
    note: Annotated[str, StringConstraints(max_length=100)] | None = None


class PostingEntry(WireRequest):
    id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    title: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    employer_name: Annotated[str, StringConstraints(max_length=200)] | None = None
    employer_uscc: str | None = None
    occupation_code: str | None = None
    headcount: int = Field(default=1, ge=0)
    salary_min: int | None = Field(default=None, ge=0)
    salary_max: int | None = Field(default=None, ge=0)
    conditions: str | None = None
    division_code: str | None = None
    key_industry: str | None = None
    on_commitment: bool = False
    status: Literal["open", "closed", "filled"] = "open"
    published_on: date | None = None
    expires_on: date | None = None
    contact: str | None = None


class ListEntry(WireRequest):
    """One entry of the policy (政策清单), service (服务清单) or contact (联系清单) list."""

    id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    title: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    body: str = ""
    category: str | None = None
    division_code: str | None = None
    phone: str | None = None
    address: str | None = None
    url: str | None = None
    valid_from: date | None = None
    valid_until: date | None = None
    sort: int = 0


class TrainingEntry(WireRequest):
    """One course of the published training catalog (职业培训需求指导目录 / 培训项目)."""

    id: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    title: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    training_type: Annotated[str, StringConstraints(min_length=1, max_length=2)]
    provider: Annotated[str, StringConstraints(max_length=200)] | None = None
    occupation_code: str | None = None
    division_code: str | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    hours: int | None = Field(default=None, ge=0)
    capacity: int | None = Field(default=None, ge=0)
    subsidised: bool = False
    contact: str | None = None
    body: str = ""
    sort: int = 0


class CatalogEntry(WireRequest):
    """A service item definition, exactly the JSON of a ``resources/catalog/*.json`` file (see catalog docs)."""

    model_config = ConfigDict(extra="allow")
    code: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$")]
    version: int = Field(ge=1)


ENTRY_MODELS: Final[dict[str, type[WireRequest]]] = {
    "catalog": CatalogEntry,
    "codes": CodeEntry,
    "calendar": CalendarDay,
    "postings": PostingEntry,
    "policies": ListEntry,
    "services": ListEntry,
    "contacts": ListEntry,
    "campaigns": ListEntry,
    "trainings": TrainingEntry,
}


def entry_key(stream: str, entry: dict[str, Any]) -> str:
    """The identity of an entry inside its stream (used to refuse duplicates at publish time)."""
    if stream == "catalog":
        return f"{entry['code']}.v{entry['version']}"
    if stream == "codes":
        return f"{entry['table']}:{entry['code']}"
    if stream == "calendar":
        return str(entry["day"])
    return str(entry["id"])


def parse_entries(stream: str, entries: list[Any]) -> list[dict[str, Any]]:
    """Validate a stream's entries; returns them normalised to JSON values. Raises pydantic ValidationError."""
    model = ENTRY_MODELS[stream]
    adapter: TypeAdapter[list[Any]] = TypeAdapter(list[model])  # type: ignore[valid-type]
    parsed = adapter.validate_python(entries)
    return [item.model_dump(mode="json", exclude_none=False) for item in parsed]
