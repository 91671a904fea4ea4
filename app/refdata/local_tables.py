"""Local edits of reference data kept in the store: editable code tables and working-day overrides.

Bundled tables are the base; rows in ``code_entry`` change a label, add a code or retire one
(``active = False``) in an editable table, and rows in ``calendar_override`` decide single days.
The platform will later push rows of both kinds too (their ``source`` says where they came from).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.auth.accounts import require_actor
from app.calendar import WorkingCalendar, default_calendar
from app.errors import UserError
from app.refdata.codes import CodeEntry, CodeTable, load_bundled_code_tables
from app.store.models import CalendarOverride
from app.store.models import CodeEntry as CodeRow

_CODE = re.compile(r"^[A-Za-z0-9_-]{1,20}$")

Origin = Literal["bundled", "changed", "added", "platform"]


@dataclass(frozen=True, slots=True)
class CodeListing:
    """One code of a table as the editor shows it, retired ones included, with where it comes from.

    ``origin``: ``bundled`` (as shipped), ``changed`` (a shipped code renamed or retired here),
    ``added`` (a code added here) or ``platform`` (pushed by the platform; ``source_version`` says
    which release).
    """

    code: str
    label: str
    parent: str | None
    active: bool
    origin: Origin
    source_version: str
    bundled_label: str | None = None


def effective_code_tables(session: Session) -> dict[str, CodeTable]:
    """Bundled tables with the store's local and platform rows applied."""
    tables = dict(load_bundled_code_tables())
    rows: dict[str, list[CodeRow]] = {}
    for row in session.scalars(select(CodeRow).order_by(CodeRow.table_name, CodeRow.sort, CodeRow.code)):
        rows.setdefault(row.table_name, []).append(row)
    for name, changes in rows.items():
        base = tables.get(name)
        if base is None:
            continue
        entries = {e.code: e for e in base.entries}
        for row in changes:
            if row.active:
                entries[row.code] = CodeEntry(row.code, row.label, row.parent)
            else:
                entries.pop(row.code, None)
        tables[name] = CodeTable(
            base.table, base.name, f"{base.version}+local", base.editable, tuple(entries.values()), base.note
        )
    return tables


def code_table_listing(session: Session, table: str) -> list[CodeListing]:
    """Every code of ``table`` (shipped order first, then the store's additions), retired ones too."""
    base = load_bundled_code_tables().get(table)
    if base is None:
        raise UserError(f"没有名为“{table}”的代码表，请用“fuwutai codes list”查看可用的代码表。")
    rows = {
        row.code: row
        for row in session.scalars(
            select(CodeRow).where(CodeRow.table_name == table).order_by(CodeRow.sort, CodeRow.code)
        )
    }
    listing: list[CodeListing] = []
    for entry in base.entries:
        row = rows.pop(entry.code, None)
        if row is None:
            listing.append(
                CodeListing(entry.code, entry.label, entry.parent, True, "bundled", base.version, entry.label)
            )
            continue
        origin = _origin(row.source_version, "changed")
        listing.append(
            CodeListing(row.code, row.label, row.parent, row.active, origin, row.source_version, entry.label)
        )
    for row in rows.values():
        origin = _origin(row.source_version, "added")
        listing.append(CodeListing(row.code, row.label, row.parent, row.active, origin, row.source_version))
    return listing


def _origin(source_version: str, local: Origin) -> Origin:
    if source_version == "local":
        return local
    return "bundled" if source_version == "bundled" else "platform"


def set_local_code(
    session: Session,
    actor_id: str | None,
    table: str,
    code: str,
    label: str,
    *,
    parent: str | None = None,
    active: bool = True,
) -> None:
    require_actor(session, actor_id, "codes.edit")
    bundled: Mapping[str, CodeTable] = load_bundled_code_tables()
    base = bundled.get(table)
    if base is None:
        raise UserError(f"没有名为“{table}”的代码表，请用“fuwutai codes list”查看可用的代码表。")
    if not base.editable:
        raise UserError(f"代码表“{base.name}”是国家标准或系统代码，不能在本机修改。")
    code = code.strip()
    label = " ".join(label.split())
    if not _CODE.match(code):
        raise UserError("代码只能由 1 到 20 个字母、数字、下划线或短横线组成，请重新输入。")
    if active and not (0 < len(label) <= 100):
        raise UserError("名称不能为空，且不能超过 100 个字，请重新输入。")
    current = effective_code_tables(session)[table]
    row = session.get(CodeRow, (table, code))
    if not active:  # retiring keeps the code where it is (so re-activating puts it back under its group)
        shown = current.get(code)
        parent = shown.parent if shown is not None else (row.parent if row is not None else None)
        if current.children(code):
            raise UserError(f"代码“{code}”下还有使用中的下级代码，请先停用下级代码，再停用它。")
    elif parent is not None and not current.contains(parent):
        raise UserError(f"上级代码“{parent}”不在代码表“{base.name}”中，请核对。")
    if row is None:
        if not active and not current.contains(code):
            raise UserError(f"代码“{code}”不在代码表“{base.name}”中，无需停用。")
        row = CodeRow(
            table_name=table,
            code=code,
            label=label or (current.label(code) or code),
            parent=parent,
            sort=len(current),
            source_version="local",
        )
        session.add(row)
    else:
        row.label = label or row.label
        row.parent = parent
        row.source_version = "local"
    row.active = active
    audit.record(session, actor_id, "codes.edit", "code_table", None, {"table": table, "code": code, "active": active})


def calendar_overrides(session: Session) -> dict[date, bool]:
    return {row.day: row.is_workday for row in session.scalars(select(CalendarOverride))}


def working_calendar(session: Session) -> WorkingCalendar:
    """The bundled calendar with this store's overrides applied."""
    return default_calendar().with_overrides(calendar_overrides(session))


def set_calendar_override(
    session: Session, actor_id: str | None, day: date, is_workday: bool | None, note: str | None = None
) -> None:
    """Decide a single day (True working, False off); None removes the local decision."""
    require_actor(session, actor_id, "codes.edit")
    row = session.get(CalendarOverride, day)
    if is_workday is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(CalendarOverride(day=day, is_workday=is_workday, note=note, source="local"))
    else:
        row.is_workday, row.note, row.source = is_workday, note, "local"
    audit.record(
        session, actor_id, "calendar.edit", "calendar", None, {"day": day.isoformat(), "is_workday": is_workday}
    )
