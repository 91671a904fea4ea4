"""Staff accounts on a shared workstation: creation, offline login with lockout, password change."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import audit
from app.auth.passwords import hash_password, password_problem, verify_password
from app.auth.roles import ROLE_LABELS, Role, require
from app.clock import utcnow
from app.store.models import Staff

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
_USERNAME = re.compile(r"^[A-Za-z0-9_.-]{2,50}$")


class AuthError(Exception):
    """Login or account problem; the message is for the user."""


@dataclass(frozen=True)
class StaffInfo:
    id: str
    username: str
    display_name: str
    role: str
    active: bool

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[Role(self.role)]


def _info(staff: Staff) -> StaffInfo:
    return StaffInfo(staff.id, staff.username, staff.display_name, staff.role, staff.active)


def require_actor(session: Session, actor_id: str | None, action: str) -> None:
    """Refuse a staff member whose role may not take ``action`` (PermissionDenied, nothing written).

    Callers that are not staff accounts (the ``fuwutai`` command line, run by IT on the workstation with
    the store key; the sync engine; internal jobs) are not bound to a role: they already hold the key.
    """
    if actor_id is None:
        return
    staff = session.get(Staff, actor_id)
    if staff is not None:
        require(staff.role, action)


def create_staff(
    session: Session, username: str, display_name: str, role: str, password: str, *, actor_id: str | None = None
) -> StaffInfo:
    require_actor(session, actor_id, "staff.manage")
    if not _USERNAME.match(username):
        raise AuthError("用户名只能由 2 到 50 个字母、数字、下划线、点或短横线组成，请重新输入。")
    if role not in {r.value for r in Role}:
        raise AuthError("角色只能是 clerk（窗口经办）、reviewer（审核）或 admin（站点管理员）。")
    if not display_name.strip():
        raise AuthError("请填写工作人员姓名。")
    problem = password_problem(password)
    if problem:
        raise AuthError(problem)
    exists = session.scalar(select(func.count()).select_from(Staff).where(Staff.username == username))
    if exists:
        raise AuthError(f"用户名 {username} 已被使用，请换一个用户名。")
    staff = Staff(
        username=username, display_name=display_name.strip(), role=role, password_hash=hash_password(password)
    )
    session.add(staff)
    session.flush()
    audit.record(session, actor_id, "staff.create", "staff", staff.id, {"role": role})
    return _info(staff)


def list_staff(session: Session) -> list[StaffInfo]:
    return [_info(s) for s in session.scalars(select(Staff).where(Staff.deleted.is_(False)).order_by(Staff.username))]


def staff_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Staff).where(Staff.deleted.is_(False))) or 0


def authenticate(session: Session, username: str, password: str) -> StaffInfo:
    """Check a login offline. Counts failures and locks the account after MAX_FAILURES."""
    staff = session.scalar(select(Staff).where(Staff.username == username, Staff.deleted.is_(False)))
    now = utcnow()
    if staff is None:
        raise AuthError("用户名或密码不正确，请重新输入。")
    if not staff.active:
        raise AuthError("此账号已停用，请联系站点管理员。")
    if staff.locked_until and staff.locked_until > now:
        minutes = max(1, int((staff.locked_until - now).total_seconds() // 60) + 1)
        raise AuthError(f"密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试，或请站点管理员重置密码。")
    if not verify_password(password, staff.password_hash):
        staff.failed_logins += 1
        audit.record(session, staff.id, "staff.login_failed", "staff", staff.id, {})
        locked = staff.failed_logins >= MAX_FAILURES
        if locked:
            staff.locked_until = now + LOCKOUT
            staff.failed_logins = 0
        left = MAX_FAILURES - staff.failed_logins
        # The failure must outlive the error we raise, or lockout could be dodged by the rollback.
        session.commit()
        if locked:
            raise AuthError(f"密码连续错误 {MAX_FAILURES} 次，账号已锁定 15 分钟。")
        raise AuthError(f"用户名或密码不正确，还可以再试 {left} 次。")
    staff.failed_logins = 0
    staff.locked_until = None
    staff.last_login_at = now
    audit.record(session, staff.id, "staff.login", "staff", staff.id, {})
    return _info(staff)


def change_password(session: Session, username: str, new_password: str, *, actor_id: str | None = None) -> None:
    staff = session.scalar(select(Staff).where(Staff.username == username, Staff.deleted.is_(False)))
    if staff is None or actor_id != staff.id:  # one's own password is anyone's to change
        require_actor(session, actor_id, "staff.manage")
    if staff is None:
        raise AuthError(f"找不到用户 {username}，请检查用户名。")
    problem = password_problem(new_password)
    if problem:
        raise AuthError(problem)
    staff.password_hash = hash_password(new_password)
    staff.failed_logins = 0
    staff.locked_until = None
    audit.record(session, actor_id, "staff.password", "staff", staff.id, {})
