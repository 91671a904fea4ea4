"""满意度评价: shown to the person after a case is completed; three large buttons, an optional comment,
skippable. The answer is stored and synced (a skip stores nothing)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.context import AppContext
from ui.operations import Operation
from ui.pages.services_dialogs import actor_of


class SatisfactionDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None, case_id: str) -> None:
        super().__init__(parent)
        from app.services_extra.satisfaction import RATINGS

        self.ctx, self.case_id = ctx, case_id
        self.saved_rating: str | None = None
        self.setObjectName("satisfactionDialog")
        self.setWindowTitle(self.tr("服务评价"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        question = QLabel(self.tr("您对本次服务满意吗？请点击下面的按钮评价。"))
        question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        question.setStyleSheet("font-size: 20px; padding: 12px;")
        layout.addWidget(question)
        row = QHBoxLayout()
        colours = {"satisfied": "#2e7d32", "basic": "#1565c0", "unsatisfied": "#c62828"}
        self.buttons: dict[str, QPushButton] = {}
        for code, label in RATINGS.items():
            button = QPushButton(self.tr(label))
            button.setObjectName(f"rate-{code}")
            button.setMinimumSize(170, 90)
            button.setStyleSheet(
                f"font-size: 24px; font-weight: bold; color: white; background: {colours[code]}; border-radius: 8px;"
            )
            button.clicked.connect(lambda _c=False, r=code: self.rate(r))
            row.addWidget(button)
            self.buttons[code] = button
        layout.addLayout(row)
        self.comment = QLineEdit()
        self.comment.setObjectName("rateComment")
        self.comment.setPlaceholderText(self.tr("意见或建议（可不填）"))
        self.comment.setStyleSheet("font-size: 16px; padding: 6px;")
        layout.addWidget(self.comment)
        self.message = QLabel("")
        self.message.setObjectName("rateMessage")
        layout.addWidget(self.message)
        skip = QPushButton(self.tr("跳过"))
        skip.setObjectName("rateSkip")
        skip.clicked.connect(self.reject)
        layout.addWidget(skip, 0, Qt.AlignmentFlag.AlignRight)

    def rate(self, rating: str) -> None:
        ctx, case_id, comment = self.ctx, self.case_id, self.comment.text()

        def job() -> str:
            from app.services_extra import satisfaction

            with ctx.store.session() as session:
                return satisfaction.rate(session, actor_of(ctx), case_id, rating, comment)

        def done(_id: str) -> None:
            self.saved_rating = rating
            self.accept()

        def failed(error: BaseException) -> None:
            from ui.errors import user_message

            self.message.setText(user_message(error))

        Operation(ctx, self, job, self.tr("正在保存评价……")).success(done).failure(failed).run()


def ask_satisfaction(ctx: AppContext, parent: QWidget, case_id: str) -> SatisfactionDialog:
    dialog = SatisfactionDialog(ctx, parent, case_id)
    dialog.open()
    return dialog
