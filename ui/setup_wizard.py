"""First run: choose the station from the division list and create the first station admin."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)


class SetupWizard(QDialog):
    """Collects station code/name and the admin account; the caller creates the store off the GUI thread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("首次使用：站点设置"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("本机还没有服务台数据。请选择本站所在的乡镇（街道）或村（社区），并设置站点管理员账号。")
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.filter = QLineEdit()
        self.filter.setObjectName("divisionFilter")
        self.filter.setPlaceholderText(self.tr("输入乡镇、街道或村的名称查找，如“五里冲”"))
        layout.addWidget(self.filter)
        self.choices = QListWidget()
        self.choices.setObjectName("divisionChoices")
        layout.addWidget(self.choices, 1)
        form = QFormLayout()
        self.code = QLineEdit()
        self.code.setObjectName("stationCode")
        self.code.setReadOnly(True)
        self.name = QLineEdit()
        self.name.setObjectName("stationName")
        self.admin_user = QLineEdit("admin")
        self.admin_user.setObjectName("adminUser")
        self.admin_name = QLineEdit()
        self.admin_name.setObjectName("adminName")
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password2 = QLineEdit()
        self.password2.setObjectName("adminPassword2")
        self.password2.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("区划代码："), self.code)
        form.addRow(self.tr("站点名称："), self.name)
        form.addRow(self.tr("管理员用户名："), self.admin_user)
        form.addRow(self.tr("管理员姓名："), self.admin_name)
        form.addRow(self.tr("密码："), self.password)
        form.addRow(self.tr("再次输入密码："), self.password2)
        layout.addLayout(form)
        self.error = QLabel("")
        self.error.setObjectName("setupError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("完成设置"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("退出"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)
        self.choices.currentItemChanged.connect(self._chosen)

    def _filter(self, text: str) -> None:
        from app.refdata.divisions import load_bundled_divisions

        self.choices.clear()
        text = text.strip()
        if len(text) < 2:
            return
        index = load_bundled_divisions()
        for division in index.search(text, levels=("township", "village"), limit=50):
            item = QListWidgetItem(f"{index.full_name(division.code)}（{division.code}）")
            item.setData(Qt.ItemDataRole.UserRole, (division.code, division.name))
            self.choices.addItem(item)

    def _chosen(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        code, name = item.data(Qt.ItemDataRole.UserRole)
        self.code.setText(code)
        if not self.name.isModified():
            self.name.setText(f"{name}就业服务站")

    def _check(self) -> None:
        from app.auth.passwords import password_problem

        if not self.code.text():
            self.error.setText(self.tr("请先在列表中选择本站所在的乡镇（街道）或村（社区）。"))
        elif not self.name.text().strip():
            self.error.setText(self.tr("请填写站点名称。"))
        elif not self.admin_user.text().strip() or not self.admin_name.text().strip():
            self.error.setText(self.tr("请填写管理员用户名和姓名。"))
        elif self.password.text() != self.password2.text():
            self.error.setText(self.tr("两次输入的密码不一致，请重新输入。"))
        elif problem := password_problem(self.password.text()):
            self.error.setText(problem)
        else:
            self.accept()

    def values(self) -> dict[str, Any]:
        return {
            "code": self.code.text(),
            "name": self.name.text().strip(),
            "username": self.admin_user.text().strip(),
            "display_name": self.admin_name.text().strip(),
            "password": self.password.text(),
        }
