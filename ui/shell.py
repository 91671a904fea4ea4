"""Builds the main window's pages and wires their signals to each other (and nothing else)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from ui.sync_runner import SyncRunner


def build_main_window(ctx: AppContext, idle_minutes: float = 10, sync_runner: SyncRunner | None = None) -> MainWindow:
    from ui import code_cache
    from ui.pages.cases import CasesPage
    from ui.pages.dashboard import DashboardPage
    from ui.pages.persons import PersonsPage
    from ui.pages.planned import PlannedPage
    from ui.pages.settings import SettingsPage

    window: MainWindow

    def open_case(case_id: str) -> None:
        page = window.show_page("cases")
        page.open_case(case_id)  # type: ignore[attr-defined]

    def start_case(person_id: str, item_code: str) -> None:
        from ui.pages.case_editor import open_case_editor

        open_case_editor(ctx, window, item_code=item_code, person_id=person_id, on_saved=open_case)

    def edit_draft(case_id: str) -> None:
        from ui.pages.case_editor import open_case_editor

        open_case_editor(ctx, window, case_id=case_id, on_saved=open_case)

    def print_case(case_id: str, template: str) -> None:
        from ui.pages.case_printing import print_case_document

        print_case_document(ctx, window, case_id, template)

    def dashboard() -> QWidget:
        page = DashboardPage(ctx)
        page.openCase.connect(open_case)
        return page

    def persons() -> QWidget:
        page = PersonsPage(ctx)
        page.startCase.connect(start_case)
        page.openCase.connect(open_case)
        return page

    def cases() -> QWidget:
        page = CasesPage(ctx)
        page.detail.editDraft.connect(edit_draft)
        page.detail.printRequested.connect(print_case)
        return page

    def open_person(person_id: str) -> None:
        page = window.show_page("persons")
        page.open_person(person_id)  # type: ignore[attr-defined]

    def open_household(household_id: str) -> None:
        page = window.show_page("households")
        opener = getattr(page, "open_household", None)
        if opener is not None:
            opener(household_id)

    def stats_page() -> QWidget:
        from ui.pages.stats import StatsPage

        page = StatsPage(ctx)
        page.openCase.connect(open_case)
        page.openPerson.connect(open_person)
        page.openHousehold.connect(open_household)
        page.openPersonList.connect(lambda: window.show_page("persons"))
        return page

    def households_page() -> QWidget:
        from ui.pages.households import HouseholdsPage

        return HouseholdsPage(ctx)

    def employers_page() -> QWidget:
        from ui.pages.employers import EmployersPage

        page = EmployersPage(ctx)
        page.openCase.connect(open_case)
        page.openPerson.connect(open_person)
        return page

    def settings() -> QWidget:
        page = SettingsPage(ctx)
        page.settingsChanged.connect(settings_changed)
        page.codesChanged.connect(codes_changed)
        return page

    def codes_changed(_table: str) -> None:
        # Pages that keep code tables loaded re-read them, so forms opened afterwards offer the new codes.
        code_cache.refresh(ctx)
        for built in window.pages.values():
            reload_codes = getattr(built, "reload_code_tables", None)
            if callable(reload_codes):
                reload_codes()

    def settings_changed(values: dict[str, object]) -> None:
        from PySide6.QtWidgets import QApplication

        from ui.style import apply_style

        window.idle.set_minutes(float(values["idle_lock_minutes"]))  # type: ignore[arg-type]
        ctx.settings.update(values)
        if ctx.cards is not None:
            ctx.cards.reconfigure(ctx.settings)  # a new reader applies at once, like the font size
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_style(app, str(values.get("font_scale", "normal")))  # large-text mode applies at once

    def planned(title: str, what: str) -> QWidget:
        later = QCoreApplication.translate(
            "Shell", "此栏目的服务（{0}）将在后续版本中提供；目前可在“人员”“办件”中办理相关事项。"
        )
        return PlannedPage(title, later.replace("{0}", what))

    households = QCoreApplication.translate("Shell", "家庭与安置点")
    employers = QCoreApplication.translate("Shell", "单位与岗位")
    stats = QCoreApplication.translate("Shell", "统计")
    pages = [
        ("dashboard", QCoreApplication.translate("Shell", "工作台"), dashboard),
        ("persons", QCoreApplication.translate("Shell", "人员"), persons),
        ("cases", QCoreApplication.translate("Shell", "办件"), cases),
        ("households", households, households_page),
        ("employers", employers, employers_page),
        ("stats", stats, stats_page),
        ("settings", QCoreApplication.translate("Shell", "设置"), settings),
    ]
    window = MainWindow(ctx, pages, idle_minutes)
    code_cache.refresh(ctx)
    if sync_runner is not None:
        from ui.sync_screens import attach_sync

        attach_sync(window, sync_runner)
    return window
