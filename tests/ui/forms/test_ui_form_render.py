"""Every bundled item renders, with a row and a Tab stop for each field, and nothing clipped."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QApplication, QComboBox, QLabel, QLineEdit
from pytestqt.exceptions import TimeoutError as QtTimeoutError
from pytestqt.qtbot import QtBot

from app.catalog import FORM_KEY, Catalog, load_bundled_catalog, validate_form
from app.catalog.coerce import is_empty
from ui.forms import FormView
from ui.style import apply_style

from .conftest import TODAY, MakeForm

ITEMS = [(item.code, item.version) for item in load_bundled_catalog().all_versions()]


@pytest.mark.parametrize(("code", "version"), ITEMS, ids=[f"{code}.v{version}" for code, version in ITEMS])
def test_every_bundled_item_renders(catalog: Catalog, make_form: MakeForm, code: str, version: int) -> None:
    definition = catalog.get(code, version)
    view = make_form(definition)
    view.show()

    assert list(view.rows) == list(definition.field_keys)
    values = view.values()
    assert set(values) == set(definition.field_keys)
    result = validate_form(definition, values, today=TODAY)
    # The shape is accepted: errors only for fields still empty (required) or for the form as a whole.
    for key in result.errors:
        assert key == FORM_KEY or is_empty(definition.field(key), values[key]), result.errors[key]
    assert view.hidden_keys() == result.hidden
    for key in definition.field_keys:
        row_shown = not view.rows[key].isHidden()
        assert row_shown == (key not in result.hidden), key
        assert view.editor(key).focus_widgets(), key
    chain = view.focus_chain()
    assert len(chain) == len(set(map(id, chain)))


@pytest.mark.parametrize(("code", "version"), ITEMS, ids=[f"{code}.v{version}" for code, version in ITEMS])
def test_tab_visits_every_shown_field_top_to_bottom(
    qtbot: QtBot, catalog: Catalog, make_form: MakeForm, code: str, version: int
) -> None:
    view = make_form(catalog.get(code, version))
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    keys = [key for key in view.rows if view.is_visible(key)]
    view.editor(keys[0]).focus_target().setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: view.focused_key() == keys[0])
    visited = [keys[0]]
    for _press in range(len(view.focus_chain()) + 2):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        key = view.focused_key()
        if key is None or (key != visited[-1] and key in visited):
            break  # reached the materials checklist below the fields, or wrapped around
        if key != visited[-1]:
            visited.append(key)
    assert visited == keys


@pytest.fixture
def program_style() -> Iterator[None]:
    """The program's own stylesheet (borders and padding change size hints), put back afterwards."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before_sheet, before_font = app.styleSheet(), QFont(app.font())
    apply_style(app, "normal")
    yield
    app.setStyleSheet(before_sheet)
    app.setFont(before_font)


@pytest.mark.usefixtures("program_style")
def test_large_text_mode_does_not_clip(qtbot: QtBot, shown_form: FormView) -> None:
    font = QFont(shown_form.font())
    font.setPointSize(20)
    shown_form.setFont(font)
    shown_form.resize(1366, 768)
    qtbot.waitUntil(lambda: shown_form.content.height() >= shown_form.content.minimumSizeHint().height())

    def clipped() -> tuple[int, list[tuple[object, int, int]]]:
        checked, found = 0, []
        for widget in (
            shown_form.content.findChildren(QLabel)
            + shown_form.content.findChildren(QLineEdit)
            + shown_form.content.findChildren(QComboBox)
            + shown_form.content.findChildren(QAbstractButton)
        ):
            if not widget.isVisibleTo(shown_form) or widget.parent() is None:
                continue
            if isinstance(widget, QLineEdit) and isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
                continue  # the line edit inside a combo or date box is sized by its owner
            hint = widget.minimumSizeHint() if isinstance(widget, QLabel) and widget.wordWrap() else widget.sizeHint()
            if widget.height() < hint.height():
                found.append((widget, widget.height(), hint.height()))
            assert widget.minimumHeight() != widget.maximumHeight() or widget.maximumHeight() >= hint.height()
            checked += 1
        return checked, found

    # The layout settles over a few event-loop turns after the font change (slower on a busy machine).
    with contextlib.suppress(AssertionError, QtTimeoutError):  # a timeout is reported by the assertion below
        qtbot.waitUntil(lambda: not clipped()[1], timeout=5_000)
    checked, found = clipped()
    assert not found, found
    assert checked > 50
