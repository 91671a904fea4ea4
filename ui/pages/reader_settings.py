"""设置 → 读卡器: which reader this counter uses, how its driver is loaded, and a test read.

Only the options of the chosen kind of reader are shown (a 32-bit vendor DLL needs the helper process,
a PC/SC reader may be named, an ID-card reader has its SDK family and port, the simulator its scenario).
The values are the ``card_*`` settings (``app.settings``); ``ReaderSettings.from_settings`` turns them
into the reader the card thread opens. The test reads once with what is on screen, saved or not, shows
the result masked, and audits the read.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ui.context import AppContext
from ui.operations import Operation

CARD_LABELS = {
    "simulator": QT_TRANSLATE_NOOP("ReaderSettingsBox", "模拟读卡（培训演示）"),
    "vendor": QT_TRANSLATE_NOOP("ReaderSettingsBox", "社保卡读卡器（厂商动态库）"),
    "pcsc": QT_TRANSLATE_NOOP("ReaderSettingsBox", "PC/SC 通用读卡器"),
    "idcard": QT_TRANSLATE_NOOP("ReaderSettingsBox", "二代身份证阅读器"),
}
CONVENTION_LABELS = {
    "auto": QT_TRANSLATE_NOOP("ReaderSettingsBox", "自动（Windows 为 stdcall，其他为 cdecl）"),
    "stdcall": "stdcall",
    "cdecl": "cdecl",
}
FAMILY_LABELS = {
    "auto": QT_TRANSLATE_NOOP("ReaderSettingsBox", "自动识别"),
    "sdt": QT_TRANSLATE_NOOP("ReaderSettingsBox", "SDT 接口（sdtapi）"),
    "termb": QT_TRANSLATE_NOOP("ReaderSettingsBox", "termb 接口"),
}
# Which rows each kind of reader uses; the rest are hidden.
ROWS_FOR: dict[str, tuple[str, ...]] = {
    "simulator": ("card_scenario",),
    "vendor": ("card_library", "card_helper", "card_itype", "card_convention", "card_step1_itype"),
    "pcsc": ("card_reader_name",),
    "idcard": ("card_library", "card_idcard_family", "card_idcard_port", "card_convention"),
}


class ReaderSettingsBox(QGroupBox):
    def __init__(self, ctx: AppContext, editable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("读卡器"))
        self.ctx = ctx
        from app.cards.simulator import SCENARIOS
        from app.cards.vendor import ITYPES

        self.form = form = QFormLayout(self)
        self.backend = QComboBox()
        self.backend.setObjectName("cardBackend")
        for key, label in CARD_LABELS.items():
            self.backend.addItem(self.tr(label), key)
        self.library = QLineEdit()
        self.library.setObjectName("cardLibrary")
        self.library.setPlaceholderText(self.tr("厂商提供的驱动文件，如 C:\\SSCard\\SSCardDriver.dll"))
        self.browse = QPushButton(self.tr("选择…"))
        self.browse.setObjectName("cardLibraryBrowse")
        self.browse.clicked.connect(self.choose_library)
        library_row = QWidget()
        library_layout = QHBoxLayout(library_row)
        library_layout.setContentsMargins(0, 0, 0, 0)
        library_layout.addWidget(self.library, 1)
        library_layout.addWidget(self.browse)
        self.helper = QCheckBox(self.tr("32 位驱动：通过辅助程序加载（64 位 Windows 上多数厂商驱动需要）"))
        self.helper.setObjectName("cardHelper")
        self.itype = QComboBox()
        self.itype.setObjectName("cardItype")
        for value, label in ITYPES.items():
            self.itype.addItem(label, value)
        self.convention = QComboBox()
        self.convention.setObjectName("cardConvention")
        for key, label in CONVENTION_LABELS.items():
            self.convention.addItem(self.tr(label), key)
        self.step1 = QCheckBox(self.tr("联网认证第一步（HSM_Step1）带读卡方式参数（按厂商头文件）"))
        self.step1.setObjectName("cardStep1Itype")
        self.reader_name = QLineEdit()
        self.reader_name.setObjectName("cardReaderName")
        self.reader_name.setPlaceholderText(self.tr("留空：使用第一个插有卡的读卡器"))
        self.family = QComboBox()
        self.family.setObjectName("cardIdcardFamily")
        for key, label in FAMILY_LABELS.items():
            self.family.addItem(self.tr(label), key)
        self.port = QSpinBox()
        self.port.setObjectName("cardIdcardPort")
        self.port.setRange(0, 9999)
        self.port.setSpecialValueText(self.tr("自动查找"))
        self.scenario = QComboBox()
        self.scenario.setObjectName("cardScenario")
        for key, label in SCENARIOS.items():
            self.scenario.addItem(label, key)
        self.test_reader = QPushButton(self.tr("测试读卡器"))
        self.test_reader.setObjectName("testReader")
        self.result = QLabel("")
        self.result.setObjectName("readerResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form.addRow(self.tr("读卡器类型："), self.backend)
        # Each option: its label and editor; the library's row also holds 选择….
        options: dict[str, tuple[str, QWidget]] = {
            "card_library": (self.tr("驱动文件："), self.library),
            "card_helper": ("", self.helper),
            "card_itype": (self.tr("读卡方式："), self.itype),
            "card_convention": (self.tr("调用约定："), self.convention),
            "card_step1_itype": ("", self.step1),
            "card_reader_name": (self.tr("读卡器名称："), self.reader_name),
            "card_idcard_family": (self.tr("接口类型："), self.family),
            "card_idcard_port": (self.tr("端口："), self.port),
            "card_scenario": (self.tr("模拟情形："), self.scenario),
        }
        self._editors = {"card_backend": self.backend, **{key: editor for key, (_l, editor) in options.items()}}
        self.rows: dict[str, QWidget] = {key: editor for key, (_l, editor) in options.items()}
        self.rows["card_library"] = library_row
        labels = {key: label for key, (label, _e) in options.items()}
        for key, widget in self.rows.items():
            form.addRow(labels[key], widget)
        form.addRow("", self.test_reader)
        form.addRow(self.tr("读卡结果："), self.result)
        self.backend.currentIndexChanged.connect(self._show_rows)
        self.test_reader.clicked.connect(self.run_test)
        self._test_bridge: Any = None
        self._connected_to: Any = None
        for widget in self.setting_widgets().values():
            widget.setEnabled(editable)
        self.browse.setEnabled(editable)
        self._show_rows()

    def setting_widgets(self) -> dict[str, QWidget]:
        """The editable widget of each setting (the settings page greys out the ones IT locked)."""
        return dict(self._editors)

    def values(self) -> dict[str, Any]:
        return {
            "card_backend": self.backend.currentData(),
            "card_library": self.library.text().strip(),
            "card_helper": self.helper.isChecked(),
            "card_itype": self.itype.currentData(),
            "card_convention": self.convention.currentData(),
            "card_step1_itype": self.step1.isChecked(),
            "card_reader_name": self.reader_name.text().strip(),
            "card_idcard_family": self.family.currentData(),
            "card_idcard_port": self.port.value(),
            "card_scenario": self.scenario.currentData(),
        }

    def show_values(self, values: dict[str, Any]) -> None:
        def select(combo: QComboBox, value: Any) -> None:
            combo.setCurrentIndex(max(0, combo.findData(value)))

        select(self.backend, values.get("card_backend"))
        self.library.setText(str(values.get("card_library") or ""))
        self.helper.setChecked(values.get("card_helper") is True)
        select(self.itype, values.get("card_itype", 3))
        select(self.convention, values.get("card_convention", "auto"))
        self.step1.setChecked(values.get("card_step1_itype", True) is not False)
        self.reader_name.setText(str(values.get("card_reader_name") or ""))
        select(self.family, values.get("card_idcard_family", "auto"))
        self.port.setValue(int(values.get("card_idcard_port") or 0))
        select(self.scenario, values.get("card_scenario", "card20"))
        self._show_rows()

    def _show_rows(self) -> None:
        wanted = ROWS_FOR.get(self.backend.currentData(), ())
        for key, widget in self.rows.items():
            self.form.setRowVisible(widget, key in wanted)
        if self.backend.currentData() == "idcard":
            self.library.setPlaceholderText(self.tr("身份证阅读器的开发包文件，如 sdtapi.dll 或 termb.dll"))
        else:
            self.library.setPlaceholderText(self.tr("厂商提供的驱动文件，如 C:\\SSCard\\SSCardDriver.dll"))

    def choose_library(self) -> None:
        pattern = self.tr("驱动文件 (*.dll)") if sys.platform == "win32" else self.tr("动态库 (*.so *.so.*)")
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("选择读卡器驱动文件"), self.library.text(), pattern)
        if path:
            self.library.setText(path)

    def run_test(self) -> None:
        """Read once with the reader chosen on screen (saved or not) and show the result, masked."""
        self.result.setText(self.tr("正在读卡……"))
        bridge = self.ctx.cards
        if bridge is None:  # no station reader (a bare settings page): a card thread of its own
            from ui.card_reading import CardBridge

            self.close_test()
            bridge = self._test_bridge = CardBridge({})
        if self._connected_to is not bridge:
            bridge.testRead.connect(self._reader_ok)
            bridge.testFailed.connect(self.result.setText)
            self._connected_to = bridge
        bridge.test_read(self.values())

    def _reader_ok(self, record: Any) -> None:
        self.result.setText("\n".join(f"{label}：{value}" for label, value in record.display_lines()))
        store, actor = self.ctx.store, self.ctx.actor_id

        def job() -> None:
            from app.cards import audit_card_read

            with store.session() as session:
                audit_card_read(session, actor, record)

        Operation(self.ctx, self, job).run()

    def close_test(self) -> None:
        if self._test_bridge is not None:
            self._test_bridge.close()
            self._test_bridge = None
