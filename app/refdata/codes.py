"""Code tables (民族, 学历, 就业形式 …): one JSON file per table under resources/codes/.

National standards are shipped read-only (`editable: false`); local tables (`editable: true`) are a
starting point that a station or the platform may change later.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from app.refdata.resources import resource_path

_MAX_CODE_LENGTH = 20  # code_entry.code in the store
_MAX_LABEL_LENGTH = 100  # code_entry.label in the store


class CodeTableError(ValueError):
    """A code table file is missing or inconsistent; the message names the file."""


@dataclass(frozen=True, slots=True)
class CodeEntry:
    code: str
    label: str
    parent: str | None = None


@dataclass(frozen=True)
class CodeTable:
    table: str
    name: str
    version: str
    editable: bool
    entries: tuple[CodeEntry, ...]
    note: str | None = None
    _by_code: Mapping[str, CodeEntry] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", MappingProxyType({e.code: e for e in self.entries}))

    def label(self, code: str) -> str | None:
        entry = self._by_code.get(code)
        return entry.label if entry else None

    def get(self, code: str) -> CodeEntry | None:
        return self._by_code.get(code)

    def contains(self, code: str) -> bool:
        return code in self._by_code

    def children(self, parent: str | None) -> list[CodeEntry]:
        """Entries directly under `parent`, in file order; `None` gives the top level."""
        return [entry for entry in self.entries if entry.parent == parent]

    def code_for_label(self, label: str) -> str | None:
        """The code whose label is exactly `label` (for imports that carry labels, not codes)."""
        wanted = label.strip()
        return next((entry.code for entry in self.entries if entry.label == wanted), None)

    def __iter__(self) -> Iterator[CodeEntry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)


def build_code_table(data: Mapping[str, Any], *, source: str) -> CodeTable:
    """Check and build a table from its JSON form; `source` names the file in error messages."""
    where = f"代码表文件 {source}"
    table, name, version = data.get("table"), data.get("name"), data.get("version")
    editable, note, codes = data.get("editable"), data.get("note"), data.get("codes")
    for key, value in (("table", table), ("name", name), ("version", version)):
        if not isinstance(value, str) or not value.strip():
            raise CodeTableError(f"{where} 缺少“{key}”（应为非空文字）。请修正文件或重新同步代码表。")
    if not isinstance(editable, bool):
        raise CodeTableError(f"{where} 的“editable”应为 true 或 false。")
    if note is not None and not isinstance(note, str):
        raise CodeTableError(f"{where} 的“note”应为文字。")
    if not isinstance(codes, list) or not codes:
        raise CodeTableError(f"{where} 没有任何代码（“codes”应为非空列表）。")
    entries = [_entry(raw, where) for raw in codes]
    _check_relations(entries, where)
    return CodeTable(
        table=str(table),
        name=str(name),
        version=str(version),
        editable=editable,
        entries=tuple(entries),
        note=note,
    )


def _entry(raw: Any, where: str) -> CodeEntry:
    if not isinstance(raw, dict):
        raise CodeTableError(f"{where} 中的条目 {raw!r} 应为对象。")
    code, label, parent = raw.get("code"), raw.get("label"), raw.get("parent")
    if not isinstance(code, str) or not code or code != code.strip() or len(code) > _MAX_CODE_LENGTH:
        raise CodeTableError(f"{where} 中的代码 {code!r} 无效：应为1到{_MAX_CODE_LENGTH}个字符、前后无空格。")
    if not isinstance(label, str) or not label.strip() or len(label) > _MAX_LABEL_LENGTH:
        raise CodeTableError(f"{where} 中代码“{code}”的名称无效：应为1到{_MAX_LABEL_LENGTH}个字的文字。")
    if parent is not None and not isinstance(parent, str):
        raise CodeTableError(f"{where} 中代码“{code}”的上级代码应为文字或 null。")
    return CodeEntry(code=code, label=label, parent=parent)


def _check_relations(entries: list[CodeEntry], where: str) -> None:
    parents: dict[str, str | None] = {}
    for entry in entries:
        if entry.code in parents:
            raise CodeTableError(f"{where} 中代码“{entry.code}”重复出现。每个代码只能出现一次。")
        parents[entry.code] = entry.parent
    for entry in entries:
        if entry.parent is not None and entry.parent not in parents:
            raise CodeTableError(f"{where} 中代码“{entry.code}”的上级“{entry.parent}”不存在。")
        seen = {entry.code}
        ancestor = entry.parent
        while ancestor is not None:
            if ancestor in seen:
                raise CodeTableError(f"{where} 中代码“{entry.code}”的上级关系形成了循环。")
            seen.add(ancestor)
            ancestor = parents[ancestor]


def load_code_table(path: Path) -> CodeTable:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise CodeTableError(f"找不到代码表文件 {path}。请重新安装程序或从平台同步代码表。") from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CodeTableError(
            f"无法读取代码表文件 {path}：{error}。请重新安装程序或从平台同步代码表。"
        ) from error
    if not isinstance(data, dict):
        raise CodeTableError(f"代码表文件 {path} 的内容应为对象。")
    table = build_code_table(data, source=str(path))
    if table.table != path.stem:
        raise CodeTableError(f"代码表文件 {path} 声明的表名“{table.table}”与文件名不一致。")
    return table


def load_code_tables(paths: Iterable[Path]) -> Mapping[str, CodeTable]:
    tables: dict[str, CodeTable] = {}
    for path in sorted(paths):
        table = load_code_table(path)
        tables[table.table] = table
    return MappingProxyType(tables)


@cache
def load_bundled_code_tables() -> Mapping[str, CodeTable]:
    """Every table shipped in resources/codes/, by table name (cached, read-only)."""
    folder = resource_path("codes")
    paths = list(folder.glob("*.json"))
    if not paths:
        raise CodeTableError(f"代码表目录 {folder} 中没有任何代码表。请重新安装程序。")
    return load_code_tables(paths)
