"""``HelperProcessReader``: the vendor reader through the card helper process (JSON lines over stdio).

Used on 64-bit Windows for 32-bit vendor DLLs, and anywhere a crashing vendor library must not take the
program down with it. Each request has a deadline; a helper that hangs is killed, one that dies is
reported as ``ReaderFault`` and started again on the next call. A small pump thread reads the helper's
stdout because pipes cannot be waited on with a timeout on Windows; it never touches the reader.
"""

from __future__ import annotations

import json
import logging
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from app.cards.bas import HsmStep1
from app.cards.errors import ReaderFault, error_from_json
from app.cards.reader import CardReader, OnlineAuthenticator, runs_in_card_thread
from app.cards.record import CardRecord
from app.cards.vendor import VendorConfig, complete_online_read

log = logging.getLogger(__name__)

HELPER_EXE = "fuwutai-card-helper.exe"
MAX_RESPONSE_BYTES = 1024 * 1024
_RESTART_ADVICE = "请再读一次（辅助程序会自动重新启动）；仍不行请联系信息技术人员检查读卡器驱动。"


def default_helper_command() -> list[str]:
    """The bundled 32-bit helper next to a frozen program; ``python -m`` in a checkout."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).parent / "card-helper" / HELPER_EXE)]
    return [sys.executable, "-m", "app.cards.vendor_helper"]


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

    def send(self, payload: dict[str, Any]) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(json.dumps(payload, ensure_ascii=False).encode("utf-8") + b"\n")
        self.proc.stdin.flush()

    def stop(self, grace: float) -> None:
        if self.proc.poll() is None:
            try:
                self.send({"id": 0, "op": "quit"})
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


class HelperProcessReader(CardReader):
    """The vendor reader (same behaviour as ``VendorReader``) driven through the helper process."""

    source_label = "厂商读卡器（32 位辅助程序）"
    supports_pin = True

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
        self.config = config
        self.authenticator = authenticator
        self.command = list(command) if command else default_helper_command()
        self.timeout = timeout
        self.pin_timeout = pin_timeout
        self.start_timeout = start_timeout
        self.hello: dict[str, Any] = {}
        self._helper: _Helper | None = None
        self._next_id = 1

    def _arguments(self) -> list[str]:
        args = [
            "--library",
            self.config.library,
            "--itype",
            str(self.config.itype),
            "--convention",
            self.config.convention,
        ]
        if not self.config.step1_has_itype:
            args.append("--step1-no-itype")
        return args

    def _ensure_started(self) -> _Helper:
        if self._helper is not None and self._helper.proc.poll() is None:
            return self._helper
        if self._helper is not None:
            self._helper.kill()
        self._helper = _Helper(self.command + self._arguments())
        self.hello = self._exchange(self._helper, {"op": "hello"}, self.start_timeout)
        return self._helper

    def _exchange(self, helper: _Helper, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        request_id = self._next_id
        self._next_id += 1
        try:
            helper.send({"id": request_id, **request})
        except (OSError, ValueError):
            return self._died(helper)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                line = helper.lines.get(timeout=max(remaining, 0.0))
            except queue.Empty:
                helper.kill()
                self._helper = None
                raise ReaderFault(
                    f"读卡器在 {timeout:g} 秒内没有响应，已停止这次读卡。请检查读卡器和卡片后再读一次"
                    "（辅助程序会自动重新启动）；仍不行请联系信息技术人员检查读卡器驱动。"
                ) from None
            if line is None:
                return self._died(helper)
            try:
                response = json.loads(line)
            except ValueError:
                helper.kill()
                self._helper = None
                raise ReaderFault(f"读卡辅助程序的回答无法识别。{_RESTART_ADVICE}") from None
            if not isinstance(response, dict):
                continue
            if response.get("id") != request_id:
                continue  # an answer to an earlier, abandoned request
            if response.get("ok") is True:
                return response
            error = response.get("error")
            raise error_from_json(error if isinstance(error, dict) else {})

    def _died(self, helper: _Helper) -> dict[str, Any]:
        helper.kill()
        code = helper.proc.returncode
        self._helper = None
        log.warning("card helper exited unexpectedly with code %s", code)
        raise ReaderFault(f"读卡辅助程序意外退出（退出码 {code}），可能是读卡器驱动出错。{_RESTART_ADVICE}")

    def _request(self, request: dict[str, Any], timeout: float) -> dict[str, Any]:
        helper = self._ensure_started()
        return self._exchange(helper, request, timeout)

    @staticmethod
    def _record(response: dict[str, Any]) -> CardRecord:
        try:
            return CardRecord.from_wire(response["record"])
        except (KeyError, TypeError, ValueError):
            raise ReaderFault(f"读卡辅助程序返回的读卡结果不完整。{_RESTART_ADVICE}") from None

    @runs_in_card_thread
    def read(self) -> CardRecord:
        response = self._request({"op": "read"}, self.timeout)
        first: CardRecord | HsmStep1 = (
            HsmStep1.from_wire(response["step1"]) if "step1" in response else self._record(response)
        )
        return complete_online_read(first, self._step2, self.authenticator)

    def _step2(self, key: bytes) -> CardRecord:
        return self._record(self._request({"op": "hsm_step2", "key": key.decode("ascii")}, self.timeout))

    @runs_in_card_thread
    def verify_pin(self) -> None:
        self._request({"op": "verify_pin"}, self.pin_timeout)

    @property
    def helper_pid(self) -> int | None:
        return self._helper.proc.pid if self._helper is not None else None

    @runs_in_card_thread
    def close(self) -> None:
        if self._helper is not None:
            self._helper.stop(grace=2.0)
            self._helper = None
