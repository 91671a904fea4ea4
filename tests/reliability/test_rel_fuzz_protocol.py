"""Fuzzing the sync protocol parsers on the client side (issue 8, point 9).

What a platform (or anything pretending to be one) can send is parsed at the edge; every answer
must become either the validated model or a :class:`SyncError` with a Chinese message, never an
unexpected exception:

- response bodies for every protocol-1 answer model (random bytes, random JSON, valid answers with
  parts replaced) through :meth:`Transport.parse`;
- change pages, push results and refdata pages through :class:`PlatformApi` (its checks beyond the
  schema: order, cursors, one result per item), with a scripted transport instead of HTTP;
- error bodies (``{"error": …}``) with any HTTP status through ``read_error`` and the refusal path;
- synced rows through ``decode_row`` for every entity; refdata entries through ``parse_entries`` and
  the verified ``download``;
- schema-valid change pages with arbitrary payloads applied to a real store: applied or parked, or a
  SyncError that leaves the store exactly as it was.

Case counts: ``--hypothesis-show-statistics`` (docs/reliability.md).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from sqlalchemy import func, select

from app.store import DataDir, Store, create_store
from app.store.models import SYNCED_MODELS, AuditEntry, OutboxEntry
from app.store.sync_models import SyncParked, SyncShadow
from sync.client import state
from sync.client.api import PlatformApi, read_error
from sync.client.entities import decode_row, registry
from sync.client.errors import SyncError
from sync.client.pull import PullStats, apply_page
from sync.client.refdata import canonical_sha256, download
from sync.client.transport import RawResponse, Transport, TransportConfig
from sync.protocol import (
    STREAMS,
    AttachmentStatus,
    CardAuthResponse,
    ChangesPage,
    EnrolResponse,
    ErrorResponse,
    LoginResponse,
    OkResponse,
    PushItem,
    PushRequest,
    PushResponse,
    QrVerifyResponse,
    RefDataIndex,
    RefDataPage,
    ResetAckResponse,
    ServerInfo,
    StreamInfo,
    parse_entries,
)

CJK = re.compile(r"[\u4e00-\u9fff]")
NOW = "2026-03-02T02:00:00Z"
QUICK = [HealthCheck.too_slow, HealthCheck.data_too_large]
EVERYDAY = settings(max_examples=200, deadline=None, suppress_health_check=QUICK)
LARGER = settings(max_examples=2000, deadline=None, suppress_health_check=QUICK)
STORE_EVERYDAY = settings(max_examples=60, deadline=None,
                          suppress_health_check=[*QUICK, HealthCheck.function_scoped_fixture])
STORE_LARGER = settings(max_examples=400, deadline=None,
                        suppress_health_check=[*QUICK, HealthCheck.function_scoped_fixture])

json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(-(2**70), 2**70), st.floats(allow_nan=False),
    st.text(max_size=20), st.sampled_from([NOW, "2026-02-30", "1990-01-31", "", "accepted", "rejected", "conflict",
                                           "person", "catalog", "x" * 300, "０", "-1", "1e400"]),
)
json_value = st.recursive(
    json_leaf,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children,
                                                                                max_size=4)),
    max_leaves=10,
)


def chinese(error: BaseException) -> bool:
    return bool(CJK.search(str(error)))


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found.append((*prefix, key))
        found.extend(_paths(item, (*prefix, key)))
    return found


@st.composite
def mutated(draw: st.DrawFn, base: Any) -> Any:
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(0, 3))):
        paths = _paths(doc)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        if draw(st.booleans()):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(json_value)
    return doc


def change(seq: int, entity: str = "person", entity_id: str = "p1", **payload: Any) -> dict[str, Any]:
    return {"seq": seq, "entity": entity, "entity_id": entity_id, "server_version": 1, "deleted": False,
            "payload": {"id": entity_id, **payload}, "origin": "device", "origin_device_id": "dev-2",
            "changed_at": NOW}


VALID: dict[type[BaseModel], dict[str, Any]] = {
    ServerInfo: {"protocol_version": 1, "server_name": "平台", "server_time": NOW,
                 "limits": {"max_body_bytes": 1, "max_batch_items": 1, "max_page_limit": 1, "max_chunk_bytes": 1,
                            "max_attachment_bytes": 1}},
    ChangesPage: {"items": [change(3), change(5, "case", "c1")], "next_cursor": 5, "has_more": True,
                  "reset_required": False, "server_time": NOW},
    PushResponse: {"results": [{"mutation_id": "m1", "status": "accepted", "server_version": 2},
                               {"mutation_id": "m2", "status": "rejected", "code": "invalid_field", "reason": "不行"},
                               {"mutation_id": "m3", "status": "conflict", "server_version": 4,
                                "server_copy": {"id": "p3"}, "conflict_fields": ["name"]}],
                   "server_time": NOW},
    RefDataIndex: {"streams": [{"stream": "codes", "version": 2, "published_at": NOW, "total": 1, "sha256": "ab"}]},
    RefDataPage: {"stream": "codes", "version": 2, "published_at": NOW, "total": 2, "offset": 0,
                  "entries": [{"table": "gender", "code": "1", "label": "男"}], "next_offset": 1},
    ErrorResponse: {"error": {"code": "rate_limited", "message": "请稍后再试。", "retry_after": 3, "details": {}}},
    EnrolResponse: {"device_id": "d", "device_secret": "s", "station": {"code": "520102", "name": "站"},
                    "protocol_version": 1, "server_time": NOW},
    LoginResponse: {"session_token": "t", "expires_at": NOW,
                    "staff": {"staff_id": "s", "username": "u", "display_name": "张", "role": "clerk",
                              "station_code": "520102"}},
    ResetAckResponse: {"reset_required": False, "server_time": NOW},
    OkResponse: {"ok": True},
}
MODELS: tuple[type[BaseModel], ...] = (*VALID, AttachmentStatus, CardAuthResponse, QrVerifyResponse)


def transport() -> Transport:
    return Transport(TransportConfig(base_url="http://127.0.0.1:9", backoff_base=0.0001, backoff_cap=0.0001))


@st.composite
def body_for(draw: st.DrawFn, model: type[BaseModel]) -> bytes:
    kind = draw(st.sampled_from(["valid", "bytes", "json", "mutated", "mutated", "truncated"]))
    base = VALID.get(model, {})
    if kind == "valid":
        return json.dumps(base, ensure_ascii=False).encode()
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "json":
        return json.dumps(draw(json_value)).encode()
    text = json.dumps(draw(mutated(base)), ensure_ascii=draw(st.booleans()))
    raw = text.encode(draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "gb18030"])), errors="replace")
    if kind == "truncated":
        raw = raw[: draw(st.integers(0, len(raw)))]
    return raw


# ----------------------------------------------------------------------------------- answer bodies


def _bodies(data: st.DataObject) -> None:
    model = data.draw(st.sampled_from(MODELS), label="model")
    body = data.draw(body_for(model), label="body")
    try:
        parsed = transport().parse(RawResponse(200, {}, body), model)
    except SyncError as error:
        event("body: SyncError")
        assert error.kind == "protocol" and chinese(error)
    else:
        event("body: parsed")
        assert isinstance(parsed, model)


@EVERYDAY
@given(data=st.data())
def test_fuzz_answer_bodies(data: st.DataObject) -> None:
    _bodies(data)


@pytest.mark.slow
@LARGER
@given(data=st.data())
def test_fuzz_answer_bodies_larger(data: st.DataObject) -> None:
    _bodies(data)


# --------------------------------------------------------------- change pages, push, refdata via the API


@dataclass
class Scripted(Transport):
    """A transport whose every answer is the next scripted body (HTTP 200)."""

    answers: list[bytes] | None = None

    def send(self, method: str, path: str, **_: Any) -> RawResponse:
        assert self.answers is not None
        return RawResponse(200, {}, self.answers.pop(0) if len(self.answers) > 1 else self.answers[0])


def api_with(*bodies: bytes) -> PlatformApi:
    return PlatformApi(Scripted(TransportConfig(base_url="http://127.0.0.1:9", backoff_base=0.0001,
                                                backoff_cap=0.0001), answers=list(bodies)))


@st.composite
def page_body(draw: st.DrawFn) -> bytes:
    """A change page, often schema-valid, with cursors and seqs around the requested cursor."""
    if draw(st.integers(0, 4)) == 0:
        return draw(body_for(ChangesPage))
    seqs = draw(st.lists(st.integers(-2, 30), max_size=6))
    items = [change(seq, draw(st.sampled_from(["person", "case", "nope", ""])), f"id{i}") for i, seq in enumerate(seqs)]
    return json.dumps({"items": items, "next_cursor": draw(st.integers(-2, 40)), "has_more": draw(st.booleans()),
                       "server_time": NOW}).encode()


def _api(data: st.DataObject) -> None:
    which = data.draw(st.sampled_from(["changes", "push", "refdata_page", "refdata_index", "hello"]), label="call")
    try:
        if which == "changes":
            cursor, limit = data.draw(st.integers(0, 20)), data.draw(st.integers(1, 5))
            page = api_with(data.draw(page_body(), label="page")).changes(cursor, limit)
            assert page.next_cursor >= cursor and len(page.items) <= limit
            assert all(item.seq > cursor for item in page.items)
        elif which == "push":
            ids = [f"m{i}" for i in range(data.draw(st.integers(1, 4)))]
            request = PushRequest(items=[PushItem(mutation_id=m, entity="person", entity_id=f"p{m}", op="upsert",
                                                  version=1, payload={}) for m in ids])
            results = data.draw(st.lists(st.sampled_from(VALID[PushResponse]["results"]), max_size=5))
            answered = data.draw(st.lists(st.sampled_from([*ids, "zz"]), min_size=len(results),
                                          max_size=len(results)))
            answers = [{**r, "mutation_id": m} for r, m in zip(results, answered, strict=True)]
            body: dict[str, Any] = {"results": answers, "server_time": NOW}
            raw = json.dumps(data.draw(st.one_of(st.just(body), mutated(body)))).encode()
            response = api_with(raw).push(request)
            assert [r.mutation_id for r in response.results] == ids
        elif which == "refdata_page":
            body = {**VALID[RefDataPage], "offset": data.draw(st.integers(-1, 3)),
                    "next_offset": data.draw(st.one_of(st.none(), st.integers(-1, 4))),
                    "stream": data.draw(st.sampled_from(["codes", "catalog"]))}
            raw = json.dumps(data.draw(st.one_of(st.just(body), mutated(body)))).encode()
            refpage = api_with(raw).refdata_page("codes", 2, 1, 10)
            assert refpage.stream == "codes" and refpage.offset == 1
            assert refpage.next_offset is None or refpage.next_offset > 1
        elif which == "refdata_index":
            api_with(data.draw(body_for(RefDataIndex))).refdata_index()
        else:
            info = api_with(data.draw(body_for(ServerInfo))).hello()
            assert info.protocol_version == 1
    except SyncError as error:
        event(f"{which}: SyncError")
        assert error.kind == "protocol" and chinese(error), error
    else:
        event(f"{which}: accepted")


@EVERYDAY
@given(data=st.data())
def test_fuzz_api_answers(data: st.DataObject) -> None:
    _api(data)


@pytest.mark.slow
@LARGER
@given(data=st.data())
def test_fuzz_api_answers_larger(data: st.DataObject) -> None:
    _api(data)


# ------------------------------------------------------------------------------------- error bodies


def _errors(data: st.DataObject) -> None:
    statuses = [300, 302, 400, 401, 403, 404, 409, 410, 413, 415, 422, 423, 429, 500, 503, 599]
    status = data.draw(st.sampled_from(statuses))
    raw = RawResponse(status, {"Retry-After": data.draw(st.sampled_from(["", "3", "-1", "x", "Wed, 21 Oct 2015"]))},
                      data.draw(body_for(ErrorResponse), label="body"))
    code, message = read_error(raw)
    assert code is None or isinstance(code, str)
    assert message is None or isinstance(message, str)
    event("error body: read" if code is not None else "error body: not a protocol error")
    t = transport()
    t.error_reader = read_error
    refusal = t._refusal(raw)
    assert isinstance(refusal, SyncError) and chinese(refusal) and refusal.kind in {"auth", "refused", "server",
                                                                                    "config"}
    busy = t._server_busy(raw, None)
    assert isinstance(busy, SyncError) and chinese(busy)


@EVERYDAY
@given(data=st.data())
def test_fuzz_error_bodies(data: st.DataObject) -> None:
    _errors(data)


@pytest.mark.slow
@LARGER
@given(data=st.data())
def test_fuzz_error_bodies_larger(data: st.DataObject) -> None:
    _errors(data)


# ------------------------------------------------------------------------------ rows and refdata entries

ENTITIES = sorted(registry())
row_value = st.one_of(json_value, st.sampled_from([
    "2026-03-02", "2026-03-02T10:00:00+08:00", "2026-03-02T10:00:00", "2026-13-01", "10:00", 0, 1, True,
    "0001-01-01T00:00:00+08:00", "9999-12-31T23:59:59-08:00", "0001-01-01", "2026-03-02T10:00:00Z",
]))


@st.composite
def payload_for(draw: st.DrawFn, entity: str) -> dict[str, Any]:
    columns = list(registry()[entity].columns)
    keys = draw(st.lists(st.sampled_from([*columns, "unknown"]), max_size=len(columns) + 1, unique=True))
    return {key: draw(row_value) for key in keys}


def _rows(data: st.DataObject) -> None:
    entity = data.draw(st.sampled_from(ENTITIES), label="entity")
    payload = data.draw(payload_for(entity), label="payload")
    try:
        values = decode_row(registry()[entity], payload)
    except SyncError as error:
        event("row: SyncError")
        assert error.kind == "protocol" and chinese(error)
    else:
        event("row: decoded")
        assert set(values) <= set(payload)


@EVERYDAY
@given(data=st.data())
def test_fuzz_decode_row(data: st.DataObject) -> None:
    _rows(data)


@pytest.mark.slow
@LARGER
@given(data=st.data())
def test_fuzz_decode_row_larger(data: st.DataObject) -> None:
    _rows(data)


GOOD_ENTRIES: Mapping[str, dict[str, Any]] = {
    "catalog": {"code": "x", "version": 1}, "codes": {"table": "gender", "code": "1", "label": "男"},
    "calendar": {"day": "2026-10-01", "is_workday": False}, "postings": {"id": "p", "title": "岗位"},
    "policies": {"id": "a", "title": "政策"}, "services": {"id": "a", "title": "服务"},
    "contacts": {"id": "a", "title": "联系"}, "campaigns": {"id": "a", "title": "活动"},
    "trainings": {"id": "t", "title": "培训", "training_type": "1"},
}


def _entries(data: st.DataObject) -> None:
    stream = data.draw(st.sampled_from(STREAMS), label="stream")
    entries = data.draw(st.lists(st.one_of(mutated(GOOD_ENTRIES[stream]), json_value), max_size=4), label="entries")
    try:
        parsed = parse_entries(stream, entries)
    except ValidationError:
        event("entries: ValidationError")
    else:
        event("entries: parsed")
        assert len(parsed) == len(entries)
    # The client's download verifies count and hash first, then the shapes: a SyncError either way.
    info = StreamInfo.model_validate({"stream": stream, "version": 1, "published_at": NOW, "total": len(entries),
                                      "sha256": canonical_sha256(entries) if data.draw(st.booleans()) else "0" * 64})
    page = {"stream": stream, "version": 1, "published_at": NOW, "total": len(entries), "offset": 0,
            "entries": entries, "next_offset": None}
    try:
        download(api_with(json.dumps(page).encode()), info, lambda: False)
    except SyncError as error:
        assert error.kind == "protocol" and chinese(error)


@EVERYDAY
@given(data=st.data())
def test_fuzz_refdata_entries(data: st.DataObject) -> None:
    _entries(data)


@pytest.mark.slow
@LARGER
@given(data=st.data())
def test_fuzz_refdata_entries_larger(data: st.DataObject) -> None:
    _entries(data)


# ------------------------------------------------------------------- change pages applied to a store


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "keyring"))
    s = create_store(DataDir(tmp_path / "data"), "520102001", "测试街道就业服务站")
    yield s
    s.close()


def snapshot(store: Store) -> dict[str, Any]:
    with store.session() as session:
        found: dict[str, Any] = {
            model.__entity__: session.scalar(select(func.count()).select_from(model)) or 0 for model in SYNCED_MODELS
        }
        for model in (OutboxEntry, AuditEntry, SyncParked, SyncShadow):
            found[model.__name__] = session.scalar(select(func.count()).select_from(model)) or 0
        found["cursor"] = state.get(session, state.CURSOR)
    return found


@st.composite
def applied_page(draw: st.DrawFn) -> ChangesPage:
    items = []
    for seq in range(1, draw(st.integers(1, 5)) + 1):
        entity = draw(st.sampled_from(["person", "person_document", "case", "household_member", "employer", "nope"]))
        entity_id = draw(st.sampled_from(["r1", "r2", "r3"]))
        payload = draw(payload_for(entity)) if entity in registry() else {}
        payload["id"] = entity_id
        items.append({"seq": seq, "entity": entity, "entity_id": entity_id, "server_version": draw(st.integers(1, 3)),
                      "deleted": draw(st.booleans()), "payload": payload, "origin": "device", "changed_at": NOW})
    return ChangesPage.model_validate({"items": items, "next_cursor": len(items), "has_more": False,
                                      "server_time": NOW})


def _apply(data: st.DataObject, store: Store) -> None:
    page = data.draw(applied_page(), label="page")
    before = snapshot(store)
    stats = PullStats()
    try:
        apply_page(store, page, force=data.draw(st.booleans()), stats=stats)
    except SyncError as error:
        event("page: SyncError")
        assert chinese(error)
        assert snapshot(store) == before
        return
    event("page: applied" if not stats.parked else "page: applied, some changes parked")
    assert stats.received == len(page.items)
    with store.session() as session:
        assert state.get(session, state.CURSOR) == str(page.next_cursor)


@STORE_EVERYDAY
@given(data=st.data())
def test_fuzz_change_pages_applied(data: st.DataObject, store: Store) -> None:
    _apply(data, store)


@pytest.mark.slow
@STORE_LARGER
@given(data=st.data())
def test_fuzz_change_pages_applied_larger(data: st.DataObject, store: Store) -> None:
    _apply(data, store)


@pytest.mark.parametrize("value", ["0001-01-01T00:00:00+08:00", "9999-12-31T23:59:59-08:00"])
def test_a_time_without_a_utc_equivalent_is_a_protocol_error(value: str) -> None:
    """Found by the fuzzer: converting these to UTC raised OverflowError out of decode_row (and the pull)."""
    with pytest.raises(SyncError, match="updated_at") as caught:
        decode_row(registry()["person"], {"updated_at": value})
    assert caught.value.kind == "protocol"
    assert decode_row(registry()["person"], {"updated_at": "2026-03-02T10:00:00+08:00"})["updated_at"].hour == 2
