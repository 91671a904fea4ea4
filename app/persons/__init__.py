"""Persons served at the counter."""

from app.persons.model import DocumentInfo, PersonDetail, PersonInput
from app.persons.service import (
    DuplicatePerson,
    create_person,
    find_by_document,
    get_person,
    persons_with_tag,
    set_employment_status,
    tombstone_person,
    update_person,
)

__all__ = [
    "DocumentInfo",
    "DuplicatePerson",
    "PersonDetail",
    "PersonInput",
    "create_person",
    "find_by_document",
    "get_person",
    "persons_with_tag",
    "set_employment_status",
    "tombstone_person",
    "update_person",
]
