"""Wire schemas: round trips, what they refuse, and the invariants clients rely on."""

from __future__ import annotations

import gzip
import hashlib
import hmac
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import sync.protocol as p

NOW = datetime(2025, 3, 3, 2, 0, tzinfo=UTC)


def _item(**overrides: Any) -> dict[str, Any]:
    item: dict[str, Any] = {
        "mutation_id": "5f0c7a4e-9b1d-4c55-8f59-111111111111",
        "entity": "case",
        "entity_id": "0b3e0d7c-2222-4c55-8f59-222222222222",
        "op": "upsert",
        "base_version": None,
        "version": 1,
        "payload": {"id": "0b3e0d7c-2222-4c55-8f59-222222222222", "state": "draft"},
    }
    item.update(overrides)
    return item


SAMPLES: list[BaseModel] = [
    p.EnrolRequest(token="t" * 43, device_name="pc-1", client_version="0.1.0"),
    p.EnrolResponse(
        device_id="d1",
        device_secret="s",
        station=p.StationInfo(code="520102001", name="甲镇"),
        protocol_version=1,
        server_time=NOW,
    ),
    p.LoginRequest(username="zhangsan", password="secret-123"),
    p.LoginResponse(
        session_token="x",
        expires_at=NOW,
        staff=p.StaffInfo(
            staff_id="s1", username="zhangsan", display_name="张三", role="clerk", station_code="520102001"
        ),
    ),
    p.PushRequest.model_validate({"items": [_item()]}),
    p.PushResponse(
        results=[
            p.accepted("m1", 1),
            p.duplicate("m2", 3),
            p.conflict("m3", 4, {"id": "e", "state": "completed"}, False, ["state"]),
            p.rejected("m4", p.RejectCode.INVALID_FIELD, "证件号码不正确"),
        ],
        reset_required=True,
        server_time=NOW,
    ),
    p.ChangesPage(
        items=[
            p.Change(
                seq=3,
                entity="person",
                entity_id="e1",
                server_version=1,
                deleted=False,
                payload={"name": "甲"},
                origin="device",
                origin_device_id="d1",
                changed_at=NOW,
            ),
            p.Change(
                seq=7,
                entity="case",
                entity_id="e2",
                server_version=2,
                deleted=True,
                payload={},
                origin="platform",
                changed_at=NOW,
            ),
        ],
        next_cursor=7,
        has_more=False,
        server_time=NOW,
    ),
    p.RefDataPage(
        stream="codes",
        version=2,
        published_at=NOW,
        total=1,
        offset=0,
        entries=[{"table": "t", "code": "1", "label": "一"}],
        next_offset=None,
    ),
    p.AttachmentStatus(sha256="a" * 64, state="partial", received=10),
    p.CommitRequest(size=10, media_type="image/jpeg"),
    p.CardAuthRequest(card_number="A12345678", step1="0A1B2C3D|FF00"),
    p.CardAuthRequest(card_id="520100D15600000512345678ABCDEF01", step1="0A1B2C3D|FF00"),
    p.QrVerifyResponse(
        status="valid", person=p.QrPerson(name="甲", doc_type="resident_id", doc_number="1"), message="有效"
    ),
    p.OnlineApplication(
        application_id="app-1",
        station_code="520102001",
        item_code="job_seeking",
        applicant=p.Applicant(name="甲", doc_number="11010519491231002X"),
    ),
    p.PersonLookupRequest(doc_number="11010519491231002X", purpose="transfer"),
    p.ErrorResponse(error=p.ErrorBody(code="unavailable", message="繁忙", retry_after=5)),
    p.CaseCommand(action="reject", note="材料不全", fields={"closed_on": "2025-03-03"}),
]


@pytest.mark.parametrize("model", SAMPLES, ids=lambda m: type(m).__name__)
def test_every_model_survives_a_json_round_trip(model: BaseModel) -> None:
    again = type(model).model_validate_json(p.encode_json(model))
    assert again == model


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"op": "merge"}, "op"),
        ({"entity": "Case"}, "entity"),
        ({"entity_id": "has space"}, "entity_id"),
        ({"mutation_id": ""}, "mutation_id"),
        ({"version": 0}, "version"),
        ({"base_version": 0}, "base_version"),
        ({"payload": {"id": "someone-else"}}, "payload.id"),
        ({"surprise": 1}, "surprise"),
    ],
)
def test_push_items_refuse_malformed_fields(change: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ValidationError) as caught:
        p.PushRequest.model_validate({"items": [_item(**change)]})
    assert fragment.split(".", maxsplit=1)[0] in str(caught.value)


def test_push_batches_are_bounded() -> None:
    with pytest.raises(ValidationError):
        p.PushRequest.model_validate({"items": []})
    with pytest.raises(ValidationError):
        p.PushRequest.model_validate({"items": [_item()] * (p.MAX_BATCH_ITEMS + 1)})
    assert len(p.PushRequest.model_validate({"items": [_item()] * p.MAX_BATCH_ITEMS}).items) == p.MAX_BATCH_ITEMS


def test_commands_carry_their_own_payload_shape() -> None:
    item = p.PushItem.model_validate(_item(op="command", payload={"action": "accept"}))
    assert p.CaseCommand.model_validate(item.payload).action == "accept"
    with pytest.raises(ValidationError):
        p.CaseCommand.model_validate({"action": "teleport"})
    with pytest.raises(ValidationError):
        p.CaseCommand.model_validate({"action": "accept", "fields": {"state": "completed"}})


def test_item_results_need_the_fields_their_status_promises() -> None:
    with pytest.raises(ValidationError):
        p.PushItemResult(mutation_id="m", status="accepted")
    with pytest.raises(ValidationError):
        p.PushItemResult(mutation_id="m", status="conflict", server_version=2)
    with pytest.raises(ValidationError):
        p.PushItemResult(mutation_id="m", status="rejected", code="invalid_field")


def test_change_pages_must_move_forward() -> None:
    change = {
        "entity": "person",
        "entity_id": "e",
        "server_version": 1,
        "deleted": False,
        "payload": {},
        "origin": "device",
        "changed_at": NOW,
    }
    with pytest.raises(ValidationError):
        p.ChangesPage(
            items=[p.Change(seq=5, **change), p.Change(seq=5, **change)], next_cursor=5, has_more=False, server_time=NOW
        )
    with pytest.raises(ValidationError):
        p.ChangesPage(items=[p.Change(seq=5, **change)], next_cursor=4, has_more=False, server_time=NOW)


def test_responses_tolerate_new_fields_requests_do_not() -> None:
    page = p.ChangesPage.model_validate(
        {"items": [], "next_cursor": 0, "has_more": False, "server_time": NOW.isoformat(), "added_in_1_1": True}
    )
    assert page.next_cursor == 0
    with pytest.raises(ValidationError):
        p.LoginRequest.model_validate({"username": "a", "password": "b", "remember": True})


def test_transition_table_matches_the_documented_flow() -> None:
    assert p.transition_target("accept", p.RECEIVED_ONLINE) == "accepted"
    assert p.transition_target("approve", "in_review") == "completed"
    assert p.transition_target("approve", "accepted") is None
    assert p.transition_target("cancel", "completed") == "cancelled"
    assert p.action_for_state_change("accepted", "completed") == "complete"
    assert p.action_for_state_change("completed", "accepted") is None
    for action, (sources, target) in p.CASE_TRANSITIONS.items():
        assert action in p.CASE_ACTION_LABELS
        assert target in p.CASE_STATES and sources <= set(p.CASE_STATES)


def test_every_path_is_under_the_version_prefix() -> None:
    paths = [v for k, v in vars(p.Paths).items() if k.isupper()]
    paths += [
        p.Paths.refdata_stream("codes"),
        p.Paths.attachment("a" * 64),
        p.Paths.attachment_chunk("a" * 64),
        p.Paths.attachment_commit("a" * 64),
    ]
    assert paths and all(path.startswith(f"/v{p.PROTOCOL_VERSION}/") for path in paths)


@given(
    device_id=st.uuids().map(str),
    secret=st.text(
        alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=60
    ),
)
def test_device_credentials_round_trip(device_id: str, secret: str) -> None:
    assert p.parse_device_authorization(p.device_authorization(device_id, secret)) == (device_id, secret)


@pytest.mark.parametrize("header", [None, "", "Basic abc", "Bearer nodot", "Bearer .secret", "Bearer id."])
def test_malformed_device_credentials_are_not_parsed(header: str | None) -> None:
    assert p.parse_device_authorization(header) is None


@given(st.binary(max_size=5000))
def test_gzip_bodies_round_trip(data: bytes) -> None:
    assert p.gunzip_limited(p.gzip_body(data), 10_000) == data


def test_gzip_decoding_refuses_bombs_garbage_and_truncation() -> None:
    bomb = gzip.compress(b"0" * 1_000_000)
    assert len(bomb) < 5000
    with pytest.raises(p.BodyTooLarge):
        p.gunzip_limited(bomb, 100_000)
    with pytest.raises(ValueError, match="gzip"):
        p.gunzip_limited(b"not gzip at all", 1000)
    with pytest.raises(ValueError, match="truncated"):
        p.gunzip_limited(gzip.compress(b"x" * 1000)[:-12], 10_000)


def test_reference_hsm_answer_follows_the_documented_formula() -> None:
    internal, external = p.reference_hsm_answer("A12345678", "0a1b|ff")
    factors = b"A12345678|0A1B|FF"
    key = b"fuwutai-reference-hsm-not-a-secret"
    assert internal == hmac.new(key, b"internal|" + factors, hashlib.sha256).hexdigest()[:32].upper()
    assert external == hmac.new(key, b"external|" + factors, hashlib.sha256).hexdigest()[:32].upper()
    assert internal != external
    assert p.reference_hsm_answer("A12345678", "0A1B|FF") == (internal, external)


def test_stream_entries_are_checked_per_stream() -> None:
    codes = p.parse_entries("codes", [{"table": "gender", "code": "1", "label": "男"}])
    assert codes == [{"table": "gender", "code": "1", "label": "男", "parent": None, "sort": 0, "active": True}]
    assert p.parse_entries("calendar", [{"day": "2025-10-01", "is_workday": False}])[0]["day"] == "2025-10-01"
    catalog = p.parse_entries("catalog", [{"code": "job_seeking", "version": 2, "title": "求职登记"}])
    assert catalog[0]["title"] == "求职登记"
    with pytest.raises(ValidationError):
        p.parse_entries("postings", [{"id": "1"}])
    with pytest.raises(ValidationError):
        p.parse_entries("calendar", [{"day": "not a day", "is_workday": False}])
    assert set(p.ENTRY_MODELS) == set(p.STREAMS)
    assert p.entry_key("codes", codes[0]) == "gender:1"
