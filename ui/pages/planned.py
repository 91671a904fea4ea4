"""A page whose services arrive with a later release: says so plainly instead of showing empty tables."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlannedPage(QWidget):
    def __init__(self, title: str, what: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        layout.addWidget(heading)
        text = QLabel(what)
        text.setWordWrap(True)
        text.setObjectName("plannedText")
        layout.addWidget(text)
        layout.addStretch(1)
