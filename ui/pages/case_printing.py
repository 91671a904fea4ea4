"""Printing a case's 受理回执, 承诺书 or 登记表: data gathered on the DB worker, printed on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.context import AppContext
from ui.operations import Operation

DOC_LABELS = {
    "resident_id": "居民身份证",
    "ss_card": "社会保障卡",
    "residence_permit": "港澳台居民居住证",
    "hkmo_permit": "港澳居民来往内地通行证",
    "tw_permit": "台湾居民来往大陆通行证",
}


def case_print_html(ctx: AppContext, case_id: str, template: str) -> str:
    """Runs on the DB worker. The printed view of the person is audited like any other view."""
    from app.clock import today
    from app.persons import get_person
    from app.refdata.divisions import load_bundled_divisions
    from app.refdata.local_tables import effective_code_tables
    from app.store.models import Staff
    from app.workflow import get_case
    from ui.printing import CommitmentData, ReceiptData, commitment_html, form_html, form_print_data, receipt_html

    with ctx.store.session() as session:
        detail = get_case(session, ctx.user, case_id)  # type: ignore[arg-type]
        s = detail.summary
        item = ctx.catalog.get(s.item_code, s.item_version)
        person = get_person(session, ctx.actor_id, s.person_id, purpose=f"print_{template}") if s.person_id else None
        handler = session.get(Staff, s.handler_id) if s.handler_id else None
        handler_name = handler.display_name if handler else ""
        if template == "receipt":
            if s.accepted_on is None:
                raise ValueError("not accepted")
            deadline = item.deadline
            if s.on_commitment and item.commitment is not None and item.commitment.deadline is not None:
                deadline = item.commitment.deadline
            return receipt_html(
                ReceiptData(
                    case_number=s.case_no,
                    item_name=item.name,
                    person_name=person.name if person else "",
                    id_number=person.doc_number if person else "",
                    accepted_on=s.accepted_on,
                    deadline=deadline,
                    due_on=s.due_on,
                    station_name=ctx.station_name,
                    handler_name=handler_name,
                    on_commitment=s.on_commitment,
                )
            )
        if template == "commitment":
            commitment = item.commitment
            return commitment_html(
                CommitmentData(
                    item_name=item.name,
                    commitment_text=commitment.text if commitment else "",
                    person_name=person.name if person else "",
                    doc_type_label=DOC_LABELS.get(person.doc_type, "") if person else "",
                    id_number=person.doc_number if person else "",
                    signed_on=s.accepted_on or today(),
                    station_name=ctx.station_name,
                    handler_name=handler_name,
                    phone=(person.phone or "") if person else "",
                    address=(person.residence_address or "") if person else "",
                    case_number=s.case_no,
                    deadline=commitment.deadline if commitment else None,
                )
            )
        data = form_print_data(
            item,
            detail.form_data,
            code_tables=effective_code_tables(session),
            divisions=load_bundled_divisions(),
            station_name=ctx.station_name,
            printed_on=today(),
            case_number=s.case_no,
        )
        return form_html(data)


def print_case_document(ctx: AppContext, parent: QWidget, case_id: str, template: str) -> None:
    def show(html: str) -> None:
        from ui.printing import make_document, print_preview

        print_preview(parent, make_document(html))

    label = QCoreApplication.translate("Printing", "正在准备打印……")
    Operation(ctx, parent, lambda: case_print_html(ctx, case_id, template), label).success(show).run()
