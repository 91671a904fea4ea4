"""家庭成员变动 in the household detail: add a registered person, remove a member with a reason, correct a relation.

The household's zero-employment status follows each change (app.households.members); the detail reloads.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import code_cache
from ui.context import AppContext
from ui.operations import Operation
from ui.pages.household_dialogs import _date, _Dialog, _today

HEAD = "01"
SEARCH_DELAY_MS = 250


def _relation_combo(name: str, skip_head: bool = False, current: str | None = None) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    for code, label in code_cache.choices("relation") or [(HEAD, "户主")]:
        if skip_head and code == HEAD:
            continue
        combo.addItem(label, code)
    if current is not None and combo.findData(current) >= 0:
        combo.setCurrentIndex(combo.findData(current))
    return combo


class _MemberDialog(_Dialog):
    """A dialog whose error text grows it instead of squeezing the form (the dialog stays open, input kept)."""

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.adjustSize()

    def _run(self, job: Any, result_id: Any) -> None:
        def ok(value: Any) -> None:
            self.saved.emit(str(result_id(value)))
            self.accept()

        def bad(error: BaseException) -> None:
            from ui.errors import user_message

            self.show_error(user_message(error))

        Operation(self.ctx, self, job, self.tr("正在保存……")).success(ok).failure(bad).run()


class MemberActions(QWidget):
    """The list of former members (shown under the members table) and the member buttons (``buttons``)."""

    changed = Signal()

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self.detail: Any = None
        self.person_id: str | None = None
        self.dialog: _Dialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(self.tr("添加成员"))
        self.add_button.setObjectName("addMemberButton")
        self.add_button.setToolTip(self.tr("出生、婚入、迁入的人员加入本户（须已在“人员”中登记）"))
        self.remove_button = QPushButton(self.tr("移出成员"))
        self.remove_button.setObjectName("removeMemberButton")
        self.remove_button.setToolTip(self.tr("所选成员迁出、婚出或死亡：登记日期和原因，保留在历史成员中"))
        self.relation_button = QPushButton(self.tr("修改关系"))
        self.relation_button.setObjectName("changeRelationButton")
        self.relation_button.setToolTip(self.tr("更正所选成员与户主的关系，或把所选成员设为户主"))
        # The host lays the buttons out in its own button row (the members table keeps its height).
        self.buttons = (self.add_button, self.remove_button, self.relation_button)
        self.former = QLabel("")
        self.former.setObjectName("formerMembers")
        self.former.setWordWrap(True)
        self.former.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.former)
        self.add_button.clicked.connect(self.add_member)
        self.remove_button.clicked.connect(self.remove_member)
        self.relation_button.clicked.connect(self.change_relation)
        self.show_detail(None)

    def show_detail(self, detail: Any) -> None:
        self.detail = detail
        lines = []
        for f in detail.former if detail is not None else ():
            line = self.tr("{0}：{1} {2}").replace("{0}", f.name).replace(
                "{1}", f.left_on.isoformat() if f.left_on else "").replace("{2}", self.tr(f.reason_label))
            lines.append(line + (f"（{f.note}）" if f.note else ""))
        self.former.setText(self.tr("历史成员　") + "；".join(lines) if lines else "")
        self.former.setVisible(bool(lines))
        self.select(self.person_id)

    def select(self, person_id: str | None) -> None:
        self.person_id = person_id
        chosen = self._member() is not None
        self.add_button.setEnabled(self.detail is not None)
        self.remove_button.setEnabled(chosen)
        self.relation_button.setEnabled(chosen)

    def _member(self) -> Any:
        if self.detail is None or self.person_id is None:
            return None
        return next((m for m in self.detail.members if m.person_id == self.person_id), None)

    def _open(self, dialog: _Dialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _id: self.changed.emit())
        dialog.open()

    def add_member(self) -> None:
        if self.detail is not None:
            self._open(AddMemberDialog(self.ctx, self, self.detail))

    def remove_member(self) -> None:
        member = self._member()
        if member is not None:
            self._open(RemoveMemberDialog(self.ctx, self, self.detail, member))

    def change_relation(self) -> None:
        member = self._member()
        if member is not None:
            self._open(RelationDialog(self.ctx, self, self.detail, member))


class AddMemberDialog(_MemberDialog):
    """Find a registered person (证件号码、姓名、拼音、手机尾号) and add them with a relation."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, detail: Any) -> None:
        super().__init__(ctx, parent, self.tr("添加家庭成员"))
        self.setObjectName("addMemberDialog")
        self.setMinimumWidth(680)  # the note beside a search hit fits without scrolling
        self.household_id = detail.household_id
        self.form.addRow(self.tr("户主"), QLabel(detail.head_name or self.tr("（无）")))
        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(self.tr("输入证件号码、姓名、拼音或手机尾号查找已登记的人员"))
        self.search.setClearButtonEnabled(True)
        self.form.addRow(self.tr("查找人员"), self.search)
        self.results = QListWidget()
        self.results.setObjectName("memberResults")
        self.results.setMinimumHeight(150)
        self.form.addRow(self.results)
        self.hint = QLabel(self.tr("尚未登记的人员，请先在“人员”页面点“新建”登记，再回来添加。"))
        self.hint.setObjectName("memberSearchHint")
        self.hint.setWordWrap(True)
        self.form.addRow(self.hint)
        has_head = any(m.relation == HEAD for m in detail.members)
        self.relation = _relation_combo("memberRelation", skip_head=has_head, current="03")
        self.form.addRow(self.tr("与户主关系"), self.relation)
        if has_head:
            note = QLabel(self.tr("本户已有户主。如要更换户主，添加后用“修改关系”设置。"))
            note.setWordWrap(True)
            self.form.addRow(note)
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.search.setFocus()

    def run_search(self) -> None:
        self._timer.stop()
        query = self.search.text()
        self._generation += 1
        generation = self._generation
        store, household_id = self.ctx.store, self.household_id

        def job() -> list[tuple[str, str, str]]:
            from app.households import person_household_id
            from app.search import search_persons

            with store.session() as session:
                found = []
                for hit in search_persons(session, query, limit=30):
                    elsewhere = person_household_id(session, hit.id)
                    where = "" if elsewhere is None else ("here" if elsewhere == household_id else "other")
                    born = hit.birth_date.isoformat() if hit.birth_date else ""
                    found.append((hit.id, f"{hit.name}　{hit.masked_id}　{born}", where))
                return found

        def show(found: list[tuple[str, str, str]]) -> None:
            if generation != self._generation:
                return  # a newer keystroke has asked again
            self.results.clear()
            marks = {"": "", "here": self.tr("（已是本户成员）"),
                     "other": self.tr("（已是另一户成员，须先从原家庭移出）")}
            for person_id, text, where in found:
                item = QListWidgetItem(text + marks[where])
                item.setData(Qt.ItemDataRole.UserRole, person_id)
                self.results.addItem(item)
            if found:
                self.results.setCurrentRow(0)
                self.hint.setText(self.tr("找到 {0} 人，请选择要加入本户的人员。").replace("{0}", str(len(found))))
            elif query.strip():
                self.hint.setText(self.tr("没有找到此人：本站尚未登记。请先在“人员”页面点“新建”登记此人，再回来添加。"))
            else:
                self.hint.setText(self.tr("尚未登记的人员，请先在“人员”页面点“新建”登记，再回来添加。"))

        def failed(error: BaseException) -> None:
            from ui.errors import user_message

            self.hint.setText(user_message(error))

        Operation(self.ctx, self, job, self.tr("正在查询……")).success(show).failure(failed).run()

    def save(self) -> None:
        item = self.results.currentItem()
        person_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not person_id:
            self.show_error(self.tr("请先查找并选择要加入本户的人员。尚未登记的人员请先在“人员”页面新建。"))
            return
        store, actor, household_id = self.ctx.store, self.ctx.actor_id, self.household_id
        relation = str(self.relation.currentData())

        def job() -> str:
            from app.clock import today
            from app.households import add_member

            with store.session() as session:
                return add_member(session, actor, household_id, str(person_id), relation, today())

        self._run(job, lambda member_id: member_id)


class RemoveMemberDialog(_MemberDialog):
    """移出成员: why (迁出、婚出、死亡、其他) and since when; the member stays in the household's history."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, detail: Any, member: Any) -> None:
        from app.households import LEAVE_REASONS

        super().__init__(ctx, parent, self.tr("移出家庭成员"))
        self.setObjectName("removeMemberDialog")
        self.setMinimumWidth(420)
        self.member_id = member.member_id
        self.form.addRow(self.tr("成员"), QLabel(member.name))
        self.reason = QComboBox()
        self.reason.setObjectName("leaveReason")
        for code, label in LEAVE_REASONS.items():
            self.reason.addItem(self.tr(label), code)
        self.form.addRow(self.tr("移出原因"), self.reason)
        self.left_on = QDateEdit(_today())
        self.left_on.setObjectName("leaveDate")
        self.left_on.setCalendarPopup(True)
        self.left_on.setDisplayFormat("yyyy-MM-dd")
        self.form.addRow(self.tr("移出日期"), self.left_on)
        self.note = QLineEdit()
        self.note.setObjectName("leaveNote")
        self.note.setMaxLength(200)
        self.note.setPlaceholderText(self.tr("如迁往何处；原因选“其他”时必填"))
        self.form.addRow(self.tr("说明"), self.note)
        if member.relation == HEAD and len(detail.members) > 1:
            self.error.setText(self.tr("此人是户主：须先用“修改关系”把另一名成员设为户主，才能移出。"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("移出"))

    def save(self) -> None:
        store, actor, member_id = self.ctx.store, self.ctx.actor_id, str(self.member_id)
        reason, note, left_on = str(self.reason.currentData()), self.note.text(), _date(self.left_on)

        def job() -> str:
            from app.clock import today
            from app.households import remove_member

            with store.session() as session:
                remove_member(session, actor, member_id, reason, today(), note=note, left_on=left_on)
            return member_id

        self._run(job, lambda mid: mid)


class RelationDialog(_MemberDialog):
    """修改关系: a plain correction, or making the member 户主 (the former head then needs a new relation)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None, detail: Any, member: Any) -> None:
        super().__init__(ctx, parent, self.tr("修改与户主关系"))
        self.setObjectName("relationDialog")
        self.setMinimumWidth(420)
        self.member_id = member.member_id
        self.head = next((m for m in detail.members if m.relation == HEAD and m.member_id != member.member_id), None)
        self.form.addRow(self.tr("成员"), QLabel(member.name))
        self.relation = _relation_combo("relationCombo", current=member.relation)
        self.form.addRow(self.tr("与户主关系"), self.relation)
        self.former_label = QLabel(self.tr("原户主{0}改为").replace("{0}", self.head.name if self.head else ""))
        self.former = _relation_combo("formerHeadRelation", skip_head=True, current="02")
        self.form.addRow(self.former_label, self.former)
        self.relation.currentIndexChanged.connect(lambda _i: self._former_visible())
        self._former_visible()

    def _former_visible(self) -> None:
        visible = self.head is not None and self.relation.currentData() == HEAD
        self.former_label.setVisible(visible)
        self.former.setVisible(visible)

    def save(self) -> None:
        store, actor, member_id = self.ctx.store, self.ctx.actor_id, str(self.member_id)
        relation = str(self.relation.currentData())
        former = str(self.former.currentData()) if self.former.isVisibleTo(self) else None

        def job() -> str:
            from app.clock import today
            from app.households import change_relation

            with store.session() as session:
                change_relation(session, actor, member_id, relation, today(), former_head_relation=former)
            return member_id

        self._run(job, lambda mid: mid)
