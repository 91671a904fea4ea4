"""Staff login: online first on an enrolled workstation, offline for staff who logged in here before.

The idle-lock unlock is always local (the same person). See ``sync.client.credentials.workstation_login``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.errors import user_message
from ui.operations import Operation


class LoginForm(QWidget):
    """Username + password; emits ``loggedIn(StaffInfo)``. ``fixed_user`` is used to unlock."""

    loggedIn = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, fixed_user: str | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.title = QLabel(ctx.station_name)
        self.title.setObjectName("loginTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        form = QFormLayout()
        self.username = QLineEdit(fixed_user or "")
        self.username.setObjectName("username")
        self.username.setReadOnly(fixed_user is not None)
        self.fixed_user = fixed_user
        self._online_session: object | None = None
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("用户名"), self.username)
        form.addRow(self.tr("密码"), self.password)
        layout.addLayout(form)
        self.error = QLabel("")
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.button = QPushButton(self.tr("解锁") if fixed_user else self.tr("登录"))
        self.button.setDefault(True)
        self.button.setObjectName("loginButton")
        layout.addWidget(self.button)
        layout.addStretch(1)
        self.button.clicked.connect(self.submit)
        self.password.returnPressed.connect(self.submit)
        self.username.returnPressed.connect(self.password.setFocus)
        (self.password if fixed_user else self.username).setFocus()

    def submit(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.setText(self.tr("请输入用户名和密码。"))
            return
        self.button.setEnabled(False)
        self.error.setText("")
        store, unlocking = self.ctx.store, self.fixed_user is not None

        def job() -> object:
            from app.auth import authenticate

            if unlocking:  # unlocking the idle lock is local: the same person, no platform round trip
                with store.session() as session:
                    return authenticate(session, username, password)
            from sync.client.card_services import store_api_factory
            from sync.client.credentials import workstation_login

            staff, online = workstation_login(store, username, password, store_api_factory(store))
            self._online_session = online
            return staff

        def failed(error: BaseException) -> None:
            self.button.setEnabled(True)
            self.password.clear()
            self.password.setFocus()
            self.error.setText(user_message(error))

        def done(staff: object) -> None:
            self.button.setEnabled(True)
            self.password.clear()
            online = getattr(self, "_online_session", None)
            if online is not None:
                # Province-wide look-ups use this session instead of asking for the password again.
                from ui.online import services_for

                services_for(self.ctx).use_session(online)
            self.loggedIn.emit(staff)

        Operation(self.ctx, self, job, self.tr("正在登录……")).success(done).failure(failed).run()


class LoginDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("基层就业服务台 — 登录"))
        self.staff: object | None = None
        layout = QVBoxLayout(self)
        self.form = LoginForm(ctx, self)
        layout.addWidget(self.form)
        self.form.loggedIn.connect(self._accept)
        self.setMinimumWidth(380)
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)

    def _accept(self, staff: object) -> None:
        self.staff = staff
        self.accept()
