"""电子社保卡 QR codes kept on a case: verified at once when online, otherwise "to verify" (待核验).

The scanned code is opaque and short-lived; it can only be checked by the platform. A scan made while a
case is open is recorded on that case so nobody mistakes an unchecked code for a checked identity:

- ``form_data["_qr_check"]`` holds the current state (``to_verify`` keeps the code so that a retry is
  possible while it is still valid; ``verified``/``rejected`` drop it);
- a ``qr_check`` case event records each scan and each later result in the case history;
- the audit log records who scanned or verified, never the code or the holder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy.orm import Session

from app import audit
from app.auth import StaffInfo, require
from app.cards.qr import QrToken
from app.clock import utcnow
from app.errors import NotFound
from app.store.models import Case, CaseEvent
from app.workflow.states import FINAL_STATES, State

KEY: Final = "_qr_check"
EVENT: Final = "qr_check"

NOTES: Final = {
    "to_verify": "电子社保卡二维码待核验（扫码时无法连接人社平台）",
    "verified": "电子社保卡二维码核验通过",
    "rejected": "电子社保卡二维码核验未通过",
}


class QrCheckError(Exception):
    pass


@dataclass(frozen=True)
class QrCheck:
    state: str  # to_verify | verified | rejected
    at: datetime
    code: str | None = None  # only while to_verify
    holder_matches: bool | None = None
    message: str | None = None


def qr_check_of(form_data: dict[str, Any]) -> QrCheck | None:
    raw = form_data.get(KEY)
    if not isinstance(raw, dict) or raw.get("state") not in NOTES:
        return None
    try:
        at = datetime.fromisoformat(str(raw.get("at")))
    except ValueError:
        return None
    matches = raw.get("holder_matches")
    return QrCheck(
        state=str(raw["state"]),
        at=at,
        code=str(raw["code"]) if raw.get("code") else None,
        holder_matches=matches if isinstance(matches, bool) else None,
        message=str(raw["message"]) if raw.get("message") else None,
    )


def record_qr_check(session: Session, actor: StaffInfo, case_id: str, token: QrToken) -> QrCheck:
    """Keep a scanned (and possibly verified) QR code on the case."""
    require(actor.role, "case.edit_draft")
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise NotFound("找不到这件办件，可能已被删除。请刷新列表后重试。")
    if State(case.state) in FINAL_STATES:
        raise QrCheckError("这件办件已经办结或终止，不能再记录二维码核验。请为服务对象新办一件。")
    matches: bool | None = None
    if token.state == "verified" and token.holder is not None and case.person_id:
        from app.store.models import Person

        person = session.get(Person, case.person_id)
        matches = person is not None and person.doc_number == token.holder.ss_number
    check = QrCheck(
        state=token.state,
        at=utcnow(),
        code=token.code if token.state == "to_verify" else None,
        holder_matches=matches,
        message=token.message,
    )
    data = dict(case.form_data or {})
    data[KEY] = {
        "state": check.state,
        "at": check.at.isoformat(),
        "code": check.code,
        "holder_matches": check.holder_matches,
        "message": check.message,
    }
    case.form_data = data
    note = NOTES[check.state]
    if matches is False:
        note += "，但二维码持有人与本件服务对象不一致"
    session.add(
        CaseEvent(case=case, action=EVENT, from_state=case.state, to_state=case.state, actor_id=actor.id, note=note)
    )
    session.flush()
    detail: dict[str, Any] = {"state": check.state}
    if case.person_id:
        detail["person_id"] = case.person_id
    if matches is not None:
        detail["holder_matches"] = matches
    audit.record(session, actor.id, "case.qr_check", "case", case.id, detail)
    return check
