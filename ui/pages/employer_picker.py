"""Pick a registered employer (单位与岗位) by part of its name or its 统一社会信用代码.

Typing searches on the DB worker after a short pause (stale answers are dropped); choosing a result
(click, double-click or Enter) fills ``employer_id``. 清除 forgets the choice, so the form can name an
enterprise that is not registered here instead.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext

DEBOUNCE_MS = 250


class EmployerPicker(QWidget):
    chosen = Signal(object)  # the EmployerChoice picked, or None when cleared

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.employer_id: str | None = None
        self.choice: Any = None
        self._asked = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("employerPickerSearch")
        self.search.setPlaceholderText(self.tr("输入单位名称或统一社会信用代码，查找已登记的用人单位"))
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 1)
        self.clear_button = QPushButton(self.tr("清除"))
        self.clear_button.setObjectName("employerPickerClear")
        self.clear_button.setEnabled(False)
        self.clear_button.setAutoDefault(False)
        row.addWidget(self.clear_button)
        layout.addLayout(row)
        self.results = QListWidget()
        self.results.setObjectName("employerPickerResults")
        self.results.setMaximumHeight(84)
        self.results.hide()
        layout.addWidget(self.results)
        self.state = QLabel(self.tr("未选择已登记单位：可在下面填写未登记企业的名称。"))
        self.state.setObjectName("employerPickerState")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textEdited.connect(lambda _t: self._timer.start())
        self.search.installEventFilter(self)  # Enter searches or picks; it must not press the dialog's buttons
        self.results.itemClicked.connect(self.pick)
        self.results.itemActivated.connect(self.pick)
        self.clear_button.clicked.connect(self.clear)

    def run_search(self) -> None:
        self._timer.stop()
        text, store = self.search.text(), self.ctx.store
        self._asked += 1
        asked = self._asked

        def job() -> Any:
            from app.services_extra.layoffs import find_employers

            with store.session() as session:
                return find_employers(session, text)

        def show(found: Any) -> None:
            if asked == self._asked:  # a newer search is on its way: this answer is stale
                self._show(text, found)

        self.ctx.submit(job, show, lambda _e: None)

    def _show(self, text: str, found: list[Any]) -> None:
        self.results.clear()
        for choice in found:
            item = QListWidgetItem(f"{choice.name}  {choice.uscc or self.tr('（无统一社会信用代码）')}")
            item.setData(Qt.ItemDataRole.UserRole, choice)
            self.results.addItem(item)
        if text.strip() and not found:
            self.results.addItem(self.tr("没有找到已登记的单位：请换个关键字，或在下面按未登记企业填写。"))
        self.results.setVisible(bool(text.strip()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._enter()
            return True
        return super().eventFilter(watched, event)

    def _enter(self) -> None:
        if self._timer.isActive() or self.results.count() == 0:
            self.run_search()
        else:
            self.pick(self.results.currentItem() or self.results.item(0))

    def pick(self, item: QListWidgetItem | None) -> None:
        choice = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if choice is None:
            return
        self.set_choice(choice)

    def set_choice(self, choice: Any) -> None:
        self.choice, self.employer_id = choice, choice.id
        self.state.setText(
            self.tr("已选已登记单位：{0}（{1}）").replace("{0}", choice.name).replace("{1}", choice.uscc or "—")
        )
        self.results.hide()
        self.clear_button.setEnabled(True)
        self.chosen.emit(choice)

    def clear(self) -> None:
        self.choice, self.employer_id = None, None
        self.search.clear()
        self.results.clear()
        self.results.hide()
        self.clear_button.setEnabled(False)
        self.state.setText(self.tr("未选择已登记单位：可在下面填写未登记企业的名称。"))
        self.chosen.emit(None)
