"""F2 on the 人员 page with the simulator reader: a new card prefills, a known card finds the person."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from tests.ui.conftest import login


@pytest.fixture
def card_window(qtbot: QtBot, ctx: Any) -> Any:
    from ui.card_reading import CardBridge
    from ui.shell import build_main_window

    login(ctx)
    ctx.cards = CardBridge({"card_backend": "simulator"})
    main = build_main_window(ctx)
    qtbot.addWidget(main)
    main.show()
    yield main
    ctx.cards.close()


def _press_f2(qtbot: QtBot, page: Any) -> None:
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_F2)


def test_new_card_prefills_a_new_person_and_is_audited(qtbot: QtBot, card_window: Any, ctx: Any) -> None:
    from app.cards.simulator import synthetic_holders
    from app.store.models import AuditEntry
    from ui.pages.person_editor import PersonEditor

    holder = synthetic_holders()[0]
    page = card_window.show_page("persons")
    _press_f2(qtbot, page)
    qtbot.waitUntil(lambda: bool(page.findChildren(PersonEditor)), timeout=15_000)
    editor = page.findChildren(PersonEditor)[0]
    assert editor.fields["doc_number"].text() == holder.ss_number
    assert editor.fields["name"].text() == holder.name
    assert editor.fields["ss_card_number"].text() == holder.card_number
    with ctx.store.session() as session:
        reads = session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "card.read"))
        detail = session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "card.read")).first()
    assert reads == 1 and holder.ss_number not in str(detail) and holder.name not in str(detail)


def test_known_card_finds_the_person_and_shows_differences(qtbot: QtBot, card_window: Any, ctx: Any) -> None:
    from app.cards.simulator import synthetic_holders
    from app.persons import PersonInput, create_person
    from ui.pages.card_differences import CardDifferencesDialog

    holder = synthetic_holders()[0]
    with ctx.store.session() as session:
        person_id, _ = create_person(
            session, ctx.actor_id, PersonInput(name="旧名字", doc_type="resident_id", doc_number=holder.ss_number)
        )
    page = card_window.show_page("persons")
    _press_f2(qtbot, page)
    qtbot.waitUntil(lambda: page.profile.person_id == person_id, timeout=15_000)
    qtbot.waitUntil(lambda: bool(page.findChildren(CardDifferencesDialog)), timeout=10_000)
    dialog = page.findChildren(CardDifferencesDialog)[0]
    dialog.use_card.click()
    qtbot.waitUntil(lambda: page.profile.name.text().startswith(holder.name), timeout=10_000)


def test_inserting_a_card_reads_it_on_the_persons_page(qtbot: QtBot, card_window: Any, ctx: Any) -> None:
    from app.cards.simulator import synthetic_holders
    from ui.pages.person_editor import PersonEditor

    page = card_window.show_page("persons")
    ctx.cards.service.submit(lambda reader: reader.remove()).result(timeout=10)
    qtbot.waitUntil(lambda: ctx.cards.service.submit(lambda r: not r.card_present()).result(timeout=10), timeout=10_000)
    ctx.cards.service.submit(lambda reader: reader.insert()).result(timeout=10)
    qtbot.waitUntil(lambda: bool(page.findChildren(PersonEditor)), timeout=15_000)
    editor = page.findChildren(PersonEditor)[0]
    assert editor.fields["doc_number"].text() == synthetic_holders()[0].ss_number


def test_holder_pin_check_on_the_persons_page_is_audited(qtbot: QtBot, card_window: Any, ctx: Any) -> None:
    """持卡人验密: the holder types the PIN on the reader's pad (the simulator's); the check is audited
    against the person whose record is open, with its outcome only."""
    from app.store.models import AuditEntry, Person

    with ctx.store.session() as session:
        person_id = session.scalars(select(Person.id).order_by(Person.created_at)).first()
    page = card_window.show_page("persons")
    page.open_person(person_id)
    qtbot.waitUntil(lambda: page.profile.person_id == person_id, timeout=15_000)
    page.pin_button.click()
    qtbot.waitUntil(lambda: "密码" in page.hint.text() and "正确" in page.hint.text(), timeout=15_000)
    ctx.cards.reconfigure({"card_backend": "simulator", "card_scenario": "locked"})
    page.pin_button.click()
    qtbot.waitUntil(lambda: "锁定" in page.hint.text(), timeout=15_000)
    ctx.cards.reconfigure({"card_backend": "pcsc"})
    page.pin_button.click()
    qtbot.waitUntil(lambda: "不能让持卡人输入密码" in page.hint.text(), timeout=15_000)

    def checks() -> list[tuple[str | None, object]]:
        with ctx.store.session() as session:
            rows = session.scalars(select(AuditEntry).where(AuditEntry.action == "card.pin").order_by(AuditEntry.seq))
            return [(row.entity_id, row.detail) for row in rows]

    qtbot.waitUntil(lambda: len(checks()) == 3, timeout=10_000)
    assert checks() == [
        (person_id, {"outcome": "ok"}),
        (person_id, {"outcome": "CardLocked"}),
        (person_id, {"outcome": "ReaderFault"}),
    ]


def test_a_card_without_holder_data_is_still_audited_and_training_cards_say_so(
    qtbot: QtBot, card_window: Any, ctx: Any
) -> None:
    from app.store.models import AuditEntry

    page = card_window.show_page("persons")

    def reads() -> list[Any]:
        with ctx.store.session() as session:
            rows = session.scalars(select(AuditEntry).where(AuditEntry.action == "card.read").order_by(AuditEntry.seq))
            return [row.detail for row in rows]

    ctx.cards.reconfigure({"card_backend": "simulator", "card_scenario": "card30"})
    _press_f2(qtbot, page)
    qtbot.waitUntil(lambda: "厂商读卡器" in page.hint.text(), timeout=15_000)
    qtbot.waitUntil(lambda: len(reads()) == 1, timeout=10_000)
    assert reads() == [{"source": "simulator", "holder_data": False}]
    ctx.cards.reconfigure({"card_backend": "simulator", "card_scenario": "card20"})
    _press_f2(qtbot, page)
    qtbot.waitUntil(lambda: "模拟读卡" in page.hint.text(), timeout=15_000)
