"""失业登记 from a person's profile: prefilled, auto-saved draft, accepted with Ctrl+Enter on commitment."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from tests.ui.conftest import login, wait_idle

REST = {
    "ethnic": "01",
    "hukou_type": "01",
    "education": "71",
    "health": "10",
    "hukou_address": "贵州省（演示地址）",
    "residence_address": "贵阳市南明区（演示地址）",
    "residence_division": "520102001",
    "registration_division": "520102001",
    "unemployed_since": "2026-09-01",
    "unemployment_cause": "02",
    "claims_ui_benefit": False,
    "training_intention": False,
    "truth_commitment": True,
}


def _editor(qtbot: QtBot, ctx: Any, person_id: str) -> Any:
    from ui.pages.case_editor import CaseEditor, load_editor_data

    data = load_editor_data(ctx, "unemployment_registration", person_id, None)
    editor = CaseEditor(ctx, None, data)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def _new_person(ctx: Any) -> str:
    import random

    from app.persons import PersonInput, create_person
    from app.validation import synthetic_resident_id

    doc = synthetic_resident_id(random.Random(52), region="520102")
    with ctx.store.session() as session:
        return create_person(
            session,
            ctx.actor_id,
            PersonInput(name="杨某某", doc_type="resident_id", doc_number=doc, phone="19900001111"),
        )[0]


def test_prefill_autosave_and_accept_on_commitment(qtbot: QtBot, ctx: Any) -> None:
    from app.store.models import Case, FollowUp

    login(ctx)
    person_id = _new_person(ctx)
    editor = _editor(qtbot, ctx, person_id)
    values = editor.form.values()
    assert values["name"] == "杨某某" and values["phone"] == "19900001111"
    assert values["id_doc"]["number"].startswith("520102")
    editor.form.set_values({k: v for k, v in values.items() if v not in (None, "", [])} | REST)
    editor._changed()  # what a keystroke does: start the debounced auto-save
    qtbot.waitUntil(lambda: editor.case_id is not None, timeout=10_000)
    assert "草稿已保存" in editor.draft_state.text()
    with ctx.store.session() as session:
        assert session.get(Case, editor.case_id).state == "draft"
    editor.commitment.setChecked(True)
    with qtbot.waitSignal(editor.accepted, timeout=15_000):
        qtbot.keyClick(editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    summary = editor.accepted_summary
    assert summary.state == "accepted" and summary.on_commitment and summary.due_on is not None
    with ctx.store.session() as session:
        assert session.scalars(select(FollowUp).where(FollowUp.case_id == summary.id)).first() is not None


def test_missing_fields_keep_the_form_and_show_errors(qtbot: QtBot, ctx: Any) -> None:
    login(ctx)
    editor = _editor(qtbot, ctx, _new_person(ctx))
    editor.form.set_values({"phone": "123"})
    editor.submit()
    wait_idle(qtbot, ctx)
    assert editor.isVisible() and editor.form.first_error_key() is not None
    assert editor.form.values()["phone"] == "123"  # nothing typed is lost


def test_closing_saves_the_draft_and_it_reopens(qtbot: QtBot, ctx: Any) -> None:
    from ui.pages.case_editor import CaseEditor, load_editor_data

    login(ctx)
    editor = _editor(qtbot, ctx, _new_person(ctx))
    editor.form.set_values({"hukou_address": "草稿里的地址"})
    editor._changed()
    editor.close_editor()
    qtbot.waitUntil(lambda: editor.case_id is not None and not editor.isVisible(), timeout=10_000)
    reopened = CaseEditor(ctx, None, load_editor_data(ctx, None, None, editor.case_id))
    qtbot.addWidget(reopened)
    assert reopened.form.values()["hukou_address"] == "草稿里的地址"
    QApplication.processEvents()


def test_receipt_and_commitment_print_to_pdf(qtbot: QtBot, ctx: Any, tmp_path: Any) -> None:
    import subprocess
    import unicodedata

    from app.store.models import Case, Person
    from ui.pages.case_printing import case_print_html
    from ui.printing import print_to_pdf

    login(ctx)
    with ctx.store.session() as session:
        case = session.scalars(select(Case).where(Case.state == "accepted")).first()
        person = session.get(Person, case.person_id)
        case_id, case_no, doc, name = case.id, case.case_no, person.doc_number, person.name
    texts = {}
    for template in ("receipt", "commitment", "form"):
        pdf = print_to_pdf(case_print_html(ctx, case_id, template), tmp_path / f"{template}.pdf")
        raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        texts[template] = unicodedata.normalize("NFKC", raw)
    receipt = texts["receipt"]
    assert case_no in receipt and "失业登记" in receipt and name in receipt
    assert doc not in receipt and doc[:6] in receipt and doc[-4:] in receipt  # masked ID on the receipt
    assert "工作日" in receipt
    assert "承诺" in texts["commitment"] and doc in texts["commitment"]
    assert "失业登记" in texts["form"]


def test_f2_in_the_form_fills_the_id_from_the_card(qtbot: QtBot, ctx: Any) -> None:
    from app.cards.simulator import synthetic_holders
    from ui.card_reading import CardBridge

    login(ctx)
    ctx.cards = CardBridge({"card_backend": "simulator"})
    try:
        editor = _editor(qtbot, ctx, _new_person(ctx))
        editor.form.set_values({"id_doc": None})
        editor.form.readCardRequested.emit("id_doc")
        holder = synthetic_holders()[0]
        qtbot.waitUntil(
            lambda: (editor.form.values().get("id_doc") or {}).get("number") == holder.ss_number, timeout=15_000
        )
        qtbot.waitUntil(lambda: "已读卡" in editor.draft_state.text(), timeout=10_000)
    finally:
        ctx.cards.close()


def test_attached_file_is_stored_by_content(qtbot: QtBot, ctx: Any, tmp_path: Any) -> None:
    import hashlib

    from app.store.attachments import blob_path
    from app.store.models import Attachment

    login(ctx)
    editor = _editor(qtbot, ctx, _new_person(ctx))
    scan = tmp_path / "失业证明扫描.pdf"
    scan.write_bytes(b"%PDF-1.4 synthetic scan")
    sha = hashlib.sha256(scan.read_bytes()).hexdigest()
    editor.form.editor("attachments").add_file(scan)
    qtbot.waitUntil(lambda: "附件已保存" in editor.draft_state.text(), timeout=10_000)
    assert blob_path(ctx.store.data_dir, sha).read_bytes() == scan.read_bytes()
    with ctx.store.session() as session:
        assert session.scalars(select(Attachment).where(Attachment.sha256 == sha)).one().person_id is not None
    assert sha in editor.form.values()["attachments"]
