"""The single entry point: validate(kind, value) for every identifier kind the app stores."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from app.validation.contact import validate_mobile
from app.validation.division import validate_admin_division
from app.validation.permits import validate_hkmo_permit, validate_residence_permit, validate_tw_permit
from app.validation.resident_id import validate_resident_id
from app.validation.result import Result
from app.validation.ss_card import validate_ss_card_number
from app.validation.uscc import validate_uscc

_VALIDATORS: Mapping[str, Callable[[str | None], Result]] = MappingProxyType(
    {
        "resident_id": validate_resident_id,
        "residence_permit": validate_residence_permit,
        "hkmo_permit": validate_hkmo_permit,
        "tw_permit": validate_tw_permit,
        "uscc": validate_uscc,
        "mobile": validate_mobile,
        "ss_card_number": validate_ss_card_number,
        "admin_division": validate_admin_division,
    }
)

KINDS: frozenset[str] = frozenset(_VALIDATORS)


class UnknownKindError(ValueError):
    """validate() was called with a kind it does not know: a programming error, not bad input."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"unknown validation kind {kind!r}; known kinds: {', '.join(sorted(KINDS))}")
        self.kind = kind


def validate(kind: str, value: str | None) -> Result:
    """Check one user-entered value. Never raises for any input text; raises only for an unknown kind."""
    validator = _VALIDATORS.get(kind)
    if validator is None:
        raise UnknownKindError(kind)
    return validator(value)
