"""代码表维护: a station admin adds, renames, retires and re-activates codes of the editable code tables.

Only tables marked ``editable`` are offered (national standards are not). Every change goes through
``app.refdata.local_tables.set_local_code`` on the DB worker (permission ``codes.edit``, audited);
forms opened afterwards read the tables again, so the change applies without a restart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation

ORIGIN_LABELS = {
    "bundled": QT_TRANSLATE_NOOP("CodeTablesDialog", "随程序附带"),
    "changed": QT_TRANSLATE_NOOP("CodeTablesDialog", "本机修改"),
    "added": QT_TRANSLATE_NOOP("CodeTablesDialog", "本机新增"),
    "platform": QT_TRANSLATE_NOOP("CodeTablesDialog", "平台下发"),
}
CODE_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class TableInfo:
    table: str
    name: str
    note: str
    version: str


def can_edit_codes(ctx: AppContext) -> bool:
    from app.auth import allowed

    return bool(ctx.user and allowed(ctx.user.role, "codes.edit"))


def disabled_reason(ctx: AppContext) -> str:
    """Why the 代码表维护 button is greyed out for this account (empty when it is not)."""
    if can_edit_codes(ctx):
        return ""
    role = ctx.user.role_label if ctx.user else ""
    text = QCoreApplication.translate(
        "CodeTablesDialog", "只有站点管理员可以维护代码表。当前账号（{0}）可以查看办件中的代码，但不能修改代码表。"
    )
    return text.replace("{0}", role)


class CodeTablesDialog(QDialog):
    """Editable tables on the left, the chosen table's codes as a tree on the right."""

    changed = Signal(str)  # table name, after a successful change

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("codeTablesDialog")
        self.setWindowTitle(self.tr("代码表维护"))
        self.resize(1100, 640)
        self.listing: list[Any] = []
        self.tables: dict[str, TableInfo] = {}
        self.entry_dialog: CodeEntryDialog | None = None
        self.confirm: QMessageBox | None = None

        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("本站可以维护的代码表：")))
        self.table_list = QListWidget()
        self.table_list.setObjectName("codeTableList")
        self.table_list.setMaximumWidth(220)
        left.addWidget(self.table_list, 1)
        fixed = QLabel(self.tr("民族、学历、行业等国家标准代码表不能在本机修改，这里不列出。"))
        fixed.setWordWrap(True)
        fixed.setMaximumWidth(220)
        left.addWidget(fixed)
        layout.addLayout(left)

        right = QVBoxLayout()
        self.note = QLabel("")
        self.note.setObjectName("codeTableNote")
        self.note.setWordWrap(True)
        right.addWidget(self.note)
        self.tree = QTreeWidget()
        self.tree.setObjectName("codeTree")
        self.tree.setHeaderLabels([self.tr("代码"), self.tr("名称"), self.tr("来源"), self.tr("状态")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setColumnWidth(0, 150)
        self.tree.setColumnWidth(1, 300)
        self.tree.setColumnWidth(2, 260)
        right.addWidget(self.tree, 1)
        self.message = QLabel("")
        self.message.setObjectName("codeMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right.addWidget(self.message)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("新增代码"))
        self.add_button.setObjectName("addCode")
        self.rename_button = QPushButton(self.tr("改名"))
        self.rename_button.setObjectName("renameCode")
        self.retire_button = QPushButton(self.tr("停用"))
        self.retire_button.setObjectName("retireCode")
        close = QPushButton(self.tr("关闭"))
        close.setObjectName("closeCodeTables")
        for button in (self.add_button, self.rename_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        right.addLayout(buttons)
        layout.addLayout(right, 1)

        self.table_list.currentRowChanged.connect(lambda _row: self.load_table())
        self.tree.currentItemChanged.connect(lambda *_args: self._update_buttons())
        self.add_button.clicked.connect(self.add_code)
        self.rename_button.clicked.connect(self.rename_code)
        self.retire_button.clicked.connect(self.toggle_active)
        close.clicked.connect(self.accept)
        self._update_buttons()
        self._load_tables()

    # data ------------------------------------------------------------------------------------------
    def _load_tables(self) -> None:
        def job() -> list[TableInfo]:
            from app.refdata.codes import load_bundled_code_tables

            return [
                TableInfo(t.table, t.name, t.note or "", t.version)
                for t in load_bundled_code_tables().values()
                if t.editable
            ]

        def show(tables: list[TableInfo]) -> None:
            self.tables = {info.table: info for info in tables}
            for info in tables:
                item = QListWidgetItem(info.name)
                item.setData(CODE_ROLE, info.table)
                item.setToolTip(f"{info.table}\n{info.note}".strip())
                self.table_list.addItem(item)
            if tables:
                self.table_list.setCurrentRow(0)

        Operation(self.ctx, self, job).success(show).failure(self._fail).run()

    def current_table(self) -> str | None:
        item = self.table_list.currentItem()
        return str(item.data(CODE_ROLE)) if item else None

    def select_table(self, table: str) -> None:
        for row in range(self.table_list.count()):
            if self.table_list.item(row).data(CODE_ROLE) == table:
                self.table_list.setCurrentRow(row)
                return
        raise KeyError(table)

    def load_table(self, keep: str | None = None) -> None:
        table = self.current_table()
        if table is None:
            return
        info = self.tables[table]
        self.note.setText(info.note or self.tr("（此代码表没有说明）"))
        store = self.ctx.store

        def job() -> list[Any]:
            from app.refdata.local_tables import code_table_listing

            with store.session() as session:
                return code_table_listing(session, table)

        def show(listing: list[Any]) -> None:
            if self.current_table() == table:
                self._show_listing(listing, keep)

        Operation(self.ctx, self, job).success(show).failure(self._fail).run()

    def _show_listing(self, listing: list[Any], keep: str | None) -> None:
        self.listing = listing
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        grey = QBrush(QColor("#888888"))
        for entry in listing:
            status = self.tr("使用中") if entry.active else self.tr("已停用")
            item = QTreeWidgetItem([entry.code, entry.label, self._origin_text(entry), status])
            item.setData(0, CODE_ROLE, entry.code)
            if not entry.active:
                for column in range(4):
                    item.setForeground(column, grey)
            items[entry.code] = item
        for entry in listing:
            holder = items.get(entry.parent) if entry.parent else None
            if holder is not None:
                holder.addChild(items[entry.code])
            else:
                self.tree.addTopLevelItem(items[entry.code])
        self.tree.expandAll()
        if keep and keep in items:
            self.tree.setCurrentItem(items[keep])
        self._update_buttons()

    def _origin_text(self, entry: Any) -> str:
        text = self.tr(str(ORIGIN_LABELS[entry.origin]))
        if entry.origin == "bundled":
            return f"{text}（{entry.source_version}）"
        if entry.origin == "platform":
            return f"{text}（{entry.source_version.removeprefix('platform:')}）"
        if entry.origin == "changed" and entry.bundled_label and entry.bundled_label != entry.label:
            return f"{text}（{self.tr('原名：')}{entry.bundled_label}）"
        return text

    def entry(self, code: str | None) -> Any:
        return next((e for e in self.listing if e.code == code), None)

    def selected(self) -> Any:
        item = self.tree.currentItem()
        return self.entry(item.data(0, CODE_ROLE)) if item else None

    def tree_row(self, code: str) -> list[str] | None:
        """The four visible columns of ``code``'s row, or None (for tests and screenshots)."""
        found = self.tree.findItems(code, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
        return [found[0].text(column) for column in range(4)] if found else None

    def parent_of(self, code: str) -> str | None:
        found = self.tree.findItems(code, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive, 0)
        holder = found[0].parent() if found else None
        return holder.text(0) if holder else None

    def _update_buttons(self) -> None:
        entry = self.selected()
        self.add_button.setEnabled(self.current_table() is not None)
        self.rename_button.setEnabled(entry is not None and entry.active)
        self.retire_button.setEnabled(entry is not None)
        active = entry is None or entry.active
        self.retire_button.setText(self.tr("停用") if active else self.tr("重新启用"))

    def _fail(self, error: BaseException) -> None:
        from ui.errors import user_message

        self.message.setText(user_message(error))

    # changes ---------------------------------------------------------------------------------------
    def _save(
        self,
        code: str,
        label: str,
        parent: str | None,
        active: bool,
        done: Callable[[], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        table, store, actor = self.current_table(), self.ctx.store, self.ctx.actor_id
        if table is None:
            return

        def job() -> None:
            from app.refdata.local_tables import set_local_code

            with store.session() as session:
                set_local_code(session, actor, table, code, label, parent=parent, active=active)

        def ok(_result: None) -> None:
            done()
            self.changed.emit(table)
            self.load_table(keep=code.strip())

        Operation(self.ctx, self, job).success(ok).failure(failed).run()

    def _parent_choices(self) -> list[tuple[str, str]]:
        return [(e.code, e.label) for e in self.listing if e.active]

    def add_code(self) -> CodeEntryDialog:
        chosen = self.selected()
        parent = None
        if chosen is not None and chosen.active:
            parent = chosen.parent or chosen.code
        dialog = CodeEntryDialog(self.tr("新增代码"), self._parent_choices(), parent, self)
        dialog.submitted.connect(lambda: self._submit(dialog, self.tr("已新增代码 {0}。"), new=True))
        return self._open(dialog)

    def rename_code(self) -> CodeEntryDialog | None:
        entry = self.selected()
        if entry is None or not entry.active:
            return None
        dialog = CodeEntryDialog(self.tr("改名"), self._parent_choices(), entry.parent, self)
        dialog.code.setText(entry.code)
        dialog.code.setReadOnly(True)
        dialog.parent_box.setEnabled(False)
        dialog.label.setText(entry.label)
        dialog.label.selectAll()
        dialog.label.setFocus()
        dialog.submitted.connect(lambda: self._submit(dialog, self.tr("已将代码 {0} 改名。")))
        return self._open(dialog)

    def _open(self, dialog: CodeEntryDialog) -> CodeEntryDialog:
        self.entry_dialog = dialog
        dialog.open()
        return dialog

    def _submit(self, dialog: CodeEntryDialog, said: str, *, new: bool = False) -> None:
        code, label, parent = dialog.values()
        existing = self.entry(code.strip())
        if new and existing is not None:
            text = (
                self.tr("代码“{0}”已经有了（{1}），请换一个代码；要改名请在列表中选中它再点“改名”。")
                if existing.active
                else self.tr("代码“{0}”已经有了（{1}，已停用），请换一个代码，或在列表中选中它再点“重新启用”。")
            )
            dialog.show_error(text.replace("{0}", code.strip()).replace("{1}", existing.label))
            return
        dialog.show_error("")

        def done() -> None:
            self.message.setText(said.replace("{0}", code.strip()))
            dialog.accept()

        def failed(error: BaseException) -> None:
            from ui.errors import user_message

            dialog.show_error(user_message(error))  # the dialog stays open with what was typed

        self._save(code, label, parent, True, done, failed)

    def toggle_active(self) -> QMessageBox | None:
        entry = self.selected()
        if entry is None:
            return None
        if not entry.active:
            said = self.tr("已重新启用代码 {0}。").replace("{0}", entry.code)
            self._save(entry.code, entry.label, entry.parent, True, lambda: self.message.setText(said), self._fail)
            return None
        text = self.tr(
            "停用代码“{0} {1}”后，新登记和新办件中不能再选它。\n"
            "已经使用这个代码的办件和登记保留原代码，不受影响；以后可以重新启用。\n\n确定停用吗？"
        )
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("停用代码"),
            text.replace("{0}", entry.code).replace("{1}", entry.label),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmRetire")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("停用"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("取消"))
        said = self.tr("已停用代码 {0}。").replace("{0}", entry.code)

        def answered(button: Any) -> None:
            if button is yes:
                self._save(entry.code, "", entry.parent, False, lambda: self.message.setText(said), self._fail)

        box.buttonClicked.connect(answered)
        self.confirm = box
        box.open()
        return box


class CodeEntryDialog(QDialog):
    """Code, name and parent of one entry; stays open (with what was typed) until the save succeeded."""

    submitted = Signal()

    def __init__(
        self, title: str, parents: list[tuple[str, str]], parent_code: str | None, owner: QWidget | None = None
    ) -> None:
        super().__init__(owner)
        self.setObjectName("codeEntryDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.code = QLineEdit()
        self.code.setObjectName("entryCode")
        self.code.setPlaceholderText(self.tr("字母或数字，如 3001"))
        self.label = QLineEdit()
        self.label.setObjectName("entryLabel")
        self.parent_box = QComboBox()
        self.parent_box.setObjectName("entryParent")
        self.parent_box.addItem(self.tr("（无上级，作为一级分类）"), None)
        for code, label in parents:
            self.parent_box.addItem(f"{code}  {label}", code)
        self.parent_box.setCurrentIndex(max(0, self.parent_box.findData(parent_code)) if parent_code else 0)
        self.error = QLabel("")
        self.error.setObjectName("entryError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(self.tr("代码："), self.code)
        form.addRow(self.tr("名称："), self.label)
        form.addRow(self.tr("上级："), self.parent_box)
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.submitted.emit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        form.addRow(buttons)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.adjustSize()  # a wrapped sentence needs the room

    def values(self) -> tuple[str, str, str | None]:
        parent = self.parent_box.currentData()
        return self.code.text(), self.label.text(), parent if isinstance(parent, str) else None

    def save(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
