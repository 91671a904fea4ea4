"""Extra sections of the person profile, one per service area (就业意向, 就业援助, 培训与创业 …).

Each panel is a QWidget with ``load(person_id)``; it fetches its own data on the DB worker. The
profile shows them in this order below 办件 and 回访与跟踪, and calls ``load`` whenever a person opens.
Register a panel by adding its factory to ``panel_factories``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ui.context import AppContext


class ProfilePanel(Protocol):
    def load(self, person_id: str) -> None: ...


PanelFactory = Callable[["AppContext"], QWidget]


def panel_factories() -> list[PanelFactory]:
    """The panels, imported lazily so that opening the program stays fast."""
    factories: list[PanelFactory] = []
    from ui.pages.profile_assistance import make_panel as assistance_panel  # 就业失业登记与就业援助

    factories.append(assistance_panel)
    from ui.pages.profile_training import TrainingProfilePanel

    factories.append(TrainingProfilePanel)
    from ui.pages.profile_household import HouseholdProfilePanel

    factories.append(HouseholdProfilePanel)
    from ui.pages.profile_jobseeker import JobSeekerPanel  # 求职意向、技能、岗位匹配、推荐与回访

    factories.append(JobSeekerPanel)
    return factories
