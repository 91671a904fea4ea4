"""A clerk records a layoff report for a registered employer (picked by name, searched off the GUI thread)
and one for an enterprise not registered here, then opens the registered one from the list."""

from __future__ import annotations

import random
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import wait_idle


def _registered_employer(ctx: Any) -> tuple[str, str]:
    from app.store.models import Employer
    from app.validation.synthetic import synthetic_uscc

    code = synthetic_uscc(random.Random(77))
    with ctx.store.session() as session:
        employer = Employer(name="界面测试裁员食品有限公司", uscc=code)
        session.add(employer)
        session.flush()
        return employer.id, code


def _items(dialog: Any) -> list[str]:
    return [dialog.view.item(i).text() for i in range(dialog.view.count())]


def test_layoff_report_picks_and_links_the_employer(qtbot: QtBot, window: Any, ctx: Any) -> None:
    from ui.pages.services_desk import LayoffsDialog, ServicesDeskBar

    employer_id, code = _registered_employer(ctx)
    window.show()
    bar = window.findChild(ServicesDeskBar)
    assert bar is not None
    qtbot.mouseClick(bar.layoffs, Qt.MouseButton.LeftButton)
    dialog = bar.dialog
    assert isinstance(dialog, LayoffsDialog)
    qtbot.waitUntil(lambda: dialog.view.count() >= 1, timeout=10_000)
    before = dialog.view.count()

    picker = dialog.picker
    picker.search.insert("裁员食品")
    picker.search.textEdited.emit(picker.search.text())  # as typing does: searched after the pause
    qtbot.waitUntil(lambda: picker.results.isVisible() and picker.results.count() == 1, timeout=10_000)
    assert code in picker.results.item(0).text()
    qtbot.mouseClick(
        picker.results.viewport(),
        Qt.MouseButton.LeftButton,
        pos=picker.results.visualItemRect(picker.results.item(0)).center(),
    )
    assert picker.employer_id == employer_id and "界面测试裁员食品有限公司" in picker.state.text()
    assert not dialog.employer.isEnabled() and not dialog.uscc.isEnabled()
    qtbot.mouseClick(picker.clear_button, Qt.MouseButton.LeftButton)  # 清除 forgets the choice …
    assert picker.employer_id is None and dialog.employer.isEnabled()
    picker.search.insert(code[:10])  # … and the 统一社会信用代码 finds it again; Enter picks the hit
    picker.run_search()
    qtbot.waitUntil(lambda: picker.results.count() == 1 and picker.results.isVisible(), timeout=10_000)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.employer_id == employer_id and not dialog.employer.isEnabled()
    dialog.affected.setValue(30)
    dialog.measures.setText("专场招聘、职业指导")
    qtbot.mouseClick(dialog.findChild(type(bar.layoffs), "layoffAdd"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.view.count() == before + 1, timeout=10_000)
    mine = next(i for i, t in enumerate(_items(dialog)) if "界面测试裁员食品有限公司（已登记单位）" in t)

    # Saved: the form is cleared for the next report. An enterprise not registered here: name typed by hand.
    assert picker.employer_id is None and dialog.employer.isEnabled() and dialog.measures.text() == ""
    dialog.employer.insert("外地某电子厂（测试）")
    dialog.affected.setValue(22)
    dialog.measures.insert("岗位对接")
    dialog.add()
    qtbot.waitUntil(lambda: dialog.view.count() == before + 2, timeout=10_000)
    texts = _items(dialog)
    free = next(i for i, t in enumerate(texts) if "外地某电子厂（测试）（未登记单位）" in t)
    mine = next(i for i, t in enumerate(texts) if "界面测试裁员食品有限公司（已登记单位）" in t)
    dialog.view.setCurrentRow(free)
    assert not dialog.open_button.isEnabled()
    dialog.open_employer(dialog.view.item(free))  # what a double-click does
    assert "不是本站登记的用人单位" in dialog.message.text() and dialog.isVisible()

    # The registered one opens its employer on the 单位与岗位 page.
    dialog.view.setCurrentRow(mine)
    assert dialog.open_button.isEnabled()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    page = window.pages["employers"]
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: getattr(page.detail, "detail", None) is not None, timeout=15_000)
    assert page.detail.detail.id == employer_id and page.detail.title.text().startswith("界面测试裁员食品有限公司")
    wait_idle(qtbot, ctx)
