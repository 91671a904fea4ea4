"""An editable combo box for picking a code by typing part of its label (or the code itself)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QSizePolicy, QStyle, QWidget


class SearchCombo(QComboBox):
    """Choices are (code, label) pairs; the box shows labels and ``code()`` gives the chosen code.

    Typing filters the list (labels containing the text). Leaving the box with text that matches
    exactly one label or one code picks that entry, so "汉" + Tab gives 汉族.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.view().setTextElideMode(Qt.TextElideMode.ElideNone)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line_edit = self.lineEdit()
        assert line_edit is not None  # setEditable(True) created it
        line_edit.setPlaceholderText(self.tr("输入文字查找，或按 ↓ 选择"))
        line_edit.editingFinished.connect(self.settle)

    def set_choices(self, choices: Sequence[tuple[str, str]]) -> None:
        """Replace the entries; the first one is always the blank "not chosen" entry."""
        was_blocked = self.blockSignals(True)
        try:
            self.clear()
            self.addItem("", None)
            for code, label in choices:
                self.addItem(label, code)
            self.setCurrentIndex(0)
            self.setEditText("")
        finally:
            self.blockSignals(was_blocked)

    def event(self, event: QEvent) -> bool:
        # Tab is handled before keyPressEvent and moves focus at once; settle first, so a choice that
        # enables the next box (县 after 市州) is made before Qt looks for the next enabled widget.
        is_tab = isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if is_tab and event.type() == QEvent.Type.KeyPress:
            self.settle()
        return super().event(event)

    def showPopup(self) -> None:
        # Long labels (职业大类) are readable in the list even when the box itself is narrow.
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + scroll_bar)
        super().showPopup()

    def _index_of_text(self, text: str) -> int:
        for index in range(1, self.count()):
            if self.itemText(index) == text:
                return index
        return -1

    def code(self) -> str | None:
        """The code whose label is the text in the box; None when blank or not (yet) a label."""
        text = self.currentText().strip()
        if not text:
            return None
        index = self.currentIndex() if self.itemText(self.currentIndex()) == text else self._index_of_text(text)
        if index <= 0:
            return None
        data = self.itemData(index)
        return data if isinstance(data, str) else None

    def unmatched(self) -> bool:
        """Text that names no entry (shown to the clerk as "choose from the list")."""
        return bool(self.currentText().strip()) and self.code() is None

    def set_code(self, code: str | None, *, unknown_label: str = "") -> None:
        """Select ``code``; a code missing from the list is added with ``unknown_label`` so it is kept."""
        if not code:
            self.setCurrentIndex(0)
            self.setEditText("")
            return
        index = self.findData(code)
        if index < 0:
            self.addItem(unknown_label or code, code)
            index = self.count() - 1
        self.setCurrentIndex(index)
        self.setEditText(self.itemText(index))

    def settle(self) -> None:
        """Pick the single entry the typed text names (exact label, exact code, or unique part)."""
        text = self.currentText().strip()
        if not text or self.code() is not None:
            return
        by_code = [index for index in range(1, self.count()) if self.itemData(index) == text]
        folded = text.casefold()
        by_label = [index for index in range(1, self.count()) if folded in self.itemText(index).casefold()]
        chosen = by_code or by_label
        if len(chosen) == 1:
            self.setCurrentIndex(chosen[0])
            self.setEditText(self.itemText(chosen[0]))
