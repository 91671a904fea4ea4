"""``fuwutai --self-test``: proves an installed program (or a checkout) works, without touching real data.

In a temporary folder, with the store's key in a temporary in-memory keyring: create a store (running
every migration), reopen it, render the main window offscreen, print a receipt to PDF and read its text
back. Exit 0 when all passes; otherwise exit 1 and say which step failed and why, in Chinese and English.
Used by the packaging tests (Linux .deb, Windows installer under Wine) and by IT staff after installing.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SELF_TEST_FLAG = "--self-test"
STATION_CODE = "520102001"
STATION_NAME = "自检服务站"
# A synthetic resident ID with a valid check character (never a real person's number).
SAMPLE_ID = "52010219900101123X"
CASE_NUMBER = "ZJ-20260101-0001"


class SelfTestFailure(Exception):
    def __init__(self, chinese: str, english: str) -> None:
        super().__init__(f"{chinese} / {english}")
        self.chinese, self.english = chinese, english


@dataclass
class Step:
    chinese: str
    english: str
    run: Callable[[], str]


@dataclass
class SelfTest:
    out: Any = None
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="fuwutai-selftest-")))
    keep: bool = False
    store: Any = None
    app: Any = None
    pdf_text: str = ""

    def say(self, text: str) -> None:
        stream = self.out or sys.stdout
        stream.write(text + "\n")
        stream.flush()

    # -- steps -------------------------------------------------------------------------------------

    def version(self) -> str:
        from app.config.version import build_info

        info = build_info()
        return f"{info.version} {info.commit[:12]} {'frozen' if info.frozen else 'source'}"

    def keyring(self) -> str:
        import keyring

        keyring.set_keyring(MemoryKeyring())
        return "in-memory"

    def create_store(self) -> str:
        from app.auth import create_staff
        from app.persons.model import PersonInput
        from app.persons.service import create_person
        from app.store import DataDir, create_store, migrate

        store = create_store(DataDir(self.root / "data"), STATION_CODE, STATION_NAME)
        try:
            with store.session() as session:
                staff = create_staff(session, "selftest", "自检经办人", "admin", "self-test-pass-1")
                sample = PersonInput(name="自检样例", doc_type="resident_id", doc_number=SAMPLE_ID)
                create_person(session, staff.id, sample)
            revision = migrate.current_revision(store.engine)
        finally:
            store.close()
        if revision != migrate.head_revision():
            raise SelfTestFailure(
                f"数据库迁移没有到达最新版本（当前 {revision}）。", f"migrations did not reach head (at {revision})"
            )
        return f"schema {revision}"

    def reopen_store(self) -> str:
        from sqlalchemy import func, select

        from app.store import DataDir, open_store
        from app.store.models import Person

        self.store = open_store(DataDir(self.root / "data"))
        with self.store.session() as session:
            count = session.scalar(select(func.count()).select_from(Person)) or 0
        if count != 1:
            raise SelfTestFailure(f"重新打开后人员数为 {count}，应为 1。", f"reopened store has {count} persons, not 1")
        integrity = self.store.integrity_check()
        if integrity:
            raise SelfTestFailure("数据库完整性检查未通过：" + "；".join(integrity), "integrity check failed")
        return "encrypted store reopened, integrity ok"

    def qt(self) -> str:
        if sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication

        from ui.i18n import install_translator
        from ui.style import apply_style

        existing = QApplication.instance()
        self.app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
        if not install_translator(self.app):
            raise SelfTestFailure("找不到界面翻译文件 zh_CN.qm。", "compiled translations (zh_CN.qm) are missing")
        apply_style(self.app)
        return f"Qt platform {self.app.platformName()}"

    def main_window(self) -> str:
        from PySide6.QtCore import QEventLoop, QTimer

        from app.auth import authenticate
        from app.catalog import load_bundled_catalog
        from ui.context import AppContext
        from ui.db_worker import DbWorker
        from ui.shell import build_main_window

        store = self.store
        station = store.station()
        worker = DbWorker()
        ctx = AppContext(store, worker, load_bundled_catalog(), station.name, station.code)
        with store.session() as session:
            ctx.user = authenticate(session, "selftest", "self-test-pass-1")
        window = build_main_window(ctx, idle_minutes=10)
        try:
            window.resize(1280, 800)
            window.show()
            loop = QEventLoop()
            QTimer.singleShot(600, loop.quit)
            loop.exec()
            image = window.grab().toImage()
            if image.isNull() or image.width() < 200:
                raise SelfTestFailure("主窗口没有画出来。", "the main window did not render")
            colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
            if len(colours) < 8:
                raise SelfTestFailure("主窗口画面是空白的。", "the main window rendered blank")
            title = window.windowTitle()
        finally:
            window.close()
            window.deleteLater()
            worker.shutdown()
        return f"{image.width()}x{image.height()}, {len(colours)} colours, title {title!r}"

    def receipt_pdf(self) -> str:
        from datetime import date

        from app.catalog import load_bundled_catalog
        from ui.printing import ReceiptData, print_to_pdf, receipt_html

        item = load_bundled_catalog().items()[0]
        data = ReceiptData(
            case_number=CASE_NUMBER,
            item_name=item.name,
            person_name="自检样例",
            id_number=SAMPLE_ID,
            accepted_on=date(2026, 1, 5),
            deadline=None,
            due_on=None,
            station_name=STATION_NAME,
            handler_name="自检经办人",
        )
        path = print_to_pdf(receipt_html(data), self.root / "receipt.pdf")
        text = pdf_text(path)
        self.pdf_text = text
        # CJK fonts map some glyphs to look-alike Kangxi radicals (⾃ for 自): NFKC folds them back.
        compact = unicodedata.normalize("NFKC", "".join(text.split()))
        wanted = ["受理回执", CASE_NUMBER, STATION_NAME, "520102********123X"]
        missing = [w for w in wanted if w not in compact]
        if missing:
            raise SelfTestFailure(
                "回执 PDF 中缺少文字：" + "、".join(missing) + "（可能缺少中文字体 fonts-noto-cjk）。",
                "the receipt PDF lacks the text " + ", ".join(missing) + " (Chinese fonts missing?)",
            )
        return f"{path.stat().st_size} bytes, text checked"

    # -- driver ------------------------------------------------------------------------------------

    def steps(self) -> list[Step]:
        return [
            Step("程序版本", "version", self.version),
            Step("临时密钥库", "temporary keyring", self.keyring),
            Step("创建加密数据库并迁移", "create encrypted store and migrate", self.create_store),
            Step("重新打开数据库", "reopen store", self.reopen_store),
            Step("启动界面", "start Qt", self.qt),
            Step("绘制主窗口", "render main window", self.main_window),
            Step("打印回执到 PDF 并核对文字", "print receipt to PDF and check its text", self.receipt_pdf),
        ]

    def run(self) -> int:
        started = time.perf_counter()
        self.say("基层就业服务台自检 / Fuwutai self-test")
        code = 0
        try:
            for step in self.steps():
                try:
                    detail = step.run()
                except SelfTestFailure as exc:
                    self.say(f"[失败 FAIL] {step.chinese} / {step.english}: {exc.chinese} / {exc.english}")
                    code = 1
                    break
                except Exception as exc:  # noqa: BLE001  (any failure is the verdict, reported with its step)
                    self.say(
                        f"[失败 FAIL] {step.chinese} / {step.english}: {exc} / {type(exc).__name__} in step "
                        f"'{step.english}'"
                    )
                    code = 1
                    break
                self.say(f"[通过 OK] {step.chinese} / {step.english}: {detail}")
        finally:
            if self.store is not None:
                self.store.close()
            if not self.keep:
                shutil.rmtree(self.root, ignore_errors=True)
        elapsed = time.perf_counter() - started
        if code == 0:
            self.say(f"自检通过 / self-test passed ({elapsed:.1f} s)")
        else:
            self.say(f"自检失败 / self-test FAILED ({elapsed:.1f} s)")
        return code


def pdf_text(path: Path) -> str:
    """The text of a PDF: pypdf (bundled) first, else poppler's pdftotext."""
    try:
        from pypdf import PdfReader
    except ImportError:
        tool = shutil.which("pdftotext")
        if tool is None:
            raise SelfTestFailure(
                "无法读取 PDF 文字：程序中缺少 pypdf，本机也没有 pdftotext。",
                "cannot read PDF text: neither pypdf nor pdftotext is available",
            ) from None
        done = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
        return done.stdout.decode("utf-8", "replace")
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _memory_keyring_class() -> type:
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        """Keeps secrets in this process only: the self-test's store key never reaches the OS keyring."""

        priority = 1

        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._secrets: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self._secrets.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self._secrets[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self._secrets.pop((service, username), None)

    return MemoryKeyring


def MemoryKeyring() -> Any:
    return _memory_keyring_class()()


def _utf8_output() -> None:
    # A frozen Windows program ignores PYTHONIOENCODING; Chinese must not turn into '?' or crash.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):
                reconfigure(encoding="utf-8", errors="replace")


def run_self_test(argv: list[str] | None = None) -> int:
    _utf8_output()
    args = list(sys.argv[1:] if argv is None else argv)
    test = SelfTest(keep="--keep" in args)
    if test.keep:
        test.say(f"临时文件夹 / temporary folder: {test.root}")
    return test.run()
