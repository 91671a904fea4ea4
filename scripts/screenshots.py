"""Screenshots of every screen for docs/screenshots/, taken from the real program on the demo station.

Run under a virtual display with the Chinese fonts installed:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import Future
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(os.environ.get("FUWUTAI_SHOTS_DIR", str(ROOT / "docs" / "screenshots")))
sys.path.insert(0, str(ROOT))


def main() -> int:
    tmp = tempfile.mkdtemp(prefix="fuwutai-shots-")
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    os.environ["XDG_DATA_HOME"] = str(Path(tmp) / "keyring")
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv[:1])
    from app.auth import authenticate
    from app.catalog import load_bundled_catalog
    from app.demo import ensure_demo_store
    from app.store import DataDir
    from ui.context import AppContext
    from ui.db_worker import DbWorker
    from ui.i18n import install_translator
    from ui.login import LoginDialog
    from ui.shell import build_main_window
    from ui.style import apply_style

    install_translator(app)
    apply_style(app)
    store = ensure_demo_store(DataDir(Path(tmp) / "demo"))
    station = store.station()
    assert station is not None
    worker = DbWorker()
    ctx = AppContext(store, worker, load_bundled_catalog(), station.name, station.code)
    from ui.card_reading import CardBridge

    ctx.cards = CardBridge({"card_backend": "simulator"})

    def settle(extra: float = 0.3) -> None:
        for _ in range(3):
            done: Future[None] = Future()
            worker.run(lambda: None, lambda _r, d=done: d.set_result(None), lambda _e, d=done: d.set_result(None))
            deadline = time.monotonic() + 20
            while not done.done() and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.01)
        end = time.monotonic() + extra
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.01)

    def shot(widget: QWidget, name: str, prepare: Callable[[], None] | None = None) -> None:
        if prepare:
            prepare()
        settle()
        OUT.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(OUT / f"{name}.png"))
        print(f"saved {OUT / (name + '.png')}")

    login = LoginDialog(ctx)
    login.show()
    shot(login, "login")
    login.close()
    with store.session() as session:
        ctx.user = authenticate(session, "clerk", "demo-clerk-1")
    window = build_main_window(ctx)
    window.resize(1366, 740)
    window.show()
    shot(window, "dashboard")
    persons = window.show_page("persons")

    from pypinyin import Style, lazy_pinyin
    from sqlalchemy import select

    from app.store.models import Person

    with store.session() as session:
        first_name = session.scalars(select(Person.name).order_by(Person.created_at)).first() or "张"
    initials = "".join(lazy_pinyin(first_name[:2], style=Style.FIRST_LETTER))

    def search() -> None:
        persons.search.setText(initials)  # type: ignore[attr-defined]
        persons.run_search()  # type: ignore[attr-defined]
        settle()
        persons.open_person(persons.model.id_at(0))  # type: ignore[attr-defined]

    shot(window, "persons", search)
    # F2 with a card whose holder is on record under an older name: card and record side by side
    from app.cards.simulator import synthetic_holders
    from app.persons import PersonInput, create_person
    from ui.pages.card_differences import CardDifferencesDialog

    holder = synthetic_holders()[0]
    with store.session() as session:
        create_person(session, None, PersonInput(name="王旧名", doc_type="resident_id", doc_number=holder.ss_number))
    persons.read_card()  # what F2 does
    deadline = time.monotonic() + 20
    while not persons.findChildren(CardDifferencesDialog) and time.monotonic() < deadline:
        settle(0.1)
    for dialog in persons.findChildren(CardDifferencesDialog):
        shot(dialog, "card-differences")
        dialog.reject()
    cases = window.show_page("cases")

    def open_first() -> None:
        settle()
        cases.open_case(cases.model.id_at(1))  # type: ignore[attr-defined]

    shot(window, "cases", open_first)
    shot(window, "stats", lambda: (window.show_page("stats"), settle(1.0)))
    households = window.show_page("households")
    shot(window, "households-zero", lambda: settle(1.0))
    shot(window, "households", lambda: (households.tabs.setCurrentIndex(1), settle(1.0)))  # type: ignore[attr-defined]
    # 添加成员 in the settlement household shown above (search results listed)
    actions = households.settlement_detail.member_actions  # type: ignore[attr-defined]
    if actions.add_button.isEnabled():
        actions.add_button.click()
        settle()
        add = actions.dialog
        add.search.setText("王")
        add.run_search()
        shot(add, "household-member-add", lambda: settle(0.6))
        add.reject()
    shot(window, "employers", lambda: (window.show_page("employers"), settle(1.0)))
    # 办件 with 绿色通道 cases first, then a 就业登记 form for the person opened above
    cases.green.setCurrentIndex(cases.green.findData("first"))  # type: ignore[attr-defined]
    shot(window, "cases-green", lambda: (window.show_page("cases"), settle(1.0)))
    from PySide6.QtWidgets import QDialog as _Dialog

    from ui.pages.case_editor import open_case_editor

    person_id = persons.model.id_at(0)  # type: ignore[attr-defined]
    open_case_editor(ctx, window, item_code="employment_registration", person_id=person_id)
    settle(1.0)
    editor = window.findChild(_Dialog, "caseEditor")
    if editor is not None:
        editor.resize(1100, 740)
        shot(editor, "employment-registration", lambda: settle(0.6))
        editor.done(0)
    # 规模性裁员报告 with the registered-employer picker
    from ui.pages.services_desk import ServicesDeskBar

    window.show_page("dashboard")
    settle()
    desk = window.findChild(ServicesDeskBar)
    if desk is not None:
        desk.layoffs.click()
        settle()
        layoffs = desk.dialog
        layoffs.picker.search.setText("贵")  # type: ignore[union-attr]
        layoffs.picker.run_search()  # type: ignore[union-attr]
        shot(layoffs, "layoffs", lambda: settle(0.6))  # type: ignore[arg-type]
        layoffs.close()  # type: ignore[union-attr]
    # 培训、创业与信用 panel of the person opened above, 今日预约 and the satisfaction dialog (services_extra)
    from ui.pages.profile_training import TrainingProfilePanel
    from ui.pages.satisfaction_dialog import SatisfactionDialog
    from ui.pages.services_desk import AppointmentsDialog

    panel = next(p for p in persons.profile.panels if isinstance(p, TrainingProfilePanel))  # type: ignore[attr-defined]
    shot(panel, "person_training")
    for dialog, name in (
        (AppointmentsDialog(ctx, window), "appointments"),
        (SatisfactionDialog(ctx, window, ""), "satisfaction"),
    ):
        dialog.show()
        shot(dialog, name)
        dialog.close()
    # 就业援助: 援助计划进行中 from the 工作台, one person's 就业失业登记与就业援助 panel, a placement over its limit
    from PySide6.QtCore import Qt

    from ui.pages.assistance_lists import AssistanceListsBar

    window.show_page("dashboard")
    settle()
    bar = window.findChild(AssistanceListsBar)
    if bar is not None:
        plans = bar.open_list("plans")
        shot(plans, "assistance_plans")
        if plans.view.count() and plans.view.item(0).data(Qt.ItemDataRole.UserRole):  # a person, not "(无)"
            person = plans.open_person(plans.view.item(plans.view.count() - 1))
            shot(person, "assistance_person")  # type: ignore[arg-type]
            placement = plans.panel.place()
            placement.post_name.setText("保洁")
            placement.employer.setText("五里冲街道办事处（演示）")
            placement.set_period(date(2026, 12, 1), date(2030, 12, 31))
            placement.save()
            shot(placement, "assistance_placement_refused")
            placement.close()
            person.close()  # type: ignore[union-attr]
        plans.close()
    shot(window, "settings", lambda: window.show_page("settings"))
    # 代码表维护 is the station admin's: a 现代服务业 name added under its group
    with store.session() as session:
        ctx.user = authenticate(session, "admin", "demo-admin-1")
    admin_window = build_main_window(ctx)
    admin_window.resize(1366, 740)
    admin_window.show()
    codes = admin_window.show_page("settings").open_code_tables()  # type: ignore[attr-defined]
    settle()
    codes.select_table("key_industry")
    settle()
    entry = codes.add_code()
    entry.code.setText("3001")
    entry.label.setText("现代物流")
    entry.parent_box.setCurrentIndex(entry.parent_box.findData("30"))
    entry.save()
    shot(codes, "code_tables")
    codes.close()
    # 读卡器 options of a vendor reader whose 32-bit driver loads through the helper process
    reader = admin_window.show_page("settings").reader  # type: ignore[attr-defined]
    reader.backend.setCurrentIndex(reader.backend.findData("vendor"))
    reader.library.setText("C:\\SSCard\\SSCardDriver.dll")
    reader.helper.setChecked(True)
    shot(admin_window, "settings-reader")
    admin_window.close()
    with store.session() as session:
        ctx.user = authenticate(session, "clerk", "demo-clerk-1")
    window.lock()
    shot(window, "locked")
    window.close()
    ctx.cards.close()
    worker.shutdown()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
