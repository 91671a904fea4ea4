"""全省通办: the platform's answer to a look-up by ID number, and taking the person into this station's store."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation

GENDER = {"1": "男", "2": "女"}


def registration_line(reg: Any, item_names: dict[str, str]) -> str:
    from app.workflow import STATE_LABELS, State

    try:
        state = STATE_LABELS[State(reg.state)]
    except ValueError:
        state = reg.state
    accepted = f"，受理日期 {reg.accepted_on}" if reg.accepted_on else ""
    return f"{reg.station_name}：{item_names.get(reg.item_code, reg.item_code)}（{state}{accepted}）"


class ProvinceLookupDialog(QDialog):
    """Shows what the platform may tell this station (no phone, no address) and offers 建档到本站."""

    imported = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None, result: Any) -> None:
        super().__init__(parent)
        self.ctx, self.answer = ctx, result
        self.setObjectName("provinceLookup")
        self.setWindowTitle(self.tr("全省通办：省平台查找结果"))
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(result.message)
        self.summary.setObjectName("provinceMessage")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        box = QGroupBox(self.tr("人员（省平台按范围规则提供，不含电话和住址）"))
        inner = QVBoxLayout(box)
        self.persons = QListWidget()
        self.persons.setObjectName("provincePersons")
        for person in result.persons:
            parts = [person.name, GENDER.get(person.gender or "", "")]
            if person.birth_date:
                parts.append(self.tr("出生 {0}").replace("{0}", person.birth_date.isoformat()))
            if person.employment_status:
                parts.append(self.tr("就业状态 {0}").replace("{0}", person.employment_status))
            parts.append(self.tr("登记站点：{0}").replace("{0}", person.station_name))
            self.persons.addItem("  ".join(p for p in parts if p))
        inner.addWidget(self.persons)
        layout.addWidget(box)
        regs = QGroupBox(self.tr("在全省的有效办件"))
        regs_layout = QVBoxLayout(regs)
        self.registrations = QListWidget()
        self.registrations.setObjectName("provinceRegistrations")
        names = ctx.item_names()
        for reg in result.registrations:
            self.registrations.addItem(registration_line(reg, names))
        if not result.registrations:
            self.registrations.addItem(self.tr("（无）"))
        regs_layout.addWidget(self.registrations)
        layout.addWidget(regs)
        self.note = QLabel(self.tr("本次查询已记入本站的查看记录，省平台也记录了此次查询。"))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox()
        self.import_button = QPushButton(self.tr("建档到本站"))
        self.import_button.setObjectName("importPerson")
        importable = [p for p in result.persons if p.importable]
        self.import_button.setEnabled(bool(importable))
        if result.persons and not importable:
            self.import_button.setToolTip(self.tr("省平台返回的信息不足以建档，请按常规方式新建人员。"))
        buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        close = QPushButton(self.tr("关闭"))
        close.setObjectName("closeLookup")
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.import_button.clicked.connect(self.take_person)
        layout.addWidget(buttons)

    def take_person(self) -> None:
        importable = [p for p in self.answer.persons if p.importable]
        if not importable:
            return
        person, store, actor = importable[0], self.ctx.store, self.ctx.actor_id

        def job() -> str:
            from sync.client.online import import_person

            with store.session() as session:
                return import_person(session, actor, person)

        def done(person_id: str) -> None:
            self.imported.emit(person_id)
            self.accept()

        Operation(self.ctx, self, job, self.tr("正在建档……")).success(done).run()
