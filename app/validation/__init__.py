"""Validation of the identifiers typed at the counter: one Result shape for every kind."""

from app.validation.id_number import resident_id_check_char, upgrade_15_to_18
from app.validation.registry import KINDS, UnknownKindError, validate
from app.validation.result import Result
from app.validation.synthetic import (
    synthetic_mobile,
    synthetic_name,
    synthetic_residence_permit,
    synthetic_resident_id,
    synthetic_uscc,
)
from app.validation.uscc import uscc_check_char

__all__ = [
    "KINDS",
    "Result",
    "UnknownKindError",
    "resident_id_check_char",
    "synthetic_mobile",
    "synthetic_name",
    "synthetic_residence_permit",
    "synthetic_resident_id",
    "synthetic_uscc",
    "upgrade_15_to_18",
    "uscc_check_char",
    "validate",
]
