"""Code tables as rosters use them: a cell may hold the code, the label or a common short form.

The bundled tables (resources/codes/) are the base; a table that has rows in the store's
``code_entry`` (edited locally or pushed by the platform) replaces the bundled one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.refdata.codes import load_bundled_code_tables
from app.store.models import CodeEntry
from app.validation.text import clean

TABLES = ("doc_type", "gender", "ethnic", "education", "hukou_type", "person_tag")

# What rosters write instead of the standard label. Codes are those of the bundled tables.
ALIASES: Mapping[str, Mapping[str, str]] = {
    "doc_type": {
        "身份证": "resident_id", "二代身份证": "resident_id", "居民身份证号码": "resident_id",
        "社保卡": "ss_card", "社会保障卡号码": "ss_card",
        "居住证": "residence_permit", "港澳居民居住证": "residence_permit", "台湾居民居住证": "residence_permit",
        "港澳通行证": "hkmo_permit", "回乡证": "hkmo_permit", "港澳居民来往内地通行证号码": "hkmo_permit",
        "台胞证": "tw_permit", "台湾通行证": "tw_permit",
    },
    "gender": {"男性": "1", "女性": "2"},
    "education": {
        "研究生": "10", "博士": "11", "博士研究生": "11", "硕士": "14", "硕士研究生": "14",
        "本科": "21", "大学本科": "21",
        "大专": "31", "专科": "31", "大学专科": "31",
        "中专": "41", "中等专科": "41", "职高": "44", "职业高中": "44", "技校": "47", "技工学校": "47",
        "高中": "61", "普通高中": "61", "初中": "71", "小学": "81",
        "文盲": "90", "半文盲": "90", "文盲或半文盲": "90", "不识字或识字很少": "90",
    },
    "hukou_type": {"农业": "01", "农村": "01", "非农业": "02", "城镇": "02", "居民": "03"},
}


def _key(value: str) -> str:
    return "".join(clean(value).split()).lower()


@dataclass(frozen=True)
class CodeTableView:
    table: str
    name: str
    labels: Mapping[str, str]  # code -> label, in table order
    _lookup: Mapping[str, str]
    _code_width: int

    def resolve(self, value: str) -> str | None:
        """The code for a code, label or alias; None when the value is not in the table."""
        found = self._lookup.get(value)
        if found is not None:
            return found
        key = _key(value)
        found = self._lookup.get(key)
        if found is None and key.isdigit() and len(key) < self._code_width:
            # Excel drops leading zeros of numeric cells: 民族 "01" arrives as 1.
            found = self._lookup.get(key.zfill(self._code_width))
        return found

    def label(self, code: str | None) -> str | None:
        if code is None:
            return None
        return self.labels.get(code, code)

    def choices(self, limit: int = 12) -> str:
        """A short list of labels for error messages."""
        labels = list(self.labels.values())
        shown = "、".join(labels[:limit])
        return shown + ("等" if len(labels) > limit else "")


def _view(table: str, name: str, entries: Iterable[tuple[str, str]]) -> CodeTableView:
    labels = dict(entries)
    lookup: dict[str, str] = {}
    for alias, code in ALIASES.get(table, {}).items():
        if code in labels:
            lookup[_key(alias)] = code
    for code, label in labels.items():
        lookup[_key(label)] = code
        if table == "ethnic" and label.endswith("族"):
            lookup.setdefault(_key(label[:-1]), code)  # "苗" for 苗族
        lookup[_key(code)] = code
    digit_codes = [len(code) for code in labels if code.isdigit()]
    return CodeTableView(table, name, labels, lookup, max(digit_codes, default=0))


@dataclass(frozen=True)
class CodeBook:
    tables: Mapping[str, CodeTableView]

    def __getitem__(self, table: str) -> CodeTableView:
        return self.tables[table]


def load_codebook(session: Session | None, tables: Iterable[str] = TABLES) -> CodeBook:
    bundled = load_bundled_code_tables()
    local: dict[str, list[tuple[str, str]]] = {}
    wanted = tuple(tables)
    if session is not None:
        rows = session.execute(
            select(CodeEntry.table_name, CodeEntry.code, CodeEntry.label)
            .where(CodeEntry.table_name.in_(wanted), CodeEntry.active.is_(True))
            .order_by(CodeEntry.table_name, CodeEntry.sort, CodeEntry.code)
        )
        for table_name, code, label in rows:
            local.setdefault(table_name, []).append((code, label))
    views: dict[str, CodeTableView] = {}
    for table in wanted:
        base = bundled.get(table)
        name = base.name if base is not None else table
        if table in local:
            views[table] = _view(table, name, local[table])
        elif base is not None:
            views[table] = _view(table, name, ((entry.code, entry.label) for entry in base))
    return CodeBook(views)
