"""Errors the core raises for the user to read: each carries Chinese text naming the field."""

from __future__ import annotations

from collections.abc import Mapping


class UserError(Exception):
    """A problem the user can fix; ``str(err)`` is a complete Chinese sentence."""


class ValidationFailed(UserError):
    """Input was rejected; ``errors`` maps field keys to Chinese messages. Nothing was changed."""

    def __init__(self, errors: Mapping[str, list[str]]) -> None:
        self.errors = {k: list(v) for k, v in errors.items()}
        first = next((m for msgs in self.errors.values() for m in msgs), "输入有误")
        more = sum(len(v) for v in self.errors.values()) - 1
        super().__init__(first + (f"（另有 {more} 处问题）" if more > 0 else ""))


class NotFound(UserError):
    pass
