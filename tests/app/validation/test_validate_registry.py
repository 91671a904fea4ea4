from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from app.validation import KINDS, Result, UnknownKindError, validate

EXPECTED_KINDS = {
    "resident_id",
    "residence_permit",
    "hkmo_permit",
    "tw_permit",
    "uscc",
    "mobile",
    "ss_card_number",
    "admin_division",
}


def test_kinds() -> None:
    assert KINDS == EXPECTED_KINDS
    assert isinstance(KINDS, frozenset)


def test_unknown_kind_raises_and_names_the_kind() -> None:
    with pytest.raises(UnknownKindError, match="passport"):
        validate("passport", "E12345678")
    assert issubclass(UnknownKindError, ValueError)


@pytest.mark.parametrize("kind", sorted(EXPECTED_KINDS))
@pytest.mark.parametrize("value", [None, "", "   ", "\u3000"])
def test_missing_value(kind: str, value: str | None) -> None:
    result = validate(kind, value)
    assert not result.ok
    assert result.normalized is None
    assert result.errors[0].startswith("未填写")


def test_result_invariants_are_enforced() -> None:
    with pytest.raises(ValueError, match="errors"):
        Result(ok=True, normalized="x", errors=("bad",))
    with pytest.raises(ValueError, match="errors"):
        Result(ok=False, normalized=None)
    with pytest.raises(ValueError, match="normalized"):
        Result(ok=False, normalized="x", errors=("bad",))
    with pytest.raises(ValueError, match="normalized"):
        Result(ok=True, normalized=None)


def test_result_is_immutable_and_hashable() -> None:
    source = {"level": "county"}
    result = Result(ok=True, normalized="520102", facts=source)
    source["level"] = "village"
    assert result.facts["level"] == "county"
    with pytest.raises(TypeError):
        result.facts["level"] = "village"  # type: ignore[index]
    with pytest.raises(FrozenInstanceError):
        result.ok = False  # type: ignore[misc]
    assert hash(result) == hash(Result(ok=True, normalized="520102", facts={"level": "county"}))
    assert result == Result(ok=True, normalized="520102", facts={"level": "county"})
    assert dict(Result(ok=True, normalized="x").facts) == {}
