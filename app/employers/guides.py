"""Wage guide prices (市场工资指导价位) and labour contract templates (劳动合同示范文本) for employers.

Shown from the platform's reference data when it has sent them: entries of the ``policies`` or
``services`` streams whose ``category`` is ``wage_guide`` / 工资指导价位 or ``contract_template`` /
劳动合同示范文本. Until then the bundled ``resources/employment/guides.json`` is shown, marked as such.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.employers.model import GuideEntry
from app.refdata import resource_path
from app.store.sync_models import RefDataEntry

CATEGORIES = {
    "wage_guide": "wage_guide",
    "工资指导价位": "wage_guide",
    "contract_template": "contract_template",
    "劳动合同示范文本": "contract_template",
}
STREAMS = ("policies", "services")


@cache
def bundled_guides() -> tuple[GuideEntry, ...]:
    data = json.loads(resource_path("employment", "guides.json").read_text(encoding="utf-8"))
    return tuple(
        GuideEntry(str(e["id"]), str(e["title"]), str(e.get("body", "")), CATEGORIES[e["category"]], "bundled")
        for e in data["entries"]
    )


def _from_platform(data: dict[str, Any], key: str) -> GuideEntry | None:
    category = CATEGORIES.get(str(data.get("category") or ""))
    if category is None:
        return None
    return GuideEntry(
        id=str(data.get("id") or key),
        title=str(data.get("title") or ""),
        body=str(data.get("body") or ""),
        category=category,
        source="platform",
        division_code=data.get("division_code"),
        url=data.get("url"),
    )


def employer_guides(session: Session, category: str) -> list[GuideEntry]:
    """``wage_guide`` or ``contract_template`` entries: the platform's if it sent any, else the bundled ones."""
    found: list[GuideEntry] = []
    rows = session.execute(select(RefDataEntry.key, RefDataEntry.data).where(RefDataEntry.stream.in_(STREAMS)))
    for key, data in rows:
        entry = _from_platform(data, key) if isinstance(data, dict) else None
        if entry is not None and entry.category == category:
            found.append(entry)
    if found:
        return sorted(found, key=lambda e: e.title)
    return [e for e in bundled_guides() if e.category == category]
