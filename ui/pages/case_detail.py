"""One case: header, deadline countdown in working days, timeline, and the actions the user's role allows."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation

# Workflow action labels come from app.workflow; listed here so the translation catalogue has them.
ACTION_LABELS = (
    QT_TRANSLATE_NOOP("CaseDetailPanel", "提交审核"),
    QT_TRANSLATE_NOOP("CaseDetailPanel", "转入核验"),
    QT_TRANSLATE_NOOP("CaseDetailPanel", "审核通过"),
    QT_TRANSLATE_NOOP("CaseDetailPanel", "不予办理"),
    QT_TRANSLATE_NOOP("CaseDetailPanel", "退回修改"),
    QT_TRANSLATE_NOOP("CaseDetailPanel", "办结"),
    QT_TRANSLATE_NOOP("CaseDetailPanel", "撤回"),
    QT_TRANSLATE_NOOP("CaseDetailPanel", "注销"),
)
EVENT_LABELS = {
    "accept": "受理",
    "request_review": "提交审核",
    "start_verification": "转入核验",
    "approve": "审核通过",
    "reject": "不予办理",
    "return": "退回修改",
    "complete": "办结",
    "withdraw": "撤回",
    "cancel": "注销",
}


class CaseDetailPanel(QWidget):
    changed = Signal(str)
    editDraft = Signal(str)
    printRequested = Signal(str, str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.case_id: str | None = None
        self.detail: Any = None
        layout = QVBoxLayout(self)
        self.header = QLabel(self.tr("在左侧选择一件办件。"))
        self.header.setObjectName("caseHeader")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.countdown = QLabel("")
        self.countdown.setObjectName("caseCountdown")
        layout.addWidget(self.countdown)
        self.action_row = QHBoxLayout()
        layout.addLayout(self.action_row)
        print_row = QHBoxLayout()
        self.print_buttons: dict[str, QPushButton] = {}
        for template, label in (
            ("receipt", QT_TRANSLATE_NOOP("CaseDetailPanel", "打印受理回执")),
            ("commitment", QT_TRANSLATE_NOOP("CaseDetailPanel", "打印承诺书")),
            ("form", QT_TRANSLATE_NOOP("CaseDetailPanel", "打印登记表")),
        ):
            button = QPushButton(self.tr(label))
            button.setObjectName(f"print-{template}")
            button.clicked.connect(lambda _c=False, t=template: self._print(t))
            button.setEnabled(False)
            print_row.addWidget(button)
            self.print_buttons[template] = button
        layout.addLayout(print_row)
        self.print_buttons["receipt"].setToolTip(self.tr("打印受理回执（Ctrl+P）"))
        QShortcut(QKeySequence("Ctrl+P"), self, activated=lambda: self._print_if_enabled("receipt"))
        box = QGroupBox(self.tr("办理过程"))
        inner = QVBoxLayout(box)
        self.timeline = QListWidget()
        self.timeline.setObjectName("caseTimeline")
        inner.addWidget(self.timeline)
        layout.addWidget(box, 1)

    def load(self, case_id: str) -> None:
        store, actor, catalog = self.ctx.store, self.ctx.user, self.ctx.catalog

        def job() -> tuple[Any, int | None, str]:
            from app.clock import today
            from app.refdata.local_tables import working_calendar
            from app.workflow import days_left, get_case

            with store.session() as session:
                detail = get_case(session, actor, case_id)
                left = days_left(detail.summary, today(), working_calendar(session))
            item = catalog.get(detail.summary.item_code, detail.summary.item_version)
            return detail, left, item

        Operation(self.ctx, self, job, self.tr("正在打开办件……")).success(self._show).run()

    def _show(self, result: tuple[Any, int | None, Any]) -> None:
        from app.auth import allowed
        from app.workflow import TRANSITIONS, State

        detail, left, item = result
        item_name = item.name
        self.detail = detail
        s = detail.summary
        self.case_id = s.id
        commitment = self.tr("（书面承诺）") if s.on_commitment else ""
        self.header.setText(f"{item_name}{commitment}\n{s.case_no} · {s.state_label}")
        if s.state == "draft":
            self.countdown.setText(self.tr("草稿，尚未受理"))
        elif left is None:
            self.countdown.setText(self.tr("即时办结，无办理期限") if s.due_on is None else "")
        elif s.state in {"accepted", "in_review", "pending_verification"}:
            self.countdown.setText(
                self.tr("已超期 {0} 个工作日（期限 {1}）").replace("{0}", str(-left)).replace("{1}", str(s.due_on))
                if left < 0
                else self.tr("还剩 {0} 个工作日（期限 {1}）").replace("{0}", str(left)).replace("{1}", str(s.due_on))
            )
        else:
            self.countdown.setText(self.tr("期限 {0}").replace("{0}", str(s.due_on)))
        while self.action_row.count():
            taken = self.action_row.takeAt(0)
            if taken is not None and taken.widget() is not None:
                taken.widget().deleteLater()
        role = self.ctx.user.role if self.ctx.user else ""
        state = State(s.state)
        if state == State.DRAFT:
            edit = QPushButton(self.tr("继续填写"))
            edit.setObjectName("editDraft")
            edit.clicked.connect(lambda: self.editDraft.emit(s.id))
            self.action_row.addWidget(edit)
        for action, rule in TRANSITIONS.items():
            if action in {"request_review", "approve", "return"} and not item.review_required:
                continue
            if action == "complete" and item.review_required:
                continue
            if action == "cancel" and not item.cancellable:
                continue
            if state in rule.sources and allowed(role, f"case.{action}") and action != "accept":
                button = QPushButton(self.tr(rule.label))
                button.setObjectName(f"action-{action}")
                button.clicked.connect(lambda _c=False, a=action: self.take(a))
                self.action_row.addWidget(button)
        self.action_row.addStretch(1)
        accepted = s.accepted_on is not None
        self.print_buttons["receipt"].setEnabled(accepted)
        self.print_buttons["commitment"].setEnabled(accepted and s.on_commitment)
        self.print_buttons["form"].setEnabled(True)
        self.timeline.clear()
        for event in detail.events:
            note = f"：{event.note}" if event.note else ""
            self.timeline.addItem(f"{event.at.replace('T', ' ')}  {EVENT_LABELS.get(event.action, event.action)}{note}")

    def take(self, action: str, *, reason: str | None = None, confirmed: bool = False) -> None:
        from app.workflow import TRANSITIONS

        rule = TRANSITIONS[action]
        if rule.needs_reason and reason is None:
            text, ok = QInputDialog.getMultiLineText(self, rule.label, rule.confirm)
            if not ok:
                return
            reason = text
        elif not confirmed:
            answer = QMessageBox.question(self, rule.label, rule.confirm)
            if answer != QMessageBox.StandardButton.Yes:
                return
        case_id, store, actor, catalog = self.case_id, self.ctx.store, self.ctx.user, self.ctx.catalog
        if case_id is None or actor is None:
            return

        def job() -> Any:
            from app.refdata.local_tables import working_calendar
            from app.workflow import transition

            with store.session() as session:
                return transition(
                    session, actor, case_id, action, catalog=catalog, calendar=working_calendar(session), reason=reason
                )

        def done(_summary: Any) -> None:
            self.changed.emit(case_id)
            self.load(case_id)

        Operation(self.ctx, self, job, self.tr("正在办理……")).success(done).run()

    def _print_if_enabled(self, template: str) -> None:
        if self.print_buttons[template].isEnabled():
            self._print(template)

    def _print(self, template: str) -> None:
        if self.case_id:
            self.printRequested.emit(self.case_id, template)
