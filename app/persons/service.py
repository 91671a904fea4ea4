"""Creating, changing and viewing persons: validated, de-duplicated and audited."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.errors import NotFound, UserError, ValidationFailed
from app.persons.model import DocumentInfo, PersonDetail, PersonInput
from app.persons.validate import check_person
from app.store.models import Person, PersonDocument, PersonTag

_FIELDS = (
    "name",
    "doc_type",
    "doc_number",
    "gender",
    "birth_date",
    "ethnic",
    "education",
    "hukou_type",
    "phone",
    "hukou_address",
    "residence_address",
    "division_code",
    "note",
)


class DuplicatePerson(UserError):
    def __init__(self, existing_id: str) -> None:
        self.existing_id = existing_id
        super().__init__("该证件号码的人员已经登记过，请直接打开已有人员记录，不要重复登记。")


def find_by_document(session: Session, number: str) -> str | None:
    """The live person holding this document number (main document or any other), if any."""
    found = session.scalar(select(Person.id).where(Person.doc_number == number, Person.deleted.is_(False)))
    if found:
        return found
    return session.scalar(
        select(PersonDocument.person_id)
        .join(Person, Person.id == PersonDocument.person_id)
        .where(PersonDocument.number == number, PersonDocument.deleted.is_(False), Person.deleted.is_(False))
    )


def _sync_documents(session: Session, person: Person, data: PersonInput) -> None:
    wanted = {(data.doc_type, data.doc_number): None}
    if data.ss_card_number:
        # 社会保障号码 equals the 公民身份号码; the 9-character 卡号 is kept beside it.
        wanted[("ss_card", data.doc_number)] = data.ss_card_number  # type: ignore[assignment]
    existing = {(d.doc_type, d.number): d for d in person.documents}
    for (doc_type, number), card in wanted.items():
        doc = existing.get((doc_type, number))
        if doc is None:
            clash = session.scalar(
                select(PersonDocument).where(PersonDocument.doc_type == doc_type, PersonDocument.number == number)
            )
            if clash is not None and clash.person_id != person.id and not clash.deleted:
                raise DuplicatePerson(clash.person_id)
            if clash is not None:
                # A tombstoned document row is taken over, keeping (doc_type, number) unique.
                clash.deleted = False
                clash.person = person
                doc = clash
            else:
                doc = PersonDocument(doc_type=doc_type, number=number, person=person)
                session.add(doc)
        if doc.card_number != card and card is not None:
            doc.card_number = card


def _sync_tags(session: Session, person: Person, tags: tuple[str, ...]) -> None:
    current = {t.tag: t for t in person.tags}
    for tag, row in current.items():
        if tag not in tags and not row.deleted:
            row.deleted = True
        elif tag in tags and row.deleted:
            row.deleted = False
    for tag in tags:
        if tag not in current:
            session.add(PersonTag(person=person, tag=tag))


def create_person(session: Session, actor_id: str | None, data: PersonInput) -> tuple[str, list[str]]:
    """Create a person; returns (id, warnings). Raises ValidationFailed or DuplicatePerson."""
    cleaned, warnings = check_person(data)
    existing = find_by_document(session, cleaned.doc_number)
    if existing:
        raise DuplicatePerson(existing)
    person = Person(**{f: getattr(cleaned, f) for f in _FIELDS})
    session.add(person)
    _sync_documents(session, person, cleaned)
    _sync_tags(session, person, cleaned.tags)
    session.flush()
    audit.record(session, actor_id, "person.create", "person", person.id, {"tags": list(cleaned.tags)})
    return person.id, warnings


def update_person(session: Session, actor_id: str | None, person_id: str, data: PersonInput) -> list[str]:
    person = _live(session, person_id)
    cleaned, warnings = check_person(data)
    other = find_by_document(session, cleaned.doc_number)
    if other and other != person_id:
        raise DuplicatePerson(other)
    changed = [f for f in _FIELDS if getattr(person, f) != getattr(cleaned, f)]
    for f in changed:
        setattr(person, f, getattr(cleaned, f))
    _sync_documents(session, person, cleaned)
    before_tags = sorted(t.tag for t in person.tags if not t.deleted)
    _sync_tags(session, person, cleaned.tags)
    if before_tags != sorted(cleaned.tags):
        changed.append("tags")
    session.flush()
    if changed:
        audit.record(session, actor_id, "person.update", "person", person.id, {"fields": changed})
    return warnings


def set_employment_status(session: Session, actor_id: str | None, person_id: str, status: str | None) -> None:
    person = _live(session, person_id)
    if person.employment_status != status:
        person.employment_status = status
        audit.record(session, actor_id, "person.update", "person", person.id, {"fields": ["employment_status"]})


def get_person(session: Session, actor_id: str | None, person_id: str, *, purpose: str = "view") -> PersonDetail:
    """A person's detail as plain data. Every call is an audited view."""
    person = _live(session, person_id)
    audit.record(session, actor_id, "person.view", "person", person.id, {"purpose": purpose})
    return PersonDetail(
        **{f: getattr(person, f) for f in _FIELDS},
        id=person.id,
        employment_status=person.employment_status,
        version=person.version,
        synced=person.server_version == person.version,
        documents=tuple(DocumentInfo(d.doc_type, d.number, d.card_number) for d in person.documents if not d.deleted),
        tags=tuple(sorted(t.tag for t in person.tags if not t.deleted)),
    )


def tombstone_person(session: Session, actor_id: str | None, person_id: str) -> None:
    person = _live(session, person_id)
    person.deleted = True
    for doc in person.documents:
        doc.deleted = True
    audit.record(session, actor_id, "person.delete", "person", person.id, {})


def _live(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise NotFound("找不到该人员记录，可能已被删除或尚未同步，请重新查询。")
    return person


def persons_with_tag(session: Session, tag: str) -> list[str]:
    return list(session.scalars(select(PersonTag.person_id).where(PersonTag.tag == tag, PersonTag.deleted.is_(False))))


__all__ = [
    "DuplicatePerson",
    "ValidationFailed",
    "create_person",
    "find_by_document",
    "get_person",
    "persons_with_tag",
    "set_employment_status",
    "tombstone_person",
    "update_person",
]
