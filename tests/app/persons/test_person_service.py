from __future__ import annotations

import random
from datetime import date

import pytest
from sqlalchemy import select

from app.errors import NotFound, ValidationFailed
from app.persons import (
    DuplicatePerson,
    PersonInput,
    create_person,
    find_by_document,
    get_person,
    update_person,
)
from app.persons.service import tombstone_person
from app.store import Store
from app.store.models import AuditEntry, OutboxEntry, Person, PersonDocument, PersonTag
from app.validation import synthetic_resident_id

RNG = random.Random(7)
ID_F = synthetic_resident_id(RNG, region="520102", birth=date(1974, 5, 6), gender="2")


def _input(**kw: object) -> PersonInput:
    values: dict[str, object] = {
        "name": "杨某某",
        "doc_type": "resident_id",
        "doc_number": ID_F.lower(),
        "phone": "199 0000 1234",
        "tags": ("去产能职工",),
    }
    values.update(kw)
    return PersonInput(**values)  # type: ignore[arg-type]


def test_create_derives_and_normalises(store: Store) -> None:
    with store.session() as session:
        person_id, warnings = create_person(session, "c1", _input(ss_card_number="a12345678"))
    with store.session() as session:
        detail = get_person(session, "c1", person_id)
        assert detail.doc_number == ID_F.upper() and detail.gender == "2"
        assert detail.birth_date == date(1974, 5, 6) and detail.phone == "19900001234"
        assert detail.tags == ("去产能职工",)
        assert {(d.doc_type, d.card_number) for d in detail.documents} == {
            ("resident_id", None),
            ("ss_card", "A12345678"),
        }
        actions = [a.action for a in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
        assert actions == ["person.create", "person.view"]
        entities = {o.entity for o in session.scalars(select(OutboxEntry))}
        assert entities == {"person", "person_document", "person_tag"}
    assert warnings == []


def test_audit_details_hold_no_personal_data(store: Store) -> None:
    with store.session() as session:
        person_id, _ = create_person(session, "c1", _input())
        update_person(session, "c1", person_id, _input(name="杨某", phone="19900005678"))
    with store.session() as session:
        for entry in session.scalars(select(AuditEntry)):
            text = str(entry.detail)
            assert "杨" not in text and ID_F not in text and "1990000" not in text


@pytest.mark.parametrize(
    ("field", "kw", "message"),
    [
        ("doc_number", {"doc_number": ID_F[:-1] + ("0" if ID_F[-1] != "0" else "1")}, "证件号码"),
        ("name", {"name": "  "}, "姓名：未填写"),
        ("phone", {"phone": "12345"}, "手机号码"),
        ("gender", {"gender": "1"}, "性别：与证件号码"),
        ("birth_date", {"birth_date": date(1980, 1, 1)}, "出生日期：与证件号码"),
        ("doc_type", {"doc_type": "passport"}, "证件类型"),
    ],
)
def test_bad_input_names_field_and_changes_nothing(
    store: Store, field: str, kw: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationFailed) as caught, store.session() as session:
        create_person(session, "c1", _input(**kw))
    assert field in caught.value.errors
    assert any(message in m for m in caught.value.errors[field])
    with store.session() as session:
        assert session.scalars(select(Person)).all() == []
        assert session.scalars(select(OutboxEntry)).all() == []
        assert session.scalars(select(AuditEntry)).all() == []


def test_duplicate_detected_by_any_document(store: Store) -> None:
    with store.session() as session:
        person_id, _ = create_person(session, "c1", _input())
    with pytest.raises(DuplicatePerson) as caught, store.session() as session:
        create_person(session, "c1", _input(name="别人"))
    assert caught.value.existing_id == person_id
    with store.session() as session:
        assert find_by_document(session, ID_F) == person_id


def test_update_tags_and_tombstone(store: Store) -> None:
    with store.session() as session:
        person_id, _ = create_person(session, "c1", _input())
    with store.session() as session:
        update_person(session, "c1", person_id, _input(tags=("农民工", "残疾人")))
    with store.session() as session:
        live = {t.tag for t in session.scalars(select(PersonTag).where(PersonTag.deleted.is_(False)))}
        assert live == {"农民工", "残疾人"}
        person = session.get(Person, person_id)
        assert person is not None and person.version == 1  # tags changed, not the person row itself
        tombstone_person(session, "c1", person_id)
    with store.session() as session:
        with pytest.raises(NotFound):
            get_person(session, "c1", person_id)
        assert find_by_document(session, ID_F) is None
        docs = session.scalars(select(PersonDocument)).all()
        assert all(d.deleted for d in docs)


def test_recreate_after_tombstone(store: Store) -> None:
    with store.session() as session:
        first, _ = create_person(session, "c1", _input())
        tombstone_person(session, "c1", first)
    with store.session() as session:
        second, _ = create_person(session, "c1", _input())
    with store.session() as session:
        assert second != first and find_by_document(session, ID_F) == second
