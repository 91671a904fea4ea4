"""Dialogs of 单位与岗位: register or edit an employer, add or edit a posting, verify (核实).

The employer and posting forms are the catalog's own items (单位登记, 招聘登记) rendered by
``FormView``, so the fields, conditions and live checks are those the core applies on save.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation

WORK_TIMES = (("full", "全职（全日制）"), ("part", "兼职（非全日制）"))


class CatalogFormDialog(QDialog):
    """A catalog item's form with a save button; ``saved(id)`` after the job succeeded."""

    saved = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None,
        item_code: str,
        code_tables: Mapping[str, Any],
        values: Mapping[str, object],
        title: str,
        save_job: Callable[[dict[str, object], str], Callable[[], str]],
        *,
        with_work_time: str | None = None,
    ) -> None:
        super().__init__(parent)
        from app.refdata.divisions import load_bundled_divisions
        from ui.forms import FormView

        self.ctx = ctx
        self._save_job = save_job
        self.setWindowTitle(title)
        self.resize(900, 680)
        layout = QVBoxLayout(self)
        self.form = FormView(ctx.catalog.get(item_code), code_tables, load_bundled_divisions(), parent=self)
        self.form.set_values(values)
        layout.addWidget(self.form, 1)
        bottom = QHBoxLayout()
        self.work_time = QComboBox()
        self.work_time.setObjectName("workTime")
        for code, label in WORK_TIMES:
            self.work_time.addItem(self.tr(label), code)
        if with_work_time is not None:
            self.work_time.setCurrentIndex(max(0, self.work_time.findData(with_work_time)))
            bottom.addWidget(QLabel(self.tr("全职或兼职：")))
            bottom.addWidget(self.work_time)
        else:
            self.work_time.hide()
        bottom.addStretch(1)
        self.save_button = QPushButton(self.tr("保存（Ctrl+Enter）"))
        self.save_button.setObjectName("saveForm")
        self.cancel_button = QPushButton(self.tr("关闭（Esc）"))
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.cancel_button)
        layout.addLayout(bottom)
        self.save_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.submit)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.submit)

    def submit(self) -> None:
        from app.catalog import validate_form
        from app.errors import ValidationFailed
        from ui.forms.choice_editors import code_sets

        values = self.form.values()
        result = validate_form(self.form.definition, values, code_tables=code_sets(self.form._code_tables))
        if not result.ok:
            self.form.show_errors(result.errors, result.warnings)
            return
        self.save_button.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.save_button.setEnabled(True)
            if isinstance(error, ValidationFailed):
                self.form.show_errors(error.errors)
                return
            from ui.errors import show_error

            show_error(self, error)

        def done(new_id: str) -> None:
            self.saved.emit(new_id)
            self.accept()

        job = self._save_job(dict(values), str(self.work_time.currentData()))
        Operation(self.ctx, self, job, self.tr("正在保存……")).success(done).failure(failed).run()


class VerifyDialog(QDialog):
    """The reviewer's conclusion of one check; for commitment cases the investigation first."""

    done = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None, item: Any) -> None:
        super().__init__(parent)
        self.ctx, self.item = ctx, item
        what = item.posting_title if item.kind == "posting" else item.employer_name
        self.setWindowTitle(self.tr("核实：") + (what or ""))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("3 个工作日内核实用人单位证照、负责人身份和招聘信息的真实性、合法性。期限：")
            + item.due_on.isoformat()
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.investigated_on = QDateEdit()
        self.investigated_on.setObjectName("investigatedOn")
        self.investigated_on.setCalendarPopup(True)
        self.investigated_on.setDate(QDate(item.investigated_on or date.today()))
        self.investigation = QPlainTextEdit(item.investigation_note or "")
        self.investigation.setObjectName("investigationNote")
        self.investigation.setMaximumHeight(80)
        self.investigation.setPlaceholderText(self.tr("实地查看经营场所、核实负责人身份和用工需求的情况"))
        if item.on_commitment:
            form.addRow(self.tr("书面承诺受理："), QLabel(self.tr("须记录工作人员调查后再作结论")))
            form.addRow(self.tr("调查日期："), self.investigated_on)
            form.addRow(self.tr("调查情况："), self.investigation)
        self.licence = QCheckBox(self.tr("证照（统一社会信用代码、营业执照）真实有效"))
        self.licence.setObjectName("licenceOk")
        self.person = QCheckBox(self.tr("负责人身份属实"))
        self.person.setObjectName("personOk")
        self.posting = QCheckBox(self.tr("招聘信息真实、合法，无歧视性内容"))
        self.posting.setObjectName("postingOk")
        for box in (self.licence, self.person, self.posting):
            box.setChecked(True)
            form.addRow("", box)
        self.posting.setVisible(item.kind == "posting")
        self.note = QPlainTextEdit()
        self.note.setObjectName("verifyNote")
        self.note.setMaximumHeight(70)
        self.note.setPlaceholderText(self.tr("未通过时必须填写原因，原因会告知用人单位"))
        form.addRow(self.tr("说明："), self.note)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_investigation = QPushButton(self.tr("只保存调查情况"))
        self.save_investigation.setObjectName("saveInvestigation")
        self.save_investigation.setVisible(item.on_commitment)
        self.conclude = QPushButton(self.tr("作出核实结论"))
        self.conclude.setObjectName("concludeVerification")
        close = QPushButton(self.tr("关闭"))
        for button in (self.save_investigation, self.conclude, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.save_investigation.clicked.connect(lambda: self._run(conclude=False))
        self.conclude.clicked.connect(lambda: self._run(conclude=True))
        close.clicked.connect(self.reject)

    def _run(self, *, conclude: bool) -> None:
        from app.calendar import default_calendar
        from app.employers import record_investigation, verify

        ctx, item = self.ctx, self.item
        store, actor, catalog = ctx.store, ctx.user, ctx.catalog
        note = self.investigation.toPlainText()
        on = self.investigated_on.date().toPython()
        record = item.on_commitment and (bool(note.strip()) or not conclude)
        passed = (self.licence.isChecked(), self.person.isChecked(), self.posting.isChecked())
        reason = self.note.toPlainText()

        def job() -> None:
            with store.session() as session:
                if record:
                    record_investigation(session, actor, item.id, on, note)  # type: ignore[arg-type]
            if conclude:
                with store.session() as session:
                    verify(
                        session,
                        actor,  # type: ignore[arg-type]
                        item.id,
                        licence_ok=passed[0],
                        person_ok=passed[1],
                        posting_ok=passed[2],
                        note=reason,
                        catalog=catalog,
                        calendar=default_calendar(),
                    )

        def finished(_r: object) -> None:
            self.done.emit()
            self.accept()

        Operation(ctx, self, job, self.tr("正在保存核实结果……")).success(finished).run()


def employer_save_job(
    ctx: AppContext, employer_id: str | None
) -> Callable[[dict[str, object], str], Callable[[], str]]:
    store, actor, catalog = ctx.store, ctx.user, ctx.catalog

    def make(values: dict[str, object], _work_time: str) -> Callable[[], str]:
        def job() -> str:
            from app.calendar import default_calendar
            from app.employers import register_employer, update_employer

            with store.session() as session:
                if employer_id is None:
                    return register_employer(session, actor, values, catalog=catalog, calendar=default_calendar())  # type: ignore[arg-type]
                update_employer(session, actor, employer_id, values, catalog=catalog)  # type: ignore[arg-type]
                return employer_id

        return job

    return make


def posting_save_job(
    ctx: AppContext, employer_id: str, posting_id: str | None
) -> Callable[[dict[str, object], str], Callable[[], str]]:
    store, actor, catalog = ctx.store, ctx.user, ctx.catalog

    def make(values: dict[str, object], work_time: str) -> Callable[[], str]:
        def job() -> str:
            from app.calendar import default_calendar
            from app.employers import add_posting, update_posting

            with store.session() as session:
                if posting_id is None:
                    return add_posting(
                        session,
                        actor,  # type: ignore[arg-type]
                        employer_id,
                        values,
                        work_time=work_time,
                        catalog=catalog,
                        calendar=default_calendar(),
                    )
                update_posting(session, actor, posting_id, values, work_time=work_time, catalog=catalog)  # type: ignore[arg-type]
                return posting_id

        return job

    return make
