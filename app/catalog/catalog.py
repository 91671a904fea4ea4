"""The set of item definitions in force: every version kept, the latest offered for new cases."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping

from app.catalog.errors import CatalogError, UnknownItemError
from app.catalog.model import ItemDefinition
from app.catalog.schema import parse_definition


class Catalog:
    """Definitions by code and version. A draft reopens against the exact version it was made
    with, so older versions stay retrievable after a newer one arrives."""

    def __init__(self, definitions: Iterable[ItemDefinition] = ()) -> None:
        by_code: dict[str, dict[int, ItemDefinition]] = {}
        problems: list[str] = []
        for definition in definitions:
            versions = by_code.setdefault(definition.code, {})
            existing = versions.get(definition.version)
            if existing is not None and existing != definition:
                problems.append(
                    f"{definition.ref}：同一事项的同一版本出现了两份不同的定义；"
                    "已发布的版本不能修改，请提高版本号（version）。"
                )
                continue
            versions[definition.version] = definition
        if problems:
            raise CatalogError(problems)
        self._by_code = {code: dict(sorted(versions.items())) for code, versions in sorted(by_code.items())}

    @classmethod
    def from_documents(
        cls,
        documents: Iterable[Mapping[str, object]],
        *,
        known_tables: Collection[str] | None = None,
        source: str = "平台下发的定义",
    ) -> Catalog:
        """Definitions pushed from the platform, as decoded JSON objects; all problems at once."""
        definitions: list[ItemDefinition] = []
        problems: list[str] = []
        for index, document in enumerate(documents):
            label = f"{source}第 {index + 1} 份"
            if isinstance(document, Mapping):
                label += f"（{document.get('code')} v{document.get('version')}）"
            definition, found = parse_definition(document, label, known_tables)
            problems.extend(found)
            if definition is not None:
                definitions.append(definition)
        if problems:
            raise CatalogError(problems)
        return cls(definitions)

    def merged(self, other: Catalog) -> Catalog:
        """This catalog plus ``other``'s versions (e.g. bundled plus platform-pushed). A version
        both hold must be identical: a published version never changes underneath a draft."""
        return Catalog([*self.all_versions(), *other.all_versions()])

    def find(self, code: str, version: int | None = None) -> ItemDefinition | None:
        versions = self._by_code.get(code)
        if not versions:
            return None
        if version is None:
            return versions[max(versions)]
        return versions.get(version)

    def get(self, code: str, version: int | None = None) -> ItemDefinition:
        """The given version, or the latest when ``version`` is None."""
        definition = self.find(code, version)
        if definition is None:
            raise UnknownItemError(code, version if code in self._by_code else None)
        return definition

    def items(self) -> tuple[ItemDefinition, ...]:
        """The latest version of every item, ordered by code."""
        return tuple(versions[max(versions)] for versions in self._by_code.values())

    def versions(self, code: str) -> tuple[int, ...]:
        """Known versions of an item, oldest first; empty when the item is unknown."""
        return tuple(self._by_code.get(code, {}))

    def all_versions(self) -> tuple[ItemDefinition, ...]:
        return tuple(d for versions in self._by_code.values() for d in versions.values())

    def codes(self) -> tuple[str, ...]:
        return tuple(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __iter__(self) -> Iterator[ItemDefinition]:
        return iter(self.items())

    def __len__(self) -> int:
        return len(self._by_code)

    def __repr__(self) -> str:
        return f"Catalog({', '.join(d.ref for d in self.items())})"
