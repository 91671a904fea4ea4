"""Small dialogs of the service areas: training enrolment and completion, entrepreneurship records,
green channel, fraud flags. Each runs its change on the DB worker and shows a refusal in place."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation

if TYPE_CHECKING:
    from app.auth import StaffInfo


def actor_of(ctx: AppContext) -> StaffInfo:
    """The logged-in staff member (pages with service actions are shown only after login)."""
    assert ctx.user is not None
    return ctx.user


def _date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    day = value or date.today()
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _day(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


class ServiceDialog(QDialog):
    """A form, a line for refusals, OK / Cancel. Subclasses fill ``form`` and implement ``job``."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, title: str, on_done: Callable[[Any], None]) -> None:
        super().__init__(parent)
        self.ctx, self.on_done = ctx, on_done
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        self.message = QLabel("")
        self.message.setObjectName("dialogMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

    def job(self) -> Callable[[], Any]:
        raise NotImplementedError

    def save(self) -> None:
        from ui.errors import user_message

        job = self.job()
        self.message.setText("")

        def done(result: Any) -> None:
            self.accept()
            self.on_done(result)

        Operation(self.ctx, self, job, self.tr("正在保存……")).success(done).failure(
            lambda error: self.message.setText(user_message(error))
        ).run()


class EnrolDialog(ServiceDialog):
    """报名培训: a course of the training catalog, or one typed in."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        person_id: str,
        courses: list[Any],
        on_done: Callable[[Any], None],
    ) -> None:
        super().__init__(ctx, parent, self.tr("报名培训"), on_done)
        from app.services_extra.training import TRAINING_TYPES

        self.person_id = person_id
        self.course = QComboBox()
        self.course.setObjectName("enrolCourse")
        for course in courses:
            provider = f" · {course.provider}" if course.provider else ""
            self.course.addItem(f"【{course.type_label}】{course.title}{provider}", course.key)
        self.course.addItem(self.tr("（目录中没有，自行填写）"), None)
        self.name = QLineEdit()
        self.name.setObjectName("enrolName")
        self.kind = QComboBox()
        self.kind.setObjectName("enrolType")
        for code, label in TRAINING_TYPES.items():
            self.kind.addItem(label, code)
        self.provider = QLineEdit()
        self.starts = _date_edit()
        self.starts.setObjectName("enrolStart")
        self.form.addRow(self.tr("培训项目"), self.course)
        self.form.addRow(self.tr("自填项目名称"), self.name)
        self.form.addRow(self.tr("培训类型"), self.kind)
        self.form.addRow(self.tr("培训机构"), self.provider)
        self.form.addRow(self.tr("开班日期"), self.starts)
        self.course.currentIndexChanged.connect(self._typed)
        self._typed()

    def _typed(self) -> None:
        typed = self.course.currentData() is None
        for widget in (self.name, self.kind, self.provider):
            widget.setEnabled(typed)

    def job(self) -> Callable[[], Any]:
        ctx, person_id, key = self.ctx, self.person_id, self.course.currentData()
        name, kind, provider, starts = (
            self.name.text(),
            self.kind.currentData(),
            self.provider.text(),
            _day(self.starts),
        )

        def run() -> str:
            from app.services_extra import training

            with ctx.store.session() as session:
                if key:
                    return training.enrol(session, actor_of(ctx), person_id, course_key=key, starts_on=starts)
                return training.enrol(
                    session,
                    actor_of(ctx),
                    person_id,
                    course_name=name,
                    training_type=kind,
                    provider=provider,
                    starts_on=starts,
                )

        return run


class CompleteTrainingDialog(ServiceDialog):
    """登记结业: result, date and, when passed, the certificate number."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None, enrolment_id: str, on_done: Callable[[Any], None]
    ) -> None:
        super().__init__(ctx, parent, self.tr("登记培训结业"), on_done)
        from app.services_extra.training import RESULTS

        self.enrolment_id = enrolment_id
        self.result_box = QComboBox()
        self.result_box.setObjectName("completeResult")
        for code, label in RESULTS.items():
            self.result_box.addItem(label, code)
        self.completed = _date_edit()
        self.certificate = QLineEdit()
        self.certificate.setObjectName("completeCertificate")
        self.certificate.setPlaceholderText(self.tr("考核合格的填写证书编号"))
        self.form.addRow(self.tr("培训结果"), self.result_box)
        self.form.addRow(self.tr("结业日期"), self.completed)
        self.form.addRow(self.tr("证书编号"), self.certificate)

    def job(self) -> Callable[[], Any]:
        ctx, eid = self.ctx, self.enrolment_id
        result, day, certificate = self.result_box.currentData(), _day(self.completed), self.certificate.text()

        def run() -> Any:
            from app.services_extra import training

            with ctx.store.session() as session:
                return training.complete(
                    session,
                    actor_of(ctx),
                    eid,
                    result=result,
                    completed_on=day,
                    certificate_no=certificate,
                )

        return run


class EntrepreneurshipDialog(ServiceDialog):
    """登记创业服务: 创业培训, 开业指导, 创业担保贷款转介, 孵化基地入驻; 返乡创业."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, person_id: str, on_done: Callable[[Any], None]) -> None:
        super().__init__(ctx, parent, self.tr("登记创业服务"), on_done)
        from app.services_extra.entrepreneurship import KINDS

        self.person_id = person_id
        self.kind = QComboBox()
        self.kind.setObjectName("entKind")
        for code, label in KINDS.items():
            self.kind.addItem(label, code)
        self.returnee = QCheckBox(self.tr("返乡创业（雁归兴贵）"))
        self.returnee.setObjectName("entReturnee")
        self.project = QLineEdit()
        self.amount = QSpinBox()
        self.amount.setObjectName("entAmount")
        self.amount.setRange(0, 10_000_000)
        self.amount.setSingleStep(10_000)
        self.amount.setSuffix(self.tr(" 元"))
        self.incubator = QLineEdit()
        self.incubator.setObjectName("entIncubator")
        self.outcome = QLineEdit()
        self.form.addRow(self.tr("服务类型"), self.kind)
        self.form.addRow("", self.returnee)
        self.form.addRow(self.tr("创业项目"), self.project)
        self.form.addRow(self.tr("拟贷款金额"), self.amount)
        self.form.addRow(self.tr("孵化基地"), self.incubator)
        self.form.addRow(self.tr("服务结果"), self.outcome)
        self.kind.currentIndexChanged.connect(self._kind)
        self._kind()

    def _kind(self) -> None:
        kind = self.kind.currentData()
        self.amount.setEnabled(kind == "loan_referral")
        self.incubator.setEnabled(kind == "incubator")

    def job(self) -> Callable[[], Any]:
        ctx, person_id, kind = self.ctx, self.person_id, self.kind.currentData()
        amount = self.amount.value() if kind == "loan_referral" else None
        values = {
            "returnee": self.returnee.isChecked(),
            "project_name": self.project.text(),
            "incubator_name": self.incubator.text() if kind == "incubator" else None,
            "outcome": self.outcome.text(),
        }

        def run() -> Any:
            from app.services_extra import entrepreneurship

            with ctx.store.session() as session:
                return entrepreneurship.record_service(
                    session,
                    actor_of(ctx),
                    person_id,
                    kind,
                    loan_amount=amount or None,
                    **values,
                )

        return run


class GreenChannelDialog(ServiceDialog):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        person_id: str,
        suggested: list[str],
        on_done: Callable[[Any], None],
    ) -> None:
        super().__init__(ctx, parent, self.tr("设为绿色通道"), on_done)
        self.person_id = person_id
        self.reason = QLineEdit("、".join(suggested))
        self.reason.setObjectName("greenReason")
        self.reason.setPlaceholderText(self.tr("属于哪类重点群体，如残疾人、就业困难人员"))
        self.form.addRow(self.tr("重点群体"), self.reason)

    def job(self) -> Callable[[], Any]:
        ctx, person_id, reason = self.ctx, self.person_id, self.reason.text()

        def run() -> Any:
            from app.services_extra import green_channel

            with ctx.store.session() as session:
                return green_channel.flag(session, actor_of(ctx), person_id, reason)

        return run


class FraudDialog(ServiceDialog):
    """标记失信（骗取、冒领）: reviewers only; the core refuses anyone else."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, person_id: str, on_done: Callable[[Any], None]) -> None:
        super().__init__(ctx, parent, self.tr("登记失信记录"), on_done)
        from app.services_extra.fraud import FUNDS, KINDS

        self.person_id = person_id
        self.kind = QComboBox()
        self.kind.setObjectName("fraudKind")
        for code, label in KINDS.items():
            self.kind.addItem(label, code)
        self.fund = QComboBox()
        self.fund.setObjectName("fraudFund")
        for fund in FUNDS:
            self.fund.addItem(fund, fund)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("fraudReason")
        self.reason.setPlaceholderText(self.tr("发现的事实和依据（至少 10 个字）"))
        self.reason.setMaximumHeight(100)
        self.form.addRow(self.tr("失信类型"), self.kind)
        self.form.addRow(self.tr("涉及资金"), self.fund)
        self.form.addRow(self.tr("事实和依据"), self.reason)
        self.form.addRow("", QLabel(self.tr("登记后将随同步上报省级平台。")))

    def job(self) -> Callable[[], Any]:
        ctx, person_id = self.ctx, self.person_id
        kind, fund, reason = self.kind.currentData(), self.fund.currentData(), self.reason.toPlainText()

        def run() -> Any:
            from app.services_extra import fraud

            with ctx.store.session() as session:
                return fraud.flag_fraud(session, actor_of(ctx), person_id, kind, reason, fund=fund)

        return run
