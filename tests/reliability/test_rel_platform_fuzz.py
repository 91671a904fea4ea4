"""Issue 8 point 7: every route answers malformed and oversized requests with a 4xx in the error format, never a 5xx.

Two layers, both over the routes enumerated from the FastAPI app (``platform_routes``):

- a sweep: every route × every kind of garbage below, once each (so no route is left out by chance);
- hypothesis: random routes, kinds and contents (``FUZZ_EXAMPLES`` requests; the slow variant many more).

Requests carry a valid device credential, a staff session and an online-channel key, so the body and
parameters are really parsed. The number of requests sent is printed (run with ``-s`` to see it).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sync.protocol import MAX_BODY_BYTES
from sync.server.harness import PlatformHarness
from tests.reliability.platform_routes import ROUTES, Route, fill, route_id, start_platform
from tests.sync.conftest import STATION_A, DeviceApi

FUZZ_EXAMPLES = 300
SLOW_FUZZ_EXAMPLES = 3000

# Routes whose handler reads the request body (the others answer without reading it).
BODY_ROUTES = {
    route for route in ROUTES if route[0] in ("POST", "PUT") and route[1] not in ("/v1/auth/logout", "/v1/reset/ack")
}
# Routes whose body is JSON; the chunk upload takes any bytes.
JSON_ROUTES = {route for route in BODY_ROUTES if route[0] == "POST"}
QUERY_PARAMS: dict[Route, tuple[str, ...]] = {
    ("GET", "/v1/changes"): ("cursor", "limit", "count"),
    ("GET", "/v1/refdata/{stream}"): ("version", "offset", "limit"),
    ("PUT", "/v1/attachments/{sha256}/chunks"): ("offset",),
}
# Fields of each JSON body, to send them with wrong types.
FIELDS: dict[str, tuple[str, ...]] = {
    "/v1/enrol": ("token", "device_name", "client_version"),
    "/v1/auth/login": ("username", "password"),
    "/v1/push": ("items",),
    "/v1/attachments/{sha256}/commit": ("size", "media_type"),
    "/v1/cards/authenticate": ("card_id", "card_number", "step1", "region_code", "card_type"),
    "/v1/qr/verify": ("token",),
    "/v1/persons/lookup": ("doc_number", "purpose"),
    "/v1/online/applications": (
        "application_id",
        "station_code",
        "item_code",
        "item_version",
        "applicant",
        "form_data",
        "submitted_at",
    ),
}
_ALL_FIELDS: set[str] = {name for fields in FIELDS.values() for name in fields}
GZIP_BOMB = gzip.compress(b"\0" * (MAX_BODY_BYTES * 3), compresslevel=9)  # 24 MiB of zeros in ~24 KB
KINDS = (
    "junk_bytes",
    "bad_json",
    "json_scalar",
    "wrong_types",
    "deep_nesting",
    "huge_string",
    "gzip_bomb",
    "not_gzip",
    "unknown_encoding",
    "wrong_content_type",
    "bad_query",
    "bad_path",
    "bad_range",
    "bad_protocol",
)


@pytest.fixture
def platform(tmp_path: Path) -> Iterator[PlatformHarness]:
    yield from start_platform(tmp_path)


@dataclass
class Probe:
    """One malformed request."""

    kind: str
    route: Route
    path: str
    body: bytes | None = None
    headers: dict[str, str] | None = None
    params: dict[str, str] | None = None
    must_refuse: bool = True  # a 4xx is required (else only: no 5xx)


@dataclass
class Target:
    platform: PlatformHarness
    api: DeviceApi
    app_key: str
    sent: Counter[str]
    sha: str

    def send(self, probe: Probe) -> requests.Response:
        method = probe.route[0]
        headers = {**self.api.headers(), "X-Fuwutai-App-Key": self.app_key, "Content-Type": "application/json"}
        headers.update(probe.headers or {})
        answer = self.api.http.request(
            method,
            self.platform.url + probe.path,
            data=probe.body,
            params=probe.params,
            headers=headers,
            timeout=60,
            allow_redirects=False,
        )
        self.sent[probe.kind] += 1
        self.check(probe, answer)
        if probe.route == ("POST", "/v1/auth/logout") and answer.status_code == 200:
            # Logout takes no body, so garbage sent to it may well log out: log in again for the next probes.
            assert self.api.login("clerk_a", "correct-horse").status_code == 200
        return answer

    @staticmethod
    def check(probe: Probe, answer: requests.Response) -> None:
        where = (probe.kind, route_id(probe.route), probe.path[:80], (probe.body or b"")[:60], answer.status_code)
        assert answer.status_code < 500, (where, answer.text[:300])
        if probe.must_refuse:
            assert 400 <= answer.status_code < 500, (where, answer.text[:300])
        if answer.status_code >= 400 and probe.route[0] != "HEAD":
            error = answer.json()["error"]
            assert set(error) == {"code", "message", "retry_after", "details"}, where
            assert error["message"], where


def _target(platform: PlatformHarness) -> Target:
    credential = platform.enrol(STATION_A)
    api = DeviceApi(platform.url, credential.device_id, credential.device_secret, STATION_A)
    platform.add_user(STATION_A, "clerk_a", "correct-horse")
    assert api.login("clerk_a", "correct-horse").status_code == 200
    blob = b"an attachment to ask ranges of " * 10
    sha = hashlib.sha256(blob).hexdigest()
    assert api.put(fill("/v1/attachments/{sha256}/chunks", sha256=sha) + "?offset=0", blob).status_code == 200
    assert api.post(fill("/v1/attachments/{sha256}/commit", sha256=sha), {"size": len(blob)}).status_code == 200
    return Target(platform, api, platform.app_key(), Counter(), sha)


# --- building probes ---------------------------------------------------------------------------------


_BOOL_WORDS = {"true", "false", "yes", "no", "on", "off", "t", "f", "y", "n"}


def _no_digits(value: str) -> bool:
    """Not an integer, and not a word pydantic takes as a boolean (``count=yes``)."""
    return bool(value.strip()) and not any(c.isdigit() for c in value) and value.strip().lower() not in _BOOL_WORDS


def build(kind: str, route: Route, sample: dict[str, Any], sha: str) -> Probe:
    """A probe of ``kind`` for ``route``; ``sample`` holds the random parts (fixed ones in the sweep)."""
    method, template = route
    path = fill(template)
    reads_body = route in BODY_ROUTES
    is_json = route in JSON_ROUTES
    probe = Probe(kind, route, path, must_refuse=False)
    if kind == "junk_bytes":
        probe.body = sample["bytes"]
        probe.must_refuse = is_json
    elif kind == "bad_json":
        probe.body = sample["bad_json"].encode("utf-8", "surrogatepass")
        probe.must_refuse = is_json
    elif kind == "json_scalar":
        probe.body = json.dumps(sample["scalar"]).encode()
        probe.must_refuse = is_json
    elif kind == "wrong_types":
        fields = FIELDS.get(template, ("x",))
        probe.body = json.dumps({name: sample["wrong"] for name in fields} | sample["extra"]).encode()
        probe.must_refuse = is_json and bool(sample["extra"])  # an unknown field is always refused
    elif kind == "deep_nesting":
        depth = sample["depth"]
        probe.body = (
            (("[" * depth) + ("]" * depth)).encode()
            if sample["flag"]
            else (('{"items":' * depth) + "1" + ("}" * depth)).encode()
        )
        probe.must_refuse = is_json
    elif kind == "huge_string":
        size = sample["huge"]
        probe.body = b'{"token": "' + b"x" * size + b'"}'
        probe.must_refuse = is_json or (reads_body and size > 1024 * 1024)
    elif kind == "gzip_bomb":
        probe.body = GZIP_BOMB
        probe.headers = {"Content-Encoding": "gzip"}
        probe.must_refuse = reads_body
    elif kind == "not_gzip":
        probe.body = sample["bytes"] + b"not gzip"
        probe.headers = {"Content-Encoding": "gzip"}
        probe.must_refuse = reads_body
    elif kind == "unknown_encoding":
        probe.body = b'{"token": "abcdefgh"}'
        probe.headers = {"Content-Encoding": sample["encoding"]}
        probe.must_refuse = reads_body
    elif kind == "wrong_content_type":
        # A body that would be accepted (e.g. by /v1/qr/verify) if the declared type were not checked.
        probe.body = b'{"token": "abcdefgh"}'
        probe.headers = {"Content-Type": sample["content_type"]}
        probe.must_refuse = reads_body
    elif kind == "bad_query":
        names = QUERY_PARAMS.get(route, ("cursor",))
        probe.params = {name: sample["query"] for name in names}
        probe.must_refuse = route in QUERY_PARAMS
        if method in ("PUT", "POST"):
            probe.body = b"{}"
    elif kind == "bad_path":
        if "{sha256}" in template:
            probe.path = fill(template, sha256=quote(sample["segment"], safe=""))
            probe.must_refuse = True  # not 64 lowercase hex digits
        elif "{stream}" in template:
            probe.path = fill(template, stream=quote(sample["segment"], safe=""))
            probe.must_refuse = True  # no such stream
        else:
            probe.path = path + "/" + quote(sample["segment"], safe="")
            probe.must_refuse = True  # no such route
    elif kind == "bad_range":
        probe.path = fill(template, sha256=sha)  # a file that exists, so the range is really parsed
        probe.headers = {"Range": sample["range"]}
    elif kind == "bad_protocol":
        probe.headers = {"X-Fuwutai-Protocol": sample["protocol"]}
        probe.must_refuse = True
    else:  # pragma: no cover - a new kind without a builder
        raise AssertionError(kind)
    return probe


FIXED_SAMPLE: dict[str, Any] = {
    "bytes": b"\x00\xff\xfe garbage \x80",
    "bad_json": '{"items": [1, 2,',
    "scalar": [1, "two", None],
    "wrong": {"nested": [True, 1.5]},
    "extra": {"unexpected": 1},
    "depth": 100_000,
    "flag": True,
    "huge": MAX_BODY_BYTES + 1,
    "encoding": "br",
    "content_type": "text/plain; charset=latin-1",
    "query": "ten",
    "segment": "../../etc/passwd",
    "range": "bytes=9-3",
    "protocol": "2",
}

_json_leaf = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**100), max_value=2**100)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
_json = st.recursive(
    _json_leaf,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _bad_json_text() -> st.SearchStrategy[str]:
    def broken(value: Any, cut: int) -> str:
        text = json.dumps(value)
        return text[: max(1, min(cut, len(text) - 1))] if len(text) > 1 else "{"

    structured = st.builds(
        broken, st.dictionaries(st.text(max_size=5), _json, min_size=1, max_size=3), st.integers(1, 60)
    )
    raw = st.text(min_size=1, max_size=200).filter(_not_json)
    lone_surrogate = st.just('{"token": "\\ud800abcdefgh"}')
    return structured | raw | lone_surrogate | st.sampled_from(["{'a': 1}", "[1,]", '{"a" 1}', "NaN", "\ufeff{}x"])


def _not_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return True
    return False


SAMPLES: st.SearchStrategy[dict[str, Any]] = st.fixed_dictionaries(
    {
        "bytes": st.binary(max_size=400),
        "bad_json": _bad_json_text(),
        "scalar": _json.filter(lambda v: not isinstance(v, dict)),
        "wrong": _json,
        "extra": st.dictionaries(
            st.text(min_size=1, max_size=10).filter(lambda k: k not in _ALL_FIELDS), _json, max_size=2
        ),
        "depth": st.integers(min_value=50, max_value=200_000),
        "flag": st.booleans(),
        "huge": st.sampled_from([70_000, 1024 * 1024 + 1, 2 * 1024 * 1024, MAX_BODY_BYTES + 1]),
        "encoding": st.text(
            alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=20
        ).filter(lambda e: e.strip().lower() not in ("gzip", "identity")),
        "content_type": st.sampled_from(
            ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]
        ),
        "query": st.text(max_size=40).filter(_no_digits),
        # Dot segments are resolved by the client before sending; they are not a path the server sees.
        "segment": st.text(min_size=1, max_size=80).filter(
            lambda s: not re.fullmatch(r"[0-9a-f]{64}|[a-z]+|\.{1,2}", s)
        ),
        "range": st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), max_size=40),
        "protocol": st.text(
            alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=10
        ).filter(lambda v: v.strip() != "1"),
    }
)


def _sweep() -> Iterator[tuple[str, Route]]:
    for route in ROUTES:
        for kind in KINDS:
            yield kind, route


def test_every_json_route_has_its_fields_listed() -> None:
    assert {route[1] for route in JSON_ROUTES} == set(FIELDS)


def test_every_route_answers_every_kind_of_garbage_without_a_5xx(platform: PlatformHarness) -> None:
    target = _target(platform)
    for kind, route in _sweep():
        target.send(build(kind, route, FIXED_SAMPLE, target.sha))
    assert sum(target.sent.values()) == len(ROUTES) * len(KINDS)
    print(f"\nplatform sweep: {len(ROUTES)} routes × {len(KINDS)} kinds = {sum(target.sent.values())} requests")
    # The server is still healthy and still answers proper requests.
    assert target.api.get("/v1/changes").status_code == 200


def _fuzz(platform: PlatformHarness, examples: int) -> None:
    target = _target(platform)

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(kind=st.sampled_from(KINDS), route=st.sampled_from(ROUTES), sample=SAMPLES)
    def one(kind: str, route: Route, sample: dict[str, Any]) -> None:
        target.send(build(kind, route, sample, target.sha))

    one()
    total = sum(target.sent.values())
    print(f"\nplatform fuzz: {total} requests over {len(ROUTES)} routes; by kind: {dict(sorted(target.sent.items()))}")
    assert total >= examples // 2
    assert target.api.get("/v1/changes").status_code == 200


def test_random_malformed_requests_never_get_a_5xx(platform: PlatformHarness) -> None:
    _fuzz(platform, FUZZ_EXAMPLES)


@pytest.mark.slow
def test_many_random_malformed_requests_never_get_a_5xx(platform: PlatformHarness) -> None:
    _fuzz(platform, SLOW_FUZZ_EXAMPLES)
