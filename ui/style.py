"""Stylesheet, fonts and large-text mode, applied once to the application."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

FONT_POINTS = {"normal": 11, "large": 13, "larger": 15}
FONT_FAMILIES = ["Noto Sans CJK SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "Source Han Sans SC", "sans-serif"]


def apply_style(app: QApplication, font_scale: str = "normal") -> None:
    from app.refdata.resources import resource_path

    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(FONT_POINTS.get(font_scale, FONT_POINTS["normal"]))
    app.setFont(font)
    path = resource_path("style", "fuwutai.qss")
    if path.exists():
        sheet = path.read_text(encoding="utf-8").replace("@STYLE@", path.parent.as_posix())
        app.setStyleSheet(sheet)
