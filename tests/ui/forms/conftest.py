"""Fixtures for the catalog form tests: bundled reference data and a keyboard driver."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.catalog import Catalog, ItemDefinition, load_bundled_catalog
from app.refdata import CodeTable, DivisionIndex, load_bundled_code_tables, load_bundled_divisions
from ui.forms import FormView

TODAY = date(2026, 3, 2)
MakeForm = Callable[[ItemDefinition], FormView]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_bundled_catalog()


@pytest.fixture(scope="session")
def code_tables() -> dict[str, CodeTable]:
    return dict(load_bundled_code_tables())


@pytest.fixture(scope="session")
def divisions() -> DivisionIndex:
    return load_bundled_divisions()


@pytest.fixture
def unemployment(catalog: Catalog) -> ItemDefinition:
    return catalog.get("unemployment_registration")


@pytest.fixture
def make_form(qtbot: QtBot, code_tables: dict[str, CodeTable], divisions: DivisionIndex) -> MakeForm:
    def make(definition: ItemDefinition) -> FormView:
        view = FormView(definition, code_tables, divisions, today=TODAY)
        qtbot.addWidget(view)
        view.resize(1000, 760)
        return view

    return make


@pytest.fixture
def shown_form(qtbot: QtBot, make_form: MakeForm, unemployment: ItemDefinition) -> FormView:
    """The 失业登记 form in an active window, so keyboard focus works offscreen."""
    view = make_form(unemployment)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    return view


class Keyboard:
    """Types like a clerk: ASCII through key events, Chinese through the input method (as an IME
    commits it), Tab to move on; every step checks which field has the focus."""

    def __init__(self, qtbot: QtBot, view: FormView) -> None:
        self.qtbot = qtbot
        self.view = view

    @staticmethod
    def focus() -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "no widget has keyboard focus"
        return widget

    def expect(self, key: str) -> Keyboard:
        self.qtbot.waitUntil(lambda: self.view.focused_key() == key, timeout=2000)
        return self

    def type(self, text: str) -> Keyboard:
        if text.isascii():
            self.qtbot.keyClicks(self.focus(), text)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(text)
            QApplication.sendEvent(self.focus(), event)
        return self

    def press(self, key: Qt.Key) -> Keyboard:
        self.qtbot.keyClick(self.focus(), key)
        return self

    def tab(self) -> Keyboard:
        return self.press(Qt.Key.Key_Tab)


@pytest.fixture
def keyboard(qtbot: QtBot, shown_form: FormView) -> Iterator[Keyboard]:
    yield Keyboard(qtbot, shown_form)


@pytest.fixture
def start_at() -> Callable[[FormView, str], None]:
    def start(view: FormView, key: str) -> None:
        view.editor(key).focus_target().setFocus(Qt.FocusReason.TabFocusReason)

    return start
