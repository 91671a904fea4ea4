"""联网核查: the record, on a case, of the province-wide registration check made before a new registration.

The check itself is a platform call (``sync.client.online``); the core only keeps what came of it,
as a ``case_event`` (action ``online_check``) so that it travels to the platform with the case, plus
an audit entry. A check that could not be made (offline, not enrolled) is recorded too, so the
counter can see which registrations still need 补查 once the network is back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo, require
from app.errors import NotFound
from app.store.models import Case, CaseEvent

# Items before which the counter checks the person's registrations elsewhere in the province.
CHECKED_ITEMS = frozenset({"unemployment_registration", "employment_registration"})
CHECK_ACTION = "online_check"

Outcome = Literal["clear", "found", "not_checked"]
OUTCOME_LABELS: dict[str, str] = {
    "clear": "联网核查：全省未发现其他有效登记",
    "found": "联网核查：全省发现其他登记",
    "not_checked": "无法联网核查（离线），可先受理，联网后补查",
}


@dataclass(frozen=True)
class CheckRecord:
    outcome: Outcome
    note: str  # a short Chinese sentence; never a name or an ID number


def needs_check(item_code: str) -> bool:
    return item_code in CHECKED_ITEMS


def record_online_check(session: Session, actor: StaffInfo, case_id: str, check: CheckRecord) -> None:
    """Add the check's outcome to the case's timeline (synced) and to the audit log, in the caller's transaction."""
    require(actor.role, "case.create")
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise NotFound("找不到该办件，可能已被删除，请刷新列表后重试。")
    note = f"{OUTCOME_LABELS[check.outcome]}。{check.note}".rstrip("。") + "。"
    session.add(
        CaseEvent(
            case=case, action=CHECK_ACTION, from_state=case.state, to_state=case.state, actor_id=actor.id, note=note
        )
    )
    session.flush()
    audit.record(session, actor.id, "case.online_check", "case", case.id, {"outcome": check.outcome})


def last_check(session: Session, case_id: str) -> Outcome | None:
    """The outcome of the case's latest 联网核查, or None when none was recorded."""
    note = session.scalar(
        select(CaseEvent.note)
        .where(CaseEvent.case_id == case_id, CaseEvent.action == CHECK_ACTION, CaseEvent.deleted.is_(False))
        .order_by(CaseEvent.at.desc())
        .limit(1)
    )
    if note is None:
        return None
    for outcome, label in OUTCOME_LABELS.items():
        if note.startswith(label):
            return outcome  # type: ignore[return-value]
    return None
