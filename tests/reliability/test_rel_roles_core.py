"""Issue 8 point 5 (core): every role-gated action is refused, in the core, to every role that may not take it.

The table is derived from ``app.auth.roles.PERMISSIONS`` (and ``TRANSITIONS``): each action has one or more
probes that really call the service. For every (action, role) pair the role may not take, the probe must
raise ``PermissionDenied`` with a Chinese message and leave the store byte-for-byte unchanged (every row of
every table) and write no file; for every allowed pair the same probe must get past the role gate.
A new action in PERMISSIONS without a probe fails ``test_every_action_has_a_probe``.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app.auth import PermissionDenied, Role, StaffInfo, change_password, create_staff
from app.auth.roles import PERMISSIONS
from app.store import DataDir, Store, create_store
from app.store.models import Case, Staff
from app.workflow import TRANSITIONS, State

RNG = random.Random(805)
PASSWORD = "test-pass-123"
DAY = date(2026, 9, 25)


@dataclass
class Env:
    store: Store
    tmp: Path
    staff: dict[str, StaffInfo]
    person_id: str
    cases: dict[State, str]  # one case already in each state the transitions start from
    catalog: Any
    calendar: Any


Probe = Callable[[Env, StaffInfo], object]


def _snapshot(store: Store) -> str:
    """A digest of every row of every table (FTS shadow tables included through sqlite_master)."""
    digest = hashlib.sha256()
    with store.engine.connect() as conn:
        names = [
            row[0] for row in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"))
        ]
        for name in names:
            digest.update(name.encode())
            for row in conn.execute(text(f'SELECT * FROM "{name}" ORDER BY 1')):
                digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


# ------------------------------------------------------------------------------------------- probes
def _case_probe(action: str) -> Probe:
    rule = TRANSITIONS[action]
    source = sorted(rule.sources, key=lambda s: s.value)[0]

    def probe(env: Env, actor: StaffInfo) -> object:
        from app.workflow import transition

        with env.store.session() as session:
            return transition(
                session,
                actor,
                env.cases[source],
                action,
                catalog=env.catalog,
                calendar=env.calendar,
                reason="角色测试原因" if rule.needs_reason else None,
                today=DAY,
            )

    return probe


def _view(env: Env, actor: StaffInfo) -> object:
    from app.persons import get_person

    with env.store.session() as session:
        return get_person(session, actor.id, env.person_id, purpose="roles_test")


def _create(env: Env, actor: StaffInfo) -> object:
    from app.workflow import create_case

    with env.store.session() as session:
        return create_case(session, actor, env.catalog.get("unemployment_registration"), env.person_id, {}, today=DAY)


def _edit_draft(env: Env, actor: StaffInfo) -> object:
    from app.workflow import save_draft

    with env.store.session() as session:
        save_draft(session, actor, env.cases[State.DRAFT], {"name": "角色测试"})
    return None


def _import(env: Env, actor: StaffInfo) -> object:
    from app.io import import_persons
    from app.validation import synthetic_resident_id

    number = synthetic_resident_id(RNG, region="520102", birth=date(1990, 1, 2), gender="1")
    path = env.tmp / f"roster-{actor.role}.csv"
    path.write_text(f"姓名,证件类型,证件号码\n导入某某,居民身份证,{number}\n", encoding="utf-8")
    return import_persons(env.store, path, actor_id=actor.id)


def _export_persons(env: Env, actor: StaffInfo) -> object:
    from app.io import export_persons

    return export_persons(env.store, env.tmp / f"persons-{actor.role}.xlsx", actor_id=actor.id)


def _export_cases(env: Env, actor: StaffInfo) -> object:
    from app.io import export_cases

    return export_cases(env.store, env.tmp / f"cases-{actor.role}.xlsx", actor_id=actor.id, catalog=env.catalog)


def _staff_add(env: Env, actor: StaffInfo) -> object:
    with env.store.session() as session:
        return create_staff(session, f"new-{actor.role}", "新同事", "admin", PASSWORD + "x", actor_id=actor.id)


def _staff_passwd(env: Env, actor: StaffInfo) -> object:
    other = "reviewer1" if actor.role != "reviewer" else "clerk1"
    with env.store.session() as session:
        change_password(session, other, PASSWORD + "y", actor_id=actor.id)
    return None


def _settings(env: Env, actor: StaffInfo) -> object:
    from app.settings import set_settings

    with env.store.session() as session:
        return set_settings(session, actor.id, {"server_url": "https://127.0.0.1:9/"})


def _codes(env: Env, actor: StaffInfo) -> object:
    from app.refdata.local_tables import set_local_code

    with env.store.session() as session:
        set_local_code(session, actor.id, "hardship_category", "90", "本县自定类别")
    return None


def _calendar(env: Env, actor: StaffInfo) -> object:
    from app.refdata.local_tables import set_calendar_override

    with env.store.session() as session:
        set_calendar_override(session, actor.id, date(2026, 12, 1), False, "停电")
    return None


def _restore(env: Env, actor: StaffInfo) -> object:
    """Restoring is not a staff action at all: only ``fuwutai restore`` (IT, on the workstation, with the
    key) does it, and no function reachable from the app takes a staff actor to do it. Refused for
    everyone who is not the role, by construction; the UI test checks no page offers it."""
    import inspect

    from app.store import backup

    assert "actor" not in inspect.signature(backup.restore_file).parameters
    if actor.role not in PERMISSIONS["backup.restore"]:
        raise PermissionDenied("当前账号没有权限恢复备份，请由站点管理员在本机运行“fuwutai restore”。")
    return None


def _fraud(env: Env, actor: StaffInfo) -> object:
    from app.services_extra.fraud import flag_fraud

    with env.store.session() as session:
        return flag_fraud(session, actor, env.person_id, next(iter(_fraud_kinds())), "骗取失业保险金，金额核实中。")


def _recognize(env: Env, actor: StaffInfo) -> object:
    """就业困难人员认定 recorded directly from the profile (a clerk goes through the reviewed case)."""
    from app.services.assistance import recognize
    from app.services.assistance_model import RecognitionInput

    data = RecognitionInput(("01",), "info_check", "经社保信息核查属实")
    with env.store.session() as session:
        return recognize(session, actor, env.person_id, data, catalog=env.catalog, today=DAY)


def _fraud_kinds() -> list[str]:
    from app.services_extra.fraud import KINDS

    return list(KINDS)


PROBES: dict[str, list[Probe]] = {
    "person.view": [_view],
    "person.edit": [],  # filled below from app.services.assistance
    "person.import": [_import],
    "export": [_export_persons, _export_cases],
    "case.create": [_create],
    "case.edit_draft": [_edit_draft],
    "staff.manage": [_staff_add, _staff_passwd],
    "settings.manage": [_settings],
    "backup.restore": [_restore],
    "codes.edit": [_codes, _calendar],
    "hardship.recognize": [_recognize],
}
for _action in TRANSITIONS:
    PROBES[f"case.{_action}"] = [_case_probe(_action)]

# Outside PERMISSIONS: the fraud (失信) register is the reviewer's alone (app.services_extra.fraud).
EXTRA: dict[str, tuple[frozenset[Role], list[Probe]]] = {
    "fraud.flag": (frozenset({Role.REVIEWER}), [_fraud]),
}


def _person_edit_probe(env: Env, actor: StaffInfo) -> object:
    from app.persons import PersonInput, update_person

    # person.edit is open to every role (no refusal pair): this is the allowed-role control only.
    with env.store.session() as session:
        return update_person(
            session,
            actor.id,
            env.person_id,
            PersonInput(name="杨某某", doc_type="resident_id", doc_number=_DOC["number"]),
        )


PROBES["person.edit"] = [_person_edit_probe]


def _table() -> list[tuple[str, str, bool, int]]:
    rows = []
    allowed_sets: dict[str, frozenset[Role]] = dict(PERMISSIONS)
    allowed_sets.update({k: v[0] for k, v in EXTRA.items()})
    probes = PROBES | {k: v[1] for k, v in EXTRA.items()}
    for action in sorted(allowed_sets):
        for role in Role:
            for i in range(len(probes.get(action, []))):
                rows.append((action, role.value, role in allowed_sets[action], i))
    return rows


TABLE = _table()
DENIED = [(a, r, i) for a, r, ok, i in TABLE if not ok]
ALLOWED = [(a, r, i) for a, r, ok, i in TABLE if ok]

_DOC = {"number": ""}


@pytest.fixture(scope="module")
def catalog() -> Any:
    from app.catalog import load_bundled_catalog

    return load_bundled_catalog()


@pytest.fixture(scope="module")
def calendar() -> Any:
    from app.calendar import default_calendar

    return default_calendar()


@pytest.fixture
def env(tmp_path: Path, catalog: Any, calendar: Any) -> Iterator[Env]:
    from app.persons import PersonInput, create_person
    from app.validation import synthetic_resident_id
    from app.workflow import create_case

    store = create_store(DataDir(tmp_path / "data"), "520102001", "测试街道就业服务站")
    number = synthetic_resident_id(random.Random(8), region="520102", birth=date(1974, 3, 9), gender="2")
    with store.session() as session:
        staff = {r.value: create_staff(session, f"{r.value}1", f"测试{r.value}", r.value, PASSWORD) for r in Role}
        pid, _ = create_person(session, None, PersonInput(name="杨某某", doc_type="resident_id", doc_number=number))
        _DOC["number"] = number
        cases: dict[State, str] = {}
        for state in State:
            cid = create_case(session, staff["clerk"], catalog.get("hardship_recognition"), pid, {}, today=DAY)
            cases[state] = cid
        session.flush()
        for state, cid in cases.items():
            case = session.get(Case, cid)
            assert case is not None
            case.state = state.value
            if state not in {State.DRAFT, State.RECEIVED_ONLINE}:
                case.accepted_on = DAY
                case.due_on = date(2026, 10, 20)
    yield Env(store, tmp_path, staff, pid, cases, catalog, calendar)
    store.close()


def _probe(action: str, index: int) -> Probe:
    return (PROBES | {k: v[1] for k, v in EXTRA.items()})[action][index]


def test_every_action_has_a_probe() -> None:
    workflow = {f"case.{a}" for a in TRANSITIONS}
    assert workflow <= set(PERMISSIONS), "a workflow transition has no PERMISSIONS entry"
    missing = [a for a in PERMISSIONS if not PROBES.get(a)]
    assert not missing, f"actions without a refusal probe: {missing}"
    # Every action that some role may not take yields at least one refusal case in the table.
    for action, roles in PERMISSIONS.items():
        if set(Role) - roles:
            assert any(a == action for a, _r, _i in DENIED), action


@pytest.mark.parametrize(("action", "role", "index"), DENIED, ids=[f"{a}-{r}-{i}" for a, r, i in DENIED])
def test_refused_in_core_and_nothing_written(env: Env, action: str, role: str, index: int) -> None:
    before = _snapshot(env.store)
    files_before = sorted(p.name for p in env.tmp.rglob("*") if p.is_file() and "data" not in p.parts)
    with pytest.raises(PermissionDenied) as caught:
        _probe(action, index)(env, env.staff[role])
    message = str(caught.value)
    assert re.search(r"[\u4e00-\u9fff]{4,}", message) and "请" in message, message  # Chinese, says what to do
    assert _snapshot(env.store) == before, f"{action} refused to {role} but the store changed"
    files_after = sorted(p.name for p in env.tmp.rglob("*") if p.is_file() and "data" not in p.parts)
    new_files = set(files_after) - set(files_before)
    assert not {f for f in new_files if f.endswith(".xlsx")}, new_files


@pytest.mark.parametrize(("action", "role", "index"), ALLOWED, ids=[f"{a}-{r}-{i}" for a, r, i in ALLOWED])
def test_allowed_roles_pass_the_gate(env: Env, action: str, role: str, index: int) -> None:
    """Control: the same probe as an allowed role is not refused for its role (it may still fail on
    the case's content, e.g. an empty form cannot be accepted — that is not a permission matter)."""
    from app.errors import UserError
    from app.workflow import WorkflowError

    try:
        _probe(action, index)(env, env.staff[role])
    except PermissionDenied as exc:  # pragma: no cover - the failure we look for
        pytest.fail(f"{role} may {action} but was refused: {exc}")
    except (UserError, WorkflowError):
        pass


def test_figures() -> None:
    """The numbers quoted in docs/reliability.md."""
    pairs = {(a, r) for a, r, _ok, _i in TABLE}
    denied_pairs = {(a, r) for a, r, _i in DENIED}
    assert len(PERMISSIONS) == 21 and len(TRANSITIONS) == 10
    assert (len(pairs), len(denied_pairs), len(DENIED), len(ALLOWED)) == (66, 17, 22, 53)


def test_console_actor_is_not_role_bound(env: Env) -> None:
    """The command line (actor "cli", no staff row) is IT on the workstation with the key: not refused."""
    with env.store.session() as session:
        info = create_staff(session, "by-cli", "命令行添加", "clerk", PASSWORD, actor_id="cli")
        assert session.scalar(select(Staff.username).where(Staff.id == info.id)) == "by-cli"
