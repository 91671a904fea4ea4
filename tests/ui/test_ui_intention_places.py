"""A clerk records a job-seeking intention with several places and occupations (求职意向)."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import login


def _seeker(ctx: Any) -> str:
    from app.persons import PersonInput, create_person
    from app.validation import synthetic_resident_id

    doc = synthetic_resident_id(random.Random(57), region="520102", birth=date(1990, 2, 3), gender="1")
    with ctx.store.session() as session:
        return create_person(session, ctx.actor_id, PersonInput(name="吴某某", doc_type="resident_id", doc_number=doc))[
            0
        ]


def _dialog(qtbot: QtBot, ctx: Any, person_id: str, current: Any) -> Any:
    from app.refdata.local_tables import effective_code_tables
    from ui.pages.profile_jobseeker import IntentionDialog

    with ctx.store.session() as session:
        tables = effective_code_tables(session)
    dialog = IntentionDialog(ctx, None, person_id, current, tables)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _intention(ctx: Any, person_id: str) -> Any:
    from app.matching import job_seeker_view

    with ctx.store.session() as session:
        return job_seeker_view(session, None, person_id).intention


def test_clerk_adds_several_places_and_occupations(qtbot: QtBot, ctx: Any) -> None:
    login(ctx)
    person_id = _seeker(ctx)
    dialog = _dialog(qtbot, ctx, person_id, None)
    dialog.occupations.set_value(["5", "4"])
    dialog.places.add_button.click()  # nothing picked yet: told what to do
    assert "请先在上面选择" in dialog.error.text() and dialog.places.list.count() == 0
    dialog.place.combos["prefecture"].setEditText("遵义市")
    dialog.place.combos["prefecture"].settle()
    dialog.place.combos["county"].setEditText("红花岗区")
    dialog.place.combos["county"].settle()
    assert dialog.place.value() == "520302"
    qtbot.mouseClick(dialog.places.add_button, Qt.MouseButton.LeftButton)
    assert dialog.places.list.item(0).text() == "遵义市红花岗区" and dialog.place.value() is None
    dialog.place.set_value("522601")  # a second place, by the picker's own API
    qtbot.mouseClick(dialog.places.add_button, Qt.MouseButton.LeftButton)
    dialog.place.set_value("520102001")  # picked but not added: saving keeps it too
    assert [dialog.places.list.item(n).text() for n in range(2)] == ["遵义市红花岗区", "黔东南苗族侗族自治州凯里市"]
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    intention = _intention(ctx, person_id)
    assert intention.divisions == ("520302", "522601", "520102001") and set(intention.occupations) == {"5", "4"}

    again = _dialog(qtbot, ctx, person_id, intention)  # reopened: every place listed, one removed
    assert again.places.list.count() == 3 and again.place.value() is None
    again.places.list.setCurrentRow(2)
    qtbot.mouseClick(again.places.remove_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(again.saved, timeout=10_000):
        qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    assert _intention(ctx, person_id).divisions == ("520302", "522601")
