"""Composition root of the desktop program: Qt, the DB worker, the store, login, main window; shut down in order.

The first window paints before anything heavy is imported (SQLAlchemy, pypinyin, keyring load on the DB
worker while the start window is already on screen).
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QVBoxLayout, QWidget

from ui.db_worker import DbWorker

if TYPE_CHECKING:
    from app.catalog import Catalog
    from app.store import Store
    from ui.main_window import MainWindow
    from ui.sync_runner import SyncRunner


@dataclass
class Opened:
    store: Store
    catalog: Catalog
    station_name: str
    station_code: str
    settings: dict[str, Any]
    card_holders: tuple[Any, ...] = ()  # the demo's simulated cards (app.demo.demo_card_holders)


class StartWindow(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("基层就业服务台"))
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("基层就业服务台\n正在打开本站数据……"))
        self.label.setObjectName("pageTitle")
        layout.addWidget(self.label)
        self.resize(420, 160)
        self._painted = False

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            report_first_paint()


def report_first_paint() -> None:
    """For benchmarks/bench_startup.py: record the wall-clock time of the first paint."""
    import os

    target = os.environ.get("FUWUTAI_FIRST_PAINT_FILE")
    if target:
        import time

        with open(target, "w", encoding="utf-8") as handle:
            handle.write(repr(time.time()))


def open_station(data_dir_arg: str | None, demo: bool) -> Opened:
    """Runs on the DB worker: opens (or, for the demo, creates) the store and loads what pages need."""
    from app.catalog.station import station_catalog
    from app.config.preset import check_station, current_preset, effective_settings
    from app.logsetup import configure_logging
    from app.store import DataDir, open_store, resolve_data_dir

    preset = current_preset()  # fuwutai.toml: a bad preset stops the start with its reasons, before any data

    if demo:
        from app.demo import demo_data_dir, ensure_demo_store

        data_dir = DataDir(resolve_data_dir(data_dir_arg)) if data_dir_arg else demo_data_dir()
        configure_logging(data_dir.logs)
        store = ensure_demo_store(data_dir)
    else:
        data_dir = DataDir(resolve_data_dir(data_dir_arg))
        configure_logging(data_dir.logs)
        store = open_store(data_dir)
    try:
        station = store.station()
        check_station(preset, station.code if station else None)
        with store.session() as session:
            settings = effective_settings(session, preset)  # user settings, preset where locked or unset
            catalog = station_catalog(session)
            holders: tuple[Any, ...] = ()
            if demo:
                from app.demo import demo_card_holders

                holders = tuple(demo_card_holders(session))
        name, code = (station.name, station.code) if station else ("", "")
        return Opened(store, catalog, name, code, settings, holders)
    except BaseException:
        store.close()
        raise


def create_station(data_dir_arg: str | None, values: dict[str, Any]) -> None:
    from app.auth import create_staff
    from app.store import DataDir, create_store, resolve_data_dir

    store = create_store(DataDir(resolve_data_dir(data_dir_arg)), values["code"], values["name"])
    try:
        with store.session() as session:
            create_staff(session, values["username"], values["display_name"], "admin", values["password"])
    finally:
        store.close()


class DemoPlatform(QObject):
    """The demo's reference platform (sync.demo_platform), started and stopped on a thread of its own."""

    ready = Signal()
    _done = Signal(object)

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.harness: Any = None
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._done.connect(self._finished, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="fuwutai-demo-platform", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            from sync.demo_platform import start_demo_platform

            self.harness = start_demo_platform(self.store)
        except Exception as exc:  # the demo works offline then; the status bar says so
            logging.getLogger(__name__).exception("the demo platform did not start")
            self.error = exc
        self._done.emit(self.error)

    @Slot(object)
    def _finished(self, error: object) -> None:
        if error is None:
            self.ready.emit()

    def stop(self) -> None:
        if self._thread is not None:
            self._thread.join(30)
        if self.harness is not None:
            self.harness.stop()
            self.harness = None


class Program:
    """Holds what lives as long as the program: worker, store, windows."""

    def __init__(self, app: QApplication, args: argparse.Namespace, demo: bool) -> None:
        self.app, self.args, self.demo = app, args, demo
        self.worker = DbWorker()
        self.start = StartWindow()
        self.opened: Opened | None = None
        self.window: MainWindow | None = None
        self.cards: Any = None
        self.sync_runner: SyncRunner | None = None
        self.platform: DemoPlatform | None = None
        self._login_shown = False
        self._platform_up = False
        self._ready_callbacks: list[Callable[[], None]] = []
        self._recovering = False  # a damaged store was assessed once; a second failure is shown, not looped

    def begin(self) -> None:
        self.start.show()
        self.worker.run(lambda: open_station(self.args.data_dir, self.demo), self._opened, self._open_failed)

    def _open_failed(self, error: BaseException) -> None:
        from app.store.errors import StoreNotInitialisedError
        from ui.errors import user_message

        if isinstance(error, StoreNotInitialisedError):
            self._first_run()
            return
        if self._is_damage(error) and not self.demo and not self._recovering:
            self._offer_recovery(error)
            return
        QMessageBox.critical(self.start, self.start.tr("无法打开本站数据"), user_message(error))
        self.app.quit()

    @staticmethod
    def _is_damage(error: BaseException) -> bool:
        from app.store.errors import WrongKeyOrCorruptError
        from app.store.recovery import StoreCorruptError

        return isinstance(error, StoreCorruptError | WrongKeyOrCorruptError)

    def _offer_recovery(self, error: BaseException) -> None:
        """A damaged store: assess it on the worker, then offer the latest good backup (ui/recovery_dialog.py)."""
        from app.store import DataDir, resolve_data_dir
        from app.store.recovery import assess_damage

        data_dir = DataDir(resolve_data_dir(self.args.data_dir))
        self._recovering = True

        def failed(_assess_error: BaseException) -> None:
            self._recovering = True
            self._open_failed(error)

        self.worker.run(lambda: assess_damage(data_dir), lambda report: self._show_recovery(data_dir, report), failed)

    def _show_recovery(self, data_dir: Any, report: Any) -> None:
        from app.store.recovery import restore_latest
        from ui.recovery_dialog import RecoveryDialog

        self.recovery = RecoveryDialog(report, self.start)

        def decided(code: int) -> None:
            if code != RecoveryDialog.DialogCode.Accepted or report.backup is None:
                self.app.quit()
                return
            self._recovering = False
            self.worker.run(lambda: restore_latest(data_dir, report), lambda _r: self.begin(), self._restore_failed)

        self.recovery.finished.connect(decided)
        self.recovery.open()

    def _restore_failed(self, error: BaseException) -> None:
        from ui.errors import user_message

        QMessageBox.critical(self.start, self.start.tr("无法恢复备份"), user_message(error))
        self.app.quit()

    def _first_run(self) -> None:
        from ui.setup_wizard import SetupWizard

        wizard = SetupWizard(self.start)
        if wizard.exec() != SetupWizard.DialogCode.Accepted:
            self.app.quit()
            return
        values = wizard.values()
        self.worker.run(lambda: create_station(self.args.data_dir, values), lambda _r: self.begin(), self._open_failed)

    def _opened(self, opened: Opened) -> None:
        from ui.context import AppContext
        from ui.login import LoginDialog
        from ui.style import apply_style

        self.opened = opened
        apply_style(self.app, opened.settings.get("font_scale", "normal"))
        ctx = AppContext(
            opened.store,
            self.worker,
            opened.catalog,
            opened.station_name,
            opened.station_code,
            settings=opened.settings,
        )
        from sync.client.card_services import PlatformCardAuthenticator, store_api_factory
        from ui.card_reading import CardBridge

        # 3rd-generation cards and QR codes are checked by the platform; offline they say so.
        self.platform_calls = store_api_factory(opened.store)
        self.cards = ctx.cards = CardBridge(
            opened.settings, PlatformCardAuthenticator(self.platform_calls), holders=opened.card_holders
        )
        if self.demo:
            # The demo's reference platform starts on its own thread while the login dialog shows.
            self.platform = DemoPlatform(opened.store)
            self.platform.ready.connect(self._platform_ready)
            self.platform.start()
        if self.args.screenshot:
            self.start.label.setText(self.start.tr("基层就业服务台\n") + opened.station_name)
            QTimer.singleShot(300, lambda: (self.start.grab().save(self.args.screenshot), self.app.quit()))
            return
        login = LoginDialog(ctx, self.start)
        login.finished.connect(lambda code: self._logged_in(ctx, login.staff) if code else self.app.quit())
        login.open()
        self._login_shown = True
        self._check_ready()

    def _logged_in(self, ctx: Any, staff: Any) -> None:
        from ui.shell import build_main_window
        from ui.sync_runner import SyncRunner

        ctx.user = staff
        self.sync_runner = SyncRunner(ctx.store)
        self.window = build_main_window(
            ctx, float(ctx.settings.get("idle_lock_minutes", 10)), sync_runner=self.sync_runner
        )
        self.window.show()
        self.start.hide()
        self.sync_runner.start()
        self.sync_runner.finished.connect(lambda outcome: self._refresh_catalog(ctx) if outcome.ok else None)
        self._listen_for_qr_scans(ctx, self.window)

    def _listen_for_qr_scans(self, ctx: Any, window: MainWindow) -> None:
        """电子社保卡 QR codes typed by a scanner anywhere in the window; offline they are kept to verify."""
        from sync.client.card_services import PlatformQrVerifier
        from ui.qr_input import QrScanFilter, deliver_scan

        self.qr = QrScanFilter(PlatformQrVerifier(self.platform_calls))
        self.qr.install()
        self.qr.verifying.connect(
            lambda: window.statusBar().showMessage(
                QCoreApplication.translate("Program", "已扫描电子社保卡二维码，正在联网核验……"), 15_000
            )
        )
        self.qr.scanned.connect(lambda token: deliver_scan(ctx, window, token))

    def _refresh_catalog(self, ctx: Any) -> None:
        """Items the platform published take effect for new cases as soon as a round brings them."""
        store, known = ctx.store, getattr(self, "_catalog_version", None)

        def job() -> Any:
            from app.catalog.station import published_version, station_catalog

            with store.session() as session:
                version = published_version(session)
                if version == known:
                    return None
                return version, station_catalog(session)

        def done(result: Any) -> None:
            if result is not None:
                self._catalog_version, ctx.catalog = result

        self.worker.run(job, done, lambda _error: None)

    def _platform_ready(self) -> None:
        self._platform_up = True
        if self.sync_runner is not None:
            self.sync_runner.reconnect()
        self._check_ready()

    def when_ready(self, callback: Callable[[], None]) -> None:
        """Call back once the login screen is up (and, in the demo, its platform too): smoke tests
        (``--quit-after``) count from there, not from a start that a slow machine may stretch."""
        self._ready_callbacks.append(callback)
        self._check_ready()

    def _check_ready(self) -> None:
        if not self._login_shown or (self.demo and not self._platform_up):
            return
        callbacks, self._ready_callbacks = self._ready_callbacks, []
        for callback in callbacks:
            callback()

    def shutdown(self) -> None:
        if getattr(self, "qr", None) is not None:
            self.qr.close()
        if self.cards is not None:
            self.cards.close()
        # The sync thread stops (and is joined) before the worker and the store it uses.
        if self.sync_runner is not None:
            self.sync_runner.stop()
        if self.platform is not None:
            self.platform.stop()
        self.worker.shutdown()
        if self.opened is not None:
            self.opened.store.close()


def run_gui(argv: Sequence[str], *, demo: bool) -> int:
    parser = argparse.ArgumentParser(prog="fuwutai")
    parser.add_argument("--data-dir")
    parser.add_argument("command", nargs="?")
    parser.add_argument("--quit-after", type=float, help=argparse.SUPPRESS)  # for smoke tests
    parser.add_argument("--screenshot", help=argparse.SUPPRESS)  # saves the start window once data is loaded
    args = parser.parse_args(list(argv))

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("基层就业服务台")
    from ui.crash import install_crash_handler

    install_crash_handler(app)  # unhandled errors: logged without personal data, apology with the log's place
    from ui.i18n import install_translator

    install_translator(app)
    program = Program(app, args, demo)
    program.begin()
    if args.quit_after:
        delay = int(args.quit_after * 1000)
        program.when_ready(lambda: QTimer.singleShot(delay, app.quit))
    code = app.exec()
    program.shutdown()
    from ui.db_worker import shutdown_all

    shutdown_all()  # the province-wide services' network thread too
    return int(code)
