"""Plain data each printed document is built from (no Qt, no store): the page collects it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.catalog import DeadlineRule


@dataclass(frozen=True)
class ReceiptData:
    """受理回执: handed to the applicant, so the ID number is printed masked (first 6 + last 4)."""

    case_number: str
    item_name: str
    person_name: str
    id_number: str  # the full number; the receipt masks it
    accepted_on: date
    deadline: DeadlineRule | None  # None: 即时办结
    due_on: date | None
    station_name: str
    handler_name: str
    on_commitment: bool = False  # accepted on the applicant's written commitment (书面承诺受理)
    materials: tuple[str, ...] = ()  # materials received
    station_phone: str = ""


@dataclass(frozen=True)
class CommitmentData:
    """书面承诺书: the item's commitment text with the applicant's details, signed and kept on file."""

    item_name: str
    commitment_text: str
    person_name: str
    doc_type_label: str
    id_number: str
    signed_on: date
    station_name: str
    handler_name: str = ""
    phone: str = ""
    address: str = ""
    case_number: str = ""
    deadline: DeadlineRule | None = None  # time limit of the commitment path, if any


@dataclass(frozen=True)
class FormPrintRow:
    label: str
    value: str  # "" prints an empty cell to fill in by hand


@dataclass(frozen=True)
class FormPrintData:
    """The item's registration form (登记表): every visible field with its value as text."""

    title: str
    item_name: str
    rows: tuple[FormPrintRow, ...]
    station_name: str
    printed_on: date
    case_number: str = ""
    materials: tuple[tuple[str, bool], ...] = ()  # (material name, received)
    commitment_text: str = ""  # printed above the applicant's signature when the item has one
