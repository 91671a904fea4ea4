"""工作台 lists of 就业援助: 认定即将到期 and 援助计划进行中.

A bar of two buttons with their counts (refreshed whenever the 工作台 shows); each opens its list, and a
line of the list opens that person's 就业失业登记与就业援助 panel.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation

LISTS: tuple[tuple[str, str], ...] = (
    ("expiring", str(QT_TRANSLATE_NOOP("AssistanceListsBar", "认定即将到期"))),
    ("plans", str(QT_TRANSLATE_NOOP("AssistanceListsBar", "援助计划进行中"))),
)


def _lists_job(ctx: AppContext) -> Any:
    from app.clock import today
    from app.services.assistance import expiring_recognitions, open_plans

    with ctx.store.session() as session:
        day = today()
        return {"expiring": expiring_recognitions(session, day), "plans": open_plans(session, day)}


class AssistanceListsBar(QWidget):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setObjectName("assistanceLists")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("就业援助：")))
        self.buttons: dict[str, QPushButton] = {}
        self.lines: dict[str, list[Any]] = {key: [] for key, _ in LISTS}
        for key, title in LISTS:
            button = QPushButton(self.tr(title))
            button.setObjectName(f"assist-{key}")
            button.clicked.connect(lambda _c=False, k=key: self.open_list(k))
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        if self.ctx.user is None:
            return
        ctx = self.ctx
        Operation(ctx, self, lambda: _lists_job(ctx), self.tr("正在读取就业援助名单……")).success(self._show).run()

    def _show(self, lines: dict[str, list[Any]]) -> None:
        self.lines = lines
        for key, title in LISTS:
            self.buttons[key].setText(f"{self.tr(title)}（{len(lines[key])}）")

    def open_list(self, key: str) -> QDialog:
        title = dict(LISTS)[key]
        dialog = AssistanceListDialog(self.ctx, self, self.tr(title), self.lines.get(key, []))
        dialog.setObjectName(f"assistList-{key}")
        dialog.open()
        self.dialog = dialog
        return dialog


class AssistanceListDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None, title: str, lines: list[Any]) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.resize(760, 460)
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("双击或回车打开该人员的就业援助信息。"))
        layout.addWidget(hint)
        self.view = QListWidget()
        self.view.setObjectName("assistListView")
        self.view.setWordWrap(True)
        for line in lines:
            item = QListWidgetItem(f"{line.title}\n{line.detail}")
            item.setData(Qt.ItemDataRole.UserRole, line.person_id)
            self.view.addItem(item)
        if not lines:
            empty = QListWidgetItem(self.tr("（无）"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.view.addItem(empty)
        self.view.itemActivated.connect(self.open_person)
        layout.addWidget(self.view, 1)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.reject)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)

    def open_person(self, item: QListWidgetItem) -> QDialog | None:
        person_id = item.data(Qt.ItemDataRole.UserRole)
        if not person_id:
            return None
        from ui.pages.profile_assistance import AssistancePanel

        dialog = QDialog(self)
        dialog.setObjectName("assistPersonDialog")
        dialog.setWindowTitle(self.tr("就业失业登记与就业援助"))
        dialog.resize(1000, 520)
        layout = QVBoxLayout(dialog)
        panel = AssistancePanel(self.ctx)
        panel.audit_view = True
        layout.addWidget(panel)
        panel.load(person_id)
        dialog.open()
        self.person_dialog = dialog
        self.panel = panel
        return dialog
