"""设置: station (and 代码表维护), staff accounts (admin only), platform, proxy, card reader, idle lock, font size."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation

FONT_LABELS = {
    "normal": QT_TRANSLATE_NOOP("SettingsPage", "标准"),
    "large": QT_TRANSLATE_NOOP("SettingsPage", "大字"),
    "larger": QT_TRANSLATE_NOOP("SettingsPage", "特大字"),
}
ROLE_CHOICES = (
    ("clerk", QT_TRANSLATE_NOOP("AddStaffDialog", "窗口经办")),
    ("reviewer", QT_TRANSLATE_NOOP("AddStaffDialog", "审核")),
    ("admin", QT_TRANSLATE_NOOP("AddStaffDialog", "站点管理员")),
)


class SettingsPage(QWidget):
    settingsChanged = Signal(dict)
    codesChanged = Signal(str)  # a code table was edited in 代码表维护 (table name)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        from app.auth import allowed

        self.is_admin = bool(ctx.user and allowed(ctx.user.role, "settings.manage"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("设置"))
        title.setObjectName("pageTitle")
        layout.addWidget(title)
        station = QGroupBox(self.tr("本站"))
        station_row = QHBoxLayout(station)
        station_form = QFormLayout()
        station_form.addRow(self.tr("站点名称："), QLabel(ctx.station_name))
        station_form.addRow(self.tr("区划代码："), QLabel(ctx.station_code))
        station_row.addLayout(station_form, 1)
        # 代码表维护 sits beside the station's name: the page must still fit a 1366×768 screen.
        from ui.pages.code_tables import can_edit_codes, disabled_reason

        self.code_tables_button = QPushButton(self.tr("代码表维护"))
        self.code_tables_button.setObjectName("codeTables")
        self.code_tables_button.setEnabled(can_edit_codes(ctx))
        self.code_tables_button.setToolTip(
            disabled_reason(ctx) or self.tr("补充、改名或停用重点产业、就业困难人员类别等本地代码表。")
        )
        self.code_tables_button.clicked.connect(self.open_code_tables)
        station_row.addWidget(self.code_tables_button, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(station)

        box = QGroupBox(self.tr("工作站与平台"))
        form = QFormLayout(box)
        self.idle = QSpinBox()
        self.idle.setObjectName("idleMinutes")
        self.idle.setRange(1, 120)
        self.idle.setSuffix(self.tr(" 分钟"))
        self.font = QComboBox()
        self.font.setObjectName("fontScale")
        for key, label in FONT_LABELS.items():
            self.font.addItem(self.tr(label), key)
        self.server = QLineEdit()
        self.server.setObjectName("serverUrl")
        self.server.setPlaceholderText("https://")
        self.proxy = QLineEdit()
        self.proxy.setObjectName("proxy")
        self.ca = QLineEdit()
        self.ca.setObjectName("caBundle")
        form.addRow(self.tr("无操作自动锁定："), self.idle)
        form.addRow(self.tr("字号："), self.font)
        form.addRow(self.tr("省级平台地址："), self.server)
        form.addRow(self.tr("代理服务器："), self.proxy)
        form.addRow(self.tr("CA 证书文件："), self.ca)
        self.message = QLabel("")
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        form.addRow("", self.message)
        # Everyone may save the workstation's comfort (idle lock, font size); the rest is the admin's.
        self.save_button = QPushButton(self.tr("保存设置"))
        self.save_button.setObjectName("saveSettings")
        form.addRow("", self.save_button)
        from ui.pages.reader_settings import ReaderSettingsBox

        self.reader = ReaderSettingsBox(ctx, self.is_admin)
        self.card, self.card_library = self.reader.backend, self.reader.library
        self.test_reader, self.reader_result = self.reader.test_reader, self.reader.result
        columns = QHBoxLayout()
        columns.addWidget(box, 1)
        columns.addWidget(self.reader, 1)
        layout.addLayout(columns)
        for widget in (self.server, self.proxy, self.ca):
            widget.setEnabled(self.is_admin)
        self.save_button.clicked.connect(self.save)

        staff_box = QGroupBox(self.tr("工作人员账号（仅站点管理员可管理）"))
        staff_layout = QVBoxLayout(staff_box)
        self.staff_list = QListWidget()
        self.staff_list.setObjectName("staffList")
        staff_layout.addWidget(self.staff_list)
        self.add_staff = QPushButton(self.tr("添加账号"))
        self.add_staff.setObjectName("addStaff")
        self.add_staff.setEnabled(self.is_admin)
        self.add_staff.clicked.connect(self._add_staff)
        staff_layout.addWidget(self.add_staff)
        layout.addWidget(staff_box)
        layout.addStretch(1)

    def open_code_tables(self) -> Any:
        from ui.pages.code_tables import CodeTablesDialog

        dialog = CodeTablesDialog(self.ctx, self)
        dialog.changed.connect(self.codesChanged.emit)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.code_tables_dialog = dialog
        dialog.open()
        return dialog

    def refresh(self) -> None:
        store = self.ctx.store

        def job() -> tuple[dict[str, Any], list[Any]]:
            from app.auth import list_staff
            from app.config.preset import current_preset, effective_settings

            with store.session() as session:
                # What is in force: the user's values, and IT's preset (fuwutai.toml) where it locks a key.
                return effective_settings(session, current_preset()), list_staff(session)

        Operation(self.ctx, self, job).success(self._show).run()

    def _show(self, result: tuple[dict[str, Any], list[Any]]) -> None:
        values, staff = result
        self.idle.setValue(int(values["idle_lock_minutes"]))
        self.font.setCurrentIndex(max(0, self.font.findData(values["font_scale"])))
        self.server.setText(values["server_url"])
        self.proxy.setText(values["proxy"])
        self.ca.setText(values["ca_bundle"])
        self.reader.show_values(values)
        self.locked = set(values.get("locked_settings", ()))
        for key, widget in self._setting_widgets().items():
            if key in self.locked:
                widget.setEnabled(False)
                widget.setToolTip(self.tr("此项由信息技术人员在预置配置文件（fuwutai.toml）中统一设置，不能在此修改。"))
        self.staff_list.clear()
        for member in staff:
            self.staff_list.addItem(f"{member.username}  {member.display_name}  {member.role_label}")

    def closeEvent(self, event: Any) -> None:
        self.reader.close_test()
        super().closeEvent(event)

    def _setting_widgets(self) -> dict[str, QWidget]:
        return {
            "server_url": self.server,
            "proxy": self.proxy,
            "ca_bundle": self.ca,
            **self.reader.setting_widgets(),
            "idle_lock_minutes": self.idle,
        }

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {"idle_lock_minutes": self.idle.value(), "font_scale": self.font.currentData()}
        if self.is_admin:
            values.update(
                server_url=self.server.text().strip(),
                proxy=self.proxy.text().strip(),
                ca_bundle=self.ca.text().strip(),
                **self.reader.values(),
            )
        # Locked keys are IT's to set: the page shows them but never writes them.
        return {key: value for key, value in values.items() if key not in getattr(self, "locked", set())}

    def save(self) -> None:
        changes, store, actor = self.values(), self.ctx.store, self.ctx.actor_id

        def job() -> dict[str, Any]:
            from app.config.preset import current_preset, effective_settings
            from app.settings import set_settings

            with store.session() as session:
                set_settings(session, actor, changes)
                return effective_settings(session, current_preset())

        def done(values: dict[str, Any]) -> None:
            self.message.setText(self.tr("设置已保存。"))
            self.settingsChanged.emit(values)

        def failed(error: BaseException) -> None:
            from ui.errors import user_message

            self.message.setText(user_message(error))

        Operation(self.ctx, self, job).success(done).failure(failed).run()

    def _add_staff(self) -> None:
        dialog = AddStaffDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        username, name, role, password = dialog.values()
        store, actor = self.ctx.store, self.ctx.user

        def job() -> Any:
            from app.auth import create_staff, require

            require(actor.role if actor else "", "staff.manage")
            with store.session() as session:
                return create_staff(session, username, name, role, password, actor_id=actor.id if actor else None)

        Operation(self.ctx, self, job).success(lambda _info: self.refresh()).run()


class AddStaffDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("添加工作人员账号"))
        form = QFormLayout(self)
        self.username, self.name, self.password = QLineEdit(), QLineEdit(), QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.role = QComboBox()
        for key, label in ROLE_CHOICES:
            self.role.addItem(self.tr(label), key)
        form.addRow(self.tr("用户名："), self.username)
        form.addRow(self.tr("姓名："), self.name)
        form.addRow(self.tr("角色："), self.role)
        form.addRow(self.tr("初始密码："), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str, str]:
        return self.username.text().strip(), self.name.text().strip(), self.role.currentData(), self.password.text()
