"""Attachments: chunked upload with resume, offset and hash checks, ranged download."""

from __future__ import annotations

import hashlib
import os
from typing import Any

from sync.protocol import MAX_CHUNK_BYTES, Paths


def _upload(api: Any, data: bytes, sha: str, start: int, chunk: int) -> int:
    offset = start
    while offset < len(data):
        answer = api.put(Paths.attachment_chunk(sha) + f"?offset={offset}", data[offset : offset + chunk])
        assert answer.status_code == 200, answer.text
        offset = answer.json()["received"]
    return offset


def test_chunked_upload_resumes_where_it_stopped(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    data = os.urandom(300_000)
    sha = hashlib.sha256(data).hexdigest()
    head = api.head(Paths.attachment(sha))
    assert head.status_code == 404 and head.headers["Upload-Offset"] == "0"
    # Send the first 128 KiB, then "lose the connection".
    _upload(api, data[:131_072], sha, 0, 65_536)
    status = api.get(Paths.attachment(sha) + "/status").json()
    assert status == {**status, "state": "partial", "received": 131_072}
    assert api.head(Paths.attachment(sha)).headers["Upload-Offset"] == "131072"
    # A chunk resent from before the offset is refused with where to continue; nothing is stored twice.
    stale = api.put(Paths.attachment_chunk(sha) + "?offset=65536", data[65_536:131_072])
    assert stale.status_code == 409
    assert stale.json()["error"]["details"]["received"] == 131_072
    ahead = api.put(Paths.attachment_chunk(sha) + "?offset=200000", data[200_000:210_000])
    assert ahead.status_code == 409
    _upload(api, data, sha, 131_072, 100_000)
    committed = api.post(Paths.attachment_commit(sha), {"size": len(data), "media_type": "image/jpeg"})
    assert committed.status_code == 200
    assert committed.json() == {**committed.json(), "state": "complete", "size": len(data), "media_type": "image/jpeg"}
    full = api.get(Paths.attachment(sha))
    assert full.content == data and full.headers["content-type"] == "image/jpeg"
    complete_head = api.head(Paths.attachment(sha))
    assert complete_head.status_code == 200 and complete_head.headers["Content-Length"] == str(len(data))
    # Committing or sending chunks again changes nothing.
    assert api.post(Paths.attachment_commit(sha), {"size": len(data)}).json()["state"] == "complete"
    assert api.put(Paths.attachment_chunk(sha) + "?offset=0", data[:10]).json()["state"] == "complete"


def test_ranged_downloads(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    data = bytes(range(256)) * 40
    sha = hashlib.sha256(data).hexdigest()
    _upload(api, data, sha, 0, 4096)
    api.post(Paths.attachment_commit(sha), {"size": len(data)})
    part = api.get(Paths.attachment(sha), headers={"Range": "bytes=100-199"})
    assert part.status_code == 206 and part.content == data[100:200]
    assert part.headers["Content-Range"] == f"bytes 100-199/{len(data)}"
    tail = api.get(Paths.attachment(sha), headers={"Range": "bytes=10000-"})
    assert tail.content == data[10000:]
    suffix = api.get(Paths.attachment(sha), headers={"Range": "bytes=-16"})
    assert suffix.content == data[-16:]
    outside = api.get(Paths.attachment(sha), headers={"Range": f"bytes={len(data)}-"})
    assert outside.status_code == 416 and outside.json()["error"]["code"] == "range_not_satisfiable"
    assert api.get(Paths.attachment(sha), headers={"Range": "lines=1-2"}).status_code == 416


def test_bytes_that_do_not_match_their_address_are_discarded(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    data = b"genuine scan"
    sha = hashlib.sha256(data).hexdigest()
    api.put(Paths.attachment_chunk(sha) + "?offset=0", b"forged bytes")
    answer = api.post(Paths.attachment_commit(sha), {"size": 12})
    assert answer.status_code == 422 and answer.json()["error"]["code"] == "hash_mismatch"
    assert api.get(Paths.attachment(sha) + "/status").json()["state"] == "absent"
    _upload(api, data, sha, 0, 5)
    assert api.post(Paths.attachment_commit(sha), {"size": len(data)}).status_code == 200


def test_chunks_and_addresses_are_checked(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    sha = "0" * 64
    big = api.put(Paths.attachment_chunk(sha) + "?offset=0", b"x" * (MAX_CHUNK_BYTES + 1))
    assert big.status_code == 413 and big.json()["error"]["code"] == "body_too_large"
    assert api.put(Paths.attachment_chunk("NOT-A-HASH") + "?offset=0", b"x").status_code == 422
    assert api.put(Paths.attachment_chunk(sha), b"x").status_code == 422  # offset is required
    assert api.put(Paths.attachment_chunk(sha) + "?offset=-1", b"x").status_code == 422
    assert api.get(Paths.attachment(sha)).status_code == 404
