"""``id_document``: document type + number, checked as typed, with a 读卡 button."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QPushButton, QSizePolicy, QWidget

from app.catalog import FieldDef
from app.catalog.model import DOC_TYPE_KINDS
from app.refdata import CodeTable
from ui.forms.editor_base import FieldEditor, identifier_error, row_layout


class IdDocumentEditor(FieldEditor):
    """The value is ``{"doc_type": code, "number": text}``; None while no number is typed.

    The number is checked with ``app.validation`` on every keystroke for the chosen document type.
    F2 anywhere in the editor, or the 读卡 button, emits ``readCardRequested`` (the card reader
    integration answers with ``set_value``).
    """

    readCardRequested = Signal()

    def __init__(self, field: FieldDef, table: CodeTable | None, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.doc_type = QComboBox(self)
        self.doc_type.setAccessibleName(self.tr("{label}：证件类型").format(label=field.label))
        for entry in table or ():
            self.doc_type.addItem(entry.label, entry.code)
        self.doc_type.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.number = QLineEdit(self)
        self.number.setAccessibleName(self.tr("{label}：号码").format(label=field.label))
        self.number.setMaxLength(32)
        self.number.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9A-Za-z]{0,32}"), self.number))
        self.number.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.read_card = QPushButton(self.tr("读卡"), self)
        # Not a Tab stop: typing the number and pressing Tab should reach the next field; F2 reads.
        self.read_card.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.read_card.setToolTip(self.tr("从读卡器读取身份证或社会保障卡（F2）"))
        layout = row_layout(self)
        layout.addWidget(self.doc_type)
        layout.addWidget(self.number, 1)
        layout.addWidget(self.read_card)
        if table is None:
            self.set_live_error(self.tr("本机缺少代码表“{table}”，请同步参考数据。").format(table=field.code_table))
        self.read_card.clicked.connect(lambda _checked=False: self.readCardRequested.emit())
        self.doc_type.currentIndexChanged.connect(self._on_edit)
        self.number.textChanged.connect(self._on_edit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F2:
            self.readCardRequested.emit()
            return
        super().keyPressEvent(event)

    def current_doc_type(self) -> str | None:
        data = self.doc_type.currentData()
        return data if isinstance(data, str) else None

    def _on_edit(self) -> None:
        kind = DOC_TYPE_KINDS.get(self.current_doc_type() or "")
        self.set_live_error(identifier_error(kind, self.number.text()) if kind else "")
        self.changed.emit()

    def value(self) -> object:
        number = self.number.text().strip()
        if not number:
            return None
        return {"doc_type": self.current_doc_type() or "", "number": number}

    def set_value(self, value: object) -> None:
        doc_type = value.get("doc_type") if isinstance(value, Mapping) else None
        number = value.get("number") if isinstance(value, Mapping) else None
        if isinstance(doc_type, str) and doc_type:
            index = self.doc_type.findData(doc_type)
            if index < 0:
                self.doc_type.addItem(self.tr("{code}（代码表中没有此证件类型）").format(code=doc_type), doc_type)
                index = self.doc_type.count() - 1
            self.doc_type.setCurrentIndex(index)
        self.number.setText(number if isinstance(number, str) else "")

    def focus_widgets(self) -> list[QWidget]:
        return [self.doc_type, self.number]

    def focus_target(self) -> QWidget:
        return self.number
