"""Attachment bytes go up after their record is acknowledged, in chunks, resuming where they stopped."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from typing import Any

from app.store import Store
from app.store.models import Attachment
from sync.client.attachments import upload_attachments
from sync.client.credentials import platform_api
from sync.client.push import push
from sync.protocol import Paths
from sync.server.harness import PlatformHarness
from sync.server.models import Blob
from tests.sync.client.conftest import FAST, local_records, platform_records
from tests.sync.conftest import DeviceApi

MIB = 1024 * 1024


def _attach(store: Store, data: bytes) -> tuple[str, str]:
    sha = hashlib.sha256(data).hexdigest()
    (store.data_dir.attachments / sha).write_bytes(data)
    with store.session() as session:
        row = Attachment(sha256=sha, size=len(data), media_type="image/jpeg", filename="身份证.jpg")
        session.add(row)
        session.flush()
        return row.id, sha


def test_sync_client_attachment_goes_up_after_its_record(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    store = enrolled()
    row_id, sha = _attach(store, os.urandom(int(2.5 * MIB)))
    report = sync_round(store)
    assert report.ok and report.uploaded == 1, report.error
    with platform.db.read() as session:
        blob = session.get(Blob, sha)
        assert blob is not None and blob.size == int(2.5 * MIB) and blob.media_type == "image/jpeg"
    with store.session() as session:
        assert session.get(Attachment, row_id).uploaded  # type: ignore[union-attr]
    assert local_records(store) == platform_records(platform)
    assert sync_round(store).uploaded == 0  # nothing twice


def test_sync_client_attachment_upload_resumes_where_it_stopped(
    platform: PlatformHarness,
    enrolled: Callable[..., Store],
    sync_round: Callable[..., Any],
    device_api: Callable[..., DeviceApi],
) -> None:
    store = enrolled()
    data = os.urandom(3 * MIB + 100)
    _row, sha = _attach(store, data)
    # The record goes up, but the bytes do not (the upload is stopped before it starts).
    stop = threading.Event()
    stop.set()
    api = platform_api(store, tuning=FAST)
    push(store, api, batch_items=100, batch_bytes=MIB, should_stop=lambda: False)
    assert upload_attachments(store, api, should_stop=stop.is_set).uploaded == 0
    # An earlier, interrupted attempt had sent the first chunk (another device of the station, here).
    other = device_api(platform)
    assert other.put(Paths.attachment_chunk(sha) + "?offset=0", data[:MIB]).status_code == 200

    stats = upload_attachments(store, api, should_stop=lambda: False)
    api.close()
    assert stats.uploaded == 1
    assert stats.bytes_sent == len(data) - MIB
    with platform.db.read() as session:
        assert session.get(Blob, sha).size == len(data)  # type: ignore[union-attr]


def test_sync_client_missing_attachment_file_does_not_block_the_round(
    platform: PlatformHarness, enrolled: Callable[..., Store], sync_round: Callable[..., Any]
) -> None:
    store = enrolled()
    _row, sha = _attach(store, b"scan")
    (store.data_dir.attachments / sha).unlink()
    report = sync_round(store)
    assert report.ok and report.uploaded == 0 and report.pushed == 1
