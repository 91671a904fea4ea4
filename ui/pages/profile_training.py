"""Person profile panel 培训、创业与信用: green channel banner, training enrolments, entrepreneurship
records and fraud flags, with the actions on them (报名培训, 登记结业, 创业服务, 绿色通道, 失信记录)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ui.context import AppContext
from ui.operations import Operation
from ui.pages.services_dialogs import actor_of


class TrainingProfilePanel(QGroupBox):
    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setTitle(self.tr("培训、创业与信用"))
        self.setObjectName("profileTraining")
        self.ctx = ctx
        self.person_id: str | None = None
        self.profile: Any = None
        layout = QVBoxLayout(self)
        self.green = QLabel("")
        self.green.setObjectName("greenChannelBanner")
        self.green.setWordWrap(True)
        layout.addWidget(self.green)
        self.enrolments = self._list(layout, "profileEnrolments", self.tr("职业培训"))
        self.entrepreneurship = self._list(layout, "profileEntrepreneurship", self.tr("创业服务"))
        self.fraud_caption = QLabel(self.tr("失信记录（骗取、冒领）"))
        self.fraud = self._list(layout, "profileFraud", None)
        layout.insertWidget(layout.indexOf(self.fraud), self.fraud_caption)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, label in (
            ("enrol", self.tr("报名培训")),
            ("complete", self.tr("登记结业")),
            ("entrepreneurship", self.tr("创业服务")),
            ("green", self.tr("绿色通道")),
            ("fraud", self.tr("登记失信")),
        ):
            button = QPushButton(label)
            button.setObjectName(f"svc-{key}")
            button.setEnabled(False)
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        layout.addLayout(row)
        self.buttons["enrol"].clicked.connect(self.enrol)
        self.buttons["complete"].clicked.connect(self.complete)
        self.buttons["entrepreneurship"].clicked.connect(self.add_entrepreneurship)
        self.buttons["green"].clicked.connect(self.toggle_green)
        self.buttons["fraud"].clicked.connect(self.flag_fraud)
        self.enrolments.currentItemChanged.connect(lambda *_a: self._update_buttons())

    def _list(self, layout: QVBoxLayout, name: str, caption: str | None) -> QListWidget:
        if caption:
            layout.addWidget(QLabel(caption))
        view = QListWidget()
        view.setObjectName(name)
        view.setMaximumHeight(110)
        view.setWordWrap(True)
        layout.addWidget(view)
        return view

    # loading ------------------------------------------------------------------------------------------
    def load(self, person_id: str) -> None:
        self.person_id = person_id
        store, actor = self.ctx.store, self.ctx.actor_id

        def job() -> Any:
            from app.services_extra.profile import services_profile

            with store.session() as session:
                return services_profile(session, actor, person_id, audit_view=False)  # the profile audits

        Operation(self.ctx, self, job, self.tr("正在读取培训与创业记录……")).success(self._show).run()

    def reload(self, _result: Any = None) -> None:
        if self.person_id:
            self.load(self.person_id)

    def _place_banner(self) -> None:
        """Show the green-channel banner at the top of the profile (under the name), not down in this panel."""
        parent = self.parentWidget()
        layout = parent.layout() if parent is not None else None
        if isinstance(layout, QVBoxLayout) and layout.indexOf(self.green) < 0 and layout.indexOf(self) > 1:
            layout.insertWidget(1, self.green)

    def _show(self, profile: Any) -> None:
        if profile.person_id != self.person_id:
            return
        self._place_banner()
        self.profile = profile
        if profile.green_channel:
            self.green.setText(
                self.tr("★ 绿色通道：{0}（自 {1}）优先办理")
                .replace("{0}", profile.green_channel.reason)
                .replace("{1}", profile.green_channel.since.isoformat())
            )
            self.green.setStyleSheet("background:#1b5e20;color:white;font-weight:bold;padding:6px;font-size:15px;")
        elif profile.green_suggested:
            self.green.setText(
                self.tr("重点群体（{0}），可设为绿色通道。").replace("{0}", "、".join(profile.green_suggested))
            )
            self.green.setStyleSheet("color:#1b5e20;")
        else:
            self.green.setText("")
            self.green.setStyleSheet("")
        self.green.setVisible(bool(self.green.text()))
        self.enrolments.clear()
        for e in profile.enrolments:
            extra = ""
            if e.status == "completed":
                extra = f"  {e.result_label}" + (f"  证书 {e.certificate_no}" if e.certificate_no else "")
            item = QListWidgetItem(
                f"【{e.type_label}】{e.course_name}  {e.status_label}  报名 {e.enrolled_on.isoformat()}{extra}"
            )
            item.setData(Qt.ItemDataRole.UserRole, (e.id, e.status))
            self.enrolments.addItem(item)
        if not profile.enrolments:
            self.enrolments.addItem(self.tr("（无培训记录）"))
        self.entrepreneurship.clear()
        for r in profile.entrepreneurship:
            detail = r.project_name or ""
            if r.loan_amount:
                detail += f"  {r.loan_amount} 元"
            if r.incubator_name:
                detail += f"  {r.incubator_name}"
            returnee = self.tr("  返乡创业") if r.returnee else ""
            self.entrepreneurship.addItem(f"{r.served_on.isoformat()}  {r.kind_label}  {detail.strip()}{returnee}")
        if not profile.entrepreneurship:
            self.entrepreneurship.addItem(self.tr("（无创业服务记录）"))
        self.fraud.clear()
        for f in profile.fraud_flags:
            state = self.tr("有效") if f.status == "open" else self.tr("已撤销")
            self.fraud.addItem(f"⚠ {f.flagged_on.isoformat()}  {f.kind_label}  {f.fund or ''}  {state}：{f.reason}")
        self.fraud.setVisible(bool(profile.fraud_flags))
        self.fraud_caption.setVisible(bool(profile.fraud_flags))
        self._update_buttons()

    def _selected_enrolment(self) -> tuple[str, str] | None:
        item = self.enrolments.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item else None
        return tuple(data) if data else None  # type: ignore[return-value]

    def _update_buttons(self) -> None:
        ready = self.profile is not None and self.ctx.user is not None
        selected = self._selected_enrolment()
        self.buttons["enrol"].setEnabled(ready)
        self.buttons["complete"].setEnabled(ready and selected is not None and selected[1] == "enrolled")
        self.buttons["entrepreneurship"].setEnabled(ready)
        self.buttons["green"].setEnabled(ready)
        if self.profile is not None:
            self.buttons["green"].setText(
                self.tr("结束绿色通道") if self.profile.green_channel else self.tr("设为绿色通道")
            )
        reviewer = self.ctx.user is not None and self.ctx.user.role == "reviewer"
        self.buttons["fraud"].setEnabled(ready and reviewer)
        self.buttons["fraud"].setToolTip("" if reviewer else self.tr("只有审核人员可以登记失信记录。"))

    # actions ------------------------------------------------------------------------------------------
    def enrol(self) -> None:
        if not self.person_id:
            return
        person_id, store = self.person_id, self.ctx.store

        def job() -> Any:
            from app.services_extra.training import training_catalog

            with store.session() as session:
                return training_catalog(session)

        def show(courses: Any) -> None:
            from ui.pages.services_dialogs import EnrolDialog

            dialog = EnrolDialog(self.ctx, self, person_id, courses, self.reload)
            dialog.setObjectName("enrolDialog")
            dialog.open()

        Operation(self.ctx, self, job, self.tr("正在读取培训目录……")).success(show).run()

    def complete(self) -> None:
        selected = self._selected_enrolment()
        if selected is None:
            return
        from ui.pages.services_dialogs import CompleteTrainingDialog

        dialog = CompleteTrainingDialog(self.ctx, self, selected[0], self.reload)
        dialog.setObjectName("completeTrainingDialog")
        dialog.open()

    def add_entrepreneurship(self) -> None:
        if not self.person_id:
            return
        from ui.pages.services_dialogs import EntrepreneurshipDialog

        dialog = EntrepreneurshipDialog(self.ctx, self, self.person_id, self.reload)
        dialog.setObjectName("entrepreneurshipDialog")
        dialog.open()

    def toggle_green(self) -> None:
        if not self.person_id or self.profile is None:
            return
        if self.profile.green_channel:
            ctx, person_id = self.ctx, self.person_id

            def job() -> None:
                from app.services_extra import green_channel

                with ctx.store.session() as session:
                    green_channel.end(session, actor_of(ctx), person_id)

            Operation(ctx, self, job, self.tr("正在保存……")).success(self.reload).run()
            return
        from ui.pages.services_dialogs import GreenChannelDialog

        dialog = GreenChannelDialog(self.ctx, self, self.person_id, self.profile.green_suggested, self.reload)
        dialog.setObjectName("greenChannelDialog")
        dialog.open()

    def flag_fraud(self) -> None:
        if not self.person_id:
            return
        from ui.pages.services_dialogs import FraudDialog

        dialog = FraudDialog(self.ctx, self, self.person_id, self.reload)
        dialog.setObjectName("fraudDialog")
        dialog.open()
