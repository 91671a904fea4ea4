"""What pages are given: the store (used only inside DB jobs), the DB worker, the catalog and the user.

Pages never query in widgets: they hand a job to ``run`` and receive plain data back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ui.db_worker import DbWorker

if TYPE_CHECKING:
    from app.auth import StaffInfo
    from app.catalog import Catalog
    from app.store import Store


@dataclass
class AppContext:
    store: Store
    worker: DbWorker
    catalog: Catalog
    station_name: str
    station_code: str
    user: StaffInfo | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    cards: Any = None  # ui.card_reading.CardBridge, created by the composition root

    def item_names(self) -> dict[str, str]:
        return {item.code: item.name for item in self.catalog.items()}

    @property
    def actor_id(self) -> str | None:
        return self.user.id if self.user else None

    def submit(
        self, job: Callable[[], Any], on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None]
    ) -> None:
        self.worker.run(job, on_success, on_failure)
