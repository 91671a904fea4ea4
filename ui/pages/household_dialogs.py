"""Dialogs of 家庭与安置点: laborer census (就业情况核实), clearing a zero-employment household, new settlement."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui import code_cache
from ui.context import AppContext
from ui.errors import user_message
from ui.operations import Operation


def _today() -> QDate:
    from app.clock import today

    day = today()
    return QDate(day.year, day.month, day.day)


def _date(edit: QDateEdit) -> Any:
    from datetime import date

    value = edit.date()
    return date(value.year(), value.month(), value.day())


class _Dialog(QDialog):
    saved = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.outer.addLayout(self.form)
        self.error = QLabel("")
        self.error.setObjectName("dialogError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.outer.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.outer.addWidget(self.buttons)

    def _run(self, job: Any, result_id: Any) -> None:
        def ok(value: Any) -> None:
            self.saved.emit(str(result_id(value)))
            self.accept()

        def bad(error: BaseException) -> None:
            self.error.setText(user_message(error))

        Operation(self.ctx, self, job, self.tr("正在保存……")).success(ok).failure(bad).run()

    def save(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class CensusDialog(_Dialog):
    """One quick census of one laborer: 就业去向, form of work, employer, 帮扶车间/公益性岗位, income, verified."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, person_id: str, person_name: str,
                 previous: Any = None) -> None:
        super().__init__(ctx, parent, self.tr("劳动力就业情况核实"))
        self.setObjectName("censusDialog")
        self.setMinimumWidth(460)
        self.person_id = person_id
        self.form.addRow(self.tr("劳动力"), QLabel(person_name))
        self.census_on = QDateEdit(_today())
        self.census_on.setObjectName("censusDate")
        self.census_on.setCalendarPopup(True)
        self.census_on.setDisplayFormat("yyyy-MM-dd")
        self.form.addRow(self.tr("核实日期"), self.census_on)
        self.employed = QCheckBox(self.tr("已就业"))
        self.employed.setObjectName("censusEmployed")
        self.form.addRow("", self.employed)
        self.destination = QComboBox()
        self.destination.setObjectName("censusDestination")
        for code, label in (("county", self.tr("县内")), ("province", self.tr("省内县外")),
                            ("outside", self.tr("省外"))):
            self.destination.addItem(label, code)
        self.form.addRow(self.tr("就业去向"), self.destination)
        self.division = QLineEdit()
        self.division.setObjectName("censusDivision")
        self.division.setPlaceholderText(self.tr("就业地行政区划代码（6/9/12位，可不填）"))
        self.form.addRow(self.tr("就业地区划"), self.division)
        self.work_form = QComboBox()
        self.work_form.setObjectName("censusWorkForm")
        for code, label in code_cache.choices("employment_form"):
            self.work_form.addItem(label, code)
        self.form.addRow(self.tr("就业形式"), self.work_form)
        self.employer = QLineEdit()
        self.employer.setObjectName("censusEmployer")
        self.form.addRow(self.tr("就业单位"), self.employer)
        self.post = QLineEdit()
        self.post.setObjectName("censusPost")
        self.form.addRow(self.tr("岗位"), self.post)
        self.workshop = QCheckBox(self.tr("帮扶车间"))
        self.workshop.setObjectName("censusWorkshop")
        self.welfare = QCheckBox(self.tr("公益性岗位"))
        self.welfare.setObjectName("censusWelfare")
        self.form.addRow("", self.workshop)
        self.form.addRow("", self.welfare)
        self.income = QSpinBox()
        self.income.setObjectName("censusIncome")
        self.income.setRange(0, 1_000_000)
        self.income.setSingleStep(100)
        self.income.setSuffix(self.tr(" 元/月"))
        self.form.addRow(self.tr("月收入"), self.income)
        self.reason = QLineEdit()
        self.reason.setObjectName("censusReason")
        self.reason.setPlaceholderText(self.tr("如：照顾家庭、在校、务农、患病"))
        self.form.addRow(self.tr("未就业原因"), self.reason)
        self.verifier = QLineEdit(ctx.user.display_name if ctx.user else "")
        self.verifier.setObjectName("censusVerifier")
        self.form.addRow(self.tr("核实人"), self.verifier)
        self.employed.toggled.connect(self._toggle)
        if previous is not None:
            self._prefill(previous)
        self._toggle(self.employed.isChecked())

    def _prefill(self, previous: Any) -> None:
        self.employed.setChecked(previous.employed)
        if previous.destination:
            self.destination.setCurrentIndex(max(0, self.destination.findData(previous.destination)))
        if previous.work_form:
            self.work_form.setCurrentIndex(max(0, self.work_form.findData(previous.work_form)))
        self.division.setText(previous.destination_division or "")
        self.employer.setText(previous.employer_name or "")
        self.post.setText(previous.post or "")
        self.workshop.setChecked(previous.aid_workshop)
        self.welfare.setChecked(previous.public_welfare_post)
        self.income.setValue(previous.monthly_income or 0)
        self.reason.setText(previous.not_employed_reason or "")

    def _toggle(self, employed: bool) -> None:
        for widget in (self.destination, self.division, self.work_form, self.employer, self.post, self.workshop,
                       self.welfare):
            widget.setEnabled(employed)
        self.reason.setEnabled(not employed)

    def save(self) -> None:
        from app.households import CensusInput, record_census

        employed = self.employed.isChecked()
        data = CensusInput(
            person_id=self.person_id, census_on=_date(self.census_on), employed=employed,
            destination=self.destination.currentData() if employed else None,
            destination_division=self.division.text().strip() or None if employed else None,
            work_form=self.work_form.currentData() if employed else None,
            employer_name=self.employer.text() if employed else None, post=self.post.text() if employed else None,
            aid_workshop=employed and self.workshop.isChecked(),
            public_welfare_post=employed and self.welfare.isChecked(),
            monthly_income=self.income.value() or None, not_employed_reason=None if employed else self.reason.text(),
            verifier_name=self.verifier.text(),
        )
        store, actor = self.ctx.store, self.ctx.actor_id

        def job() -> str:
            from app.clock import today

            with store.session() as session:
                return record_census(session, actor, data, today())

        self._run(job, lambda census_id: census_id)


class ClearDialog(_Dialog):
    """动态清零: which member found work, through which service, on which day."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, detail: Any) -> None:
        from app.households import CLEAR_VIA

        super().__init__(ctx, parent, self.tr("零就业家庭清零"))
        self.setObjectName("clearDialog")
        self.setMinimumWidth(420)
        self.household_id = detail.household_id
        self.form.addRow(self.tr("户主"), QLabel(detail.head_name or ""))
        self.member = QComboBox()
        self.member.setObjectName("clearMember")
        laborers = sorted((m for m in detail.members if m.laborer), key=lambda m: not m.employed)
        for m in laborers:
            state = self.tr("已就业") if m.employed else self.tr("未就业")
            self.member.addItem(f"{m.name}（{state}）", m.person_id)
        if not laborers:
            self.member.addItem(self.tr("（家庭已无劳动力）"), None)
        self.form.addRow(self.tr("实现就业的成员"), self.member)
        self.via = QComboBox()
        self.via.setObjectName("clearVia")
        for code, label in CLEAR_VIA.items():
            self.via.addItem(self.tr(label), code)
        self.form.addRow(self.tr("就业途径"), self.via)
        self.cleared_on = QDateEdit(_today())
        self.cleared_on.setObjectName("clearDate")
        self.cleared_on.setCalendarPopup(True)
        self.cleared_on.setDisplayFormat("yyyy-MM-dd")
        self.form.addRow(self.tr("清零日期"), self.cleared_on)
        self.note = QLineEdit()
        self.note.setObjectName("clearNote")
        self.form.addRow(self.tr("备注"), self.note)

    def save(self) -> None:
        from app.households import clear_zero_employment

        store, actor, household_id = self.ctx.store, self.ctx.actor_id, self.household_id
        person_id, via = self.member.currentData(), str(self.via.currentData())
        day, note = _date(self.cleared_on), self.note.text()

        def job() -> Any:
            from app.clock import today

            with store.session() as session:
                clear_zero_employment(session, actor, household_id, person_id=person_id, via=via, cleared_on=day,
                                      on=today(), note=note)
            return household_id

        self._run(job, lambda hid: hid)


class SettlementDialog(_Dialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(ctx, parent, self.tr("新建安置点"))
        self.setObjectName("settlementDialog")
        self.setMinimumWidth(420)
        self.name = QLineEdit()
        self.name.setObjectName("settlementName")
        self.form.addRow(self.tr("安置点名称"), self.name)
        self.division = QLineEdit()
        self.division.setObjectName("settlementDivision")
        self.division.setPlaceholderText(self.tr("所在县（区）行政区划代码，如 520603"))
        self.form.addRow(self.tr("行政区划代码"), self.division)
        self.address = QLineEdit()
        self.address.setObjectName("settlementAddress")
        self.form.addRow(self.tr("地址"), self.address)

    def save(self) -> None:
        from app.households import SettlementInput, create_settlement

        data = SettlementInput(self.name.text(), self.division.text() or None, self.address.text() or None)
        store, actor = self.ctx.store, self.ctx.actor_id

        def job() -> str:
            with store.session() as session:
                return create_settlement(session, actor, data)

        self._run(job, lambda sid: sid)
