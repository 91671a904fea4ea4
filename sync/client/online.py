"""Province-wide services for the counter: 全省通办 (look a person up elsewhere) and 联网核查.

Qt-free and synchronous, like the rest of the client. Network calls and local writes are separate
functions so a desktop program can run the first on a network thread and the second on its DB
worker:

- :class:`OnlineServices` keeps one platform client and the staff member's platform session (in
  memory only) and makes the calls: :meth:`~OnlineServices.login`, :meth:`~OnlineServices.lookup`;
- :func:`audit_lookup` records a look-up in the local audit log (the platform audits its side);
- :func:`import_person` takes a person the platform returned into the local store;
- :func:`registration_check` turns a look-up answer into the 联网核查 outcome kept on a new case
  (:mod:`app.workflow.online_check`), and :func:`not_checked` the outcome when no check was possible.

Answers carry only what the platform's scope rules let one station learn about another's person
(no phone, no address). ID numbers are never logged nor put in audit details.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

from sqlalchemy.orm import Session

from app import audit
from app.persons import create_person, find_by_document
from app.persons.model import PersonInput
from app.store import Store
from app.workflow.online_check import CheckRecord
from sync.client.api import PlatformApi
from sync.client.credentials import OnlineSession, login_online, platform_api
from sync.client.errors import SyncError
from sync.protocol import SESSION_HEADER, Paths
from sync.protocol.online import PersonLookupRequest, PersonLookupResponse

Purpose = Literal["transfer", "verify"]

# Interactive calls: staff are waiting, so fail fast rather than retry for two minutes.
INTERACTIVE: dict[str, Any] = {
    "connect_timeout": 4.0,
    "read_timeout": 20.0,
    "max_attempts": 3,
    "retry_budget": 25.0,
    "probe_timeout": 4.0,
}
OFFLINE_MESSAGE = "当前无法连接省级平台，此功能需要联网。请检查网络后重试；本机的其他工作不受影响。"
NOT_ENROLLED_MESSAGE = "本机尚未接入省级平台，不能使用全省通办和联网核查。请联系县级信息技术人员接入本机。"


class SessionNeeded(SyncError):
    """The platform wants the staff member's online login (none yet, expired, or ended by the platform)."""

    def __init__(self) -> None:
        super().__init__(
            "需要用本人账号登录省级平台后才能查询。请输入密码登录（只需一次，退出程序前有效）。",
            kind="auth",
            code="session_required",
        )


@dataclass(frozen=True)
class LookupPerson:
    name: str
    doc_type: str
    doc_number: str
    gender: str | None
    birth_date: date | None
    employment_status: str | None
    station_code: str
    station_name: str

    @property
    def importable(self) -> bool:
        """Whether the answer holds enough to create a local person (name and a document)."""
        return bool(self.name.strip() and self.doc_type and self.doc_number)


@dataclass(frozen=True)
class LookupRegistration:
    station_code: str
    station_name: str
    item_code: str
    state: str
    accepted_on: date | None


@dataclass(frozen=True)
class LookupResult:
    purpose: Purpose
    found: bool
    persons: tuple[LookupPerson, ...]
    registrations: tuple[LookupRegistration, ...]
    message: str  # the platform's Chinese sentence


@dataclass(frozen=True)
class RegistrationCheck:
    record: CheckRecord
    same_item_elsewhere: tuple[LookupRegistration, ...]
    other: tuple[LookupRegistration, ...]


class OnlineServices:
    """One workstation's province-wide services for the logged-in staff member.

    Thread-safe for one caller at a time per method (a lock guards the session token). Keep one per
    program run; :meth:`close` at exit. The session token lives only in memory.
    """

    def __init__(
        self,
        store: Store,
        *,
        tuning: dict[str, Any] | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.store = store
        self._tuning = dict(INTERACTIVE if tuning is None else tuning)
        self._cancel = cancel
        self._api: PlatformApi | None = None
        self._session: OnlineSession | None = None
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ session

    def has_session(self, username: str | None = None) -> bool:
        with self._lock:
            current = self._session
        if current is None or (username is not None and current.username != username):
            return False
        expires = current.expires_at if current.expires_at.tzinfo else current.expires_at.replace(tzinfo=UTC)
        return expires > datetime.now(UTC)

    def use_session(self, session: OnlineSession | None) -> None:
        """Adopt a platform session obtained elsewhere (e.g. by the login screen), or forget it with None."""
        with self._lock:
            self._session = session

    def login(self, username: str, password: str) -> OnlineSession:
        """Log the staff member in on the platform (network and a short local write: the online-login record)."""
        api = self._ready()
        session = login_online(self.store, api, username, password)
        self.use_session(session)
        return session

    def logout(self) -> None:
        with self._lock:
            current, self._session = self._session, None
        if current is not None and self._api is not None:
            with contextlib.suppress(SyncError):  # the session expires on its own on the platform anyway
                self._api.logout(current.token)

    def close(self) -> None:
        if self._api is not None:
            self._api.close()
            self._api = None

    # ------------------------------------------------------------------ calls

    def lookup(self, doc_number: str, purpose: Purpose = "verify", *, username: str | None = None) -> LookupResult:
        """``POST /v1/persons/lookup``: network only, nothing local. Raises SyncError (offline, config) or
        SessionNeeded."""
        if not self.has_session(username):
            raise SessionNeeded()
        api = self._ready()
        with self._lock:
            assert self._session is not None
            token = self._session.token
        request = PersonLookupRequest(doc_number=doc_number.strip().upper(), purpose=purpose)
        try:
            answer: PersonLookupResponse = api._call(  # the api module's one request path (headers, checks)
                "POST", Paths.PERSON_LOOKUP, PersonLookupResponse, body=request, headers={SESSION_HEADER: token}
            )
        except SyncError as exc:
            if exc.code == "session_required":
                self.use_session(None)
                raise SessionNeeded() from exc
            raise
        return LookupResult(
            purpose=purpose,
            found=answer.found,
            persons=tuple(
                LookupPerson(
                    p.name,
                    p.doc_type,
                    p.doc_number,
                    p.gender,
                    p.birth_date,
                    p.employment_status,
                    p.station_code,
                    p.station_name,
                )
                for p in answer.persons
            ),
            registrations=tuple(
                LookupRegistration(r.station_code, r.station_name, r.item_code, r.state, r.accepted_on)
                for r in answer.registrations
            ),
            message=answer.message,
        )

    def _ready(self) -> PlatformApi:
        """The platform client, after one quick probe: offline answers at once with a clear sentence."""
        if self._api is None:
            try:
                self._api = platform_api(self.store, cancel=self._cancel, tuning=self._tuning)
            except SyncError as exc:
                if exc.kind == "config":
                    raise SyncError(NOT_ENROLLED_MESSAGE + f"（{exc}）", kind="config") from exc
                raise
        if not self._api.transport.reachable(force=True):
            raise SyncError(OFFLINE_MESSAGE, kind="offline")
        return self._api


# ---------------------------------------------------------------------- local side


def audit_lookup(session: Session, actor_id: str | None, result: LookupResult) -> None:
    """The local audit entry of a look-up (the ID number is not written; the platform keeps a hash)."""
    audit.record(
        session,
        actor_id,
        "person.lookup_province",
        "person",
        None,
        {
            "purpose": result.purpose,
            "found": len(result.persons),
            "stations": sorted({p.station_code for p in result.persons}),
        },
    )


def import_person(session: Session, actor_id: str | None, person: LookupPerson) -> str:
    """Create a local person from the platform's answer (全省通办); returns the local id.

    Only what the platform gave is copied (name, document, gender, birth date, employment status);
    phone and addresses are asked from the person at the counter. An existing local person with the
    document is returned as is.
    """
    if not person.importable:
        raise SyncError("省级平台返回的信息不足以在本站建档，请按常规方式新建人员。", kind="refused")
    existing = find_by_document(session, person.doc_number)
    if existing:
        return existing
    person_id, _warnings = create_person(
        session,
        actor_id,
        PersonInput(
            name=person.name,
            doc_type=person.doc_type,
            doc_number=person.doc_number,
            gender=person.gender,
            birth_date=person.birth_date,
            note=f"全省通办：资料取自省级平台（{person.station_name}）",
        ),
    )
    if person.employment_status:
        from app.persons import set_employment_status

        set_employment_status(session, actor_id, person_id, person.employment_status)
    audit.record(
        session, actor_id, "person.import_province", "person", person_id, {"from_station": person.station_code}
    )
    return person_id


def registration_check(result: LookupResult, item_code: str, own_station: str) -> RegistrationCheck:
    """联网核查 outcome: "found" when another station holds a live registration of the same item."""
    elsewhere = [r for r in result.registrations if r.station_code != own_station]
    same = tuple(r for r in elsewhere if r.item_code == item_code)
    other = tuple(r for r in elsewhere if r.item_code != item_code)
    if same:
        stations = "、".join(sorted({r.station_name for r in same}))
        record = CheckRecord("found", f"{stations}已有同类登记 {len(same)} 条，请核实后再受理")
    else:
        note = f"其他站点有其他事项 {len(other)} 条" if other else ""
        record = CheckRecord("clear", note)
    return RegistrationCheck(record, same, other)


def not_checked(reason: str = "") -> CheckRecord:
    """The outcome recorded when no check was possible (offline, not enrolled, no platform login)."""
    return CheckRecord("not_checked", reason)
