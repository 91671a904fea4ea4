"""The station's effective code tables (bundled, with local and platform edits) for labels and pick lists
that widgets build on the GUI thread. Loaded through the DB worker when the main window is built and again
after 设置 → 代码表维护 changes a table; until the first load answers, the bundled tables stand in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.refdata.codes import CodeTable, load_bundled_code_tables

if TYPE_CHECKING:
    from ui.context import AppContext

_tables: dict[str, CodeTable] = {}


def table(name: str) -> CodeTable | None:
    return _tables.get(name) or load_bundled_code_tables().get(name)


def choices(name: str) -> list[tuple[str, str]]:
    """(code, label) of every active code of a table, in its order (empty for an unknown table)."""
    found = table(name)
    return [(entry.code, entry.label) for entry in found] if found is not None else []


def refresh(ctx: AppContext) -> None:
    store = ctx.store

    def job() -> dict[str, CodeTable]:
        from app.refdata.local_tables import effective_code_tables

        with store.session() as session:
            return effective_code_tables(session)

    def done(tables: Any) -> None:
        _tables.clear()
        _tables.update(tables)

    ctx.submit(job, done, lambda _error: None)  # the bundled tables stay in use; the worker logged it
