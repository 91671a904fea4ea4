"""Errors of the catalog: all problems of a load at once, and an unknown item."""

from __future__ import annotations

from collections.abc import Iterable


class CatalogError(ValueError):
    """One or more definitions are invalid. ``problems`` lists every one, each naming its source
    (file or document) and the path inside it, so the author can fix them in one pass."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        lines = "\n".join(f"- {problem}" for problem in self.problems)
        super().__init__(f"服务事项目录有 {len(self.problems)} 处问题，请修正后重新加载：\n{lines}")


class UnknownItemError(LookupError):
    """The catalog has no such item code or version."""

    def __init__(self, code: str, version: int | None = None) -> None:
        self.code = code
        self.version = version
        if version is None:
            message = f"服务事项目录中没有事项“{code}”，请同步目录后再试。"
        else:
            message = f"服务事项“{code}”没有第 {version} 版定义，请同步目录后再试。"
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])
