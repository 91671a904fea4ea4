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
    QT_TRANSLATE_NOOP("CaseDetailPanel", "不予受理"),
)
SYNC_LABELS = {
    "synced": QT_TRANSLATE_NOOP("CaseDetailPanel", "已同步"),
    "pending": QT_TRANSLATE_NOOP("CaseDetailPanel", "待同步"),
    "conflict": QT_TRANSLATE_NOOP("CaseDetailPanel", "冲突，请在状态栏“冲突与退回”中处理"),
    "rejected": QT_TRANSLATE_NOOP("CaseDetailPanel", "被平台退回，请在状态栏“冲突与退回”中处理"),
}
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
    "decline": "不予受理",
    "submit_online": "网上申请",
    "online_check": "联网核查",
    "qr_check": "电子社保卡二维码",
    "verification_visit": "核验走访",
}


def _recheck_document(session: Any, summary: Any) -> str | None:
    """The person's ID number when the case's last 联网核查 could not be made (so it can be made now)."""
    from app.store.models import Person
    from app.workflow.online_check import last_check, needs_check

    if not needs_check(summary.item_code) or not summary.person_id or last_check(session, summary.id) != "not_checked":
        return None
    person = session.get(Person, summary.person_id)
    return person.doc_number if person is not None and not person.deleted else None


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
        self.sync_state = QLabel("")
        self.sync_state.setObjectName("caseSyncState")
        layout.addWidget(self.sync_state)
        self.qr_state = QLabel("")
        self.qr_state.setObjectName("caseQrState")
        self.qr_state.setWordWrap(True)
        self.qr_state.hide()
        layout.addWidget(self.qr_state)
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

        def job() -> tuple[Any, int | None, Any]:
            from app.clock import today
            from app.refdata.local_tables import working_calendar
            from app.workflow import days_left, get_case
            from sync.client.status import record_sync_states

            with store.session() as session:
                detail = get_case(session, actor, case_id)
                left = days_left(detail.summary, today(), working_calendar(session))
                self._sync_state = record_sync_states(session, "case", [case_id])[case_id]
                self._recheck_doc = _recheck_document(session, detail.summary)
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
        self._show_qr_check(detail.form_data)
        self.sync_state.setText(
            self.tr("同步：") + self.tr(SYNC_LABELS.get(getattr(self, "_sync_state", "synced"), "已同步"))
        )
        if s.state == "draft":
            self.countdown.setText(self.tr("草稿，尚未受理"))
        elif s.state == "received_online":
            self.countdown.setText(self.tr("网上申请，待窗口受理；受理后开始计算办理时限"))
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
        if getattr(self, "_recheck_doc", None) and allowed(role, "case.create"):
            recheck = QPushButton(self.tr("联网补查"))
            recheck.setObjectName("recheckOnline")
            recheck.setToolTip(self.tr("受理时无法联网核查：现在到省平台补查此人在全省的登记情况"))
            recheck.clicked.connect(lambda _c=False, doc=self._recheck_doc: self.recheck_online(doc))
            self.action_row.addWidget(recheck)
        if state == State.RECEIVED_ONLINE and allowed(role, "case.accept"):
            # The application's form opens in the case editor: checked, completed if needed, then 受理.
            review = QPushButton(self.tr("审核并受理"))
            review.setObjectName("reviewOnline")
            review.clicked.connect(lambda: self.editDraft.emit(s.id))
            self.action_row.addWidget(review)
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
            label = EVENT_LABELS.get(event.action, event.action)
            note = f"：{event.note}" if event.note and event.note != label else ""
            self.timeline.addItem(f"{event.at.replace('T', ' ')}  {label}{note}")

    def _show_qr_check(self, form_data: dict[str, Any]) -> None:
        from app.workflow.qr_checks import qr_check_of

        check = qr_check_of(form_data or {})
        if check is None:
            self.qr_state.hide()
            return
        texts = {
            "to_verify": self.tr("电子社保卡二维码：待核验（扫码时无法联网），请以证件原件核对身份。"),
            "verified": self.tr("电子社保卡二维码：核验通过。"),
            "rejected": self.tr("电子社保卡二维码：核验未通过，请以证件原件核对身份。"),
        }
        text = texts.get(check.state, "")
        if check.holder_matches is False:
            text += self.tr("（二维码持有人与服务对象不一致）")
        self.qr_state.setText(text)
        self.qr_state.setProperty("warning", check.state != "verified" or check.holder_matches is False)
        self.qr_state.show()

    def recheck_online(self, doc_number: str) -> None:
        """联网后补查: the province-wide check a registration could not get when it was made."""
        from ui.online import with_platform_session

        with_platform_session(self.ctx, self, lambda: self._recheck_now(doc_number))

    def _recheck_now(self, doc_number: str) -> None:
        from ui.online import message, needs_login, network, services_for

        case_id, detail, ctx = self.case_id, self.detail, self.ctx
        if case_id is None or detail is None or ctx.user is None:
            return
        services, username, station = services_for(ctx), ctx.user.username, ctx.station_code
        item_code = detail.summary.item_code

        def job() -> Any:
            from sync.client.online import registration_check

            return registration_check(services.lookup(doc_number, "verify", username=username), item_code, station)

        def record(check: Any) -> None:
            def write() -> None:
                from app.workflow.online_check import record_online_check

                with ctx.store.session() as session:
                    record_online_check(session, ctx.user, case_id, check.record)  # type: ignore[arg-type]

            Operation(ctx, self, write, self.tr("正在记录联网核查……")).success(lambda _r: self.load(case_id)).run()

        def failed(error: BaseException) -> None:
            if needs_login(error):
                self.recheck_online(doc_number)
                return
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("联网补查"),
                self.tr("联网补查未完成：") + message(error),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setObjectName("recheckFailed")
            box.open()

        network().run(job, record, failed, self.tr("正在联网核查……"))

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
            if _summary.state == "completed":  # 满意度评价 (services_extra)
                from ui.pages.satisfaction_dialog import ask_satisfaction

                self.satisfaction = ask_satisfaction(self.ctx, self, case_id)

        Operation(self.ctx, self, job, self.tr("正在办理……")).success(done).run()

    def _print_if_enabled(self, template: str) -> None:
        if self.print_buttons[template].isEnabled():
            self._print(template)

    def _print(self, template: str) -> None:
        if self.case_id:
            self.printRequested.emit(self.case_id, template)
