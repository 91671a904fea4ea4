"""Draws the program icon (build/icons/fuwutai.png and .ico) with Qt; run once, the files are committed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

HERE = Path(__file__).resolve().parent / "icons"


def draw(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#1f5fa8"))
    painter.setPen(Qt.PenStyle.NoPen)
    margin = size * 0.04
    painter.drawRoundedRect(QRectF(margin, margin, size - 2 * margin, size - 2 * margin), size * 0.18, size * 0.18)
    font = QFont(["Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei"])
    font.setPixelSize(int(size * 0.62))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size * 0.98), Qt.AlignmentFlag.AlignCenter, "服")
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv[:1])
    HERE.mkdir(exist_ok=True)
    draw(256).save(str(HERE / "fuwutai.png"))
    draw(256).save(str(HERE / "fuwutai.ico"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
