"""The three-way comparison behind rebase and conflict, as properties, and the apply rule on a store."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from app.store import Store
from app.store.models import OutboxEntry, Person
from sync.client.entities import spec_for
from sync.client.records import Incoming, Outcome, apply_incoming, merge3

SPEC = spec_for("person")
FIELDS = ("name", "phone", "note", "hukou_address")
values = st.one_of(st.none(), st.sampled_from(["甲", "乙", "丙"]))
rows = st.fixed_dictionaries({f: values for f in FIELDS}).map(lambda r: {**r, "name": r["name"] or "无名"})


@given(rows, rows)
def test_sync_client_merge_same_content_is_never_disputed(base: dict[str, Any], other: dict[str, Any]) -> None:
    merge = merge3(SPEC, base, other, other)
    assert merge.disputed == frozenset()
    assert merge.local_changed == merge.server_changed


@given(rows, rows)
def test_sync_client_merge_only_one_side_changed_is_never_disputed(base: dict[str, Any], other: dict[str, Any]) -> None:
    assert merge3(SPEC, base, base, other).disputed == frozenset()
    assert merge3(SPEC, base, other, base).disputed == frozenset()
    assert merge3(SPEC, base, base, other).local_changed == frozenset()


@given(rows, rows, rows)
def test_sync_client_merge_disputes_are_fields_both_changed_differently(
    base: dict[str, Any], local: dict[str, Any], server: dict[str, Any]
) -> None:
    merge = merge3(SPEC, base, local, server)
    expected = {f for f in FIELDS if base[f] != local[f] and base[f] != server[f] and local[f] != server[f]}
    assert merge.disputed == expected
    # Rebasing (taking the server's changed fields into the local row) keeps both sides' edits.
    if not merge.disputed:
        merged = {f: server[f] if f in merge.server_changed else local[f] for f in FIELDS}
        for f in FIELDS:
            if f in merge.local_changed:
                assert merged[f] == local[f]
            if f in merge.server_changed:
                assert merged[f] == server[f]


@given(rows, rows)
def test_sync_client_merge_without_a_base_disputes_every_difference(
    local: dict[str, Any], server: dict[str, Any]
) -> None:
    assert merge3(SPEC, None, local, server).disputed == {f for f in FIELDS if local[f] != server[f]}


def test_sync_client_merge_deletion_against_an_edit_is_disputed() -> None:
    base = {"name": "甲", "phone": "1", "deleted": False}
    assert merge3(SPEC, base, {**base, "deleted": True}, {**base, "phone": "2"}).disputed == {"deleted"}
    assert merge3(SPEC, base, {**base, "phone": "2"}, {**base, "deleted": True}).disputed == {"deleted"}
    assert merge3(SPEC, base, base, {**base, "deleted": True}).disputed == frozenset()


def _wire(person_id: str, **values: Any) -> dict[str, Any]:
    return {"id": person_id, "name": "甲", "doc_type": "resident_id", "doc_number": "D1", **values}


def test_sync_client_apply_rule_on_a_store(make_store: Callable[..., Store]) -> None:
    store = make_store()
    with store.session(remote_apply=True) as session:
        assert apply_incoming(session, Incoming("person", "p1", 3, False, _wire("p1", phone="1"))) is Outcome.APPLIED
    with store.session(remote_apply=True) as session:
        # An echo or an older copy is skipped; a newer one without local edits is applied.
        assert apply_incoming(session, Incoming("person", "p1", 3, False, _wire("p1", phone="9"))) is Outcome.SKIPPED
        assert apply_incoming(session, Incoming("person", "p1", 4, False, _wire("p1", phone="2"))) is Outcome.APPLIED
    with store.session(remote_apply=True) as session:
        # A reset re-pull applies the platform's copy even at the same version.
        assert apply_incoming(session, Incoming("person", "p1", 4, False, _wire("p1", phone="3")), force=True) is (
            Outcome.APPLIED
        )
    with store.session() as session:
        person = session.get(Person, "p1")
        assert person is not None and (person.phone, person.version, person.server_version) == ("3", 4, 4)
        assert session.query(OutboxEntry).count() == 0  # platform data queues nothing
        person.note = "本机"
    with store.session(remote_apply=True) as session:
        outcome = apply_incoming(session, Incoming("person", "p1", 5, False, _wire("p1", phone="4")))
        assert outcome is Outcome.REBASED
    with store.session() as session:
        person = session.get(Person, "p1")
        assert person is not None and (person.phone, person.note, person.server_version) == ("4", "本机", 5)
        pending = session.query(OutboxEntry).filter(OutboxEntry.state == "pending").all()
        assert [(e.base_version, e.payload["phone"], e.payload["note"]) for e in pending] == [(5, "4", "本机")]
