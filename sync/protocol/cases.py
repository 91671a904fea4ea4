"""Case status changes travel as commands the server validates (``op = "command"``, entity ``case``).

The transition table is part of the protocol: a server applies a command only when the case's
current state is one of the action's sources, otherwise it rejects the item ``invalid_transition``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Final, Literal

from pydantic import Field, StringConstraints, field_validator

from sync.protocol.common import WireRequest

CaseAction = Literal[
    "accept",
    "request_review",
    "start_verification",
    "approve",
    "reject",
    "return",
    "complete",
    "withdraw",
    "cancel",
]

RECEIVED_ONLINE: Final = "received_online"
CASE_STATES: Final = (
    "draft",
    RECEIVED_ONLINE,
    "accepted",
    "in_review",
    "pending_verification",
    "completed",
    "rejected",
    "withdrawn",
    "cancelled",
)
CASE_STATE_LABELS: Final = {
    "draft": "草稿",
    RECEIVED_ONLINE: "网上申请待受理",
    "accepted": "已受理",
    "in_review": "待审核",
    "pending_verification": "待核验",
    "completed": "已办结",
    "rejected": "不予办理",
    "withdrawn": "已撤回",
    "cancelled": "已注销",
}
CASE_ACTION_LABELS: Final = {
    "accept": "受理",
    "request_review": "提交审核",
    "start_verification": "转入核验",
    "approve": "审核通过",
    "reject": "不予办理",
    "return": "退回修改",
    "complete": "办结",
    "withdraw": "撤回",
    "cancel": "注销",
}
# action -> (states it may start from, state it leads to)
CASE_TRANSITIONS: Final[dict[str, tuple[frozenset[str], str]]] = {
    "accept": (frozenset({"draft", RECEIVED_ONLINE}), "accepted"),
    "request_review": (frozenset({"accepted", "pending_verification"}), "in_review"),
    "start_verification": (frozenset({"accepted"}), "pending_verification"),
    "approve": (frozenset({"in_review"}), "completed"),
    "reject": (frozenset({RECEIVED_ONLINE, "accepted", "in_review", "pending_verification"}), "rejected"),
    "return": (frozenset({"in_review"}), "accepted"),
    "complete": (frozenset({"accepted", "pending_verification"}), "completed"),
    "withdraw": (frozenset({"draft", RECEIVED_ONLINE, "accepted", "in_review", "pending_verification"}), "withdrawn"),
    "cancel": (frozenset({"completed"}), "cancelled"),
}
NEEDS_REASON: Final = frozenset({"reject", "return", "withdraw", "cancel"})
# Case fields a command may set together with the state (dates as ISO strings).
COMMAND_FIELDS: Final = frozenset({"accepted_on", "due_on", "closed_on", "close_reason", "handler_id"})


class CaseCommand(WireRequest):
    """The ``payload`` of a push item with ``op = "command"`` and ``entity = "case"``."""

    action: CaseAction
    note: Annotated[str, StringConstraints(max_length=2000)] | None = None
    actor_id: str | None = None
    at: datetime | None = None
    expected_state: str | None = None
    # Fields set together with the transition (accepted_on, due_on, closed_on, close_reason, handler_id).
    fields: dict[str, str | int | bool | None] = Field(default_factory=dict)

    @field_validator("fields")
    @classmethod
    def _known_fields(cls, value: dict[str, str | int | bool | None]) -> dict[str, str | int | bool | None]:
        unknown = sorted(set(value) - COMMAND_FIELDS)
        if unknown:
            raise ValueError(f"fields may only set {sorted(COMMAND_FIELDS)}, not {unknown}")
        return value


def transition_target(action: str, current_state: str) -> str | None:
    """The state ``action`` leads to from ``current_state``, or None when it is not allowed."""
    rule = CASE_TRANSITIONS.get(action)
    if rule is None or current_state not in rule[0]:
        return None
    return rule[1]


def action_for_state_change(current_state: str, new_state: str) -> str | None:
    """The action that moves a case from one state to another, if any (for upserts that change state)."""
    for action, (sources, target) in CASE_TRANSITIONS.items():
        if target == new_state and current_state in sources:
            return action
    return None
