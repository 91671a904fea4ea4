"""When the card and the stored record disagree: both shown side by side; the clerk decides."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget


class CardDifferencesDialog(QDialog):
    useCard = Signal()

    def __init__(self, person: Any, record: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("卡上信息与系统记录不一致"))
        layout = QVBoxLayout(self)
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "请核对证件原件后选择以哪一方为准。选“以卡上信息为准”会把系统中的姓名改为卡上的姓名，并记入审计日志。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        for column, text in enumerate((self.tr("项目"), self.tr("卡上"), self.tr("系统中"))):
            header = QLabel(text)
            header.setStyleSheet("font-weight: bold;")
            grid.addWidget(header, 0, column)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        rows = [
            (self.tr("姓名"), record.name or "", person.name),
            (self.tr("社会保障号码"), record.ss_number or "", person.doc_number),
        ]
        for n, (label, on_card, stored) in enumerate(rows, start=1):
            grid.addWidget(QLabel(label), n, 0)
            card_label, stored_label = QLabel(on_card), QLabel(stored)
            if on_card != stored:
                for widget in (card_label, stored_label):
                    widget.setStyleSheet("color: #b00020; font-weight: bold;")
            grid.addWidget(card_label, n, 1)
            grid.addWidget(stored_label, n, 2)
        layout.addLayout(grid)
        layout.addSpacing(8)
        buttons = QDialogButtonBox()
        self.use_card = buttons.addButton(self.tr("以卡上信息为准"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep = buttons.addButton(self.tr("保留系统记录"), QDialogButtonBox.ButtonRole.RejectRole)
        self.use_card.setObjectName("useCard")
        buttons.accepted.connect(self._use_card)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _use_card(self) -> None:
        self.useCard.emit()
        self.accept()
