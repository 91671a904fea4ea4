"""Create or edit a person, with validation as you type and duplicate detection on the ID number."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation
from ui.pages.person_profile import DOC_TYPES

DOC_KIND = {
    "resident_id": "resident_id",
    "ss_card": "resident_id",
    "residence_permit": "residence_permit",
    "hkmo_permit": "hkmo_permit",
    "tw_permit": "tw_permit",
}
TAGS = ("高校毕业生", "农民工", "退役军人", "去产能职工", "易地扶贫搬迁劳动力", "脱贫人口", "残疾人", "返乡创业")


class PersonEditor(QDialog):
    saved = Signal(str)
    openExisting = Signal(str)

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        person: Any = None,
        prefill: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person = person
        self.existing_id: str | None = None
        self.setWindowTitle(self.tr("修改人员资料") if person else self.tr("新建人员"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        self.doc_type = QComboBox()
        self.doc_type.setObjectName("docType")
        for code, label in DOC_TYPES.items():
            if code != "ss_card":
                self.doc_type.addItem(label, code)
        form.addRow(self.tr("证件类型") + "：", self.doc_type)
        for key, label in (
            ("doc_number", QT_TRANSLATE_NOOP("PersonEditor", "证件号码")),
            ("name", QT_TRANSLATE_NOOP("PersonEditor", "姓名")),
            ("phone", QT_TRANSLATE_NOOP("PersonEditor", "手机号码")),
            ("ss_card_number", QT_TRANSLATE_NOOP("PersonEditor", "社保卡卡号")),
            ("residence_address", QT_TRANSLATE_NOOP("PersonEditor", "常住地址")),
            ("hukou_address", QT_TRANSLATE_NOOP("PersonEditor", "户籍地址")),
        ):
            edit = QLineEdit()
            edit.setObjectName(key)
            error = QLabel("")
            error.setObjectName(f"error-{key}")
            error.setProperty("role", "fieldError")
            error.setWordWrap(True)
            error.hide()
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            form.addRow(self.tr(label) + ("*：" if key in {"doc_number", "name"} else "："), box)
            self.fields[key], self.errors[key] = edit, error
        self.derived = QLabel("")
        self.derived.setObjectName("derivedFacts")
        form.addRow("", self.derived)
        self.duplicate = QPushButton("")
        self.duplicate.setObjectName("openExisting")
        self.duplicate.hide()
        form.addRow("", self.duplicate)
        self.tags = QListWidget()
        self.tags.setObjectName("tags")
        self.tags.setMaximumHeight(120)
        for tag in TAGS:
            item = QListWidgetItem(tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.tags.addItem(item)
        form.addRow(self.tr("人员标签") + "：", self.tags)
        layout.addLayout(form)
        self.general_error = QLabel("")
        self.general_error.setObjectName("generalError")
        self.general_error.setWordWrap(True)
        layout.addWidget(self.general_error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存（Ctrl+S）"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setShortcut("Ctrl+S")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.duplicate.clicked.connect(self._open_existing)
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(200)
        self._dup_timer.timeout.connect(self._check_duplicate)
        self.fields["doc_number"].textChanged.connect(self._doc_changed)
        self.doc_type.currentIndexChanged.connect(lambda _i: self._doc_changed(self.fields["doc_number"].text()))
        self.fields["phone"].textChanged.connect(self._phone_changed)
        self._fill(person, prefill)
        self.fields["doc_number"].setFocus()

    def _fill(self, person: Any, prefill: Mapping[str, Any] | None) -> None:
        values: dict[str, Any] = dict(prefill or {})
        if person is not None:
            values.update(
                {
                    k: getattr(person, k)
                    for k in ("doc_type", "doc_number", "name", "phone", "residence_address", "hukou_address")
                }
            )
            values["tags"] = person.tags
            card = next((d.card_number for d in person.documents if d.doc_type == "ss_card"), None)
            values["ss_card_number"] = card
        index = self.doc_type.findData(values.get("doc_type") or "resident_id")
        self.doc_type.setCurrentIndex(max(0, index))
        for key, edit in self.fields.items():
            if values.get(key):
                edit.setText(str(values[key]))
        for row in range(self.tags.count()):
            item = self.tags.item(row)
            if item.text() in (values.get("tags") or ()):
                item.setCheckState(Qt.CheckState.Checked)

    def _set_error(self, key: str, messages: list[str]) -> None:
        label = self.errors[key]
        label.setText("\n".join(messages))
        label.setVisible(bool(messages))

    def _doc_changed(self, text: str) -> None:
        from app.validation import validate

        self.duplicate.hide()
        self.derived.setText("")
        if not text.strip():
            self._set_error("doc_number", [])
            return
        result = validate(DOC_KIND[self.doc_type.currentData()], text)
        if len(text.strip()) < 8 and not result.ok:
            self._set_error("doc_number", [])
            return
        self._set_error("doc_number", list(result.errors) + list(result.warnings))
        if result.ok:
            facts = result.facts
            if facts.get("birth_date"):
                gender = {"1": "男", "2": "女"}.get(facts.get("gender", ""), "")
                self.derived.setText(
                    self.tr("出生日期 {0}，性别 {1}").replace("{0}", facts["birth_date"]).replace("{1}", gender)
                )
            self._dup_timer.start()

    def _phone_changed(self, text: str) -> None:
        from app.validation import validate

        result = validate("mobile", text) if len(text.strip()) >= 11 else None
        self._set_error("phone", list(result.errors) if result and not result.ok else [])

    def _check_duplicate(self) -> None:
        from app.validation import validate

        result = validate(DOC_KIND[self.doc_type.currentData()], self.fields["doc_number"].text())
        if not result.ok or not result.normalized:
            return
        number, store, own = result.normalized, self.ctx.store, self.person.id if self.person else None

        def job() -> str | None:
            from app.persons import find_by_document

            with store.session() as session:
                return find_by_document(session, number)

        def show(found: str | None) -> None:
            self.existing_id = found if found and found != own else None
            if self.existing_id:
                self.duplicate.setText(self.tr("该证件号码已经登记过，点此打开已有人员"))
                self.duplicate.show()

        Operation(self.ctx, self, job).success(show).run()

    def _open_existing(self) -> None:
        if self.existing_id:
            self.openExisting.emit(self.existing_id)
            self.reject()

    def input(self) -> Any:
        from app.persons import PersonInput

        tags = tuple(
            self.tags.item(r).text()
            for r in range(self.tags.count())
            if self.tags.item(r).checkState() == Qt.CheckState.Checked
        )
        text = {k: e.text().strip() or None for k, e in self.fields.items()}
        return PersonInput(
            name=text["name"] or "",
            doc_type=self.doc_type.currentData(),
            doc_number=text["doc_number"] or "",
            phone=text["phone"],
            ss_card_number=text["ss_card_number"],
            residence_address=text["residence_address"],
            hukou_address=text["hukou_address"],
            tags=tags,
        )

    def save(self) -> None:
        data, store, actor = self.input(), self.ctx.store, self.ctx.actor_id
        person_id = self.person.id if self.person else None
        self.general_error.setText("")

        def job() -> str:
            from app.persons import create_person, update_person

            with store.session() as session:
                if person_id:
                    update_person(session, actor, person_id, data)
                    return person_id
                return create_person(session, actor, data)[0]

        def failed(error: BaseException) -> None:
            from app.errors import ValidationFailed
            from app.persons import DuplicatePerson
            from ui.errors import user_message

            for key in self.errors:
                self._set_error(key, [])
            if isinstance(error, ValidationFailed):
                for key, messages in error.errors.items():
                    if key in self.errors:
                        self._set_error(key, messages)
                    else:
                        self.general_error.setText("\n".join(messages))
                first = next((k for k in self.fields if k in error.errors), None)
                if first:
                    self.fields[first].setFocus()
            elif isinstance(error, DuplicatePerson):
                self.existing_id = error.existing_id
                self.duplicate.setText(self.tr("该证件号码已经登记过，点此打开已有人员"))
                self.duplicate.show()
            else:
                self.general_error.setText(user_message(error))

        def done(saved_id: str) -> None:
            self.saved.emit(saved_id)
            self.accept()

        Operation(self.ctx, self, job, self.tr("正在保存……")).success(done).failure(failed).run()
