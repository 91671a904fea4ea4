"""Versions: the latest is offered, every older one stays retrievable, published versions never change."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from app.catalog import (
    Catalog,
    CatalogError,
    UnknownItemError,
    load_bundled_catalog,
    load_catalog,
    validate_form,
)
from app.catalog.loader import bundled_catalog_dir


def document(version: int, **changes: object) -> dict[str, object]:
    doc: dict[str, object] = {
        "code": "job_fair_signup",
        "version": version,
        "name": "招聘会报名",
        "category": "求职就业服务",
        "subject": "person",
        "description": "报名参加招聘会。",
        "fields": [{"key": "name", "label": "姓名", "type": "text", "required": True}],
        "materials": [],
        "deadline": None,
    }
    doc.update(changes)
    return doc


def test_latest_by_default_older_versions_kept() -> None:
    v2_fields = [
        {"key": "name", "label": "姓名", "type": "text", "required": True},
        {"key": "phone", "label": "联系电话", "type": "phone", "required": True},
    ]
    catalog = Catalog.from_documents([document(2, fields=v2_fields), document(1)])
    assert catalog.versions("job_fair_signup") == (1, 2)
    assert catalog.get("job_fair_signup").version == 2
    old = catalog.get("job_fair_signup", 1)
    assert old.version == 1
    # A draft made on v1 still validates against v1, where phone did not exist yet.
    assert validate_form(old, {"name": "李某"}).ok
    assert not validate_form(catalog.get("job_fair_signup"), {"name": "李某"}).ok
    assert [item.ref for item in catalog.items()] == ["job_fair_signup.v2"]
    assert "job_fair_signup" in catalog and len(catalog) == 1
    assert catalog.versions("nothing") == ()


def test_unknown_items_and_versions() -> None:
    catalog = Catalog.from_documents([document(1)])
    with pytest.raises(UnknownItemError, match="没有事项“nothing”"):
        catalog.get("nothing")
    with pytest.raises(UnknownItemError, match="没有第 3 版"):
        catalog.get("job_fair_signup", 3)
    assert catalog.find("job_fair_signup", 3) is None


def test_from_documents_reports_every_problem_with_its_position() -> None:
    bad = document(1, deadline={"days": 0, "unit": "working"})
    worse = document(2, fields=[{"key": "x", "label": "X", "type": "colour"}])
    with pytest.raises(CatalogError) as caught:
        Catalog.from_documents([document(3), bad, worse])
    problems = caught.value.problems
    assert any(p.startswith("平台下发的定义第 2 份（job_fair_signup v1）：deadline.days：") for p in problems)
    assert any(p.startswith("平台下发的定义第 3 份（job_fair_signup v2）：fields[0]（x）.type：") for p in problems)


def test_a_published_version_cannot_change_but_an_identical_resend_is_fine() -> None:
    bundled = Catalog.from_documents([document(1)])
    same = Catalog.from_documents([copy.deepcopy(document(1))])
    assert bundled.merged(same).versions("job_fair_signup") == (1,)
    newer = Catalog.from_documents([document(2)])
    assert bundled.merged(newer).versions("job_fair_signup") == (1, 2)
    changed = Catalog.from_documents([document(1, name="招聘会报名（改）")])
    with pytest.raises(CatalogError, match="已发布的版本不能修改"):
        bundled.merged(changed)


def test_bundled_catalog_plus_a_pushed_version(tmp_path: Path) -> None:
    bundled = load_bundled_catalog()
    source = json.loads(
        (bundled_catalog_dir() / "unemployment_registration.v1.json").read_text(encoding="utf-8")
    )
    commitment = {**source["commitment"], "deadline": {"days": 5, "unit": "working"}}
    pushed = {**source, "version": 2, "commitment": commitment}
    (tmp_path / "unemployment_registration.v2.json").write_text(json.dumps(pushed, ensure_ascii=False), "utf-8")
    merged = bundled.merged(load_catalog(tmp_path))
    assert merged.versions("unemployment_registration") == (1, 2)
    latest = merged.get("unemployment_registration")
    assert latest.commitment is not None and latest.commitment.deadline is not None
    assert latest.commitment.deadline.days == 5
    first = merged.get("unemployment_registration", 1)
    assert first.commitment is not None and first.commitment.deadline is not None
    assert first.commitment.deadline.days == 7
    assert len(merged) == len(bundled)
