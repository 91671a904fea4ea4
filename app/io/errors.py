"""Errors of roster import and export: user errors, each a Chinese sentence saying what to do."""

from __future__ import annotations

from app.errors import UserError


class RosterError(UserError):
    """The file cannot be used as a roster (unreadable, wrong format, no header …)."""


class ExportError(UserError):
    """An export could not be written."""
