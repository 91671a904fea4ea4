"""电子社保卡 QR codes: kept on the open case as "to verify" when offline; a verified holder is looked up."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import wait_idle


def _first_person(ctx: Any) -> tuple[str, str]:
    from app.store.models import Person

    with ctx.store.session() as session:
        person = session.scalars(select(Person).order_by(Person.created_at)).first()
        assert person is not None
        return person.id, person.doc_number


def _open_editor(qtbot: QtBot, ctx: Any, window: Any, person_id: str) -> Any:
    from ui.pages.case_editor import CaseEditor, open_case_editor

    open_case_editor(ctx, window, item_code="job_seeking", person_id=person_id)
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(CaseEditor)), timeout=15_000)
    return next(w for w in window.findChildren(CaseEditor) if w.isVisible())


def test_offline_scan_is_kept_on_the_open_case_to_verify(qtbot: QtBot, ctx: Any, window: Any) -> None:
    from app.cards.qr import QrToken, verify_token
    from app.clock import utcnow
    from app.store.models import CaseEvent
    from sync.client.card_services import PlatformQrVerifier, store_api_factory
    from ui.qr_input import deliver_scan

    person_id, _number = _first_person(ctx)
    editor = _open_editor(qtbot, ctx, window, person_id)
    # This demo store is not enrolled anywhere: the platform cannot be asked, so the code stays to verify.
    token = verify_token(
        QrToken(code="FWTQR1.offline-code-123", scanned_at=utcnow()), PlatformQrVerifier(store_api_factory(ctx.store))
    )
    assert token.state == "to_verify"
    editor.activateWindow()
    deliver_scan(ctx, window, token)
    qtbot.waitUntil(lambda: "待核验" in editor.draft_state.text(), timeout=15_000)
    case_id = editor.case_id
    assert case_id is not None
    with ctx.store.session() as session:
        from app.store.models import Case

        case = session.get(Case, case_id)
        assert case is not None
        assert case.form_data["_qr_check"]["state"] == "to_verify"
        events = session.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id)).all()
        assert [e.action for e in events] == ["qr_check"] and "待核验" in (events[0].note or "")
    # Later draft saves keep the QR state beside the form.
    editor.save_draft()
    wait_idle(qtbot, ctx)
    with ctx.store.session() as session:
        from app.store.models import Case

        assert session.get(Case, case_id).form_data["_qr_check"]["state"] == "to_verify"  # type: ignore[union-attr]
    editor.close_editor()
    page = window.show_page("cases")
    page.open_case(case_id)
    qtbot.waitUntil(page.detail.qr_state.isVisible, timeout=15_000)
    assert "待核验" in page.detail.qr_state.text()


def test_verified_scan_for_someone_else_warns_on_the_case(qtbot: QtBot, ctx: Any, window: Any) -> None:
    from app.cards.qr import QrToken
    from app.cards.record import CardRecord
    from app.clock import utcnow
    from app.validation import synthetic_resident_id
    from ui.qr_input import deliver_scan

    person_id, _number = _first_person(ctx)
    editor = _open_editor(qtbot, ctx, window, person_id)
    import random

    other = CardRecord(ss_number=synthetic_resident_id(random.Random(99)), name="某某", source="qr")
    token = QrToken(code="x" * 12, scanned_at=utcnow(), state="verified", holder=other)
    editor.activateWindow()
    deliver_scan(ctx, window, token)
    qtbot.waitUntil(lambda: bool(editor.findChildren(QMessageBox, "qrHolderMismatch")), timeout=15_000)
    assert "核验通过" in editor.draft_state.text()
    editor.findChildren(QMessageBox, "qrHolderMismatch")[0].close()
    editor.close_editor()


def test_verified_scan_with_no_form_open_finds_the_person(qtbot: QtBot, ctx: Any, window: Any) -> None:
    from app.cards.qr import QrToken
    from app.cards.record import CardRecord
    from app.clock import utcnow
    from ui.qr_input import deliver_scan

    person_id, number = _first_person(ctx)
    holder = CardRecord(ss_number=number, name=None, birth_date=date(1990, 1, 1), source="qr")
    deliver_scan(ctx, window, QrToken(code="y" * 12, scanned_at=utcnow(), state="verified", holder=holder))
    page = window.pages["persons"]
    qtbot.waitUntil(lambda: page.profile.person_id == person_id, timeout=15_000)
    from ui.pages.person_editor import PersonEditor

    assert not page.findChildren(PersonEditor)  # found, so no new-person form was opened


def test_a_scan_while_the_first_draft_is_saving_is_kept(qtbot: QtBot, ctx: Any, window: Any) -> None:
    """The code arrives while the new case's first save is still running: it waits and lands on the case,
    and what the clerk typed in the meantime is saved by a second save."""
    from app.cards.qr import QrToken
    from app.clock import utcnow
    from app.store.models import Case, CaseEvent

    person_id, _number = _first_person(ctx)
    editor = _open_editor(qtbot, ctx, window, person_id)
    editor.save_draft()  # the first save is in flight until its result comes back through the event loop
    assert editor._saving and editor.case_id is None
    editor.attach_qr(QrToken(code="FWTQR1.while-saving-42", scanned_at=utcnow(), state="to_verify", message="待核验"))
    qtbot.waitUntil(lambda: "待核验" in editor.draft_state.text(), timeout=15_000)
    wait_idle(qtbot, ctx)
    case_id = editor.case_id
    with ctx.store.session() as session:
        case = session.get(Case, case_id)
        assert case is not None and case.form_data["_qr_check"]["state"] == "to_verify"
        events = session.scalars(select(CaseEvent).where(CaseEvent.case_id == case_id)).all()
        assert [e.action for e in events] == ["qr_check"]
    editor.close_editor()
