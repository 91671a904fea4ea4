"""Case states and the transitions between them, as data.

draft → accepted (受理) → in_review / pending_verification → completed (办结) | rejected | withdrawn;
completed → cancelled where the item allows it. Applications made online (就业帮 APP, 网上服务大厅) arrive
from the platform in ``received_online`` (网上申请待受理): the counter accepts them (受理, the deadline starts
then) or declines them (不予受理, with a reason); the decision goes back to the platform by the outbox.
Which roles may take each transition lives in ``app.auth.roles.PERMISSIONS`` under ``case.<action>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    DRAFT = "draft"
    RECEIVED_ONLINE = "received_online"  # sync.protocol.RECEIVED_ONLINE: only the online channel creates it
    ACCEPTED = "accepted"
    IN_REVIEW = "in_review"
    PENDING_VERIFICATION = "pending_verification"
    COMPLETED = "completed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    CANCELLED = "cancelled"


STATE_LABELS = {
    State.DRAFT: "草稿",
    State.RECEIVED_ONLINE: "网上申请待受理",
    State.ACCEPTED: "已受理",
    State.IN_REVIEW: "待审核",
    State.PENDING_VERIFICATION: "待核验",
    State.COMPLETED: "已办结",
    State.REJECTED: "不予办理",
    State.WITHDRAWN: "已撤回",
    State.CANCELLED: "已注销",
}

OPEN_STATES = frozenset({State.ACCEPTED, State.IN_REVIEW, State.PENDING_VERIFICATION})
FINAL_STATES = frozenset({State.COMPLETED, State.REJECTED, State.WITHDRAWN, State.CANCELLED})
# States whose form the counter may still change: its own drafts, and online applications before 受理 (补正).
EDITABLE_STATES = frozenset({State.DRAFT, State.RECEIVED_ONLINE})


@dataclass(frozen=True)
class Transition:
    action: str
    label: str
    sources: frozenset[State]
    target: State
    needs_reason: bool = False
    confirm: str = ""


TRANSITIONS: dict[str, Transition] = {
    t.action: t
    for t in (
        Transition(
            "accept",
            "受理",
            frozenset({State.DRAFT, State.RECEIVED_ONLINE}),
            State.ACCEPTED,
            confirm="确认受理此件？受理后将开始计算办理时限。",
        ),
        Transition(
            "decline",
            "不予受理",
            frozenset({State.RECEIVED_ONLINE}),
            State.REJECTED,
            needs_reason=True,
            confirm="确认不予受理此网上申请？请填写原因，原因会告知申请人。",
        ),
        Transition(
            "request_review",
            "提交审核",
            frozenset({State.ACCEPTED, State.PENDING_VERIFICATION}),
            State.IN_REVIEW,
            confirm="确认提交审核？",
        ),
        Transition(
            "start_verification",
            "转入核验",
            frozenset({State.ACCEPTED}),
            State.PENDING_VERIFICATION,
            confirm="确认转入核验（书面承诺件需在时限内完成核验）？",
        ),
        Transition(
            "approve", "审核通过", frozenset({State.IN_REVIEW}), State.COMPLETED, confirm="确认审核通过并办结？"
        ),
        Transition(
            "reject",
            "不予办理",
            frozenset({State.ACCEPTED, State.IN_REVIEW, State.PENDING_VERIFICATION}),
            State.REJECTED,
            needs_reason=True,
            confirm="确认不予办理？请填写原因，原因会告知申请人。",
        ),
        Transition(
            "return",
            "退回修改",
            frozenset({State.IN_REVIEW}),
            State.ACCEPTED,
            needs_reason=True,
            confirm="确认退回经办人修改？请填写退回原因。",
        ),
        Transition(
            "complete",
            "办结",
            frozenset({State.ACCEPTED, State.PENDING_VERIFICATION}),
            State.COMPLETED,
            confirm="确认办结此件？",
        ),
        Transition(
            "withdraw",
            "撤回",
            frozenset(
                {State.DRAFT, State.RECEIVED_ONLINE, State.ACCEPTED, State.IN_REVIEW, State.PENDING_VERIFICATION}
            ),
            State.WITHDRAWN,
            needs_reason=True,
            confirm="确认撤回此件？请填写撤回原因（如申请人主动撤回）。",
        ),
        Transition(
            "cancel",
            "注销",
            frozenset({State.COMPLETED}),
            State.CANCELLED,
            needs_reason=True,
            confirm="确认注销此件？请填写注销原因。",
        ),
    )
}
