"""Append-only, hash-chained audit log of every view and change of personal data.

Each entry's hash covers its content and the previous entry's hash, so changing, removing or
reordering an entry breaks the chain. The newest (seq, hash) is also kept in ``setting`` so that
cutting entries off the end is detected too. Details hold ids and field names only — never names,
ID numbers or phone numbers.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.clock import utcnow
from app.store.models import AuditEntry, Setting, new_id

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


def entry_hash(
    prev_hash: str,
    entry_id: str,
    at: datetime,
    actor_id: str | None,
    action: str,
    entity: str,
    entity_id: str | None,
    detail: Mapping[str, Any],
) -> str:
    body = json.dumps(
        [entry_id, at.isoformat(timespec="microseconds"), actor_id, action, entity, entity_id, detail],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256(f"{prev_hash}|{body}".encode()).hexdigest()


def _head(session: Session) -> tuple[int, str]:
    row = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return (0, GENESIS) if row is None else (row[0], row[1])


def _set_head(session: Session, seq: int, digest: str) -> None:
    value = f"{seq}:{digest}"
    setting = session.get(Setting, HEAD_KEY)
    if setting is None:
        session.add(Setting(key=HEAD_KEY, value=value))
    else:
        setting.value = value


@dataclass(frozen=True)
class AuditEvent:
    action: str  # e.g. person.view, person.create, person.update, case.accept, card.read, export.persons
    entity: str
    entity_id: str | None = None
    detail: Mapping[str, Any] | None = None


def record(
    session: Session,
    actor_id: str | None,
    action: str,
    entity: str,
    entity_id: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry in the caller's transaction."""
    return record_many(session, actor_id, [AuditEvent(action, entity, entity_id, detail)])[-1]


def record_many(session: Session, actor_id: str | None, events: Iterable[AuditEvent]) -> list[AuditEntry]:
    session.flush()
    seq, prev = _head(session)
    added: list[AuditEntry] = []
    for event in events:
        at = utcnow()
        entry_id = new_id()
        detail = dict(event.detail or {})
        digest = entry_hash(prev, entry_id, at, actor_id, event.action, event.entity, event.entity_id, detail)
        seq += 1
        entry = AuditEntry(
            seq=seq,
            id=entry_id,
            at=at,
            actor_id=actor_id,
            action=event.action,
            entity=event.entity,
            entity_id=event.entity_id,
            detail=detail,
            prev_hash=prev,
            hash=digest,
        )
        session.add(entry)
        added.append(entry)
        prev = digest
    if added:
        _set_head(session, seq, prev)
    return added


def append_rows(session: Session, actor_id: str | None, events: Iterable[AuditEvent]) -> int:
    """Bulk variant for imports: computes the chain and inserts through Core. Returns the count."""
    from sqlalchemy import insert  # local: only imports pay for it

    seq, prev = _head(session)
    rows: list[dict[str, Any]] = []
    for event in events:
        at = utcnow()
        entry_id = new_id()
        detail = dict(event.detail or {})
        digest = entry_hash(prev, entry_id, at, actor_id, event.action, event.entity, event.entity_id, detail)
        seq += 1
        rows.append(
            {
                "seq": seq,
                "id": entry_id,
                "at": at,
                "actor_id": actor_id,
                "action": event.action,
                "entity": event.entity,
                "entity_id": event.entity_id,
                "detail": detail,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    if rows:
        session.execute(insert(AuditEntry), rows)
        _set_head(session, seq, prev)
    return len(rows)


def verify(session: Session) -> list[str]:
    """Problems found in the chain (Chinese sentences); empty when the log is intact."""
    problems: list[str] = []
    prev = GENESIS
    expected_seq = 1
    last_seq = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(2000):
        if entry.seq != expected_seq:
            problems.append(f"审计记录第 {expected_seq} 条至第 {entry.seq - 1} 条缺失。")
        if entry.prev_hash != prev:
            problems.append(f"审计记录第 {entry.seq} 条与前一条不衔接（记录被删除或顺序被改动）。")
        digest = entry_hash(
            entry.prev_hash,
            entry.id,
            entry.at,
            entry.actor_id,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.detail,
        )
        if digest != entry.hash:
            problems.append(f"审计记录第 {entry.seq} 条的内容被改动过。")
        prev = entry.hash
        expected_seq = entry.seq + 1
        last_seq = entry.seq
    head = session.get(Setting, HEAD_KEY)
    if head is not None:
        head_seq, _, head_hash = head.value.partition(":")
        if int(head_seq) != last_seq or head_hash != prev:
            problems.append(f"审计记录末尾被截断或改动：应有 {head_seq} 条，实际最后一条为第 {last_seq} 条。")
    elif last_seq:
        problems.append("审计记录的链头信息缺失。")
    return problems
