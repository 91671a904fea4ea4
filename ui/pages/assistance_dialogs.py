"""Dialogs of the 就业援助 flows: recognition, plan steps, 公益性岗位 placement, follow-up, verification visit,
and the policy list offered when filling a 失业登记.

Each dialog runs its core function on the DB worker; a refusal (a Chinese ``UserError``) is shown inside
the dialog (``dialogError``) and nothing typed is lost. ``saved`` is emitted after a successful save.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation


def _date_edit(name: str, value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    day = value or _today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _value(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


def _today() -> date:
    from app.clock import today

    return today()


class FlowDialog(QDialog):
    """A form with a save button whose job runs on the DB worker; errors stay in the dialog."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.outer.addLayout(self.form)
        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.outer.addWidget(self.buttons)

    def job(self) -> Callable[[], Any]:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def save(self) -> None:
        self.error.setText("")
        job = self.job()

        def done(result: Any) -> None:
            self.saved.emit(result)
            self.accept()

        def failed(error: BaseException) -> None:
            from app.errors import ValidationFailed
            from ui.errors import user_message

            if isinstance(error, ValidationFailed):
                self.error.setText("\n".join(m for msgs in error.errors.values() for m in msgs))
            else:
                self.error.setText(user_message(error))

        Operation(self.ctx, self, job, self.tr("正在保存……")).success(done).failure(failed).run()


class RecognitionDialog(FlowDialog):
    """认定就业困难人员: categories from the editable code table, information check or field investigation.

    ``via_case``: the user may not decide recognitions (窗口经办); saving opens a prefilled 就业困难人员认定
    case instead, which the clerk completes and sends to review; ``saved`` then carries the case id."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        person_id: str,
        categories: list[tuple[str, str]],
        *,
        via_case: bool = False,
    ):
        super().__init__(ctx, parent, self.tr("就业困难人员认定"))
        self.person_id = person_id
        self.via_case = via_case
        if via_case:
            self.setWindowTitle(self.tr("申请认定就业困难人员（送审核）"))
            note = QLabel(
                self.tr(
                    "认定须经审核：保存后将生成“就业困难人员认定”办件草稿（已填入以下内容），"
                    "请补全材料、受理并提交审核，审核通过后认定生效。"
                )
            )
            note.setObjectName("recViaCaseNote")
            note.setWordWrap(True)
            self.form.addRow(note)
            self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("生成认定办件"))
        self.categories = QListWidget()
        self.categories.setObjectName("recCategories")
        self.categories.setMaximumHeight(150)
        for code, label in categories:
            item = QListWidgetItem(f"{code} {label}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.categories.addItem(item)
        self.form.addRow(self.tr("就业困难人员类别："), self.categories)
        self.by_check = QRadioButton(self.tr("部门信息核查"))
        self.by_check.setObjectName("recByCheck")
        self.by_visit = QRadioButton(self.tr("工作人员调查（信息核查无法确认时）"))
        self.by_visit.setObjectName("recByInvestigation")
        self.by_check.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_check)
        group.addButton(self.by_visit)
        box = QVBoxLayout()
        box.addWidget(self.by_check)
        box.addWidget(self.by_visit)
        self.form.addRow(self.tr("核实方式："), box)
        self.check_result = QPlainTextEdit()
        self.check_result.setObjectName("recCheckResult")
        self.check_result.setMaximumHeight(60)
        self.form.addRow(self.tr("信息核查结果："), self.check_result)
        self.investigation_on = _date_edit("recInvestigationOn")
        self.form.addRow(self.tr("调查日期："), self.investigation_on)
        self.investigators = QLineEdit()
        self.investigators.setObjectName("recInvestigators")
        self.form.addRow(self.tr("调查人员："), self.investigators)
        self.findings = QPlainTextEdit()
        self.findings.setObjectName("recFindings")
        self.findings.setMaximumHeight(60)
        self.form.addRow(self.tr("调查情况："), self.findings)
        self.recognized_on = _date_edit("recDate")
        if not via_case:  # the case's decision date is the day it is approved
            self.form.addRow(self.tr("认定日期："), self.recognized_on)
        self.by_check.toggled.connect(self._method_changed)
        self._method_changed()

    def _method_changed(self) -> None:
        visit = self.by_visit.isChecked()
        for widget in (self.investigation_on, self.investigators, self.findings):
            widget.setEnabled(visit)
        self.check_result.setEnabled(not visit)

    def check_categories(self, codes: list[str]) -> None:
        for n in range(self.categories.count()):
            item = self.categories.item(n)
            if item.data(Qt.ItemDataRole.UserRole) in codes:
                item.setCheckState(Qt.CheckState.Checked)

    def job(self) -> Callable[[], Any]:
        from app.services.assistance_model import RecognitionInput

        codes = tuple(
            self.categories.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.categories.count())
            if self.categories.item(n).checkState() == Qt.CheckState.Checked
        )
        visit = self.by_visit.isChecked()
        data = RecognitionInput(
            categories=codes,
            check_method="investigation" if visit else "info_check",
            info_check_result=None if visit else self.check_result.toPlainText(),
            investigation_on=_value(self.investigation_on) if visit else None,
            investigators=self.investigators.text() if visit else None,
            investigation_findings=self.findings.toPlainText() if visit else None,
            recognized_on=_value(self.recognized_on),
        )
        ctx, person_id = self.ctx, self.person_id
        if self.via_case:

            def start() -> str:
                from app.clock import today
                from app.services.recognition_case import start_recognition_case

                actor: Any = ctx.user
                with ctx.store.session() as session:
                    return start_recognition_case(session, actor, person_id, data, catalog=ctx.catalog, today=today())

            return start

        def job() -> str:
            from app.clock import today
            from app.services.assistance import recognize

            with ctx.store.session() as session:
                return recognize(session, ctx.user, person_id, data, catalog=ctx.catalog, today=today())  # type: ignore[arg-type]

        return job


class StepDialog(FlowDialog):
    """A new step of the assistance plan: what, who is responsible, by when."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, person_id: str) -> None:
        super().__init__(ctx, parent, self.tr("添加援助步骤"))
        self.person_id = person_id
        self.content = QLineEdit()
        self.content.setObjectName("stepContent")
        self.content.setPlaceholderText(self.tr("如：推荐3个保洁岗位、参加家政服务培训"))
        self.form.addRow(self.tr("服务内容："), self.content)
        self.owner = QLineEdit()
        self.owner.setObjectName("stepOwner")
        if ctx.user is not None:
            self.owner.setText(ctx.user.display_name)
        self.form.addRow(self.tr("责任人："), self.owner)
        self.due_on = _date_edit("stepDue")
        self.form.addRow(self.tr("完成时限："), self.due_on)

    def job(self) -> Callable[[], Any]:
        ctx, person_id = self.ctx, self.person_id
        content, owner, due = self.content.text(), self.owner.text(), _value(self.due_on)

        def job() -> str:
            from app.clock import today
            from app.services.assistance import add_step

            with ctx.store.session() as session:
                return add_step(session, ctx.user, person_id, content=content, owner=owner, due_on=due, today=today())  # type: ignore[arg-type]

        return job


class StepProgressDialog(FlowDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None, step_id: str, title: str) -> None:
        super().__init__(ctx, parent, self.tr("援助步骤进展"))
        self.step_id = step_id
        self.form.addRow(self.tr("步骤："), QLabel(title))
        self.progress = QPlainTextEdit()
        self.progress.setObjectName("stepProgress")
        self.progress.setMaximumHeight(80)
        self.form.addRow(self.tr("进展情况："), self.progress)
        self.done_box = QCheckBox(self.tr("这一步已完成"))
        self.done_box.setObjectName("stepDone")
        self.form.addRow("", self.done_box)

    def job(self) -> Callable[[], Any]:
        ctx, step_id = self.ctx, self.step_id
        progress, done = self.progress.toPlainText(), self.done_box.isChecked()

        def job() -> None:
            from app.clock import today
            from app.services.assistance import update_step

            with ctx.store.session() as session:
                update_step(session, ctx.user, step_id, progress=progress, done=done, today=today())  # type: ignore[arg-type]

        return job


class PlacementDialog(FlowDialog):
    """公益性岗位安置: the post and its period, checked against the item's limits."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, person_id: str, limits_text: str) -> None:
        super().__init__(ctx, parent, self.tr("公益性岗位安置"))
        self.person_id = person_id
        hint = QLabel(limits_text)
        hint.setObjectName("placementLimits")
        hint.setWordWrap(True)
        self.outer.insertWidget(0, hint)
        self.post_name = QLineEdit()
        self.post_name.setObjectName("placementPost")
        self.form.addRow(self.tr("岗位名称："), self.post_name)
        self.employer = QLineEdit()
        self.employer.setObjectName("placementEmployer")
        self.form.addRow(self.tr("岗位开发（用人）单位："), self.employer)
        self.start_on = _date_edit("placementStart")
        self.form.addRow(self.tr("上岗日期："), self.start_on)
        today = _today()
        self.end_on = _date_edit("placementEnd", date(today.year + 1, today.month, 1))
        self.form.addRow(self.tr("协议终止日期："), self.end_on)
        self.near_retirement = QCheckBox(self.tr("距法定退休年龄不足5年（补贴可延长至退休）"))
        self.near_retirement.setObjectName("placementNearRetirement")
        self.form.addRow("", self.near_retirement)

    def set_period(self, start: date, end: date) -> None:
        self.start_on.setDate(QDate(start.year, start.month, start.day))
        self.end_on.setDate(QDate(end.year, end.month, end.day))

    def job(self) -> Callable[[], Any]:
        from app.services.assistance_model import PlacementInput

        ctx, person_id = self.ctx, self.person_id
        data = PlacementInput(
            self.post_name.text(),
            self.employer.text(),
            _value(self.start_on),
            _value(self.end_on),
            self.near_retirement.isChecked(),
        )

        def job() -> str:
            from app.clock import today
            from app.services.assistance import place

            with ctx.store.session() as session:
                return place(session, ctx.user, person_id, data, catalog=ctx.catalog, today=today())  # type: ignore[arg-type]

        return job


class FollowUpDialog(FlowDialog):
    """Record a contact / monthly follow-up; the next monthly one is scheduled while unemployed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, follow_up_id: str, title: str) -> None:
        super().__init__(ctx, parent, self.tr("记录回访"))
        self.follow_up_id = follow_up_id
        self.form.addRow(self.tr("回访："), QLabel(title))
        self.outcome = QPlainTextEdit()
        self.outcome.setObjectName("followUpOutcome")
        self.outcome.setPlaceholderText(self.tr("联系方式、是否联系上、目前就业状态和需求、本次提供的服务"))
        self.outcome.setMaximumHeight(100)
        self.form.addRow(self.tr("回访结果："), self.outcome)
        note = QLabel(self.tr("已就业的，请随后办理就业登记（登记失业自动终止）。"))
        note.setWordWrap(True)
        self.form.addRow(note)

    def job(self) -> Callable[[], Any]:
        ctx, follow_up_id, outcome = self.ctx, self.follow_up_id, self.outcome.toPlainText()

        def job() -> str | None:
            from app.clock import today
            from app.services.unemployment import record_follow_up

            with ctx.store.session() as session:
                return record_follow_up(session, ctx.user, follow_up_id, outcome, catalog=ctx.catalog, today=today())  # type: ignore[arg-type]

        return job


class VisitDialog(FlowDialog):
    """核验走访 of a 就业登记 accepted on commitment (optional)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, case_id: str) -> None:
        super().__init__(ctx, parent, self.tr("就业登记核验走访"))
        self.case_id = case_id
        self.visit_on = _date_edit("visitOn")
        self.form.addRow(self.tr("走访日期："), self.visit_on)
        self.visitors = QLineEdit()
        self.visitors.setObjectName("visitVisitors")
        self.form.addRow(self.tr("走访人员："), self.visitors)
        self.findings = QPlainTextEdit()
        self.findings.setObjectName("visitFindings")
        self.findings.setMaximumHeight(80)
        self.form.addRow(self.tr("核验情况："), self.findings)

    def job(self) -> Callable[[], Any]:
        ctx, case_id = self.ctx, self.case_id
        visit_on, visitors, findings = _value(self.visit_on), self.visitors.text(), self.findings.toPlainText()

        def job() -> None:
            from app.clock import today
            from app.services.employment import record_verification_visit

            with ctx.store.session() as session:
                record_verification_visit(
                    session,
                    ctx.user,  # type: ignore[arg-type]
                    case_id,
                    visit_on=visit_on,
                    visitors=visitors,
                    findings=findings,
                    today=today(),
                )

        return job


class PolicyDialog(QDialog):
    """推介政策和培训 from the synced 政策清单 (or the bundled one); the choice is written into the form."""

    def __init__(self, parent: QWidget | None, entries: list[Any]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("政策推介及培训推荐"))
        self.setMinimumWidth(560)
        self.entries = entries
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("勾选向本人推介的政策和推荐参加的培训（来自政策清单），确定后写入“政策推介及服务建议”。"))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.list = QListWidget()
        self.list.setObjectName("policyList")
        self.list.setWordWrap(True)
        for n, entry in enumerate(entries):
            item = QListWidgetItem(f"【{entry.category}】{entry.title}：{entry.body}")
            item.setData(Qt.ItemDataRole.UserRole, n)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[Any]:
        return [
            self.entries[self.list.item(n).data(Qt.ItemDataRole.UserRole)]
            for n in range(self.list.count())
            if self.list.item(n).checkState() == Qt.CheckState.Checked
        ]


def offer_policies(ctx: AppContext, parent: QWidget, apply: Callable[[str], None]) -> PolicyDialog | None:
    """Load the policy list on the DB worker and open the dialog; ``apply`` gets the text to record."""
    holder: list[PolicyDialog] = []

    def job() -> list[Any]:
        from app.clock import today
        from app.services.unemployment import policy_entries

        with ctx.store.session() as session:
            return policy_entries(session, today())

    def show(entries: list[Any]) -> None:
        from app.services.unemployment import recommendation_text

        dialog = PolicyDialog(parent, entries)
        dialog.setObjectName("policyDialog")
        dialog.accepted.connect(lambda: apply(recommendation_text(dialog.chosen())))
        holder.append(dialog)
        dialog.open()

    Operation(ctx, parent, job, QCoreApplication.translate("PolicyDialog", "正在读取政策清单……")).success(show).run()
    return holder[0] if holder else None


def attach_policy_button(editor: Any, row: Any) -> QPushButton | None:
    """A 政策推介 button in the case editor of items with a ``policy_recommendations`` field."""
    if not any(f.key == "policy_recommendations" for f in editor.data.item.fields):
        return None
    button = QPushButton(QCoreApplication.translate("CaseEditor", "政策推介（政策清单）"))
    button.setObjectName("recommendPolicies")

    def apply(text: str) -> None:
        if not text:
            return
        before = str(editor.form.values().get("policy_recommendations") or "").strip()
        editor.form.set_values({"policy_recommendations": f"{before}\n{text}" if before else text})
        editor._changed()

    button.clicked.connect(lambda: offer_policies(editor.ctx, editor, apply))
    row.insertWidget(1, button)
    return button
