from __future__ import annotations

from datetime import timedelta

import pytest

from app.auth import (
    AuthError,
    Role,
    allowed,
    authenticate,
    change_password,
    create_staff,
    list_staff,
    require,
)
from app.auth.accounts import MAX_FAILURES
from app.auth.passwords import hash_password, verify_password
from app.auth.roles import PERMISSIONS, PermissionDenied
from app.store import Store
from app.store.models import Staff

PASSWORD = "test-pass-123"  # same as tests/app/conftest.py


def test_hash_round_trip_and_salted() -> None:
    a, b = hash_password("abc12345"), hash_password("abc12345")
    assert a != b and verify_password("abc12345", a) and not verify_password("abc12346", a)
    assert not verify_password("x", "garbage")


def test_login_and_lockout(store: Store, staff: dict[str, object]) -> None:
    with store.session() as session:
        assert authenticate(session, "clerk1", PASSWORD).role == "clerk"
    for attempt in range(1, MAX_FAILURES):
        with pytest.raises(AuthError, match=f"还可以再试 {MAX_FAILURES - attempt} 次"), store.session() as session:
            authenticate(session, "clerk1", "wrong-pass-1")
    with pytest.raises(AuthError, match="已锁定"), store.session() as session:
        authenticate(session, "clerk1", "wrong-pass-1")
    # Locked: even the right password is refused until the lock expires or an admin resets it.
    with pytest.raises(AuthError, match="分钟后再试"), store.session() as session:
        authenticate(session, "clerk1", PASSWORD)
    with store.session() as session:
        change_password(session, "clerk1", "new-pass-456")
    with store.session() as session:
        assert authenticate(session, "clerk1", "new-pass-456").username == "clerk1"


def test_lock_expires(store: Store, staff: dict[str, object], monkeypatch: pytest.MonkeyPatch) -> None:
    with store.session() as session:
        row = session.query(Staff).filter_by(username="clerk1").one()
        from app.clock import utcnow

        row.locked_until = utcnow() - timedelta(seconds=1)
    with store.session() as session:
        assert authenticate(session, "clerk1", PASSWORD).username == "clerk1"


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("a", "abcd1234", "用户名"),
        ("good_name", "short1", "至少需要 8"),
        ("good_name", "onlyletters", "字母和数字"),
    ],
)
def test_bad_accounts_rejected(store: Store, username: str, password: str, message: str) -> None:
    with pytest.raises(AuthError, match=message), store.session() as session:
        create_staff(session, username, "某某", "clerk", password)
    with store.session() as session:
        assert list_staff(session) == []


def test_duplicate_username(store: Store, staff: dict[str, object]) -> None:
    with pytest.raises(AuthError, match="已被使用"), store.session() as session:
        create_staff(session, "clerk1", "某某", "clerk", PASSWORD)


def test_unknown_user_same_message_as_wrong_password(store: Store) -> None:
    with pytest.raises(AuthError, match="用户名或密码不正确"), store.session() as session:
        authenticate(session, "nobody", PASSWORD)


@pytest.mark.parametrize("action", sorted(PERMISSIONS))
@pytest.mark.parametrize("role", [r.value for r in Role])
def test_permission_table(action: str, role: str) -> None:
    expected = Role(role) in PERMISSIONS[action]
    assert allowed(role, action) is expected
    if expected:
        require(role, action)
    else:
        with pytest.raises(PermissionDenied, match="没有权限"):
            require(role, action)


def test_unknown_role_or_action_denied() -> None:
    assert not allowed("intern", "person.view")
    assert not allowed("admin", "no.such.action")
