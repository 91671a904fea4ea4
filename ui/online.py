"""Province-wide services in the desktop program: a network thread, the platform login prompt, messages.

Platform calls (``sync.client.online``) can take seconds when the network is slow, so they never
run on the DB worker: they run on one network thread of their own and come back on the GUI thread
through a queued signal, like DB jobs. Local writes that follow (audit, taking a person into the
store) go to the DB worker as usual.

The staff member's platform session is kept in memory by one :class:`OnlineServices` per store.
The login screen logs in online when it can and hands its session over; after an offline login the
first province-wide call of a run asks for the password once (:class:`PlatformLoginDialog`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.db_worker import BackgroundWorker
from ui.operations import BUSY

if TYPE_CHECKING:
    from sync.client.online import OnlineServices

log = logging.getLogger(__name__)


class NetworkWorker(BackgroundWorker):
    """One thread for platform calls; results and errors are delivered on the GUI thread."""

    thread_name = "fuwutai-net"

    def log_failure(self, error: BaseException) -> None:
        log.info("platform call failed: %s", type(error).__name__)

    def run(  # type: ignore[override]
        self,
        job: Callable[[], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        label: str = "",
    ) -> None:
        stop = BUSY.start(label or "正在连接省级平台……")

        def ok(result: Any) -> None:
            stop()
            on_success(result)

        def failed(error: BaseException) -> None:
            stop()
            on_failure(error)

        super().run(job, ok, failed)

    def shutdown(self) -> None:
        self._closed = True
        self._executor.shutdown(wait=False, cancel_futures=True)


_WORKER: NetworkWorker | None = None
_SERVICES: dict[str, OnlineServices] = {}


def network() -> NetworkWorker:
    global _WORKER  # noqa: PLW0603 - one network thread per program run
    if _WORKER is None:
        _WORKER = NetworkWorker()
    return _WORKER


def services_for(ctx: AppContext) -> OnlineServices:
    """The store's province-wide services (one per store and run; the platform session lives in it)."""
    from sync.client.online import OnlineServices

    key = ctx.store.store_id
    found = _SERVICES.get(key)
    if found is None or found.store is not ctx.store:
        found = _SERVICES[key] = OnlineServices(ctx.store)
    return found


def set_services(ctx: AppContext, services: OnlineServices) -> None:
    """Use these services for the store (tests pass short timeouts; a login screen may pass its session)."""
    _SERVICES[ctx.store.store_id] = services


def message(error: BaseException) -> str:
    """The Chinese sentence for a failed platform call."""
    from sync.client.errors import SyncError
    from ui.errors import user_message

    if isinstance(error, SyncError):
        return str(error)
    return user_message(error)


def needs_login(error: BaseException) -> bool:
    from sync.client.online import SessionNeeded

    return isinstance(error, SessionNeeded)


class PlatformLoginDialog(QDialog):
    """Asks the logged-in staff member's password once to open a platform session."""

    loggedIn = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, reason: str = "") -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("platformLogin")
        self.setWindowTitle(self.tr("登录省级平台"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            reason or self.tr("全省通办和联网核查需要用本人账号登录省级平台。请输入密码（本次运行只需输入一次）。")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.username = QLineEdit(ctx.user.username if ctx.user else "")
        self.username.setReadOnly(True)
        self.password = QLineEdit()
        self.password.setObjectName("platformPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        layout.addLayout(form)
        self.error = QLabel("")
        self.error.setObjectName("platformLoginError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.button = QPushButton(self.tr("登录"))
        self.button.setObjectName("platformLoginButton")
        self.button.setDefault(True)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.setMinimumWidth(380)

    def submit(self) -> None:
        username, password = self.username.text(), self.password.text()
        if not password:
            self.error.setText(self.tr("请输入密码。"))
            return
        self.button.setEnabled(False)
        services = services_for(self.ctx)

        def done(_session: Any) -> None:
            self.button.setEnabled(True)
            self.password.clear()
            self.loggedIn.emit()
            self.accept()

        def failed(error: BaseException) -> None:
            self.button.setEnabled(True)
            self.password.clear()
            self.error.setText(message(error))

        network().run(lambda: services.login(username, password), done, failed, self.tr("正在登录省级平台……"))


def with_platform_session(ctx: AppContext, parent: QWidget, then: Callable[[], None]) -> None:
    """Run ``then`` once the staff member has a platform session (asking the password if needed)."""
    username = ctx.user.username if ctx.user else None
    if username and services_for(ctx).has_session(username):
        then()
        return
    dialog = PlatformLoginDialog(ctx, parent)
    dialog.loggedIn.connect(then)
    dialog.open()
