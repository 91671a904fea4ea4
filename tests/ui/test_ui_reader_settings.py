"""设置 → 读卡器: the options of the chosen reader, saved by the admin, applied to the live reader at once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.conftest import login, wait_idle


@pytest.fixture
def admin_window(qtbot: QtBot, ctx: Any) -> Any:
    from ui.card_reading import CardBridge
    from ui.shell import build_main_window

    login(ctx, "admin", "demo-admin-1")
    ctx.cards = CardBridge({"card_backend": "simulator"})
    main = build_main_window(ctx)
    qtbot.addWidget(main)
    main.show()
    yield main
    ctx.cards.close()


def _settings_page(qtbot: QtBot, ctx: Any, window: Any) -> Any:
    page = window.show_page("settings")
    wait_idle(qtbot, ctx)
    return page


def test_only_the_chosen_readers_options_show(qtbot: QtBot, ctx: Any, admin_window: Any) -> None:
    page = _settings_page(qtbot, ctx, admin_window)
    box = page.reader
    shown: dict[str, set[str]] = {}
    for backend in ("simulator", "vendor", "pcsc", "idcard"):
        box.backend.setCurrentIndex(box.backend.findData(backend))
        shown[backend] = {key for key, widget in box.rows.items() if box.form.isRowVisible(widget)}
    assert shown["simulator"] == {"card_scenario"}
    assert {"card_library", "card_helper", "card_itype", "card_step1_itype"} <= shown["vendor"]
    assert shown["pcsc"] == {"card_reader_name"}
    assert {"card_library", "card_idcard_family", "card_idcard_port"} <= shown["idcard"]
    assert "card_helper" not in shown["idcard"] and "card_scenario" not in shown["vendor"]


def test_saved_reader_applies_without_restart(qtbot: QtBot, ctx: Any, admin_window: Any) -> None:
    """The 模拟情形 is switched to 没有卡 and saved: the next F2 read by the live bridge says so."""
    page = _settings_page(qtbot, ctx, admin_window)
    box = page.reader
    box.backend.setCurrentIndex(box.backend.findData("simulator"))
    box.scenario.setCurrentIndex(box.scenario.findData("no_card"))
    with qtbot.waitSignal(page.settingsChanged, timeout=10_000):
        page.save()
    assert ctx.cards.reader_settings.scenario == "no_card"
    with qtbot.waitSignal(ctx.cards.cardFailed, timeout=15_000) as failed:
        ctx.cards.read()
    assert "没有卡" in failed.args[0]
    with ctx.store.session() as session:
        from app.settings import get_settings

        assert get_settings(session)["card_scenario"] == "no_card"


def test_vendor_reader_with_helper_is_saved_and_checked(
    qtbot: QtBot, ctx: Any, admin_window: Any, tmp_path: Path
) -> None:
    page = _settings_page(qtbot, ctx, admin_window)
    box = page.reader
    box.backend.setCurrentIndex(box.backend.findData("vendor"))
    box.library.setText("")
    page.save()
    qtbot.waitUntil(lambda: "请填写驱动文件的完整路径" in page.message.text(), timeout=10_000)
    assert ctx.cards.reader_settings.backend == "simulator"  # refused: nothing changed
    box.library.setText(str(tmp_path / "SSCardDriver.dll"))
    page.save()
    qtbot.waitUntil(lambda: "找不到" in page.message.text(), timeout=10_000)
    driver = tmp_path / "SSCardDriver.dll"
    driver.write_bytes(b"\0")
    box.helper.setChecked(True)
    box.itype.setCurrentIndex(box.itype.findData(1))
    with qtbot.waitSignal(page.settingsChanged, timeout=10_000):
        page.save()
    chosen = ctx.cards.reader_settings
    assert (chosen.backend, chosen.library, chosen.use_helper, chosen.itype) == ("vendor", str(driver), True, 1)
    # A page opened later shows what was saved.
    from ui.pages.settings import SettingsPage

    again = SettingsPage(ctx)
    qtbot.addWidget(again)
    again.refresh()
    wait_idle(qtbot, ctx)
    assert again.reader.helper.isChecked() and again.reader.library.text() == str(driver)
    assert again.reader.form.isRowVisible(again.reader.helper)


def test_clerk_saves_own_font_size_but_not_the_reader(qtbot: QtBot, ctx: Any) -> None:
    from PySide6.QtWidgets import QApplication

    from app.settings import get_settings
    from ui.shell import build_main_window
    from ui.style import FONT_POINTS, apply_style

    login(ctx)  # 窗口经办
    window = build_main_window(ctx)
    qtbot.addWidget(window)
    page = _settings_page(qtbot, ctx, window)
    assert page.save_button.isEnabled() and not page.reader.backend.isEnabled()
    assert not page.reader.helper.isEnabled() and not page.reader.browse.isEnabled()
    try:
        page.font.setCurrentIndex(page.font.findData("large"))
        with qtbot.waitSignal(page.settingsChanged, timeout=10_000):
            page.save()
        assert QApplication.font().pointSize() == FONT_POINTS["large"]
    finally:
        apply_style(QApplication.instance(), "normal")
    with ctx.store.session() as session:
        assert get_settings(session)["font_scale"] == "large"


def test_reader_test_uses_the_one_card_thread(qtbot: QtBot, ctx: Any, admin_window: Any) -> None:
    """测试读卡器 reads with the options on screen, unsaved, through the station's own card thread."""
    import threading

    from app.cards.service import THREAD_NAME
    from app.settings import get_settings

    page = _settings_page(qtbot, ctx, admin_window)
    box = page.reader
    box.backend.setCurrentIndex(box.backend.findData("simulator"))
    box.scenario.setCurrentIndex(box.scenario.findData("locked"))
    box.test_reader.click()
    qtbot.waitUntil(lambda: "锁定" in box.result.text(), timeout=15_000)
    box.scenario.setCurrentIndex(box.scenario.findData("card30"))
    box.test_reader.click()
    qtbot.waitUntil(lambda: "卡识别码" in box.result.text(), timeout=15_000)
    assert box._test_bridge is None
    assert [t.name for t in threading.enumerate()].count(THREAD_NAME) == 1
    with ctx.store.session() as session:
        assert get_settings(session)["card_scenario"] == "card20"  # a test saves nothing
    assert ctx.cards.reader_settings.scenario == "card20"
