"""人员: search as you type (ID, name, pinyin, initials, phone tail), open a profile, create or edit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.models.lazy_table import Column, LazyTableModel
from ui.operations import Operation
from ui.pages.person_profile import PersonProfile

SEARCH_DELAY_MS = 120
GENDER = {"1": "男", "2": "女"}


class PersonsPage(QWidget):
    startCase = Signal(str, str)
    openCase = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._query_generation = 0
        self._hits: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("人员"))
        title.setObjectName("pageTitle")
        top.addWidget(title)
        self.search = QLineEdit()
        self.search.setObjectName("personSearch")
        self.search.setPlaceholderText(self.tr("输入证件号码、姓名、拼音、拼音首字母或手机尾号（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        self.new_button = QPushButton(self.tr("新建人员（Ctrl+N）"))
        self.new_button.setObjectName("newPerson")
        top.addWidget(self.new_button)
        outer.addLayout(top)
        self.hint = QLabel("")
        self.hint.setObjectName("searchHint")
        outer.addWidget(self.hint)

        split = QSplitter()
        self.model = LazyTableModel(
            ctx,
            [
                Column("name", self.tr("姓名"), lambda h: h.name),
                Column("id", self.tr("证件号码"), lambda h: h.masked_id),
                Column("gender", self.tr("性别"), lambda h: GENDER.get(h.gender or "", "")),
                Column("birth", self.tr("出生日期"), lambda h: h.birth_date.isoformat() if h.birth_date else ""),
                Column("phone", self.tr("手机尾号"), lambda h: h.phone_tail or ""),
            ],
            self._rows_for,
        )
        self.table = QTableView()
        self.table.setObjectName("personResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        split.addWidget(self.table)
        self.profile = PersonProfile(ctx)
        split.addWidget(self.profile)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 640])
        outer.addWidget(split, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self._enter_in_search)
        self.table.activated.connect(lambda index: self.open_person(self.model.id_at(index.row())))
        self.new_button.clicked.connect(self.new_person)
        self.profile.startCase.connect(self.startCase)
        self.profile.openCase.connect(self.openCase)
        self.profile.changed.connect(self.run_search)
        QShortcut(QKeySequence("Ctrl+N"), self, activated=self.new_person)

    def refresh(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _rows_for(self, ids: Sequence[str]) -> Mapping[str, Any]:
        return {i: self._hits[i] for i in ids if i in self._hits}

    def run_search(self) -> None:
        query = self.search.text()
        self._query_generation += 1
        generation = self._query_generation
        store = self.ctx.store

        def job() -> list[Any]:
            from app.search import search_persons

            with store.session() as session:
                return search_persons(session, query, limit=200)

        def show(hits: list[Any]) -> None:
            if generation != self._query_generation:
                return  # a newer keystroke has already asked again
            self._hits = {h.id: h for h in hits}
            self.model.set_rows([h.id for h in hits], self._hits)
            if not query.strip():
                self.hint.setText("")
            elif hits:
                self.hint.setText(self.tr("找到 {0} 人").replace("{0}", str(len(hits))))
            else:
                self.hint.setText(self.tr("没有找到。可以按 Ctrl+N 新建人员。"))
            if hits:
                self.table.selectRow(0)

        Operation(self.ctx, self, job, self.tr("正在查询……")).success(show).run()

    def _enter_in_search(self) -> None:
        if self.model.rowCount() > 0:
            self.open_person(self.model.id_at(max(0, self.table.currentIndex().row())))

    def open_person(self, person_id: str | None) -> None:
        if person_id:
            self.profile.load(person_id)

    def new_person(self, prefill: Mapping[str, Any] | None = None) -> None:
        from ui.pages.person_editor import PersonEditor

        editor = PersonEditor(self.ctx, self, prefill=prefill)
        editor.saved.connect(lambda person_id: (self.open_person(person_id), self.run_search()))
        editor.openExisting.connect(self.open_person)
        editor.open()
