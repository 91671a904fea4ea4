"""A person's profile: details, documents, tags, household, cases, follow-ups and who looked at it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation

DOC_TYPES = {
    "resident_id": "居民身份证",
    "ss_card": "社会保障卡",
    "residence_permit": "港澳台居民居住证",
    "hkmo_permit": "港澳居民来往内地通行证",
    "tw_permit": "台湾居民来往大陆通行证",
}
ACTIONS = {
    "person.view": "查看",
    "person.create": "新建",
    "person.update": "修改",
    "person.delete": "删除",
    "person.import": "导入",
    "card.read": "读卡",
    "card.pin": "持卡人验密",
}


class PersonProfile(QScrollArea):
    startCase = Signal(str, str)
    openCase = Signal(str)
    changed = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.person_id: str | None = None
        self.overview: Any = None
        self.setWidgetResizable(True)
        body = QWidget()
        self.setWidget(body)
        layout = QVBoxLayout(body)
        self.name = QLabel(self.tr("在左侧选择人员，或按 Ctrl+N 新建。"))
        self.name.setObjectName("profileName")
        layout.addWidget(self.name)
        self.sync_state = QLabel("")
        self.sync_state.setObjectName("profileSyncState")
        layout.addWidget(self.sync_state)
        actions = QHBoxLayout()
        self.item_choice = QComboBox()
        self.item_choice.setObjectName("itemChoice")
        for item in ctx.catalog.items():
            if item.subject == "person":
                self.item_choice.addItem(item.name, item.code)
        self.start_button = QPushButton(self.tr("办理"))
        self.start_button.setObjectName("startCase")
        self.edit_button = QPushButton(self.tr("修改资料"))
        self.edit_button.setObjectName("editPerson")
        actions.addWidget(self.item_choice, 1)
        actions.addWidget(self.start_button)
        actions.addWidget(self.edit_button)
        layout.addLayout(actions)
        self.details = QFormLayout()
        box = QGroupBox(self.tr("基本信息"))
        box.setLayout(self.details)
        layout.addWidget(box)
        self.cases = self._list(layout, self.tr("办件"), "profileCases")
        self.follow_ups = self._list(layout, self.tr("回访与跟踪"), "profileFollowUps")
        from ui.pages.profile_panels import panel_factories

        self.panels: list[QWidget] = [factory(ctx) for factory in panel_factories()]
        for panel in self.panels:
            layout.addWidget(panel)
        self.access = self._list(layout, self.tr("查看与修改记录"), "profileAccess")
        layout.addStretch(1)
        self.start_button.clicked.connect(self._start_case)
        self.edit_button.clicked.connect(self._edit)
        self.cases.itemActivated.connect(
            lambda item: (
                self.openCase.emit(item.data(Qt.ItemDataRole.UserRole)) if item.data(Qt.ItemDataRole.UserRole) else None
            )
        )
        self._set_enabled(False)

    def _list(self, layout: QVBoxLayout, title: str, name: str) -> QListWidget:
        box = QGroupBox(title)
        inner = QVBoxLayout(box)
        view = QListWidget()
        view.setObjectName(name)
        view.setMaximumHeight(160)
        inner.addWidget(view)
        layout.addWidget(box)
        return view

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.item_choice, self.start_button, self.edit_button):
            widget.setEnabled(enabled)

    def load(self, person_id: str) -> None:
        store, actor = self.ctx.store, self.ctx.actor_id

        def job() -> Any:
            from app.persons.overview import person_overview

            with store.session() as session:
                return person_overview(session, actor, person_id)

        Operation(self.ctx, self, job, self.tr("正在打开人员资料……")).success(self.show_overview).run()

    def show_overview(self, overview: Any) -> None:
        self.overview = overview
        person = overview.person
        self.person_id = person.id
        self.name.setText(f"{person.name}" + ("" if person.synced else self.tr("（待同步）")))
        while self.details.rowCount():
            self.details.removeRow(0)
        rows = [
            (self.tr("证件"), f"{DOC_TYPES.get(person.doc_type, person.doc_type)} {person.doc_number}"),
            (self.tr("性别"), {"1": "男", "2": "女"}.get(person.gender or "", "")),
            (self.tr("出生日期"), person.birth_date.isoformat() if person.birth_date else ""),
            (self.tr("手机"), person.phone or ""),
            (self.tr("常住地址"), person.residence_address or ""),
            (self.tr("户籍地址"), person.hukou_address or ""),
            (self.tr("标签"), "、".join(person.tags)),
            (
                self.tr("其他证件"),
                "；".join(
                    f"{DOC_TYPES.get(d.doc_type, d.doc_type)}"
                    f"{'（卡号 ' + d.card_number + '）' if d.card_number else ''}"
                    for d in person.documents
                    if d.doc_type != person.doc_type
                ),
            ),
            (self.tr("家庭"), overview.household_address or (self.tr("已登记") if overview.household_id else "")),
        ]
        for label, value in rows:
            text = QLabel(value)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            self.details.addRow(label + "：", text)
        names = self.ctx.item_names()
        self.cases.clear()
        for case in overview.cases:
            item = QListWidgetItem(
                f"{names.get(case.item_code, case.item_code)}  {case.case_no}  {case.state_label}"
                + (f"  期限 {case.due_on}" if case.due_on else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, case.id)
            self.cases.addItem(item)
        self.follow_ups.clear()
        for follow in overview.follow_ups:
            state = self.tr("已完成") if follow.done_on else self.tr("待办")
            from app.catalog.model import FOLLOW_UP_KINDS

            self.follow_ups.addItem(f"{follow.due_on}  {FOLLOW_UP_KINDS.get(follow.kind, follow.kind)}  {state}")
        self.access.clear()
        for line in overview.recent_access:
            self.access.addItem(f"{line.at:%Y-%m-%d %H:%M}  {line.actor}  {ACTIONS.get(line.action, line.action)}")
        for panel in self.panels:
            panel.load(person.id)  # type: ignore[attr-defined]
        self._set_enabled(True)
        self._load_sync_state(person.id)

    def _load_sync_state(self, person_id: str) -> None:
        store = self.ctx.store

        def job() -> str:
            from sync.client.status import record_sync_states

            with store.session() as session:
                return record_sync_states(session, "person", [person_id])[person_id]

        labels = {
            "synced": self.tr("同步：已同步"),
            "pending": self.tr("同步：待同步"),
            "conflict": self.tr("同步：冲突，请在状态栏“冲突与退回”中处理"),
            "rejected": self.tr("同步：被平台退回，请在状态栏“冲突与退回”中处理"),
        }

        def show(state: str) -> None:
            if person_id == self.person_id:
                self.sync_state.setText(labels.get(state, ""))

        Operation(self.ctx, self, job).success(show).run()

    def _start_case(self) -> None:
        if self.person_id:
            self.startCase.emit(self.person_id, self.item_choice.currentData())

    def _edit(self) -> None:
        if self.overview is None:
            return
        from ui.pages.person_editor import PersonEditor

        editor = PersonEditor(self.ctx, self, person=self.overview.person)
        editor.saved.connect(lambda person_id: (self.load(person_id), self.changed.emit()))
        editor.open()
