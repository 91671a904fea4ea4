"""``admin_division``: 市州 / 县 / 乡镇 / 村 cascade over the division index; the value is the
deepest chosen code."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.catalog import FieldDef
from app.refdata import Division, DivisionDataError, DivisionIndex
from ui.forms.editor_base import FieldEditor
from ui.forms.search_combo import SearchCombo

LEVELS = ("prefecture", "county", "township", "village")


class DivisionEditor(FieldEditor):
    def __init__(self, field: FieldDef, divisions: DivisionIndex, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.divisions = divisions
        captions = {
            "prefecture": self.tr("市州"),
            "county": self.tr("县（市、区）"),
            "township": self.tr("乡镇（街道）"),
            "village": self.tr("村（社区）"),
        }
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.combos: dict[str, SearchCombo] = {}
        for position, level in enumerate(LEVELS):
            combo = SearchCombo(self)
            combo.setAccessibleName(f"{field.label} {captions[level]}")
            caption = QLabel(captions[level], self)
            caption.setBuddy(combo)
            row, column = divmod(position, 2)
            grid.addWidget(caption, row, column * 2)
            grid.addWidget(combo, row, column * 2 + 1)
            self.combos[level] = combo
            combo.editTextChanged.connect(lambda _text, lvl=level: self._on_level_edited(lvl))
        self._loaded: dict[str, str | None] = dict.fromkeys(LEVELS)  # parent code each level lists
        self._unknown_code: str | None = None
        self._data_error = ""  # the village file could not be read
        self._fill("prefecture", self._prefectures(), parent_code="")
        self._update_enabled()

    def _prefectures(self) -> list[Division]:
        found: list[Division] = []
        for province in self.divisions.at_level("province"):
            found.extend(self.divisions.children(province.code))
        return found

    def _fill(self, level: str, entries: list[Division], *, parent_code: str | None) -> None:
        if self._loaded[level] == parent_code:
            return
        self._loaded[level] = parent_code
        self.combos[level].set_choices([(division.code, division.name) for division in entries])

    def _clear(self, level: str) -> None:
        combo = self.combos[level]
        was_blocked = combo.blockSignals(True)
        try:
            if self._loaded[level] is not None:
                self._loaded[level] = None
                combo.set_choices([])
            combo.set_code(None)
        finally:
            combo.blockSignals(was_blocked)

    def _children(self, code: str) -> list[Division]:
        try:
            return self.divisions.children(code)
        except DivisionDataError as error:
            # The village file is read on first need; without it the township is as deep as we go.
            self._data_error = str(error)
            return []

    def _on_level_edited(self, level: str) -> None:
        self._unknown_code = None
        position = LEVELS.index(level)
        if position + 1 < len(LEVELS):
            below = LEVELS[position + 1]
            code = self.combos[level].code()
            if code != self._loaded[below]:  # the chosen place changed: refill the next level down
                if code is None:
                    self._clear(below)
                else:
                    self._fill(below, self._children(code), parent_code=code)
                for deeper in LEVELS[position + 2 :]:
                    self._clear(deeper)
        self._update_enabled()
        self._update_error()
        self.changed.emit()

    def _update_enabled(self) -> None:
        previous: SearchCombo | None = None
        for level in LEVELS:
            combo = self.combos[level]
            combo.setEnabled(previous is None or (previous.code() is not None and combo.count() > 1))
            previous = combo

    def _update_error(self) -> None:
        unmatched = [combo for combo in self.combos.values() if combo.unmatched()]
        if self._unknown_code is not None:
            message = self.tr("区划代码 {code} 不在本机区划数据中，请重新选择。").format(code=self._unknown_code)
        elif unmatched:
            message = self.tr("“{text}”不是列表中的地名，请从列表中选择。").format(
                text=unmatched[0].currentText().strip()
            )
        else:
            message = self._data_error
        self.set_live_error(message)

    def value(self) -> object:
        if self._unknown_code is not None:
            return self._unknown_code
        deepest: str | None = None
        for level in LEVELS:
            code = self.combos[level].code()
            if code is None:
                break
            deepest = code
        return deepest

    def set_value(self, value: object) -> None:
        code = str(value).strip() if value is not None else ""
        try:
            path = [d for d in self.divisions.path(code) if d.level in LEVELS] if code else []
        except DivisionDataError as error:
            self._data_error = str(error)
            path = []
        blocked = [combo.blockSignals(True) for combo in self.combos.values()]
        try:
            parent_code: str | None = ""  # "" lists the prefectures
            for position, level in enumerate(LEVELS):
                if parent_code is None:
                    self._clear(level)
                    continue
                entries = self._prefectures() if parent_code == "" else self._children(parent_code)
                self._fill(level, entries, parent_code=parent_code)
                chosen = path[position].code if position < len(path) else None
                self.combos[level].set_code(chosen)
                parent_code = chosen
        finally:
            for combo, was_blocked in zip(self.combos.values(), blocked, strict=True):
                combo.blockSignals(was_blocked)
        self._unknown_code = code if code and not path else None
        self._update_enabled()
        self._update_error()
        self.changed.emit()

    def focus_widgets(self) -> list[QWidget]:
        return [self.combos[level] for level in LEVELS]
