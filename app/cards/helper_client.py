"""``HelperProcessReader``: the vendor reader through the card helper process (protocol 2, lines over stdio).

Used on 64-bit Windows for 32-bit vendor DLLs, and anywhere a crashing vendor library must not take the
program down with it. The helper only makes the raw calls (``build/card-helper/fuwutai_card_helper.c``;
``app/cards/vendor_helper.py`` is the same protocol in Python): ``RemoteLibrary`` offers the raw interface
of ``VendorLibrary`` over the pipe, and ``VendorCalls`` does records, the HSM route and typed errors exactly
as for an in-process read. Each request has a deadline; a helper that hangs is killed, one that dies is
reported as ``ReaderFault`` and started again on the next call. A small pump thread reads the helper's
stdout because pipes cannot be waited on with a timeout on Windows; it never touches the reader.
"""

from __future__ import annotations

import logging
import queue
import re
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from app.cards.errors import ReaderFault
from app.cards.reader import OnlineAuthenticator, runs_in_card_thread
from app.cards.vendor import VendorCallsReader, VendorConfig

log = logging.getLogger(__name__)

HELPER_EXE = "fuwutai-card-helper.exe"
PROTOCOL_VERSION = 2
MAX_RESPONSE_BYTES = 1024 * 1024
_RESTART_ADVICE = "请再读一次（辅助程序会自动重新启动）；仍不行请联系信息技术人员检查读卡器驱动。"
_HELLO = re.compile(rb"ok proto=(\d+) bits=(\d+) hsm=([01]) pin=([01])")
_CALL = re.compile(rb"ok (-?\d{1,20}) (-|(?:[0-9a-fA-F]{2})+)")
_ERROR = re.compile(rb"err (load|missing|request)(?: (\S+))?")
_WINERROR = re.compile(r"winerror=(\d+)")


def default_helper_command() -> list[str]:
    """The bundled 32-bit helper next to a frozen program; ``python -m`` in a checkout."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).parent / "card-helper" / HELPER_EXE)]
    return [sys.executable, "-m", "app.cards.vendor_helper"]


def _library_name(library: str) -> str:
    return Path(library).name or library


def load_error(library: str, reason: str) -> ReaderFault:
    """``err load``: the messages ``vendor.load_library`` gives in process, worded for the helper."""
    name = _library_name(library)
    winerror = _WINERROR.match(reason)
    if winerror is not None and int(winerror[1]) == 193:  # ERROR_BAD_EXE_FORMAT: the DLL's bitness differs
        return ReaderFault(
            f"读卡器驱动“{name}”与读卡辅助程序的位数不同，辅助程序不能加载它。只有 32 位驱动需要辅助程序："
            "如果这是 64 位驱动，请在“设置 → 读卡器”中取消勾选“32 位驱动：通过辅助程序加载”；仍不行请联系信息技术人员。"
        )
    if reason.startswith("convention=stdcall"):
        return ReaderFault("stdcall 调用约定只用于 Windows 的读卡器驱动。在本系统上请把调用约定设为 cdecl。")
    return ReaderFault(
        f"无法加载读卡器驱动“{name}”。请确认驱动文件存在且与读卡器型号相符、厂商要求的其他文件也已安装；"
        "仍不行请联系信息技术人员。"
    )


def missing_error(library: str, function: str) -> ReaderFault:
    """``err missing``: as ``VendorLibrary`` / ``VendorCalls`` say it in process."""
    if function == "iReadCardBas":
        return ReaderFault(
            f"读卡器驱动“{_library_name(library)}”中没有 iReadCardBas 函数，不是社保卡读卡器的驱动。"
            "请在读卡器设置中选择厂商提供的社保卡驱动（如 SSCardDriver.dll）。"
        )
    if function == "iVerifyPIN":
        return ReaderFault("读卡器驱动没有提供密码校验功能（iVerifyPIN）。请联系信息技术人员更换读卡器驱动。")
    return ReaderFault(f"读卡器驱动没有提供 {function[:40]} 函数。请联系信息技术人员更换读卡器驱动。")


@dataclass(frozen=True)
class HelperHello:
    protocol: int
    bits: int
    hsm: bool
    pin: bool


class _Helper:
    """One running helper process and the thread that reads its answers."""

    def __init__(self, command: Sequence[str]) -> None:
        creationflags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        try:
            self.proc = subprocess.Popen(
                list(command),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                # The vendor library's chatter may include card data: never collect it.
                stderr=subprocess.DEVNULL,
                creationflags=creationflags,
            )
        except OSError:
            raise ReaderFault(
                "无法启动读卡辅助程序。请确认程序文件夹中的 card-helper 完整（可重新安装服务台程序），"
                "或请信息技术人员检查读卡器设置中的辅助程序路径。"
            ) from None
        self.lines: queue.Queue[bytes | None] = queue.Queue()
        assert self.proc.stdout is not None
        self._pump = threading.Thread(
            target=self._read_lines, args=(self.proc.stdout,), name="fuwutai-card-helper-pump", daemon=True
        )
        self._pump.start()

    def _read_lines(self, stream: IO[bytes]) -> None:
        try:
            while True:
                line = stream.readline(MAX_RESPONSE_BYTES)
                if not line:
                    break
                self.lines.put(line)
        except (OSError, ValueError):
            log.warning("card helper output closed unexpectedly")
        finally:
            self.lines.put(None)

    def send(self, request: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(request.encode("ascii") + b"\n")
        self.proc.stdin.flush()

    def stop(self, grace: float) -> None:
        if self.proc.poll() is None:
            try:
                self.send("quit")
                self.proc.wait(timeout=grace)
            except (OSError, ValueError, subprocess.TimeoutExpired):
                self.kill()
        self._close_pipes()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            log.warning("card helper %s did not exit after kill", self.proc.pid)
        self._close_pipes()

    def _close_pipes(self) -> None:
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    log.debug("closing a card helper pipe failed")
        self._pump.join(timeout=2)


class RemoteLibrary:
    """The raw interface of ``VendorLibrary`` (return code + output bytes), answered by the helper process.

    The helper is started on first use and after it died or was killed; ``hello`` tells which functions
    the library has. Every call runs on the card thread.
    """

    def __init__(
        self,
        config: VendorConfig,
        command: Sequence[str],
        *,
        timeout: float = 20.0,
        pin_timeout: float = 90.0,
        start_timeout: float = 15.0,
    ) -> None:
        self.config = config
        self.command = list(command)
        self.timeout = timeout
        self.pin_timeout = pin_timeout
        self.start_timeout = start_timeout
        self.hello: HelperHello | None = None
        self._helper: _Helper | None = None

    def _arguments(self) -> list[str]:
        args = ["--library", self.config.library, "--itype", str(self.config.itype)]
        args += ["--convention", self.config.convention]
        if not self.config.step1_has_itype:
            args.append("--step1-no-itype")
        return args

    def _ensure_started(self) -> _Helper:
        if self._helper is not None and self._helper.proc.poll() is None:
            return self._helper
        if self._helper is not None:
            self._helper.kill()
        helper = _Helper(self.command + self._arguments())
        self._helper = helper
        self.hello = None
        try:
            line = self._exchange(helper, "hello", self.start_timeout)
            hello = _HELLO.fullmatch(line)
            if hello is None:
                self._check_error(line)
                raise self._unrecognised(helper)
            if int(hello[1]) != PROTOCOL_VERSION:
                raise ReaderFault(
                    f"读卡辅助程序的版本（协议 {int(hello[1])}）与服务台程序不一致。请重新安装服务台程序。"
                )
        except BaseException:
            # The library may be installed or fixed before the next read: start afresh then.
            self._discard(helper)
            raise
        self.hello = HelperHello(int(hello[1]), int(hello[2]), hello[3] == b"1", hello[4] == b"1")
        return helper

    def _discard(self, helper: _Helper) -> None:
        helper.kill()
        if self._helper is helper:
            self._helper = None

    def _exchange(self, helper: _Helper, request: str, timeout: float) -> bytes:
        """Sends one request and waits (bounded) for its one answer line, without the line end."""
        try:
            helper.send(request)
        except (OSError, ValueError):
            raise self._died(helper) from None
        try:
            line = helper.lines.get(timeout=timeout)
        except queue.Empty:
            self._discard(helper)
            raise ReaderFault(
                f"读卡器在 {timeout:g} 秒内没有响应，已停止这次读卡。请检查读卡器和卡片后再读一次"
                "（辅助程序会自动重新启动）；仍不行请联系信息技术人员检查读卡器驱动。"
            ) from None
        if line is None:
            raise self._died(helper)
        return line.rstrip(b"\r\n")

    def _died(self, helper: _Helper) -> ReaderFault:
        helper.kill()
        code = helper.proc.returncode
        if self._helper is helper:
            self._helper = None
        log.warning("card helper exited unexpectedly with code %s", code)
        return ReaderFault(f"读卡辅助程序意外退出（退出码 {code}），可能是读卡器驱动出错。{_RESTART_ADVICE}")

    def _unrecognised(self, helper: _Helper) -> ReaderFault:
        self._discard(helper)
        return ReaderFault(f"读卡辅助程序的回答无法识别。{_RESTART_ADVICE}")

    def _check_error(self, line: bytes) -> None:
        """Raises the typed error for an ``err …`` answer; returns for anything else."""
        error = _ERROR.fullmatch(line)
        if error is None:
            return
        kind, detail = error[1], error[2] or b""
        if kind == b"load":
            try:
                reason = bytes.fromhex(detail.decode("ascii")).decode("utf-8", errors="replace")
            except ValueError:
                reason = ""
            raise load_error(self.config.library, reason)
        if kind == b"missing":
            raise missing_error(self.config.library, detail.decode("ascii", errors="replace"))
        raise ReaderFault("读卡辅助程序不接受这个请求。请确认辅助程序与服务台程序版本一致（可重新安装服务台程序）。")

    def _call(self, request: str, timeout: float) -> tuple[int, bytes]:
        helper = self._ensure_started()
        line = self._exchange(helper, request, timeout)
        answer = _CALL.fullmatch(line)
        if answer is None:
            self._check_error(line)
            raise self._unrecognised(helper)
        output = answer[2]
        return int(answer[1]), b"" if output == b"-" else bytes.fromhex(output.decode("ascii"))

    def _hello(self) -> HelperHello:
        self._ensure_started()
        assert self.hello is not None
        return self.hello

    @property
    def has_hsm(self) -> bool:
        return self._hello().hsm

    @property
    def has_pin(self) -> bool:
        return self._hello().pin

    @runs_in_card_thread
    def read_card_bas(self, itype: int) -> tuple[int, bytes]:
        return self._call(f"read {int(itype)}", self.timeout)

    @runs_in_card_thread
    def hsm_step1(self, itype: int) -> tuple[int, bytes]:
        return self._call(f"step1 {int(itype)}", self.timeout)

    @runs_in_card_thread
    def hsm_step2(self, key: bytes) -> tuple[int, bytes]:
        return self._call(f"step2 {key.hex() or '-'}", self.timeout)

    @runs_in_card_thread
    def verify_pin(self, itype: int) -> tuple[int, bytes]:
        return self._call(f"pin {int(itype)}", self.pin_timeout)

    @property
    def helper_pid(self) -> int | None:
        return self._helper.proc.pid if self._helper is not None else None

    def close(self) -> None:
        if self._helper is not None:
            self._helper.stop(grace=2.0)
            self._helper = None


class HelperProcessReader(VendorCallsReader):
    """The vendor reader (same behaviour as ``VendorReader``) driven through the helper process."""

    source_label = "厂商读卡器（32 位辅助程序）"

    def __init__(
        self,
        config: VendorConfig,
        authenticator: OnlineAuthenticator | None = None,
        *,
        command: Sequence[str] | None = None,
        timeout: float = 20.0,
        pin_timeout: float = 90.0,
        start_timeout: float = 15.0,
    ) -> None:
        self.library = RemoteLibrary(
            config,
            list(command) if command else default_helper_command(),
            timeout=timeout,
            pin_timeout=pin_timeout,
            start_timeout=start_timeout,
        )
        super().__init__(config, self.library, authenticator)

    @property
    def command(self) -> list[str]:
        return self.library.command

    @property
    def timeout(self) -> float:
        return self.library.timeout

    @timeout.setter
    def timeout(self, seconds: float) -> None:
        self.library.timeout = seconds

    @property
    def hello(self) -> HelperHello | None:
        return self.library.hello

    @property
    def helper_pid(self) -> int | None:
        return self.library.helper_pid

    @runs_in_card_thread
    def close(self) -> None:
        self.library.close()
