"""Reference-data streams: publishing a new version and serving it in pages."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from pydantic import ValidationError
from sqlalchemy import func, select

from sync.protocol import (
    STREAM_LABELS,
    STREAMS,
    RefDataIndex,
    RefDataPage,
    StreamInfo,
    entry_key,
    parse_entries,
)
from sync.server.db import Database
from sync.server.errors import ApiError, invalid, not_found
from sync.server.models import RefDataEntry, RefDataVersion
from sync.server.security import utcnow


class PublishError(ValueError):
    """A stream file that cannot be published; the message lists the problems in Chinese."""


def canonical_sha256(entries: list[dict[str, Any]]) -> str:
    text = json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def validate_entries(stream: str, entries: list[Any]) -> list[dict[str, Any]]:
    if stream not in STREAMS:
        raise PublishError(f"未知的数据类别“{stream}”，可选：{'、'.join(STREAMS)}。")
    try:
        parsed = parse_entries(stream, entries)
    except ValidationError as error:
        problems = [_describe(e["loc"], e["msg"]) for e in error.errors()[:20]]
        raise PublishError(f"{STREAM_LABELS[stream]}数据有误：\n" + "\n".join(problems)) from error
    seen: set[str] = set()
    for entry in parsed:
        key = entry_key(stream, entry)
        if key in seen:
            raise PublishError(f"{STREAM_LABELS[stream]}中“{key}”重复出现，请删除重复项后再发布。")
        seen.add(key)
    if stream == "catalog":
        _check_catalog(parsed)
    return parsed


def _describe(loc: tuple[int | str, ...], message: str) -> str:
    number = f"第 {loc[0] + 1} 条" if loc and isinstance(loc[0], int) else "数据"
    field = ".".join(str(part) for part in loc[1:])
    return f"{number}：{field} {message}".strip()


def _check_catalog(entries: list[dict[str, Any]]) -> None:
    from app.catalog.schema import parse_definition

    problems: list[str] = []
    for entry in entries:
        _definition, found = parse_definition(entry, f"{entry['code']}.v{entry['version']}")
        problems.extend(found)
    if problems:
        raise PublishError("服务事项定义有误：\n" + "\n".join(problems[:30]))


def publish(db: Database, stream: str, entries: list[Any]) -> StreamInfo:
    parsed = validate_entries(stream, entries)
    now = utcnow()
    digest = canonical_sha256(parsed)
    with db.write() as session:
        current = session.execute(
            select(func.max(RefDataVersion.version)).where(RefDataVersion.stream == stream)
        ).scalar_one()
        version = int(current or 0) + 1
        # (stream, version) is the primary key: two racing publishers cannot both take one number.
        session.add(RefDataVersion(stream=stream, version=version, published_at=now, total=len(parsed), sha256=digest))
        session.flush()
        session.add_all(
            RefDataEntry(stream=stream, version=version, position=i, data=entry) for i, entry in enumerate(parsed)
        )
    return StreamInfo(stream=stream, version=version, published_at=now, total=len(parsed), sha256=digest)


def _current(stream: str) -> Any:
    latest = select(func.max(RefDataVersion.version)).where(RefDataVersion.stream == stream).scalar_subquery()
    return select(RefDataVersion).where(RefDataVersion.stream == stream, RefDataVersion.version == latest)


def index(db: Database) -> RefDataIndex:
    streams: list[StreamInfo] = []
    with db.read() as session:
        for stream in STREAMS:
            row = session.execute(_current(stream)).scalar_one_or_none()
            if row is not None:
                streams.append(
                    StreamInfo(
                        stream=stream,
                        version=row.version,
                        published_at=row.published_at,
                        total=row.total,
                        sha256=row.sha256,
                    )
                )
    return RefDataIndex(streams=streams)


def page(db: Database, stream: str, version: int | None, offset: int, limit: int) -> RefDataPage:
    if stream not in STREAMS:
        raise not_found(f"没有名为“{stream}”的参考数据。")
    with db.read() as session:
        if version is None:
            row = session.execute(_current(stream)).scalar_one_or_none()
            if row is None:
                raise not_found(f"平台尚未发布{STREAM_LABELS[stream]}。")
        else:
            row = session.get(RefDataVersion, (stream, version))
            if row is None:
                raise ApiError(410, "gone", f"{STREAM_LABELS[stream]}第 {version} 版已不再提供，请重新下载最新版本。")
        if offset > row.total:
            raise invalid(f"起始位置 {offset} 超出了数据总数 {row.total}。")
        entries = (
            session.execute(
                select(RefDataEntry.data)
                .where(
                    RefDataEntry.stream == stream,
                    RefDataEntry.version == row.version,
                    RefDataEntry.position >= offset,
                )
                .order_by(RefDataEntry.position)
                .limit(limit)
            )
            .scalars()
            .all()
        )
    end = offset + len(entries)
    return RefDataPage(
        stream=stream,
        version=row.version,
        published_at=row.published_at,
        total=row.total,
        offset=offset,
        entries=list(entries),
        next_offset=end if end < row.total else None,
    )
