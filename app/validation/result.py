"""The outcome of checking one value: the same shape for every kind of identifier."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType


def _no_facts() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True)
class Result:
    """ok iff errors is empty; normalized is set iff ok. Warnings never make a value invalid."""

    ok: bool
    normalized: str | None
    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    # Excluded from hashing so a Result stays hashable; still compared for equality.
    facts: Mapping[str, str] = field(default_factory=_no_facts, hash=False)

    def __post_init__(self) -> None:
        if self.ok != (not self.errors):
            raise ValueError("Result.ok must be True exactly when there are no errors")
        if self.ok != (self.normalized is not None):
            raise ValueError("Result.normalized must be set exactly when ok is True")
        # Callers may pass a plain dict; freeze a copy so a shared Result cannot change underfoot.
        object.__setattr__(self, "facts", MappingProxyType(dict(self.facts)))


def success(
    normalized: str,
    *,
    warnings: tuple[str, ...] | list[str] = (),
    facts: Mapping[str, str] | None = None,
) -> Result:
    return Result(
        ok=True,
        normalized=normalized,
        warnings=tuple(warnings),
        facts=facts if facts is not None else {},
    )


def failure(errors: tuple[str, ...] | list[str], *, warnings: tuple[str, ...] | list[str] = ()) -> Result:
    return Result(ok=False, normalized=None, errors=tuple(errors), warnings=tuple(warnings))
