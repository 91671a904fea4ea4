"""Case workflow: states, role-checked transitions, deadlines and overdue detection."""

from app.workflow.cases import (
    CaseDetail,
    CaseSummary,
    EventInfo,
    WorkflowError,
    count_cases,
    create_case,
    days_left,
    due_soon,
    get_case,
    list_cases,
    overdue_cases,
    save_draft,
    transition,
)
from app.workflow.states import FINAL_STATES, OPEN_STATES, STATE_LABELS, TRANSITIONS, State, Transition

__all__ = [
    "FINAL_STATES",
    "OPEN_STATES",
    "STATE_LABELS",
    "TRANSITIONS",
    "CaseDetail",
    "CaseSummary",
    "EventInfo",
    "State",
    "Transition",
    "WorkflowError",
    "count_cases",
    "create_case",
    "days_left",
    "due_soon",
    "get_case",
    "list_cases",
    "overdue_cases",
    "save_draft",
    "transition",
]
