"""Filling a service form for a person: prefilled, auto-saved as a draft, accepted with Ctrl+Enter.

Nothing typed is lost: every change is saved as a draft (debounced), a failed acceptance keeps the
form as it was with the problems shown under their fields, and a draft reopens against the catalog
version it was started with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation

AUTOSAVE_MS = 1500


@dataclass(frozen=True)
class EditorData:
    case_id: str | None
    item: Any
    person: Any
    form_data: dict[str, Any]
    code_tables: Any
    station_code: str


def _prefill(sources: dict[str, str], person: Any, station_code: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, source in sources.items():
        owner, _, attr = source.partition(".")
        if owner == "station" and attr == "division_code":
            values[key] = station_code
        elif owner == "person" and person is not None:
            if attr == "id_document":
                values[key] = {"doc_type": person.doc_type, "number": person.doc_number}
            elif attr == "tags":
                values[key] = list(person.tags)
            else:
                value = getattr(person, attr, None)
                if value is not None:
                    values[key] = value.isoformat() if hasattr(value, "isoformat") else value
    return values


def load_editor_data(ctx: AppContext, item_code: str | None, person_id: str | None, case_id: str | None) -> EditorData:
    """Runs on the DB worker."""
    from app.persons import get_person
    from app.refdata.local_tables import effective_code_tables
    from app.workflow import get_case

    with ctx.store.session() as session:
        form: dict[str, Any] = {}
        if case_id:
            detail = get_case(session, ctx.user, case_id)  # type: ignore[arg-type]
            item = ctx.catalog.get(detail.summary.item_code, detail.summary.item_version)
            person_id = detail.summary.person_id
            form = detail.form_data
        else:
            item = ctx.catalog.get(item_code or "")
        person = get_person(session, ctx.actor_id, person_id, purpose="case_form") if person_id else None
        return EditorData(case_id, item, person, form, effective_code_tables(session), ctx.station_code)


class CaseEditor(QDialog):
    def __init__(
        self, ctx: AppContext, parent: QWidget | None, data: EditorData, on_saved: Callable[[str], None] | None = None
    ) -> None:
        super().__init__(parent)
        from app.refdata.divisions import load_bundled_divisions
        from ui.forms import FormView

        self.ctx, self.data, self.on_saved = ctx, data, on_saved
        self.case_id = data.case_id
        self.person_id = data.person.id if data.person else None
        self._saving = False
        self._dirty = False
        self._resave = False  # something changed or was asked for while a save was running
        self._after_save: list[Callable[[], None]] = []  # what waits for the draft to be saved
        self._pending_qr: list[Any] = []  # scanned codes waiting for the case to exist
        self.setWindowTitle(data.item.name + (f" — {data.person.name}" if data.person else ""))
        self.resize(980, 700)
        layout = QVBoxLayout(self)
        # 联网核查 before a new registration: the outcome shows here and is kept on the case.
        self._check: Any = None  # app.workflow.online_check.CheckRecord once known
        self._check_recorded = False
        self._check_in_flight: Any = None
        check_row = QHBoxLayout()
        self.online_check = QLabel("")
        self.online_check.setObjectName("onlineCheck")
        self.online_check.setWordWrap(True)
        check_row.addWidget(self.online_check, 1)
        self.check_login = QPushButton(self.tr("登录省平台并核查"))
        self.check_login.setObjectName("onlineCheckLogin")
        self.check_login.clicked.connect(self._login_and_check)
        check_row.addWidget(self.check_login)
        layout.addLayout(check_row)
        self.online_check.hide()
        self.check_login.hide()
        self.form = FormView(data.item, data.code_tables, load_bundled_divisions(), parent=self)
        layout.addWidget(self.form, 1)
        values = _prefill(self.form.prefill_sources(), data.person, data.station_code)
        values.update(data.form_data)
        self.form.set_values(values)
        bottom = QHBoxLayout()
        self.draft_state = QLabel("")
        self.draft_state.setObjectName("draftState")
        bottom.addWidget(self.draft_state, 1)
        self.commitment = QCheckBox(self.tr("以书面承诺方式受理"))
        self.commitment.setObjectName("onCommitment")
        commitment = data.item.commitment
        self.commitment.setVisible(bool(commitment and commitment.allowed))
        if commitment and commitment.deadline:
            self.commitment.setToolTip(
                self.tr("承诺件办理时限：{0} 个工作日").replace("{0}", str(commitment.deadline.days))
            )
        bottom.addWidget(self.commitment)
        self.save_button = QPushButton(self.tr("保存草稿（Ctrl+S）"))
        self.save_button.setObjectName("saveDraft")
        self.submit_button = QPushButton(self.tr("受理（Ctrl+Enter）"))
        self.submit_button.setObjectName("submitCase")
        self.close_button = QPushButton(self.tr("关闭（Esc）"))
        for button in (self.save_button, self.submit_button, self.close_button):
            bottom.addWidget(button)
        layout.addLayout(bottom)
        from ui.pages.case_extras import attach_case_extras  # 专项活动 and 代理服务 (services_extra)

        self.extras = attach_case_extras(self)
        from ui.pages.assistance_dialogs import attach_policy_button  # 政策推介 (失业登记)

        self.policy_button = attach_policy_button(self, bottom)
        self.save_button.clicked.connect(self.save_draft)
        self.submit_button.clicked.connect(self.submit)
        self.close_button.clicked.connect(self.close_editor)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save_draft)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.submit)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.submit)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save_draft)
        self.form.changed.connect(self._changed)
        self._card_field: str | None = None
        self.form.readCardRequested.connect(self.read_card)
        self.form.attachmentAdded.connect(self.store_attachment)
        if ctx.cards is not None:
            ctx.cards.cardRead.connect(self._card_read)
            ctx.cards.cardFailed.connect(self._card_failed)
        self.start_online_check()

    # 联网核查 (new 失业登记 / 就业登记): the person's registrations elsewhere in the province ---------------
    def start_online_check(self) -> None:
        from app.workflow.online_check import needs_check

        if self.data.case_id is not None or self.data.person is None or not needs_check(self.data.item.code):
            return
        from ui.online import needs_login, network, services_for

        self.online_check.show()
        self.online_check.setStyleSheet("")
        self.online_check.setText(self.tr("联网核查：正在查询此人在全省的登记情况……"))
        services, doc = services_for(self.ctx), self.data.person.doc_number
        item_code, station = self.data.item.code, self.data.station_code
        username = self.ctx.user.username if self.ctx.user else None

        def job() -> Any:
            from sync.client.online import registration_check

            return registration_check(services.lookup(doc, "verify", username=username), item_code, station)

        def failed(error: BaseException) -> None:
            from sync.client.online import not_checked
            from ui.online import message

            login = needs_login(error)
            self.check_login.setVisible(login)
            reason = self.tr("未登录省级平台") if login else message(error)
            self._set_check(not_checked(reason))
            self.online_check.setStyleSheet("color: #8a5a00;")
            self.online_check.setText(
                self.tr("无法联网核查（离线），可先受理，联网后补查。")
                + ("" if login else "\n" + reason)
                + (self.tr("\n联网核查需要用本人账号登录省级平台。") if login else "")
            )

        network().run(job, self._checked, failed, self.tr("正在联网核查……"))

    def _login_and_check(self) -> None:
        from ui.online import with_platform_session

        with_platform_session(self.ctx, self, self._recheck)

    def _recheck(self) -> None:
        self._check_recorded = False
        self.start_online_check()

    def _checked(self, check: Any) -> None:
        from ui.pages.province_lookup import registration_line

        self.check_login.hide()
        self._set_check(check.record)
        names = self.ctx.item_names()
        if check.same_item_elsewhere:
            lines = "\n".join(registration_line(r, names) for r in check.same_item_elsewhere)
            text = self.tr("联网核查：此人在全省其他站点已有同类登记，请核实后再受理，避免重复登记。") + "\n" + lines
        else:
            text = self.tr("联网核查：全省未发现此人其他站点的同类登记。")
            if check.other:
                text += "\n" + "\n".join(registration_line(r, names) for r in check.other)
        self.online_check.setStyleSheet("color: #a61b1b; font-weight: bold;" if check.same_item_elsewhere else "")
        self.online_check.setText(text)

    def _set_check(self, record: Any) -> None:
        if self._check is not None and self._check.outcome != "not_checked" and record.outcome == "not_checked":
            return  # a real answer already arrived; a later failure to re-check does not undo it
        self._check, self._check_recorded = record, False
        self._record_check_if_ready()

    def _record_check_if_ready(self) -> None:
        """Keep the outcome on the case (a synced case event): with the next draft save, or now once accepted."""
        ctx, case_id, check = self.ctx, self.case_id, self._check
        if case_id is None or check is None or self._check_recorded or ctx.user is None:
            return  # no draft yet: the first save records it
        if getattr(self, "accepted_summary", None) is None:
            self.save_draft()
            return
        self._check_recorded = True

        def job() -> None:
            from app.workflow.online_check import record_online_check

            with ctx.store.session() as session:
                record_online_check(session, ctx.user, case_id, check)  # type: ignore[arg-type]

        Operation(ctx, self, job).run()

    # attachments: the file is copied into the store by content as soon as it is added -----------------
    def store_attachment(self, path: str, sha256: str) -> None:
        from pathlib import Path

        ctx, person_id, case_id = self.ctx, self.person_id, self.case_id

        def job() -> None:
            from app.store.attachments import add_attachment

            with ctx.store.session() as session:
                row_id = add_attachment(session, ctx.store.data_dir, Path(path), case_id=case_id, person_id=person_id)
                from app.store.models import Attachment

                row = session.get(Attachment, row_id)
                if row is None or row.sha256 != sha256:
                    raise ValueError("the file changed while it was being added")

        def failed(error: BaseException) -> None:
            from ui.errors import user_message

            self.draft_state.setText(self.tr("附件未能保存：") + user_message(error))

        Operation(ctx, self, job, self.tr("正在保存附件……")).success(
            lambda _r: self.draft_state.setText(self.tr("附件已保存。"))
        ).failure(failed).run()

    # card reading (F2 or the 读卡 button of an ID field) ---------------------------------------------
    def read_card(self, field_key: str) -> None:
        if self.ctx.cards is None:
            self.draft_state.setText(self.tr("本机没有配置读卡器，请在“设置”中选择读卡器类型。"))
            return
        self._card_field = field_key
        self.draft_state.setText(self.tr("正在读卡……"))
        self.ctx.cards.read()

    def _card_failed(self, message: str) -> None:
        if self._card_field is not None:
            self._card_field = None
            self.draft_state.setText(message)

    def _card_read(self, record: Any) -> None:
        field, self._card_field = self._card_field, None
        if field is None:
            return
        if not record.has_holder_data:
            self._audit_read(record)  # a read is audited whatever it yielded
            self.draft_state.setText(record.notice or self.tr("卡上没有持卡人信息，请改用厂商读卡器或身份证读卡。"))
            return
        values: dict[str, Any] = {field: {"doc_type": "resident_id", "number": record.ss_number}}
        if "name" in self.form.values() and not self.form.values().get("name") and record.name:
            values["name"] = record.name
        self.form.set_values(values)
        self._changed()
        done = self.tr("已读卡并填入证件号码。")
        if record.source == "simulator":
            done += self.tr("（模拟读卡：培训演示用的虚构卡片）")
        self._audit_read(record, lambda: self.draft_state.setText(done))

    def _audit_read(self, record: Any, then: Callable[[], None] | None = None) -> None:
        store, actor = self.ctx.store, self.ctx.actor_id

        def job() -> None:
            from app.cards import audit_card_read

            with store.session() as session:
                audit_card_read(session, actor, record)

        Operation(self.ctx, self, job).success(lambda _r: then() if then else None).run()

    # 电子社保卡 QR code scanned while this form is open: kept on the case, verified or "to verify" -----
    def attach_qr(self, token: Any) -> None:
        """Keep the code on this case; a case not yet saved is saved first (the code waits, never dropped)."""
        self._pending_qr.append(token)
        if self.case_id is None:
            self.save_draft()
        else:
            self._flush_qr()

    def _flush_qr(self) -> None:
        tokens, self._pending_qr = self._pending_qr, []
        for token in tokens:
            self._record_qr(token)

    def _record_qr(self, token: Any) -> None:
        ctx, case_id = self.ctx, self.case_id
        if case_id is None or ctx.user is None:
            return

        def job() -> Any:
            from app.workflow.qr_checks import record_qr_check

            with ctx.store.session() as session:
                return record_qr_check(session, ctx.user, case_id, token)  # type: ignore[arg-type]

        def done(check: Any) -> None:
            texts = {
                "to_verify": self.tr("电子社保卡二维码无法联网核验，已在本件记为“待核验”，请核对证件原件。"),
                "verified": self.tr("电子社保卡二维码核验通过，已记在本件上。"),
                "rejected": self.tr("电子社保卡二维码核验未通过：{0}").replace("{0}", check.message or ""),
            }
            self.draft_state.setText(texts[check.state])
            if check.holder_matches is False:
                box = QMessageBox(
                    QMessageBox.Icon.Warning,
                    self.tr("持有人不一致"),
                    self.tr("扫描的电子社保卡不是本件服务对象本人的。请核对服务对象身份后再继续办理。"),
                    QMessageBox.StandardButton.Ok,
                    self,
                )
                box.setObjectName("qrHolderMismatch")
                box.open()

        Operation(ctx, self, job, self.tr("正在记录二维码……")).success(done).run()

    def _changed(self) -> None:
        self._dirty = True
        self.draft_state.setText(self.tr("有未保存的修改……"))
        self._timer.start()

    # draft ------------------------------------------------------------------------------------------
    def _draft_job(self) -> Callable[[], str]:
        ctx, values, item = self.ctx, self.form.values(), self.data.item
        case_id, person_id = self.case_id, self.person_id
        # The 联网核查 outcome is kept on the case in the same transaction as the draft.
        check = self._check_in_flight = None if self._check_recorded else self._check

        def job() -> str:
            from app.workflow import create_case, save_draft
            from app.workflow.online_check import record_online_check

            with ctx.store.session() as session:
                if case_id is None:
                    saved_id = create_case(session, ctx.user, item, person_id or "", values)  # type: ignore[arg-type]
                else:
                    save_draft(session, ctx.user, case_id, values)  # type: ignore[arg-type]
                    saved_id = case_id
                if check is not None:
                    record_online_check(session, ctx.user, saved_id, check)  # type: ignore[arg-type]
                return saved_id

        return job

    def save_draft(self, then: Callable[[], None] | None = None) -> None:
        """Save the draft, then run ``then``. Asked again while a save runs, it saves once more when that
        one ends (so nothing typed meanwhile is left out) and only then runs what waited."""
        self._timer.stop()
        if then is not None:
            self._after_save.append(then)
        if self._saving:
            self._resave = True
            return
        self._saving = True
        self._dirty = False
        self._resave = False

        def saved(case_id: str) -> None:
            from datetime import datetime

            self._saving = False
            self.case_id = case_id
            if self._check_in_flight is not None and self._check_in_flight is self._check:
                self._check_recorded = True
            self.draft_state.setText(self.tr("草稿已保存 {0}").replace("{0}", datetime.now().strftime("%H:%M:%S")))
            if self._resave:
                self.save_draft()
                return
            self._flush_qr()
            waiting, self._after_save = self._after_save, []
            for action in waiting:
                action()

        def failed(error: BaseException) -> None:
            from ui.errors import user_message

            self._saving = False
            self._dirty = True
            self._after_save.clear()  # closing or accepting waits for a save that worked: the clerk retries
            text = self.tr("草稿未能保存：") + user_message(error)
            if self._pending_qr:
                text += self.tr("扫描的电子社保卡二维码会在草稿保存后记入本件。")
            self.draft_state.setText(text)

        Operation(self.ctx, self, self._draft_job(), self.tr("正在保存草稿……")).success(saved).failure(failed).run()

    # acceptance -------------------------------------------------------------------------------------
    def submit(self) -> None:
        result = self.form.validate()
        if not result.ok:
            self.form.show_errors(result.errors)
            return
        if problem := self.extras.agent_problem():
            self.draft_state.setText(problem)
            return
        missing = self.form.missing_materials()
        if missing and not self.commitment.isChecked():
            answer = QMessageBox.question(
                self,
                self.tr("材料不齐"),
                self.tr("以下材料尚未勾选：{0}。仍然受理吗？").replace("{0}", "、".join(missing)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.save_draft(then=self._accept)

    def _accept(self) -> None:
        ctx, case_id, on_commitment = self.ctx, self.case_id, self.commitment.isChecked()

        def job() -> Any:
            from app.refdata.local_tables import working_calendar
            from app.services.flows import accept_case  # 受理, and 即时办结 where the item settles on the spot

            with ctx.store.session() as session:
                return accept_case(
                    session,
                    ctx.user,  # type: ignore[arg-type]
                    case_id or "",
                    catalog=ctx.catalog,
                    calendar=working_calendar(session),
                    on_commitment=on_commitment,
                )

        def failed(error: BaseException) -> None:
            from app.errors import ValidationFailed
            from ui.errors import show_error

            if isinstance(error, ValidationFailed):
                self.form.show_errors(error.errors)
            else:
                show_error(self, error)

        Operation(ctx, self, job, self.tr("正在受理……")).success(self._accepted).failure(failed).run()

    def _accepted(self, summary: Any) -> None:
        due = self.tr("办理期限：{0}").replace("{0}", str(summary.due_on)) if summary.due_on else self.tr("即时办结")
        self.draft_state.setText(self.tr("已受理，办件编号 {0}。").replace("{0}", summary.case_no) + due)
        self.accepted_summary = summary
        if self.on_saved:
            self.on_saved(summary.id)
        self.accept()

    def close_editor(self) -> None:
        if self._dirty:
            self.save_draft(then=self.reject)
        else:
            self.reject()

    def reject(self) -> None:
        if self._dirty or self._saving or self._pending_qr:
            self.save_draft(then=super().reject)
            return
        super().reject()


def open_case_editor(
    ctx: AppContext,
    parent: QWidget,
    *,
    item_code: str | None = None,
    person_id: str | None = None,
    case_id: str | None = None,
    on_saved: Callable[[str], None] | None = None,
) -> None:
    def show(data: EditorData) -> None:
        editor = CaseEditor(ctx, parent, data, on_saved)
        editor.setObjectName("caseEditor")
        editor.open()

    Operation(
        ctx, parent, lambda: load_editor_data(ctx, item_code, person_id, case_id), QDialog.tr("正在打开表单……")
    ).success(show).run()
