"""A damaged store at start: what is damaged, which backup would be restored and what would be lost."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from app.store.recovery import DamageReport


class RecoveryDialog(QDialog):
    """Shows a :class:`DamageReport`; accepted means 恢复最近的自动备份, rejected means 退出."""

    def __init__(self, report: DamageReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setObjectName("recoveryDialog")
        self.setWindowTitle(self.tr("本站数据库已损坏"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "打开本站数据时发现数据库文件已损坏。可以用最近一次通过校验的自动备份替换它；"
                "损坏的文件会保留在数据文件夹中，不会删除，以便信息技术人员进一步处理。"
            )
            if report.backup is not None
            else self.tr(
                "打开本站数据时发现数据库文件已损坏，且没有通过校验的自动备份。"
                "请不要删除数据文件夹，联系县级信息技术人员从省级平台恢复本站数据。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.details = QPlainTextEdit("\n".join(report.summary()))
        self.details.setObjectName("damageReport")
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(200)
        layout.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.restore_button = QPushButton(self.tr("恢复最近的自动备份"))
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(report.backup is not None)
        self.restore_button.clicked.connect(self.accept)
        self.quit_button = QPushButton(self.tr("退出"))
        self.quit_button.setObjectName("quitButton")
        self.quit_button.clicked.connect(self.reject)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.quit_button)
        layout.addLayout(buttons)
        (self.restore_button if report.backup is not None else self.quit_button).setDefault(True)
