"""Builds the desktop program: Qt application, DB worker, store, main window; shuts them down in order."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.db_worker import DbWorker
from ui.status_window import StatusWindow

if TYPE_CHECKING:
    from app.station import StationStatus
    from app.store import Store


@dataclass
class Opened:
    store: Store
    status: StationStatus


def _open(data_dir_arg: str | None, demo: bool) -> Opened:
    from app.logsetup import configure_logging
    from app.store import DataDir, open_store, resolve_data_dir

    if demo:
        from app.demo import demo_data_dir, ensure_demo_store

        configure_logging(demo_data_dir().logs)
        store = ensure_demo_store(DataDir(resolve_data_dir(data_dir_arg)) if data_dir_arg else None)
    else:
        data_dir = DataDir(resolve_data_dir(data_dir_arg))
        configure_logging(data_dir.logs)
        store = open_store(data_dir)
    from app.station import station_status

    return Opened(store, station_status(store))


def run_gui(argv: Sequence[str], *, demo: bool) -> int:
    parser = argparse.ArgumentParser(prog="fuwutai")
    parser.add_argument("--data-dir")
    parser.add_argument("command", nargs="?")
    parser.add_argument("--quit-after", type=float, help=argparse.SUPPRESS)  # for smoke tests
    parser.add_argument("--screenshot", help=argparse.SUPPRESS)  # saves the window once data is shown
    args = parser.parse_args(list(argv))

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("基层就业服务台")
    worker = DbWorker()
    window = StatusWindow()
    window.show()
    opened: list[Opened] = []

    def shown(result: Opened) -> None:
        opened.append(result)
        window.show_status(result.status)
        if args.screenshot:
            QTimer.singleShot(300, lambda: (window.grab().save(args.screenshot), app.quit()))

    def failed(error: BaseException) -> None:
        QMessageBox.critical(window, "无法打开数据库", str(error))
        window.show_error(str(error))

    worker.run(lambda: _open(args.data_dir, demo), shown, failed)
    if args.quit_after:
        QTimer.singleShot(int(args.quit_after * 1000), app.quit)
    code = app.exec()
    worker.shutdown()
    for item in opened:
        item.store.close()
    return int(code)
