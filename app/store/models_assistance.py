"""Employment assistance: recognition of 就业困难人员, assistance plans, 公益性岗位 placements."""

from __future__ import annotations

from app.store.models import Base, Synced  # noqa: F401

# Synced models defined here, added to app.store.models.SYNCED_MODELS.
SYNCED: tuple[type[Synced], ...] = ()
