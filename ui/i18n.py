"""Translations: source strings are Chinese (the product's language); resources/i18n/zh_CN.ts is the
complete catalogue, compiled to .qm by the build and the set-up script, so other locales can follow."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

_installed: list[QTranslator] = []


def install_translator(app: QApplication, locale: str = "zh_CN") -> bool:
    from app.refdata.resources import resource_path

    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    # Qt's own strings (the standard 确定/取消/保存 buttons, message boxes, the text-edit menu): without
    # these a dialog with standard buttons showed "Save" and "Cancel". Shipped with PySide6 and the bundle.
    qt_strings = QTranslator(app)
    if qt_strings.load(f"qtbase_{locale}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_strings)
        _installed.append(qt_strings)
    translator = QTranslator(app)
    path = resource_path("i18n", f"{locale}.qm")
    if path.exists() and translator.load(str(path)):
        app.installTranslator(translator)
        _installed.append(translator)
        return True
    return False
