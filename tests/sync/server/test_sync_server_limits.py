"""Malformed, oversized or oddly encoded requests get a 4xx in the protocol's error format, never a 500."""

from __future__ import annotations

import gzip
import json
from typing import Any

import requests

from sync.protocol import MAX_BODY_BYTES, Paths
from tests.sync.conftest import make_item, person_payload


def _error(answer: requests.Response) -> dict[str, Any]:
    body: dict[str, Any] = answer.json()["error"]
    assert set(body) == {"code", "message", "retry_after", "details"}
    return body


def test_gzip_requests_and_responses(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    items = [make_item("person", person_payload()) for _ in range(50)]
    answer = api.post(Paths.PUSH, {"items": items}, gzip_body=True)
    assert answer.status_code == 200
    assert [r["status"] for r in answer.json()["results"]] == ["accepted"] * 50
    raw = api.http.get(
        platform.url + Paths.CHANGES, headers={**api.headers(), "Accept-Encoding": "gzip"}, stream=True, timeout=10
    )
    assert raw.headers["Content-Encoding"] == "gzip"
    page = json.loads(gzip.decompress(raw.raw.read()))
    assert len(page["items"]) == 50
    small = api.http.get(platform.url + Paths.HELLO, headers={"Accept-Encoding": "identity"}, timeout=10)
    assert "Content-Encoding" not in small.headers


def test_malformed_bodies_are_422(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    cases = [b"", b"{", b"[]", b'{"items": "nope"}', '{"items": ["\u4e2d"]}'.encode(), b"\xff\xfe\x00garbage"]
    for data in cases:
        answer = api.post(Paths.PUSH, data=data, headers={"Content-Type": "application/json"})
        assert answer.status_code == 422, (data, answer.text)
        assert _error(answer)["code"] == "invalid_request"
    deep = ("[" * 5000) + ("]" * 5000)
    assert api.post(Paths.PUSH, data=deep.encode()).status_code == 422


def test_oversized_bodies_are_413_before_being_read_in_full(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    huge = b'{"items": [' + b" " * (MAX_BODY_BYTES + 10) + b"]}"
    answer = api.post(Paths.PUSH, data=huge)
    assert answer.status_code == 413 and _error(answer)["code"] == "body_too_large"
    bomb = gzip.compress(b" " * (MAX_BODY_BYTES + 1000))
    answer = api.post(Paths.PUSH, data=bomb, headers={"Content-Encoding": "gzip"})
    assert answer.status_code == 413


def test_encodings_are_checked(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    body = json.dumps({"items": [make_item("person", person_payload())]}).encode()
    wrong = api.post(Paths.PUSH, data=body, headers={"Content-Encoding": "br"})
    assert wrong.status_code == 415 and _error(wrong)["code"] == "unsupported_encoding"
    lying = api.post(Paths.PUSH, data=body, headers={"Content-Encoding": "gzip"})
    assert lying.status_code == 400 and _error(lying)["code"] == "invalid_request"


def test_unknown_paths_and_methods_answer_in_the_error_format(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    assert _error(api.get("/v1/nothing-here"))["code"] == "not_found"
    assert api.get("/v2/changes").status_code == 404
    method = api.http.delete(platform.url + Paths.PUSH, headers=api.headers(), timeout=10)
    assert method.status_code == 405 and _error(method)["code"] == "invalid_request"
    enrol = requests.post(platform.url + Paths.ENROL, json={"token": "short"}, timeout=10)
    assert enrol.status_code == 422


def test_every_json_endpoint_answers_garbage_with_a_4xx(platform: Any, device_api: Any) -> None:
    api = device_api(platform)
    platform.add_user("520102001", "clerk_a", "correct-horse")
    api.login("clerk_a", "correct-horse")
    endpoints = [
        Paths.ENROL,
        Paths.LOGIN,
        Paths.PUSH,
        Paths.CARD_AUTH,
        Paths.QR_VERIFY,
        Paths.PERSON_LOOKUP,
        Paths.attachment_commit("0" * 64),
    ]
    garbage = [b"", b"null", b"{}", b'{"a": 1}', b"\x00\x01", b'"' + b"x" * 70_000 + b'"']
    for path in endpoints:
        for data in garbage:
            answer = api.post(path, data=data, headers={"Content-Type": "application/json"})
            assert 400 <= answer.status_code < 500, (path, data[:20], answer.status_code)
            assert answer.json()["error"]["code"] in {"invalid_request", "body_too_large"}
    key = platform.app_key()
    for data in garbage:
        answer = requests.post(
            platform.url + Paths.ONLINE_APPLICATIONS, data=data, headers={"X-Fuwutai-App-Key": key}, timeout=10
        )
        assert 400 <= answer.status_code < 500
