"""Errors of roster import and export."""

from __future__ import annotations


class RosterError(Exception):
    """The file cannot be used as a roster; ``str(err)`` is a Chinese sentence saying what to do."""


class ExportError(Exception):
    """An export could not be written; ``str(err)`` is a Chinese sentence saying what to do."""
