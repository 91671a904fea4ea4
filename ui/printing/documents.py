"""HTML of each printed document, built from plain data (testable without Qt)."""

from __future__ import annotations

from app.catalog import DeadlineRule
from app.privacy import mask_id
from ui.printing.data import CommitmentData, FormPrintData, ReceiptData
from ui.printing.template import Markup, chinese_date, fill, join_markup, load_template, multiline, style_sheet

RECEIPT_TEMPLATE = "receipt.html"
COMMITMENT_TEMPLATE = "commitment.html"
FORM_TEMPLATE = "form.html"


def describe_deadline(deadline: DeadlineRule | None) -> str:
    """For example "7 个工作日", "30 个自然日", or 即时办结."""
    if deadline is None:
        return "即时办结"
    unit = "工作日" if deadline.unit == "working" else "自然日"
    return f"{deadline.days} 个{unit}"


def receipt_html(data: ReceiptData) -> str:
    if data.deadline is None:
        due = "当场办结" if data.due_on is None else chinese_date(data.due_on)
    else:
        due = f"{chinese_date(data.due_on)}前" if data.due_on is not None else "以通知为准"
    path = "书面承诺受理（材料在承诺期限内补齐或经核查）" if data.on_commitment else "材料齐全受理"
    values: dict[str, str] = {
        "style": style_sheet(),
        "case_number": data.case_number,
        "item_name": data.item_name,
        "person_name": data.person_name,
        "masked_id": mask_id(data.id_number),
        "accepted_on": chinese_date(data.accepted_on),
        "deadline": describe_deadline(data.deadline),
        "due_on": due,
        "path": path,
        "materials": "、".join(data.materials) if data.materials else "—",
        "station_name": data.station_name,
        "station_phone": data.station_phone or "—",
        "handler_name": data.handler_name,
    }
    return fill(load_template(RECEIPT_TEMPLATE), values, name=RECEIPT_TEMPLATE)


def commitment_html(data: CommitmentData) -> str:
    deadline = (
        f"本人知悉：以书面承诺方式受理的，须在 {describe_deadline(data.deadline)}内配合完成核查或补齐材料。"
        if data.deadline is not None
        else ""
    )
    values: dict[str, str] = {
        "style": style_sheet(),
        "item_name": data.item_name,
        "case_number": data.case_number or "—",
        "person_name": data.person_name,
        "doc_type": data.doc_type_label,
        "id_number": data.id_number,
        "phone": data.phone or "—",
        "address": data.address or "—",
        "commitment_text": multiline(data.commitment_text),
        "deadline_note": deadline,
        "signed_on": chinese_date(data.signed_on),
        "station_name": data.station_name,
        "handler_name": data.handler_name or "—",
    }
    return fill(load_template(COMMITMENT_TEMPLATE), values, name=COMMITMENT_TEMPLATE)


def _form_rows(data: FormPrintData) -> Markup:
    return join_markup(
        Markup('<tr><th width="30%">') + row.label + Markup("</th><td>") + multiline(row.value) + Markup("</td></tr>\n")
        for row in data.rows
    )


def _materials(data: FormPrintData) -> Markup:
    if not data.materials:
        return Markup("")
    rows = join_markup(
        Markup("<tr><td>") + name + Markup("</td><td>") + ("已收取" if received else "") + Markup("</td></tr>")
        for name, received in data.materials
    )
    return (
        Markup('<p class="section">材料清单</p><table class="grid" width="100%" cellspacing="0" cellpadding="6">')
        + Markup('<tr><th width="70%">材料</th><th>收取情况</th></tr>')
        + rows
        + Markup("</table>")
    )


def _commitment(data: FormPrintData) -> Markup:
    if not data.commitment_text:
        return Markup("")
    heading = Markup('<p class="section">申请人承诺</p><p class="commitment">')
    return heading + multiline(data.commitment_text) + Markup("</p>")


def form_html(data: FormPrintData) -> str:
    values: dict[str, str] = {
        "style": style_sheet(),
        "title": data.title,
        "item_name": data.item_name,
        "case_number": data.case_number or "—",
        "station_name": data.station_name,
        "printed_on": chinese_date(data.printed_on),
        "rows": _form_rows(data),
        "materials": _materials(data),
        "commitment": _commitment(data),
    }
    return fill(load_template(FORM_TEMPLATE), values, name=FORM_TEMPLATE)
