"""Roles and what each may do: one table, checked by the core and mirrored by the UI."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"  # 窗口经办
    REVIEWER = "reviewer"  # 审核 / 站长
    ADMIN = "admin"  # 站点管理员


ROLE_LABELS = {Role.CLERK: "窗口经办", Role.REVIEWER: "审核", Role.ADMIN: "站点管理员"}

_ALL = frozenset(Role)
_REVIEW = frozenset({Role.REVIEWER, Role.ADMIN})

# action -> roles allowed. Case actions are named after workflow transitions.
PERMISSIONS: dict[str, frozenset[Role]] = {
    "person.view": _ALL,
    "person.edit": _ALL,
    "person.import": frozenset({Role.ADMIN, Role.REVIEWER}),
    "export": frozenset({Role.ADMIN, Role.REVIEWER}),
    "case.create": _ALL,
    "case.edit_draft": _ALL,
    "case.accept": _ALL,
    "case.decline": _ALL,  # 不予受理 an online application: the counter's intake decision
    "case.request_review": _ALL,
    "case.start_verification": _ALL,  # 转入核验: a commitment case waits for its check
    "case.complete": _ALL,
    "case.withdraw": _ALL,
    "case.approve": _REVIEW,
    "case.reject": _REVIEW,
    "case.return": _REVIEW,
    "case.cancel": _REVIEW,
    # 就业困难人员认定 recorded directly from the profile; a clerk starts the reviewed case instead.
    "hardship.recognize": _REVIEW,
    "staff.manage": frozenset({Role.ADMIN}),
    "settings.manage": frozenset({Role.ADMIN}),
    "backup.restore": frozenset({Role.ADMIN}),
    "codes.edit": frozenset({Role.ADMIN}),
}


class PermissionDenied(Exception):
    pass


def allowed(role: str, action: str) -> bool:
    try:
        return Role(role) in PERMISSIONS[action]
    except (KeyError, ValueError):
        return False


def require(role: str, action: str) -> None:
    if not allowed(role, action):
        label = ROLE_LABELS.get(Role(role), role) if role in Role.__members__.values() else role
        raise PermissionDenied(f"当前账号（{label}）没有权限执行此操作，请由有权限的工作人员办理。")
