"""The catalog a station works with: the bundled definitions plus those the platform published.

New item versions arrive through the ``catalog`` reference-data stream and sit in ``refdata_entry``
(verified as a whole before they were stored, see ``sync.client.refdata``). Cases keep the version
they were opened with, so a newer published version only changes new cases.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalog.catalog import Catalog
from app.catalog.errors import CatalogError
from app.catalog.loader import load_bundled_catalog
from app.store.sync_models import RefDataEntry

log = logging.getLogger("fuwutai.catalog")

STREAM = "catalog"


def published_documents(session: Session) -> list[dict[str, Any]]:
    rows = session.scalars(select(RefDataEntry.data).where(RefDataEntry.stream == STREAM).order_by(RefDataEntry.key))
    return [dict(row) for row in rows if isinstance(row, dict)]


def published_version(session: Session) -> int | None:
    """The version of the catalog stream last applied (None when the platform published none)."""
    return session.scalar(select(RefDataEntry.version).where(RefDataEntry.stream == STREAM).limit(1))


def station_catalog(session: Session) -> Catalog:
    """Bundled plus platform-published definitions; the bundled catalog alone if the stored ones do not load."""
    bundled = load_bundled_catalog()
    documents = published_documents(session)
    if not documents:
        return bundled
    try:
        return bundled.merged(Catalog.from_documents(documents))
    except CatalogError as exc:
        # They were checked when they arrived; a program downgrade is the likely cause. Work on with the
        # bundled items rather than refuse to start.
        log.warning("published catalog ignored: %d problems", len(exc.problems))
        return bundled
