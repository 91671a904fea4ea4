"""Staff accounts, roles and offline login."""

from app.auth.accounts import (
    AuthError,
    StaffInfo,
    authenticate,
    change_password,
    create_staff,
    list_staff,
    require_actor,
    staff_count,
)
from app.auth.roles import ROLE_LABELS, PermissionDenied, Role, allowed, require

__all__ = [
    "ROLE_LABELS",
    "AuthError",
    "PermissionDenied",
    "Role",
    "StaffInfo",
    "allowed",
    "authenticate",
    "change_password",
    "create_staff",
    "list_staff",
    "require",
    "require_actor",
    "staff_count",
]
