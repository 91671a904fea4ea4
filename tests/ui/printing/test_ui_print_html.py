"""The HTML of each document, built from plain data: escaping, masking, visible rows (no Qt)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.catalog import Catalog, DeadlineRule
from app.refdata import load_bundled_code_tables, load_bundled_divisions
from ui.printing import (
    CommitmentData,
    Markup,
    ReceiptData,
    TemplateError,
    commitment_html,
    describe_deadline,
    fill,
    form_html,
    form_print_data,
    receipt_html,
)

from .conftest import CASE_NUMBER, ID_NUMBER


def test_receipt_has_the_case_the_deadline_and_only_the_masked_id(receipt: ReceiptData) -> None:
    html = receipt_html(receipt)
    assert CASE_NUMBER in html and "失业登记" in html and "南明区五里冲街道就业服务站" in html
    assert "7 个工作日" in html and "2026年3月11日前" in html and "2026年3月2日" in html
    assert f"{ID_NUMBER[:6]}********{ID_NUMBER[-4:]}" in html
    assert ID_NUMBER not in html
    assert "书面承诺受理" in html and "王经办" in html and "申请人签字" in html


def test_on_the_spot_items_say_so(receipt: ReceiptData) -> None:
    html = receipt_html(replace(receipt, deadline=None, due_on=None, on_commitment=False))
    assert "即时办结" in html and "当场办结" in html and "材料齐全受理" in html


def test_every_value_is_escaped(receipt: ReceiptData) -> None:
    hostile = '<script>alert("x")</script>{{ case_number }}'
    html = receipt_html(replace(receipt, person_name=hostile, handler_name="A&B"))
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;{{ case_number }}" in html
    assert "A&amp;B" in html


def test_fill_checks_the_template_against_the_data() -> None:
    assert fill("<p>{{ a }}</p>{{b}}", {"a": "<i>", "b": Markup("<i>")}) == "<p>&lt;i&gt;</p><i>"
    with pytest.raises(TemplateError, match="b"):
        fill("{{ a }}{{ b }}", {"a": "1"})
    with pytest.raises(TemplateError, match="c"):
        fill("{{ a }}", {"a": "1", "c": "2"})


def test_markup_escapes_what_is_added_to_it() -> None:
    joined = Markup("<td>") + "<b>" + Markup("</td>")
    assert isinstance(joined, Markup) and joined == "<td>&lt;b&gt;</td>"
    assert "<b>" + Markup("<td>") == "&lt;b&gt;<td>"


def test_deadline_wording() -> None:
    assert describe_deadline(DeadlineRule(3, "working")) == "3 个工作日"
    assert describe_deadline(DeadlineRule(30, "calendar")) == "30 个自然日"
    assert describe_deadline(None) == "即时办结"


def test_commitment_letter_has_the_item_text_and_the_person(commitment: CommitmentData) -> None:
    html = commitment_html(commitment)
    assert commitment.commitment_text[:20] in html
    assert "张伟" in html and ID_NUMBER in html and "居民身份证" in html
    assert "2026年3月2日" in html and "7 个工作日" in html and "承诺人（签字）" in html


def test_registration_form_shows_visible_fields_with_code_labels(catalog: Catalog) -> None:
    item = catalog.get("unemployment_registration")
    values = {
        "name": "张伟",
        "gender": "1",
        "id_doc": {"doc_type": "resident_id", "number": ID_NUMBER},
        "health": "10",
        "disability_level": 2,  # hidden while 健康: not printed
        "residence_division": "520102001",
        "unemployment_cause": "01",
        "previous_employer": "不应打印",  # hidden unless the cause is 02
        "claims_ui_benefit": False,
        "person_tags": ["01", "03"],
        "cause_analysis": "第一行\n<第二行>",
        "unemployed_since": "2025-12-01",
        "truth_commitment": True,
    }
    data = form_print_data(
        item,
        values,
        code_tables=load_bundled_code_tables(),
        divisions=load_bundled_divisions(),
        station_name="南明区五里冲街道就业服务站",
        printed_on=date(2026, 3, 2),
        case_number=CASE_NUMBER,
        received_materials=["identity_document"],
    )
    rows = {row.label: row.value for row in data.rows}
    assert "残疾等级" not in rows and "原工作单位" not in rows
    assert rows["性别"] == "男" and rows["健康状况"] == "健康" and rows["失业原因"] == "毕业/肄业未就业"
    assert rows["证件号码"] == f"居民身份证　{ID_NUMBER}"
    assert rows["常住地行政区划"] == "贵州省贵阳市南明区五里冲街道"
    assert rows["是否申领失业保险金"] == "否" and rows["人员类别"] == "高校毕业生、退役军人"
    assert rows["失业时间"] == "2025年12月1日" and rows["书面承诺"] == "申请人已签署"
    assert rows["联系电话"] == ""
    assert data.materials[0] == ("居民身份证或社会保障卡", True) and not data.materials[1][1]
    html = form_html(data)
    assert "失业登记表" in html and "第一行<br/>&lt;第二行&gt;" in html and "已收取" in html
    assert item.commitment is not None and item.commitment.text[:20] in html
