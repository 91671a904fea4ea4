"""Loading definitions from a folder of JSON files (one file per item version)."""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from pathlib import Path

from app.catalog.catalog import Catalog
from app.catalog.errors import CatalogError
from app.catalog.model import ItemDefinition
from app.catalog.schema import parse_definition
from app.refdata.resources import resource_path

FILE_NAME = re.compile(r"(?P<code>[a-z][a-z0-9_]*)\.v(?P<version>[1-9][0-9]*)\.json")


def bundled_catalog_dir() -> Path:
    return resource_path("catalog")


def load_definition_file(path: Path, known_tables: Collection[str] | None = None) -> ItemDefinition:
    """One file; raises CatalogError with every problem in it."""
    definition, problems = _load_file(path, known_tables)
    if definition is None:
        raise CatalogError(problems or [f"{path.name}：无法加载。"])
    return definition


def _load_file(path: Path, known_tables: Collection[str] | None) -> tuple[ItemDefinition | None, list[str]]:
    name = path.name
    try:
        # utf-8-sig: Windows Notepad saves "UTF-8" with a BOM, which json.loads would refuse.
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        return None, [f"{name}：文件不是 UTF-8 编码，请用 UTF-8 保存。"]
    except OSError as error:
        return None, [f"{name}：无法读取文件（{error.strerror or error}）。"]
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        return None, [f"{name}：第 {error.lineno} 行第 {error.colno} 列 JSON 格式错误（{error.msg}）。"]
    definition, problems = parse_definition(document, name, known_tables)
    match = FILE_NAME.fullmatch(name)
    if match is None:
        problems.append(f"{name}：文件名应为“事项代码.v版本号.json”，如 unemployment_registration.v1.json。")
    elif isinstance(document, dict) and (
        match["code"] != document.get("code") or int(match["version"]) != document.get("version")
    ):
        problems.append(
            f"{name}：文件名与内容不一致（内容为 {document.get('code')} 第 {document.get('version')} 版），"
            f"请把文件改名为 {document.get('code')}.v{document.get('version')}.json。"
        )
    return (definition if not problems else None), problems


def load_catalog(path: Path | str, known_tables: Collection[str] | None = None) -> Catalog:
    """Every ``*.json`` in ``path``. When ``known_tables`` is given, code fields must name one of
    those tables. Raises CatalogError listing every problem in every file."""
    folder = Path(path)
    if not folder.is_dir():
        raise CatalogError([f"{folder}：服务事项目录文件夹不存在。"])
    definitions: list[ItemDefinition] = []
    problems: list[str] = []
    # The file name must be "<code>.v<version>.json", so two files cannot hold the same version.
    for file in sorted(folder.glob("*.json")):
        definition, found = _load_file(file, known_tables)
        problems.extend(found)
        if definition is not None:
            definitions.append(definition)
    if problems:
        raise CatalogError(problems)
    if not definitions:
        raise CatalogError([f"{folder}：文件夹中没有任何服务事项定义（*.json）。"])
    return Catalog(definitions)


def load_bundled_catalog(known_tables: Collection[str] | None = None) -> Catalog:
    """The definitions shipped in resources/catalog."""
    return load_catalog(bundled_catalog_dir(), known_tables)
