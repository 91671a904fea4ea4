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


def audit_pin_check(session: Session, actor_id: str | None, person_id: str | None, outcome: str) -> None:
    """Append ``card.pin``: the holder's PIN was checked on the reader's pad, with the outcome's kind only
    (``ok`` or the error kind such as ``PinWrong``), against the person whose record was open, if any."""
    from app import audit

    audit.record(session, actor_id, "card.pin", "person" if person_id else "card", person_id, {"outcome": outcome})
