"""What the platform checks in a record before storing it, and the business keys it keeps unique."""

from __future__ import annotations

import math
from typing import Any, Final

from app.catalog.model import DOC_TYPE_KINDS
from app.validation import validate
from sync.protocol import ENTITIES, RECEIVED_ONLINE, SERVER_OWNED_FIELDS, RejectCode

# Fields every record of an entity must carry (the device's NOT NULL columns without defaults).
REQUIRED: Final[dict[str, tuple[str, ...]]] = {
    "staff": ("username", "display_name", "role"),
    "person": ("name", "doc_type", "doc_number"),
    "person_document": ("person_id", "doc_type", "number"),
    "person_tag": ("person_id", "tag"),
    "household": (),
    "household_member": ("household_id", "person_id"),
    "employer": ("name",),
    "job_posting": ("title",),
    "case": ("case_no", "item_code", "item_version", "subject_kind", "state"),
    "case_event": ("case_id", "action", "to_state"),
    "attachment": ("sha256", "size"),
    "follow_up": ("kind", "due_on"),
    "employer_verification": ("employer_id", "kind", "accepted_on", "due_on", "state"),
    "posting_terms": ("posting_id", "work_time"),
    "job_intention": ("person_id", "work_time"),
    "person_skill": ("person_id", "name"),
    "referral": ("person_id", "posting_ref", "posting_title", "referred_on", "outcome"),
    "training_enrolment": ("person_id", "course_name", "training_type", "enrolled_on", "status"),
    "entrepreneurship_record": ("person_id", "kind", "served_on"),
    "campaign": ("code", "name", "starts_on", "ends_on"),
    "campaign_tag": ("campaign_code", "case_id"),
    "campaign_event": ("campaign_code", "title", "held_on"),
    "green_channel": ("person_id", "reason", "since"),
    "appointment": ("applicant_name", "day", "state"),
    "layoff_report": ("employer_name", "reported_on", "affected", "measures"),
    "case_agent": ("case_id", "agent_name", "agent_doc_type", "agent_doc_number", "relation", "authorisation"),
    "satisfaction_rating": ("case_id", "item_code", "rating"),
    "fraud_flag": ("person_id", "kind", "reason", "reviewer_id", "flagged_on"),
    "settlement": ("name",),
    "settlement_household": ("settlement_id", "household_id"),
    "laborer_census": ("person_id", "census_on"),
    "zero_employment_episode": ("household_id", "since"),
    "hardship_recognition": ("person_id", "check_method", "recognized_on", "valid_until"),
    "assistance_plan": ("person_id", "opened_on", "status"),
    "assistance_plan_step": ("plan_id", "content", "owner", "due_on"),
    "welfare_placement": ("person_id", "post_name", "start_on", "end_on"),
}
# Fields that never count as an edit when comparing versions (bookkeeping, not content).
BOOKKEEPING: Final = frozenset({"id", "version", "server_version", "updated_at"})

Problem = tuple[str, str]  # (RejectCode, Chinese reason)


_INT_LIMIT: Final = 2**63


def _portable(value: Any, depth: int = 0) -> bool:
    """Whether a value stores the same on SQLite and PostgreSQL: finite numbers, 64-bit integers, no NUL."""
    if depth > 32:
        return False
    if isinstance(value, bool) or value is None:
        return True
    if isinstance(value, int):
        return -_INT_LIMIT <= value < _INT_LIMIT
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, str):
        return "\x00" not in value
    if isinstance(value, dict):
        return all(_portable(k, depth + 1) and _portable(v, depth + 1) for k, v in value.items())
    if isinstance(value, list | tuple):
        return all(_portable(v, depth + 1) for v in value)
    return True


def check_record(entity: str, payload: dict[str, Any], *, deleted: bool) -> Problem | None:
    """A reason to refuse this record, or None. Tombstones are only checked for their entity."""
    if entity not in ENTITIES:
        return RejectCode.UNKNOWN_ENTITY, f"平台不接收“{entity}”类数据，请升级程序或联系管理员。"
    if deleted:
        return None
    if not _portable(payload):
        return (
            RejectCode.INVALID_PAYLOAD,
            "记录中有无法保存的数值（非数字、无穷大或超出范围的整数）或空字符，请检查后重新保存。",
        )
    missing = [name for name in REQUIRED[entity] if payload.get(name) in (None, "")]
    if missing:
        return RejectCode.INVALID_PAYLOAD, f"记录缺少必填项：{'、'.join(missing)}。请补全后重新保存。"
    if entity == "person":
        return _check_document(str(payload["doc_type"]), payload["doc_number"], "证件号码")
    if entity == "person_document":
        return _check_document(str(payload["doc_type"]), payload["number"], "证件号码")
    if entity == "case_agent":
        return _check_document(str(payload["agent_doc_type"]), payload["agent_doc_number"], "代理人证件号码")
    if entity == "employer" and payload.get("uscc"):
        return _check_kind("uscc", payload["uscc"], "统一社会信用代码")
    if entity == "case":
        if not isinstance(payload.get("form_data", {}), dict):
            return RejectCode.INVALID_PAYLOAD, "办件表单数据格式不正确，请重新保存此件。"
        if not isinstance(payload["item_version"], int):
            return RejectCode.INVALID_PAYLOAD, "办件事项版本必须是整数。"
    if entity == "attachment":
        sha = payload["sha256"]
        if not isinstance(sha, str) or len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
            return RejectCode.INVALID_FIELD, "附件摘要（sha256）格式不正确。"
    return None


def check_new_case_state(payload: dict[str, Any]) -> Problem | None:
    if payload.get("state") == RECEIVED_ONLINE:
        return RejectCode.INVALID_TRANSITION, "“网上申请待受理”状态只能由网上渠道产生，工作站不能直接创建。"
    return None


def _check_document(doc_type: str, number: Any, label: str) -> Problem | None:
    kind = DOC_TYPE_KINDS.get(doc_type)
    if kind is None:
        return RejectCode.INVALID_FIELD, f"证件类型“{doc_type}”未知，请选择正确的证件类型。"
    return _check_kind(kind, number, label)


def _check_kind(kind: str, value: Any, label: str) -> Problem | None:
    if not isinstance(value, str):
        return RejectCode.INVALID_FIELD, f"{label}必须是文字。"
    result = validate(kind, value)
    if not result.ok:
        return RejectCode.INVALID_FIELD, f"{label}不正确：{'；'.join(result.errors)}"
    return None


def unique_keys(entity: str, payload: dict[str, Any]) -> list[tuple[str, str, str]]:
    """``(kind, value, label)`` keys unique among one station's live records."""
    keys: list[tuple[str, str, str]] = []
    if entity == "person" and payload.get("doc_number"):
        keys.append(("person.doc_number", str(payload["doc_number"]).upper(), "证件号码"))
    elif entity == "person_document" and payload.get("number"):
        value = f"{payload.get('doc_type')}:{str(payload['number']).upper()}"
        keys.append(("person_document.number", value, "证件号码"))
    elif entity == "employer" and payload.get("uscc"):
        keys.append(("employer.uscc", str(payload["uscc"]).upper(), "统一社会信用代码"))
    elif entity == "case" and payload.get("case_no"):
        keys.append(("case.case_no", str(payload["case_no"]), "办件编号"))
    elif entity == "staff" and payload.get("username"):
        keys.append(("staff.username", str(payload["username"]), "用户名"))
    return keys


def subject_of(entity: str, entity_id: str, payload: dict[str, Any]) -> str | None:
    """The person a record is about (for province-wide look-ups), if any."""
    if entity == "person":
        return entity_id
    if entity in ("case", "person_document", "person_tag", "follow_up"):
        value = payload.get("person_id")
        return str(value) if value else None
    return None


def stored_payload(payload: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in payload.items() if key not in SERVER_OWNED_FIELDS}


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    keys = (set(before) | set(after)) - BOOKKEEPING
    return {key for key in keys if before.get(key) != after.get(key)}
