"""Profile panel 就业失业登记与就业援助: registration status and deadline, follow-ups (5-day contact, monthly),
就业登记, 就业困难人员认定, assistance plan steps and 公益性岗位 placements, with their actions.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation


class AssistancePanel(QGroupBox):
    changed = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.setTitle(self.tr("就业失业登记与就业援助"))
        self.setObjectName("assistancePanel")
        self.person_id: str | None = None
        self.data: Any = None
        self.audit_view = False  # True when shown outside the (already audited) person profile
        layout = QVBoxLayout(self)
        self.status = self._label(layout, "asStatus")
        self.employment = self._label(layout, "asEmployment")
        self.recognition = self._label(layout, "asRecognition")
        lists = QHBoxLayout()
        self.follow_ups = self._list(lists, self.tr("首次联系与按月跟踪"), "asFollowUps")
        self.steps = self._list(lists, self.tr("援助计划步骤"), "asSteps")
        self.placements = self._list(lists, self.tr("公益性岗位"), "asPlacements")
        layout.addLayout(lists)
        first, second = QHBoxLayout(), QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for row, name, label, slot in (
            (first, "followUp", self.tr("记录回访"), self.record_follow_up),
            (first, "printReceipt", self.tr("打印受理回执"), lambda: self._print("receipt")),
            (first, "printCommitment", self.tr("打印承诺书"), lambda: self._print("commitment")),
            (first, "visit", self.tr("就业登记核验走访"), self.record_visit),
            (second, "recognize", self.tr("认定就业困难人员"), self.recognize),
            (second, "addStep", self.tr("添加援助步骤"), self.add_step),
            (second, "stepProgress", self.tr("登记步骤进展"), self.step_progress),
            (second, "place", self.tr("公益性岗位安置"), self.place),
        ):
            button = QPushButton(label)
            button.setObjectName(f"as-{name}")
            button.clicked.connect(slot)
            button.setEnabled(False)
            row.addWidget(button)
            self.buttons[name] = button
        first.addStretch(1)
        second.addStretch(1)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addStretch(1)

    def _label(self, layout: QVBoxLayout, name: str) -> QLabel:
        label = QLabel("")
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        layout.addWidget(label)
        return label

    def _list(self, row: QHBoxLayout, title: str, name: str) -> QListWidget:
        box = QVBoxLayout()
        heading = QLabel(title)
        heading.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        box.addWidget(heading)
        view = QListWidget()
        view.setObjectName(name)
        view.setMaximumHeight(130)
        view.setWordWrap(True)
        box.addWidget(view)
        row.addLayout(box, 1)
        return view

    # loading ----------------------------------------------------------------------------------------------
    def load(self, person_id: str) -> None:
        self.person_id = person_id
        ctx, actor = self.ctx, (self.ctx.actor_id if self.audit_view else None)

        def job() -> Any:
            from app.clock import today
            from app.refdata.local_tables import working_calendar
            from app.services.profile import flow_profile

            with ctx.store.session() as session:
                return flow_profile(
                    session,
                    person_id,
                    catalog=ctx.catalog,
                    today=today(),
                    calendar=working_calendar(session),
                    audit_actor=actor,
                )

        Operation(ctx, self, job, self.tr("正在读取就业援助信息……")).success(self.show_data).run()

    def show_data(self, data: Any) -> None:
        from app.clock import today

        if data.person_id != self.person_id:
            return
        self.data = data
        day = today()
        self.status.setText(_tidy(self._status_text(data)))
        self.employment.setText(_tidy(self._employment_text(data)))
        self.employment.setVisible(bool(self.employment.text()))
        self.recognition.setText(_tidy(self._recognition_text(data)))
        self.follow_ups.clear()
        for line in data.follow_ups:
            if line.done_on:
                state = self.tr("已完成 {0}").replace("{0}", str(line.done_on))
            elif line.overdue(day):
                state = self.tr("已超期")
            else:
                state = self.tr("待办")
            item = QListWidgetItem(
                f"{line.due_on}  {line.kind_label}  {state}" + (f"\n{line.outcome}" if line.outcome else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, line.id if not line.done_on else None)
            self.follow_ups.addItem(item)
        plan = data.assistance.plan
        self.steps.clear()
        if plan is not None:
            for step in plan.steps:
                text = f"{step.seq}. {step.content}（{step.owner}，{step.due_on} 前）{step.status_label}"
                if step.progress:
                    text += "\n" + step.progress.splitlines()[-1]
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (step.id, step.content) if plan.status == "open" else None)
                self.steps.addItem(item)
        self.placements.clear()
        for p in data.assistance.placements:
            state = self.tr("在岗") if p.status == "active" else self.tr("已退出 {0}").replace("{0}", str(p.ended_on))
            self.placements.addItem(
                f"{p.post_name}（{p.post_employer}）\n{p.start_on} 至 {p.end_on}，{p.months} 个月，{state}"
            )
        limits = data.assistance.limits
        self.placements.setToolTip(
            self.tr("补贴期限累计最长 {0} 个月（已用 {1} 个月）；安置次数上限 {2} 次。")
            .replace("{0}", str(limits.max_months))
            .replace("{1}", str(data.assistance.used_months))
            .replace("{2}", str(limits.max_placements))
        )
        reg = data.registration
        has_case = reg is not None
        self.buttons["followUp"].setEnabled(any(f.done_on is None for f in data.follow_ups))
        self.buttons["printReceipt"].setEnabled(has_case)
        self.buttons["printCommitment"].setEnabled(bool(reg and reg.on_commitment))
        self.buttons["visit"].setEnabled(bool(data.employment and data.employment.on_commitment))
        self.buttons["recognize"].setEnabled(bool(reg and reg.in_force))
        decides = self._may_decide()  # 窗口经办 applies through a reviewed case; 审核/管理员 record directly
        self.buttons["recognize"].setText(self.tr("认定就业困难人员") if decides else self.tr("申请认定（送审核）"))
        open_plan = plan is not None and plan.status == "open"
        self.buttons["addStep"].setEnabled(open_plan)
        self.buttons["stepProgress"].setEnabled(open_plan and bool(plan and plan.steps))
        self.buttons["place"].setEnabled(True)

    def _status_text(self, data: Any) -> str:
        text = self.tr("就业状态：{0}").replace("{0}", data.employment_status_label)
        reg = data.registration
        if reg is None:
            return text + self.tr("；尚未办理失业登记。")
        text += self.tr("。失业登记 {0}：{1}").replace("{0}", reg.case_no).replace("{1}", reg.state_label)
        if reg.on_commitment:
            text += self.tr("（书面承诺）")
        if reg.due_on and reg.days_left is not None:
            text += (
                (
                    self.tr("，承诺件办理期限 {0}（还剩 {1} 个工作日）")
                    if reg.days_left >= 0
                    else self.tr("，承诺件办理期限 {0}（已超期 {1} 个工作日）")
                )
                .replace("{0}", str(reg.due_on))
                .replace("{1}", str(abs(reg.days_left)))
            )
        elif reg.closed_on:
            text += self.tr("（{0}）").replace("{0}", str(reg.closed_on))
        if reg.close_reason and not reg.in_force:
            text += self.tr("，原因：{0}").replace("{0}", reg.close_reason)
        if reg.cause:
            text += self.tr("。失业原因：{0}").replace("{0}", data.cause_label)
        if reg.cause_analysis:
            text += self.tr("；原因分析：{0}").replace("{0}", reg.cause_analysis)
        if reg.policy_recommendations:
            text += self.tr("。{0}").replace("{0}", reg.policy_recommendations)
        return text

    def _employment_text(self, data: Any) -> str:
        emp = data.employment
        if emp is None:
            return ""
        text = self.tr("就业登记 {0}：{1}，就业日期 {2}").replace("{0}", emp.case_no)
        text = text.replace("{1}", data.employment_form_label).replace("{2}", emp.employment_date or "")
        if emp.on_commitment:
            text += self.tr("（本人书面承诺）")
        for visit in emp.visits:
            text += self.tr("；核验走访：{0}").replace("{0}", visit)
        return text

    def _recognition_text(self, data: Any) -> str:
        rec = data.assistance.recognition
        if rec is None:
            return self.tr("就业困难人员：未认定。")
        text = self.tr("就业困难人员：{0}；{1}认定，有效期至 {2}").replace("{0}", "、".join(rec.category_labels))
        text = text.replace("{1}", str(rec.recognized_on)).replace("{2}", str(rec.valid_until))
        if rec.expired or rec.status != "active":
            text += self.tr("（已失效）")
        if rec.check_method == "investigation":
            text += (
                self.tr("；工作人员调查：{0}，{1}，{2}")
                .replace("{0}", str(rec.investigation_on))
                .replace("{1}", rec.investigators or "")
                .replace("{2}", rec.investigation_findings or "")
            )
        else:
            text += self.tr("；部门信息核查：{0}").replace("{0}", rec.info_check_result or "")
        plan = data.assistance.plan
        if plan is not None:
            if plan.status == "open":
                text += self.tr("。援助计划进行中（{0} 建立）").replace("{0}", str(plan.opened_on))
            else:
                text += self.tr("。援助计划已关闭（{0}，{1}）").replace("{0}", str(plan.closed_on))
                text = text.replace("{1}", plan.close_reason or "")
        return text

    # actions ------------------------------------------------------------------------------------------------
    def _open(self, dialog: Any) -> Any:
        dialog.saved.connect(self._saved)
        dialog.open()
        self.dialog = dialog
        return dialog

    def _saved(self, _result: Any) -> None:
        self.load(self.person_id or "")
        self.changed.emit()

    def record_follow_up(self) -> Any:
        from ui.pages.assistance_dialogs import FollowUpDialog

        item = self.follow_ups.currentItem()
        follow_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not follow_id:
            pending = [f for f in self.data.follow_ups if f.done_on is None] if self.data else []
            if not pending:
                return None
            line = min(pending, key=lambda f: f.due_on)
        else:
            line = next(f for f in self.data.follow_ups if f.id == follow_id)
        return self._open(FollowUpDialog(self.ctx, self, line.id, f"{line.due_on} {line.kind_label}"))

    def recognize(self) -> Any:
        from ui.pages.assistance_dialogs import RecognitionDialog

        if self.person_id is None or self.data is None:
            return None
        via_case = not self._may_decide()
        dialog = RecognitionDialog(self.ctx, self, self.person_id, list(self.data.categories), via_case=via_case)
        if via_case:  # a clerk: the prefilled case opens for completion and review
            dialog.saved.connect(self._open_recognition_case)
        return self._open(dialog)

    def _may_decide(self) -> bool:
        from app.auth import allowed

        return self.ctx.user is not None and allowed(self.ctx.user.role, "hardship.recognize")

    def _open_recognition_case(self, case_id: Any) -> None:
        from ui.pages.case_editor import open_case_editor

        if isinstance(case_id, str):
            open_case_editor(self.ctx, self, case_id=case_id, on_saved=lambda _c: self._saved(None))

    def add_step(self) -> Any:
        from ui.pages.assistance_dialogs import StepDialog

        return self._open(StepDialog(self.ctx, self, self.person_id or ""))

    def step_progress(self) -> Any:
        from ui.pages.assistance_dialogs import StepProgressDialog

        item = self.steps.currentItem() or (self.steps.item(0) if self.steps.count() else None)
        data = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not data:
            return None
        return self._open(StepProgressDialog(self.ctx, self, data[0], data[1]))

    def place(self) -> Any:
        from ui.pages.assistance_dialogs import PlacementDialog

        if self.data is None:
            return None
        limits = self.data.assistance.limits
        text = self.tr("公益性岗位补贴期限累计最长 {0} 个月（该人员已享受 {1} 个月），安置次数上限 {2} 次；") + self.tr(
            "距法定退休年龄不足 {3} 年的可延长至退休。限额来自“公益性岗位安置”事项定义（待本省确认）。"
        )
        text = (
            text.replace("{0}", str(limits.max_months))
            .replace("{1}", str(self.data.assistance.used_months))
            .replace("{2}", str(limits.max_placements))
            .replace("{3}", str(limits.extension_years))
        )
        return self._open(PlacementDialog(self.ctx, self, self.person_id or "", text))

    def record_visit(self) -> Any:
        from ui.pages.assistance_dialogs import VisitDialog

        if self.data is None or self.data.employment is None:
            return None
        return self._open(VisitDialog(self.ctx, self, self.data.employment.case_id))

    def _print(self, template: str) -> None:
        from ui.pages.case_printing import print_case_document

        if self.data is not None and self.data.registration is not None:
            print_case_document(self.ctx, self, self.data.registration.case_id, template)


def _tidy(text: str) -> str:
    """Sentences joined from free text: no doubled or mixed full stops (“。。”, “。；”)."""
    for doubled, single in (("。。", "。"), ("。；", "；"), ("。，", "，"), ("。）", "）")):
        text = text.replace(doubled, single)
    return text


def make_panel(ctx: AppContext) -> QWidget:
    return AssistancePanel(ctx)
