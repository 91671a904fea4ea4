"""Recording a card read in the audit log: who read a card, when, and how — never what was on it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.cards.record import CardRecord

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def card_read_detail(record: CardRecord) -> dict[str, object]:
    """The audit detail: the kind of read only (no numbers, names or dates)."""
    return {"source": record.source, "holder_data": record.has_holder_data}


def audit_card_read(session: Session, actor_id: str | None, record: CardRecord) -> None:
    """Append ``card.read`` in the caller's transaction (the caller owns the session and commits)."""
    # Imported here so the card helper process, which never audits, does not load the database layer.
    from app import audit

    audit.record(session, actor_id, "card.read", "card", None, card_read_detail(record))
