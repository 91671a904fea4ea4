"""Relocation settlements, laborer census and household employment status."""

from __future__ import annotations

from app.store.models import Base, Synced  # noqa: F401

# Synced models defined here, added to app.store.models.SYNCED_MODELS.
SYNCED: tuple[type[Synced], ...] = ()
