"""``commitment``: the item's written-commitment text and a tick box that the applicant signed it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QVBoxLayout, QWidget

from app.catalog import FieldDef
from ui.forms.editor_base import FieldEditor, no_margins


class CommitmentEditor(FieldEditor):
    def __init__(self, field: FieldDef, text: str, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = no_margins(QVBoxLayout(self))
        self.text_label: QLabel | None = None
        if text:
            frame = QFrame(self)
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            frame_layout = QVBoxLayout(frame)
            self.text_label = QLabel(text, frame)
            self.text_label.setWordWrap(True)
            self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            frame_layout.addWidget(self.text_label)
            layout.addWidget(frame)
        self.signed = QCheckBox(self.tr("申请人已签署书面承诺"), self)
        self.signed.setAccessibleName(field.label)
        layout.addWidget(self.signed)
        self.signed.toggled.connect(lambda _checked: self.changed.emit())

    def value(self) -> object:
        return self.signed.isChecked()

    def set_value(self, value: object) -> None:
        self.signed.setChecked(value is True)

    def focus_widgets(self) -> list[QWidget]:
        return [self.signed]
