"""人员: search as you type (ID, name, pinyin, initials, phone tail), open a profile, create or edit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Signal
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

SYNC_LABELS = {
    "synced": QT_TRANSLATE_NOOP("PersonsPage", "已同步"),
    "pending": QT_TRANSLATE_NOOP("PersonsPage", "待同步"),
    "conflict": QT_TRANSLATE_NOOP("PersonsPage", "冲突"),
    "rejected": QT_TRANSLATE_NOOP("PersonsPage", "被退回"),
}
SEARCH_DELAY_MS = 60  # the search itself takes ~10 ms at 1,000,000 persons: see docs/benchmarks.md
GENDER = {"1": "男", "2": "女"}
COLUMN_WIDTHS = (110, 170, 50, 100, 80, 60)  # 姓名, 证件号码 (masked), 性别, 出生日期, 手机尾号, 同步


def full_id_number(query: str) -> str | None:
    """The query as a complete, valid 居民身份证 number (全省通办 looks up only by a full number)."""
    from app.validation import validate

    text = query.strip().upper()
    if len(text) != 18:
        return None
    return text if validate("resident_id", text).ok else None


class PersonsPage(QWidget):
    startCase = Signal(str, str)
    openCase = Signal(str)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx
        self._query_generation = 0
        self._hits: dict[str, Any] = {}
        self._sync_states: dict[str, str] = {}
        self._lookup_number: str | None = None
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
        self.card_button = QPushButton(self.tr("读卡（F2）"))
        self.card_button.setObjectName("readCard")
        self.card_button.setToolTip(self.tr("读社会保障卡或身份证，找到人员或新建（F2）"))
        top.addWidget(self.card_button)
        self.pin_button = QPushButton(self.tr("持卡人验密"))
        self.pin_button.setObjectName("verifyPin")
        self.pin_button.setToolTip(
            self.tr("请持卡人在读卡器的密码键盘上输入社保卡密码，以核实是本人持卡（需厂商社保卡读卡器）")
        )
        top.addWidget(self.pin_button)
        self.new_button = QPushButton(self.tr("新建人员（Ctrl+N）"))
        self.new_button.setObjectName("newPerson")
        top.addWidget(self.new_button)
        outer.addLayout(top)
        hint_row = QHBoxLayout()
        self.hint = QLabel("")
        self.hint.setObjectName("searchHint")
        self.hint.setWordWrap(True)
        hint_row.addWidget(self.hint, 1)
        self.province_button = QPushButton(self.tr("到省平台查找"))
        self.province_button.setObjectName("provinceLookupButton")
        self.province_button.setToolTip(self.tr("全省通办：按证件号码到省级平台查找此人（需要联网）"))
        self.province_button.hide()
        self.province_button.clicked.connect(self.lookup_province)
        hint_row.addWidget(self.province_button)
        outer.addLayout(hint_row)

        split = QSplitter()
        self.model = LazyTableModel(
            ctx,
            [
                Column("name", self.tr("姓名"), lambda h: h.name),
                Column("id", self.tr("证件号码"), lambda h: h.masked_id),
                Column("gender", self.tr("性别"), lambda h: GENDER.get(h.gender or "", "")),
                Column("birth", self.tr("出生日期"), lambda h: h.birth_date.isoformat() if h.birth_date else ""),
                Column("phone", self.tr("手机尾号"), lambda h: h.phone_tail or ""),
                Column("sync", self.tr("同步"), lambda h: self._sync_label(h.id)),
            ],
            self._rows_for,
        )
        self.table = QTableView()
        self.table.setObjectName("personResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Fixed starting widths, not ResizeToContents: that measures every cell of all 200 hits (about ten
        # model calls each) on the GUI thread after each search, ~100 ms (benchmarks/bench_workbench.py).
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
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
        QShortcut(QKeySequence("F2"), self, activated=self.read_card)
        self.card_button.clicked.connect(self.read_card)
        self.pin_button.clicked.connect(self.verify_pin)
        self._card_requested = False
        self._pin_for: str | None = None  # the person whose record was open when the PIN check began
        self._pin_requested = False
        if ctx.cards is not None:
            ctx.cards.pinChecked.connect(self._pin_checked)
            ctx.cards.cardRead.connect(self._card_read)
            ctx.cards.cardFailed.connect(self._card_failed)
            ctx.cards.cardInserted.connect(self._card_inserted)
            ctx.cards.watch()
        else:
            self.card_button.setEnabled(False)

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

        def job() -> tuple[list[Any], dict[str, str], str | None, bool]:
            from app.search import search_persons
            from sync.client.state import connection
            from sync.client.status import record_sync_states

            with store.session() as session:
                hits = search_persons(session, query, limit=200)
                states = record_sync_states(session, "person", [h.id for h in hits])
                number = full_id_number(query) if not hits else None
                return hits, states, number, number is not None and connection(session) is not None

        def show(result: tuple[list[Any], dict[str, str], str | None, bool]) -> None:
            if generation != self._query_generation:
                return  # a newer keystroke has already asked again
            hits, states, number, enrolled = result
            self._hits = {h.id: h for h in hits}
            self._sync_states = states
            self.model.set_rows([h.id for h in hits], self._hits)
            self._lookup_number = number if enrolled else None
            self.province_button.setVisible(self._lookup_number is not None)
            if not query.strip():
                self.hint.setText("")
            elif hits:
                self.hint.setText(self.tr("找到 {0} 人").replace("{0}", str(len(hits))))
            elif number and enrolled:
                self.hint.setText(self.tr("本站没有此证件号码的人员。可以到省平台查找（全省通办），或按 Ctrl+N 新建。"))
            elif number:
                self.hint.setText(
                    self.tr("本站没有此证件号码的人员。本机尚未接入省级平台，不能到省平台查找；可以按 Ctrl+N 新建。")
                )
            else:
                self.hint.setText(self.tr("没有找到。可以按 Ctrl+N 新建人员。"))
            if hits:
                self.table.selectRow(0)

        Operation(self.ctx, self, job, self.tr("正在查询……")).success(show).run()

    def _sync_label(self, person_id: str) -> str:
        return self.tr(SYNC_LABELS.get(self._sync_states.get(person_id, "synced"), ""))

    # 全省通办 -------------------------------------------------------------------------------------------
    def lookup_province(self) -> None:
        from ui.online import with_platform_session

        if self._lookup_number is None or self.ctx.user is None:
            return
        with_platform_session(self.ctx, self, self._lookup_now)

    def _lookup_now(self) -> None:
        from ui.online import message, needs_login, network, services_for

        number, services = self._lookup_number, services_for(self.ctx)
        username = self.ctx.user.username if self.ctx.user else None
        if number is None:
            return

        def failed(error: BaseException) -> None:
            if needs_login(error):
                self.lookup_province()
                return
            self.hint.setText(self.tr("到省平台查找未完成：") + message(error))

        network().run(
            lambda: services.lookup(number, "transfer", username=username),
            self._looked_up,
            failed,
            self.tr("正在到省平台查找……"),
        )

    def _looked_up(self, result: Any) -> None:
        store, actor = self.ctx.store, self.ctx.actor_id

        def job() -> None:
            from sync.client.online import audit_lookup

            with store.session() as session:
                audit_lookup(session, actor, result)

        def show(_none: None) -> None:
            from ui.pages.province_lookup import ProvinceLookupDialog

            self.hint.setText(result.message)
            dialog = ProvinceLookupDialog(self.ctx, self, result)
            dialog.imported.connect(self._province_imported)
            self.lookup_dialog = dialog
            dialog.open()

        Operation(self.ctx, self, job, self.tr("正在记录查询……")).success(show).run()

    def _province_imported(self, person_id: str) -> None:
        self.hint.setText(self.tr("已按省平台资料建档，请补充电话、住址等信息。"))
        self.open_person(person_id)
        self.run_search()

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

    # card reading ------------------------------------------------------------------------------------
    def read_card(self) -> None:
        if self.ctx.cards is None:
            return
        self._card_requested = True
        self.hint.setText(self.tr("正在读卡，请稍候……"))
        self.ctx.cards.read()

    def verify_pin(self) -> None:
        if self.ctx.cards is None or self._pin_requested:
            return
        self._pin_requested = True
        self._pin_for = self.profile.person_id or None
        self.hint.setText(self.tr("请持卡人在读卡器的密码键盘上输入社保卡密码，按确认键结束……"))
        self.ctx.cards.verify_pin()

    def _pin_checked(self, outcome: str, message: str) -> None:
        if not self._pin_requested:
            return
        self._pin_requested = False
        self.hint.setText(message)
        store, actor, person_id = self.ctx.store, self.ctx.actor_id, self._pin_for

        def job() -> None:
            from app.cards import audit_pin_check

            with store.session() as session:
                audit_pin_check(session, actor, person_id, outcome)

        Operation(self.ctx, self, job).run()

    def _card_inserted(self) -> None:
        # Only the visible page reacts, so a card put in while another screen is open is not read behind it.
        if self.isVisible() and not self._card_requested:
            self.read_card()

    def _card_failed(self, message: str) -> None:
        if self._card_requested:
            self._card_requested = False
            self.hint.setText(message)

    def use_identity(self, record: Any) -> None:
        """An identity read elsewhere (a verified 电子社保卡 QR code): find or prefill like a card read."""
        self._card_requested = True
        self._card_read(record)

    def _card_read(self, record: Any) -> None:
        if not self._card_requested:
            return
        self._card_requested = False
        store, actor = self.ctx.store, self.ctx.actor_id
        # Training cards say so wherever their data lands, so no one takes them for a real person's.
        simulated = self.tr("（模拟读卡：培训演示用的虚构卡片）") if record.source == "simulator" else ""
        if not record.has_holder_data:

            def audit_only() -> None:
                from app.cards import audit_card_read

                with store.session() as session:
                    audit_card_read(session, actor, record)  # a read is audited whatever it yielded

            Operation(self.ctx, self, audit_only).run()
            self.hint.setText(record.notice or self.tr("卡上没有持卡人信息，请改用社保卡厂商读卡器或身份证读卡。"))
            return

        def job() -> Any:
            from app.cards import audit_card_read
            from app.persons import find_by_document, get_person

            with store.session() as session:
                audit_card_read(session, actor, record)
                found = find_by_document(session, record.ss_number)
                return get_person(session, actor, found, purpose="card") if found else None

        def done(person: Any) -> None:
            if person is None:
                self.hint.setText(self.tr("本地没有此人，已按卡上信息预填新建人员。") + simulated)
                self.new_person(
                    {
                        "doc_type": "resident_id",
                        "doc_number": record.ss_number,
                        "name": record.name,
                        "ss_card_number": record.card_number or None,
                    }
                )
                return
            self.hint.setText(self.tr("已按卡找到人员。") + simulated)
            self.open_person(person.id)
            if record.name and record.name != person.name:
                self._show_differences(person, record)

        Operation(self.ctx, self, job, self.tr("正在查找持卡人……")).success(done).run()

    def _show_differences(self, person: Any, record: Any) -> None:
        from ui.pages.card_differences import CardDifferencesDialog

        dialog = CardDifferencesDialog(person, record, self)
        dialog.useCard.connect(lambda: self._update_name_from_card(person, record))
        dialog.open()

    def _update_name_from_card(self, person: Any, record: Any) -> None:
        store, actor = self.ctx.store, self.ctx.actor_id

        def job() -> None:
            from app.persons import PersonInput, update_person

            data = PersonInput(
                name=record.name,
                doc_type=person.doc_type,
                doc_number=person.doc_number,
                gender=person.gender,
                birth_date=person.birth_date,
                ethnic=person.ethnic,
                education=person.education,
                hukou_type=person.hukou_type,
                phone=person.phone,
                hukou_address=person.hukou_address,
                residence_address=person.residence_address,
                division_code=person.division_code,
                tags=person.tags,
                note=person.note,
            )
            with store.session() as session:
                update_person(session, actor, person.id, data)

        Operation(self.ctx, self, job).success(lambda _r: (self.open_person(person.id), self.run_search())).run()
