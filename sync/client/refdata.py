"""Reference-data streams: each new version downloaded whole, verified, then applied in one transaction.

A version is the complete stream, so the local copy is replaced, never patched; a half download is
never visible. Before anything is written the entries are checked three ways: their count and the
SHA-256 of their canonical JSON must match the index, and each entry must fit its protocol model
(catalog definitions must also load as a catalog beside the bundled one).

Where each stream goes:
- ``codes`` → ``code_entry`` rows marked ``platform:<version>``; a local edit of the same code wins;
- ``calendar`` → ``calendar_override`` rows with source ``platform``; a local decision for a day wins;
- ``catalog``, ``postings``, ``policies``, ``services``, ``contacts`` → ``refdata_entry`` rows.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.catalog import Catalog, CatalogError, load_bundled_catalog
from app.store import Store
from app.store.models import CalendarOverride, CodeEntry
from app.store.sync_models import RefDataEntry
from sync.client import state
from sync.client.api import PlatformApi
from sync.client.errors import SyncError
from sync.client.records import take_write_lock
from sync.protocol.refdata import STREAM_LABELS, STREAMS, StreamInfo, entry_key, parse_entries

log = logging.getLogger("fuwutai.sync.refdata")

PAGE_LIMIT = 2000
PLATFORM_SOURCE = "platform"


@dataclass
class RefDataStats:
    updated: dict[str, int] = field(default_factory=dict)  # stream -> version applied


def canonical_sha256(entries: list[Any]) -> str:
    text = json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _label(stream: str) -> str:
    return STREAM_LABELS.get(stream, stream)


def download(api: PlatformApi, info: StreamInfo, should_stop: Callable[[], bool]) -> list[dict[str, Any]]:
    """All entries of one version, verified against the index. Raises SyncError."""
    entries: list[dict[str, Any]] = []
    offset: int | None = 0
    while offset is not None:
        if should_stop():
            raise SyncError(f"{_label(info.stream)}下载已停止，下次同步会重新下载。", kind="cancelled")
        page = api.refdata_page(info.stream, info.version, offset, PAGE_LIMIT)
        entries.extend(page.entries)
        offset = page.next_offset
        if len(entries) > info.total:
            break
    if len(entries) != info.total or canonical_sha256(entries) != info.sha256:
        raise SyncError(
            f"下载的{_label(info.stream)}（第 {info.version} 版）与平台公布的校验值不符，没有采用。"
            "下次同步会重新下载；如果一直出现，请联系县级信息技术人员。",
            kind="protocol",
        )
    try:
        return parse_entries(info.stream, entries)
    except ValidationError as exc:
        log.warning("invalid %s entries: %s", info.stream, exc.errors(include_input=False)[:3])
        raise SyncError(
            f"平台发布的{_label(info.stream)}（第 {info.version} 版）中有格式不正确的条目，没有采用。"
            "请联系县级信息技术人员检查平台发布的内容。",
            kind="protocol",
        ) from None


def _check_catalog(entries: list[dict[str, Any]], version: int) -> None:
    try:
        load_bundled_catalog().merged(Catalog.from_documents(entries))
    except CatalogError as exc:
        raise SyncError(
            f"平台发布的服务事项目录（第 {version} 版）不能使用：{exc}。本机继续使用原有目录。",
            kind="protocol",
        ) from None


def _apply_codes(session: Session, entries: list[dict[str, Any]], version: int) -> None:
    session.execute(delete(CodeEntry).where(CodeEntry.source_version.startswith(f"{PLATFORM_SOURCE}:")))
    local = {(r.table_name, r.code) for r in session.scalars(select(CodeEntry))}
    for e in entries:
        if (e["table"], e["code"]) in local:
            continue
        session.add(
            CodeEntry(
                table_name=e["table"],
                code=e["code"],
                label=e["label"],
                parent=e.get("parent"),
                sort=e.get("sort", 0),
                active=e.get("active", True),
                source_version=f"{PLATFORM_SOURCE}:{version}",
            )
        )


def _apply_calendar(session: Session, entries: list[dict[str, Any]]) -> None:
    session.execute(delete(CalendarOverride).where(CalendarOverride.source == PLATFORM_SOURCE))
    local = set(session.scalars(select(CalendarOverride.day)))
    for e in entries:
        day = date.fromisoformat(e["day"])
        if day in local:
            continue
        session.add(CalendarOverride(day=day, is_workday=e["is_workday"], note=e.get("note"), source=PLATFORM_SOURCE))


def _apply_entries(session: Session, stream: str, entries: list[dict[str, Any]], version: int) -> None:
    session.execute(delete(RefDataEntry).where(RefDataEntry.stream == stream))
    session.add_all(RefDataEntry(stream=stream, key=entry_key(stream, e), version=version, data=e) for e in entries)


def apply_stream(store: Store, stream: str, version: int, entries: list[dict[str, Any]]) -> None:
    """Replace the local copy of one stream and record its version, in one transaction."""
    if stream == "catalog":
        _check_catalog(entries, version)
    with store.session(remote_apply=True) as session:
        take_write_lock(session)
        if stream == "codes":
            _apply_codes(session, entries, version)
        elif stream == "calendar":
            _apply_calendar(session, entries)
        else:
            _apply_entries(session, stream, entries, version)
        state.put(session, state.refdata_key(stream), str(version))


def pull_refdata(store: Store, api: PlatformApi, *, should_stop: Callable[[], bool]) -> RefDataStats:
    """Bring every stream with a newer published version up to date."""
    stats = RefDataStats()
    index = api.refdata_index()
    with store.session() as session:
        have = state.refdata_versions(session)
    for info in index.streams:
        if info.stream not in STREAMS:
            log.info("ignoring unknown reference-data stream %s", info.stream)
            continue
        if have.get(info.stream, 0) >= info.version:
            continue
        try:
            entries = download(api, info, should_stop)
        except SyncError as exc:
            if exc.code != "gone":
                raise
            # The platform published again while we were paging: the next round starts over.
            log.info("stream %s version %d is gone; retrying next round", info.stream, info.version)
            continue
        apply_stream(store, info.stream, info.version, entries)
        stats.updated[info.stream] = info.version
    return stats


def platform_entries(session: Session, stream: str) -> list[dict[str, Any]]:
    """The entries of a stream as last applied (for the core or UI to read)."""
    return [r.data for r in session.scalars(select(RefDataEntry).where(RefDataEntry.stream == stream))]
