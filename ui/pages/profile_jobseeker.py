"""The person profile's 求职与岗位匹配 panel: intention, skills, ranked postings with the reasons,
referrals (推荐) with their outcome, and the 回访 after each referral."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation

WORK_TIMES = {"any": "不限", "full": "全职", "part": "兼职（非全日制）"}
OUTCOMES = {
    "pending": "待反馈",
    "interviewing": "面试中",
    "hired": "已录用",
    "rejected": "未录用",
    "declined": "本人放弃",
    "no_show": "未去应聘",
}


class IntentionDialog(QDialog):
    """Occupations, places, wage, full/part time and key industries wanted (catalog field editors)."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None, person_id: str, current: Any, tables: Any) -> None:
        super().__init__(parent)
        from app.matching.service import MAX_PLACES
        from app.refdata.divisions import load_bundled_divisions
        from ui.forms.factory import create_editor
        from ui.pages.intention_places import PlacesEditor

        self.ctx, self.person_id = ctx, person_id
        self.setWindowTitle(self.tr("求职意向"))
        self.resize(760, 640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        seeking = ctx.catalog.get("job_seeking")
        employer = ctx.catalog.get("employer_registration")
        divisions = load_bundled_divisions()
        self.occupations = create_editor(seeking.field("desired_occupations"), seeking, tables, divisions, self)
        self.place = create_editor(seeking.field("desired_division"), seeking, tables, divisions, self)
        self.places = PlacesEditor(self.place, divisions, MAX_PLACES, self)  # several places; the picker adds
        self.industries = create_editor(employer.field("key_industries"), employer, tables, divisions, self)
        self.occupations.setObjectName("intentionOccupations")
        self.place.setObjectName("intentionPlace")
        self.wage_min = QSpinBox()
        self.wage_min.setObjectName("intentionWageMin")
        self.wage_max = QSpinBox()
        self.wage_max.setObjectName("intentionWageMax")
        for box in (self.wage_min, self.wage_max):
            box.setRange(0, 100_000)
            box.setSingleStep(100)
            box.setSuffix(self.tr(" 元"))
            box.setSpecialValueText(self.tr("不限"))
        self.work_time = QComboBox()
        self.work_time.setObjectName("intentionWorkTime")
        for code, label in WORK_TIMES.items():
            self.work_time.addItem(self.tr(label), code)
        self.note = QLineEdit()
        self.note.setObjectName("intentionNote")
        form.addRow(self.tr("意向职业（必填，可多选）："), self.occupations)
        form.addRow(self.tr("意向工作地（可添加多个，不填按常住地）："), self.places)
        form.addRow(self.tr("期望月工资下限："), self.wage_min)
        form.addRow(self.tr("期望月工资上限："), self.wage_max)
        form.addRow(self.tr("全职或兼职："), self.work_time)
        form.addRow(self.tr("意向重点产业："), self.industries)
        form.addRow(self.tr("备注："), self.note)
        layout.addLayout(form, 1)
        self.error = QLabel("")
        self.error.setObjectName("intentionError")
        self.error.setStyleSheet("color:#b3261e")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("saveIntention")
        cancel = QPushButton(self.tr("关闭"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(cancel)
        layout.addLayout(buttons)
        if current is not None:
            self.occupations.set_value(list(current.occupations))
            self.places.set_values(current.divisions)
            self.industries.set_value(list(current.key_industries))
            self.wage_min.setValue(current.wage_min or 0)
            self.wage_max.setValue(current.wage_max or 0)
            self.work_time.setCurrentIndex(max(0, self.work_time.findData(current.work_time)))
            self.note.setText(current.note or "")
        self.save_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        self.places.add_button.clicked.connect(lambda: self.error.setText(self.places.message))

    def submit(self) -> None:
        from app.matching import IntentionInput

        data = IntentionInput(
            occupations=tuple(self.occupations.value() or ()),  # type: ignore[call-overload]
            divisions=self.places.values(),
            wage_min=self.wage_min.value() or None,
            wage_max=self.wage_max.value() or None,
            work_time=str(self.work_time.currentData()),
            key_industries=tuple(self.industries.value() or ()),  # type: ignore[call-overload]
            note=self.note.text(),
        )
        store, actor, person_id = self.ctx.store, self.ctx.user, self.person_id

        def job() -> None:
            from app.matching import save_intention

            with store.session() as session:
                save_intention(session, actor, person_id, data)  # type: ignore[arg-type]

        def failed(error: BaseException) -> None:
            from ui.errors import user_message

            self.error.setText(user_message(error))

        def done(_r: object) -> None:
            self.saved.emit()
            self.accept()

        Operation(self.ctx, self, job).success(done).failure(failed).run()


class OutcomeDialog(QDialog):
    """The outcome of a referral, or the 回访 after it (with what was learnt)."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None, referral: Any, *, follow_up: bool) -> None:
        super().__init__(parent)
        self.ctx, self.referral, self.follow_up = ctx, referral, follow_up
        self.setWindowTitle(self.tr("记录回访") if follow_up else self.tr("登记推荐结果"))
        layout = QFormLayout(self)
        layout.addRow(self.tr("推荐岗位："), QLabel(f"{referral.posting_title}  {referral.employer_name or ''}"))
        self.outcome = QComboBox()
        self.outcome.setObjectName("referralOutcome")
        for code, label in OUTCOMES.items():
            self.outcome.addItem(self.tr(label), code)
        self.outcome.setCurrentIndex(max(0, self.outcome.findData(referral.outcome)))
        layout.addRow(self.tr("求职结果："), self.outcome)
        self.text = QPlainTextEdit()
        self.text.setObjectName("followUpText")
        self.text.setMaximumHeight(90)
        self.text.setPlaceholderText(
            self.tr("回访方式和情况，例如“电话回访，已到岗”") if follow_up else self.tr("说明（可不填）")
        )
        layout.addRow(self.tr("回访情况：") if follow_up else self.tr("说明："), self.text)
        self.error = QLabel("")
        self.error.setStyleSheet("color:#b3261e")
        layout.addRow(self.error)
        row = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存"))
        self.save_button.setObjectName("saveOutcome")
        cancel = QPushButton(self.tr("关闭"))
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(cancel)
        layout.addRow(row)
        self.save_button.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)

    def submit(self) -> None:
        store, actor, referral = self.ctx.store, self.ctx.user, self.referral
        outcome, text, follow_up = str(self.outcome.currentData()), self.text.toPlainText(), self.follow_up

        def job() -> None:
            from app.matching import record_follow_up, set_referral_outcome

            with store.session() as session:
                if follow_up:
                    record_follow_up(session, actor, referral.follow_up_id, text, referral_outcome=outcome)  # type: ignore[arg-type]
                else:
                    set_referral_outcome(session, actor, referral.id, outcome, text)  # type: ignore[arg-type]

        def failed(error: BaseException) -> None:
            from ui.errors import user_message

            self.error.setText(user_message(error))

        Operation(self.ctx, self, job).success(lambda _r: (self.saved.emit(), self.accept())).failure(failed).run()


class JobSeekerPanel(QGroupBox):
    """求职与岗位匹配 in the person profile."""

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.setTitle(self.tr("求职与岗位匹配"))
        self.setObjectName("jobSeekerPanel")
        self.ctx = ctx
        self.person_id: str | None = None
        self.view: Any = None
        self.tables: Any = {}
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.intention = QLabel(self.tr("尚未登记求职意向。"))
        self.intention.setObjectName("intentionSummary")
        self.intention.setWordWrap(True)
        top.addWidget(self.intention, 1)
        self.intention_button = QPushButton(self.tr("求职意向"))
        self.intention_button.setObjectName("editIntention")
        top.addWidget(self.intention_button)
        layout.addLayout(top)

        skills = QHBoxLayout()
        skills.addWidget(QLabel(self.tr("技能：")))
        self.skills = QListWidget()
        self.skills.setObjectName("skillList")
        self.skills.setFlow(QListWidget.Flow.LeftToRight)
        self.skills.setMaximumHeight(34)
        skills.addWidget(self.skills, 1)
        self.skill_name = QLineEdit()
        self.skill_name.setObjectName("skillName")
        self.skill_name.setPlaceholderText(self.tr("技能，如 电焊"))
        self.skill_level = QLineEdit()
        self.skill_level.setObjectName("skillLevel")
        self.skill_level.setPlaceholderText(self.tr("等级/证书"))
        self.skill_level.setMaximumWidth(110)
        self.add_skill_button = QPushButton(self.tr("添加"))
        self.add_skill_button.setObjectName("addSkill")
        self.remove_skill_button = QPushButton(self.tr("删除"))
        self.remove_skill_button.setObjectName("removeSkill")
        for widget in (self.skill_name, self.skill_level, self.add_skill_button, self.remove_skill_button):
            skills.addWidget(widget)
        layout.addLayout(skills)

        self.match_caption = QLabel(self.tr("匹配岗位"))
        self.match_caption.setObjectName("matchCaption")
        layout.addWidget(self.match_caption)
        self.matches = QTableWidget(0, 4)
        self.matches.setObjectName("matchTable")
        self.matches.setHorizontalHeaderLabels(
            [self.tr(h) for h in ("岗位 / 单位", "月工资（元）", "得分", "匹配理由")]
        )
        self.matches.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.matches.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matches.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matches.verticalHeader().hide()
        self.matches.setWordWrap(True)
        header = self.matches.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((170, 85, 40, 260)):
            self.matches.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.matches.setMinimumHeight(300)
        layout.addWidget(self.matches)
        row = QHBoxLayout()
        row.addStretch(1)
        self.refer_button = QPushButton(self.tr("推荐此岗位"))
        self.refer_button.setObjectName("referPosting")
        row.addWidget(self.refer_button)
        layout.addLayout(row)

        layout.addWidget(QLabel(self.tr("推荐记录与回访")))
        self.referrals = QListWidget()
        self.referrals.setObjectName("referralList")
        self.referrals.setMaximumHeight(150)
        self.referrals.setWordWrap(True)
        layout.addWidget(self.referrals)
        row = QHBoxLayout()
        row.addStretch(1)
        self.outcome_button = QPushButton(self.tr("登记推荐结果"))
        self.outcome_button.setObjectName("referralOutcomeButton")
        self.follow_up_button = QPushButton(self.tr("记录回访"))
        self.follow_up_button.setObjectName("recordFollowUp")
        row.addWidget(self.outcome_button)
        row.addWidget(self.follow_up_button)
        layout.addLayout(row)

        self.intention_button.clicked.connect(self.edit_intention)
        self.add_skill_button.clicked.connect(self.add_skill)
        self.skill_name.returnPressed.connect(self.add_skill)
        self.remove_skill_button.clicked.connect(self.remove_skill)
        self.refer_button.clicked.connect(self.refer)
        self.outcome_button.clicked.connect(lambda: self._outcome(follow_up=False))
        self.follow_up_button.clicked.connect(lambda: self._outcome(follow_up=True))
        self.referrals.itemActivated.connect(lambda _i: self._outcome(follow_up=True))
        self._set_enabled(False)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (
            self.intention_button,
            self.add_skill_button,
            self.remove_skill_button,
            self.refer_button,
            self.outcome_button,
            self.follow_up_button,
            self.skill_name,
            self.skill_level,
        ):
            widget.setEnabled(enabled)

    def load(self, person_id: str) -> None:
        self.person_id = person_id
        store = self.ctx.store

        def job() -> Any:
            from app.matching import job_seeker_view
            from app.refdata.local_tables import effective_code_tables

            with store.session() as session:
                # Shown inside the person profile, whose own read is the audited view: no second entry.
                return job_seeker_view(session, None, person_id), effective_code_tables(session)

        def show(found: Any) -> None:
            if found[0].person_id == self.person_id:
                self.show_view(*found)

        Operation(self.ctx, self, job, self.tr("正在匹配岗位……")).success(show).run()

    def _label(self, table: str, code: str | None) -> str:
        found = self.tables.get(table)
        return ((found.label(code) if found else None) or code) if code else ""

    def show_view(self, view: Any, tables: Any) -> None:
        from app.refdata.divisions import load_bundled_divisions

        self.view, self.tables = view, tables
        intention = view.intention
        if intention is None:
            self.intention.setText(self.tr("尚未登记求职意向。点“求职意向”登记后即可匹配岗位。"))
        else:
            divisions = load_bundled_divisions()
            places = "、".join(divisions.full_name(d).removeprefix("贵州省") or d for d in intention.divisions)
            wage = ""
            if intention.wage_min and intention.wage_max:
                wage = f"{intention.wage_min}–{intention.wage_max} 元"
            elif intention.wage_min:
                wage = self.tr("{0} 元起").replace("{0}", str(intention.wage_min))
            elif intention.wage_max:
                wage = self.tr("{0} 元以内").replace("{0}", str(intention.wage_max))
            parts = [
                self.tr("意向职业：") + "、".join(self._label("occupation_major", c) for c in intention.occupations),
                self.tr("工作地：") + (places or self.tr("常住地")),
                self.tr("期望工资：") + (wage or self.tr("不限")),
                self.tr(WORK_TIMES.get(intention.work_time, "")),
            ]
            if intention.key_industries:
                parts.append(
                    self.tr("意向产业：") + "、".join(self._label("key_industry", c) for c in intention.key_industries)
                )
            self.intention.setText("；".join(p for p in parts if p))
        self.skills.clear()
        for skill in view.skills:
            item = QListWidgetItem(skill.name + (f"（{skill.level}）" if skill.level else ""))
            item.setData(Qt.ItemDataRole.UserRole, skill.id)
            self.skills.addItem(item)
        self.match_caption.setText(
            self.tr("匹配岗位（从本机缓存的 {0} 个在招岗位中排序，前 {1} 个）")
            .replace("{0}", str(view.postings_considered))
            .replace("{1}", str(len(view.matches)))
        )
        self.matches.setRowCount(0)
        for match in view.matches:
            c = match.candidate
            r = self.matches.rowCount()
            self.matches.insertRow(r)
            wage = f"{c.salary_min or ''}–{c.salary_max or ''}" if c.salary_min or c.salary_max else ""
            source = self.tr("平台岗位") if c.source == "platform" else self.tr("本站登记")
            title = QTableWidgetItem(
                c.title
                + (self.tr("（书面承诺受理）") if c.on_commitment else "")
                + f"\n{c.employer_name or ''}（{source}）"
            )
            title.setData(Qt.ItemDataRole.UserRole, c.ref)
            reasons = QTableWidgetItem("\n".join(match.reasons))
            cells = [title, QTableWidgetItem(wage), QTableWidgetItem(str(match.score)), reasons]
            for column, cell in enumerate(cells):
                self.matches.setItem(r, column, cell)
        self.matches.resizeRowsToContents()
        if view.matches:
            self.matches.selectRow(0)
        self.referrals.clear()
        from app.clock import today

        now = today()
        for referral in view.referrals:
            follow = ""
            if referral.follow_up_done:
                follow = self.tr("已回访 ") + f"{referral.follow_up_done}：{referral.follow_up_outcome or ''}"
            elif referral.follow_up_due:
                late = referral.follow_up_due < now
                follow = (self.tr("回访已超期 ") if late else self.tr("待回访 ")) + str(referral.follow_up_due)
            item = QListWidgetItem(
                f"{referral.referred_on}  {referral.posting_title}  {referral.employer_name or ''}\n"
                f"    {self.tr('结果：')}{self.tr(OUTCOMES.get(referral.outcome, referral.outcome))}  {follow}"
            )
            item.setData(Qt.ItemDataRole.UserRole, referral.id)
            self.referrals.addItem(item)
        if view.referrals:
            self.referrals.setCurrentRow(0)
        self._set_enabled(True)

    def edit_intention(self) -> None:
        if self.person_id is None:
            return
        dialog = IntentionDialog(
            self.ctx, self, self.person_id, self.view.intention if self.view else None, self.tables
        )
        dialog.saved.connect(lambda: self.load(self.person_id or ""))
        dialog.open()
        self.intention_dialog = dialog

    def add_skill(self) -> None:
        name, level = self.skill_name.text(), self.skill_level.text()
        if self.person_id is None or not name.strip():
            return
        store, actor, person_id = self.ctx.store, self.ctx.user, self.person_id

        def job() -> None:
            from app.matching import add_skill

            with store.session() as session:
                add_skill(session, actor, person_id, name, level or None)  # type: ignore[arg-type]

        def done(_r: object) -> None:
            self.skill_name.clear()
            self.skill_level.clear()
            self.load(person_id)

        Operation(self.ctx, self, job).success(done).run()

    def remove_skill(self) -> None:
        item = self.skills.currentItem()
        if item is None or self.person_id is None:
            return
        skill_id, store, actor, person_id = (
            item.data(Qt.ItemDataRole.UserRole),
            self.ctx.store,
            self.ctx.user,
            self.person_id,
        )

        def job() -> None:
            from app.matching import remove_skill

            with store.session() as session:
                remove_skill(session, actor, skill_id)  # type: ignore[arg-type]

        Operation(self.ctx, self, job).success(lambda _r: self.load(person_id)).run()

    def refer(self) -> None:
        row = self.matches.currentRow()
        item = self.matches.item(row, 0) if row >= 0 else None
        if item is None or self.person_id is None:
            return
        ref, store, actor, person_id, catalog = (
            item.data(Qt.ItemDataRole.UserRole),
            self.ctx.store,
            self.ctx.user,
            self.person_id,
            self.ctx.catalog,
        )

        def job() -> str:
            from app.matching import record_referral

            with store.session() as session:
                return record_referral(session, actor, person_id, ref, catalog=catalog)  # type: ignore[arg-type]

        Operation(self.ctx, self, job, self.tr("正在登记推荐……")).success(lambda _r: self.load(person_id)).run()

    def _current_referral(self) -> Any:
        item = self.referrals.currentItem()
        if item is None or self.view is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.view.referrals if r.id == wanted), None)

    def _outcome(self, *, follow_up: bool) -> Any:
        referral = self._current_referral()
        if referral is None:
            return None
        if follow_up and (referral.follow_up_id is None or referral.follow_up_done is not None):
            return None
        dialog = OutcomeDialog(self.ctx, self, referral, follow_up=follow_up)
        dialog.saved.connect(lambda: self.load(self.person_id or ""))
        dialog.open()
        self.outcome_dialog = dialog
        return dialog


def create_panel(ctx: AppContext) -> QWidget:
    return JobSeekerPanel(ctx)
