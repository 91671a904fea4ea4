"""The item's materials checklist: what the applicant handed in, and what must not be asked for."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QVBoxLayout, QWidget

from app.catalog import Material
from ui.forms.field_row import HINT_STYLE


class MaterialsChecklist(QGroupBox):
    """One tick box per material; required ones (``required`` or a true ``required_if``) are marked."""

    changed = Signal()

    def __init__(
        self, materials: Iterable[Material], must_not_require: Iterable[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("材料清单"))
        layout = QVBoxLayout(self)
        self.materials = tuple(materials)
        self.boxes: dict[str, QCheckBox] = {}
        self.notes: dict[str, QLabel] = {}
        self._required: dict[str, bool] = {}
        for material in self.materials:
            box = QCheckBox(material.name, self)
            box.setToolTip(material.note)
            box.toggled.connect(lambda _checked: self.changed.emit())
            layout.addWidget(box)
            self.boxes[material.key] = box
            if material.note:
                note = QLabel(material.note, self)
                note.setWordWrap(True)
                note.setProperty("role", "hint")
                note.setStyleSheet(HINT_STYLE)
                note.setIndent(box.style().pixelMetric(box.style().PixelMetric.PM_IndicatorWidth))
                layout.addWidget(note)
                self.notes[material.key] = note
            self._required[material.key] = material.required
        forbidden = list(must_not_require)
        if forbidden:
            reminder = QLabel(self.tr("无需申请人提供（请勿索要）：{items}").format(items="、".join(forbidden)), self)
            reminder.setWordWrap(True)
            reminder.setProperty("role", "reminder")
            layout.addWidget(reminder)
        self._relabel()

    def update_required(self, context: Mapping[str, object], today: date) -> None:
        """Re-evaluate ``required_if`` against the form's current values."""
        for material in self.materials:
            condition = material.required_if
            self._required[material.key] = material.required or (
                condition is not None and condition.test(context, today=today)
            )
        self._relabel()

    def _relabel(self) -> None:
        suffix = self.tr("（必须提供）")
        for material in self.materials:
            box = self.boxes[material.key]
            text = material.name + (suffix if self._required[material.key] else "")
            box.setText(text)
            box.setAccessibleName(text)

    def is_required(self, key: str) -> bool:
        return self._required[key]

    def checked(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]

    def set_checked(self, keys: Iterable[str]) -> None:
        wanted = set(keys)
        for key, box in self.boxes.items():
            box.setChecked(key in wanted)

    def missing(self) -> list[str]:
        """Names of required materials not ticked, for a confirmation before acceptance."""
        return [
            material.name
            for material in self.materials
            if self._required[material.key] and not self.boxes[material.key].isChecked()
        ]

    def focus_widgets(self) -> list[QWidget]:
        return list(self.boxes.values())
