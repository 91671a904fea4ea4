"""``attachment``: scanned materials, recorded by their sha256; the page stores the files."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from app.catalog import FieldDef
from ui.forms.editor_base import FieldEditor, no_margins

_CHUNK = 1024 * 1024


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


class _AttachmentList(QListWidget):
    """As tall as its entries (at least one line), so an empty list does not take half the form."""

    removeRequested = Signal()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        row = self.sizeHintForRow(0) if self.count() else self.fontMetrics().lineSpacing() + 4
        rows = min(max(self.count(), 1), 8)
        return QSize(hint.width(), row * rows + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.removeRequested.emit()
            return
        super().keyPressEvent(event)


class AttachmentEditor(FieldEditor):
    """A list of added files with 添加文件… and 移除所选; the value is the list of sha256 digests.

    ``attachmentAdded(path, sha256)`` fires for each new file so the page can copy it into the
    station's content-addressed attachment store.
    """

    attachmentAdded = Signal(str, str)

    def __init__(self, field: FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.list = _AttachmentList(self)
        self.list.setAccessibleName(field.label)
        self.add_button = QPushButton(self.tr("添加文件…"), self)
        self.remove_button = QPushButton(self.tr("移除所选"), self)
        self.remove_button.setToolTip(self.tr("也可以在列表中选中后按 Delete 键"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = no_margins(QVBoxLayout(self))
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button.clicked.connect(self.remove_current)
        self.list.removeRequested.connect(self.remove_current)
        self._update_buttons()

    def _digests(self) -> list[str]:
        return [str(self.list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.list.count())]

    def _limit(self) -> int | None:
        return self.field.max if isinstance(self.field.max, int) else None

    def _update_buttons(self) -> None:
        self.list.updateGeometry()
        limit = self._limit()
        self.add_button.setEnabled(limit is None or self.list.count() < limit)
        self.remove_button.setEnabled(self.list.count() > 0)
        # An empty list is still a Tab stop only when there is something to select.
        self.list.setFocusPolicy(Qt.FocusPolicy.StrongFocus if self.list.count() else Qt.FocusPolicy.NoFocus)

    def _append(self, text: str, digest: str, tooltip: str) -> None:
        item = QListWidgetItem(text, self.list)
        item.setData(Qt.ItemDataRole.UserRole, digest)
        item.setToolTip(tooltip)

    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("选择材料扫描件"),
            "",
            self.tr("图片或 PDF (*.png *.jpg *.jpeg *.tif *.tiff *.pdf);;所有文件 (*)"),
        )
        for name in names:
            self.add_file(Path(name))

    def add_file(self, path: Path) -> str | None:
        """Hash ``path`` and add it; returns the digest, or None when it cannot be added."""
        limit = self._limit()
        if limit is not None and self.list.count() >= limit:
            self.set_live_error(self.tr("最多只能添加 {limit} 个文件。").format(limit=limit))
            self.changed.emit()
            return None
        try:
            digest = sha256_file(path)
        except OSError as error:
            self.set_live_error(
                self.tr("无法读取文件“{name}”：{reason}。请确认文件存在且有权限读取。").format(
                    name=path.name, reason=error.strerror or error
                )
            )
            self.changed.emit()
            return None
        self.set_live_error("")
        if digest not in self._digests():
            self._append(path.name, digest, f"{path}\nsha256: {digest}")
            self._update_buttons()
            self.attachmentAdded.emit(str(path), digest)
            self.changed.emit()
        return digest

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self.list.takeItem(row)
        self.set_live_error("")
        self._update_buttons()
        self.changed.emit()

    def value(self) -> object:
        return self._digests()

    def set_value(self, value: object) -> None:
        self.list.clear()
        digests = [str(item) for item in value] if isinstance(value, Sequence) and not isinstance(value, str) else []
        for digest in digests:
            self._append(self.tr("已保存的文件 {short}…").format(short=digest[:12]), digest, f"sha256: {digest}")
        self._update_buttons()
        self.changed.emit()

    def set_file_names(self, names: dict[str, str]) -> None:
        """Show saved attachments by their original names (digest → name), e.g. after reopening a draft."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            name = names.get(str(item.data(Qt.ItemDataRole.UserRole)))
            if name:
                item.setText(name)

    def focus_widgets(self) -> list[QWidget]:
        return [self.list, self.add_button, self.remove_button]

    def focus_target(self) -> QWidget:
        return self.add_button
