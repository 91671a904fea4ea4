"""The definitions shipped in resources/catalog: they load, and they say what the policy says."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.catalog import Catalog, DeadlineRule, ItemDefinition, load_bundled_catalog
from app.catalog.expr import Compare, ListExpr, Literal, Name, Node
from app.catalog.model import FieldDef
from app.refdata.codes import load_bundled_code_tables

TABLES = {
    "gender", "marital", "health", "ethnic", "education", "occupation_major", "industry_section",
    "hukou_type", "employment_form", "hardship_category", "unemployment_cause", "person_tag", "doc_type",
    "destination", "employer_kind", "key_industry", "training_type", "deregistration_reason", "campaign",
    "relation", "political_status", "visit_method",
}
REQUIRED_ITEMS = {
    "unemployment_registration": "失业登记",
    "unemployment_deregistration": "失业登记注销",
    "employment_registration": "就业登记",
    "job_seeking": "求职登记",
    "hardship_recognition": "就业困难人员认定",
    "zero_employment_household": "零就业家庭认定",
    "public_welfare_placement": "公益性岗位安置",
    "employer_registration": "单位登记",
    "recruitment_registration": "招聘登记",
    "training_enrolment": "职业培训报名",
    "entrepreneurship_service": "创业服务申请",
    "follow_up_visit": "回访记录",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_bundled_catalog(known_tables=TABLES)


def test_every_required_item_is_bundled(catalog: Catalog) -> None:
    assert {item.code: item.name for item in catalog.items()} == REQUIRED_ITEMS


def test_bundled_tables_exist_in_the_code_tables_shipped_beside_them() -> None:
    shipped = load_bundled_code_tables()
    load_bundled_catalog(known_tables=set(shipped))


def _literal_strings(node: Node) -> Iterator[str]:
    if isinstance(node, Literal) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ListExpr):
        for item in node.items:
            yield from _literal_strings(item)


def _compares(node: Node) -> Iterator[Compare]:
    if isinstance(node, Compare):
        yield node
    for child in getattr(node, "operands", ()) + getattr(node, "args", ()) + getattr(node, "items", ()):
        yield from _compares(child)
    operand = getattr(node, "operand", None)
    if operand is not None:
        yield from _compares(operand)


def _conditions(item: ItemDefinition) -> Iterator[Node]:
    for f in item.fields:
        for expr in (f.visible_if, f.required_if):
            if expr is not None:
                yield expr.node
    for material in item.materials:
        if material.required_if is not None:
            yield material.required_if.node
    for check in item.checks:
        yield check.when.node


def test_codes_written_into_conditions_exist_in_their_tables(catalog: Catalog) -> None:
    """A condition like employment_form == "03" silently never fires if the table changes."""
    shipped = {name: {entry.code for entry in table} for name, table in load_bundled_code_tables().items()}
    missing: list[str] = []
    for item in catalog.items():
        fields: dict[str, FieldDef] = {f.key: f for f in item.fields}
        for node in _conditions(item):
            for compare in _compares(node):
                for side, other in ((compare.left, compare.right), (compare.right, compare.left)):
                    if not isinstance(side, Name) or len(side.path) != 1:
                        continue
                    table = fields[side.path[0]].code_table
                    if table is None:
                        continue
                    missing.extend(
                        f"{item.ref}: {table}/{code}" for code in _literal_strings(other) if code not in shipped[table]
                    )
    assert missing == []


def test_unemployment_registration_follows_the_seed(catalog: Catalog) -> None:
    item = catalog.get("unemployment_registration")
    assert item.subject == "person"
    assert item.deadline is None  # 材料齐全、手续完备的即时办结（十六）
    assert item.commitment is not None and item.commitment.allowed
    assert item.commitment.deadline == DeadlineRule(7, "working")
    assert "承诺" in item.commitment.text
    assert not item.review_required
    assert item.cancellable
    assert [(r.kind, r.after, r.repeat_months) for r in item.follow_ups] == [
        ("contact", DeadlineRule(5, "working"), None),
        ("monthly", None, 1),
    ]
    assert set(item.print_templates) == {"receipt", "commitment", "form"}


def test_unemployment_registration_demands_no_forbidden_material(catalog: Catalog) -> None:
    item = catalog.get("unemployment_registration")
    demanded = " ".join(m.name for m in item.materials if m.required or m.required_if is not None)
    for forbidden in ("解除", "终止劳动", "学历", "毕业证", "档案", "参保", "保险待遇", "失业保险"):
        assert forbidden not in demanded
    assert any("解除" in text for text in item.must_not_require)
    names = [m.name for m in item.materials]
    assert any("身份证" in n and "社会保障卡" in n for n in names)
    assert any("登记表" in n for n in names)
    assert any("承诺" in n for n in names)


def test_unemployment_registration_has_the_national_form_content(catalog: Catalog) -> None:
    labels = " ".join(f.label for f in catalog.get("unemployment_registration").fields)
    for content in (
        "姓名", "性别", "户口性质", "民族", "政治面貌", "文化程度", "健康状况", "残疾等级", "失业时间", "证件",
        "户籍地址", "常住地址", "职业资格", "联系电话", "登记失业地", "失业原因", "失业保险金", "求职意向",
        "培训意向", "书面承诺",
    ):
        assert content in labels, content


@pytest.mark.parametrize(
    ("code", "deadline", "commitment_deadline", "review_kind"),
    [
        ("unemployment_registration", None, DeadlineRule(7, "working"), None),
        ("employment_registration", None, None, None),
        ("hardship_recognition", DeadlineRule(15, "working"), "none", "review"),
        ("zero_employment_household", DeadlineRule(15, "working"), "none", "review"),
        ("public_welfare_placement", DeadlineRule(10, "working"), "none", "review"),
        ("employer_registration", DeadlineRule(3, "working"), DeadlineRule(3, "working"), "verification"),
        ("recruitment_registration", DeadlineRule(3, "working"), DeadlineRule(3, "working"), "verification"),
    ],
)
def test_deadlines_commitments_and_review(
    catalog: Catalog,
    code: str,
    deadline: DeadlineRule | None,
    commitment_deadline: DeadlineRule | str | None,
    review_kind: str | None,
) -> None:
    item = catalog.get(code)
    assert item.deadline == deadline
    if commitment_deadline == "none":
        assert not item.commitment_allowed
    else:
        assert item.commitment is not None and item.commitment.allowed and item.commitment.text
        assert item.commitment.deadline == commitment_deadline
    assert item.review_required == (review_kind is not None)
    assert item.review_kind == review_kind


def test_recruitment_commitment_is_the_responsible_persons_and_marks_the_posting(catalog: Catalog) -> None:
    item = catalog.get("recruitment_registration")
    assert item.commitment is not None
    assert "负责人" in item.commitment.text and "必要调查" in item.commitment.text
    assert item.extras["commitment_marking"] == "书面承诺受理"


def test_unconfirmed_rules_are_marked(catalog: Catalog) -> None:
    hardship = catalog.get("hardship_recognition")
    assert hardship.validity is not None
    assert hardship.validity.months == 24 and not hardship.validity.confirmed
    placement = catalog.get("public_welfare_placement")
    cap = {limit.key: limit for limit in placement.limits}["subsidy_max_years"]
    assert (cap.value, cap.unit, cap.confirmed) == (3, "years", False)
    assert all(item.basis for item in catalog.items())


def test_subjects(catalog: Catalog) -> None:
    subjects = {item.code: item.subject for item in catalog.items()}
    assert subjects["zero_employment_household"] == "household"
    assert subjects["employer_registration"] == subjects["recruitment_registration"] == "employer"
    assert {c for c, s in subjects.items() if s == "person"} == set(REQUIRED_ITEMS) - {
        "zero_employment_household", "employer_registration", "recruitment_registration"
    }


def test_every_commitment_template_has_a_commitment(catalog: Catalog) -> None:
    for item in catalog.items():
        assert ("commitment" in item.print_templates) == item.commitment_allowed, item.code
