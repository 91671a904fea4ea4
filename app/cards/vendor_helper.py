"""The card helper protocol (version 2) in Python: ``python -m app.cards.vendor_helper --library …``.

The program's bundled helper is the small C program ``build/card-helper/fuwutai_card_helper.c``
(``card-helper\\fuwutai-card-helper.exe``, 32-bit); this module speaks the same protocol over
``VendorLibrary`` and is what ``HelperProcessReader`` starts when running from a checkout (and what IT staff
can run with a 32-bit Python). Both only make the raw calls: records, the HSM route and typed errors are
done by ``VendorCalls`` in the main program. One request per line on stdin, one answer per line on stdout::

    hello            -> ok proto=2 bits=64 hsm=1 pin=1
    read <itype>     -> ok <code> <hex of the output bytes, or ->     (iReadCardBas)
    step1 <itype>    -> ok <code> <hex or ->                          (iReadCardBas_HSM_Step1)
    step2 <hexkey>   -> ok <code> <hex or ->                          (iReadCardBas_HSM_Step2; "-" = empty key)
    pin <itype>      -> ok <code> <hex or ->                          (iVerifyPIN)
    quit             -> ok, then exit
    err load <hex of a short UTF-8 reason>   the library could not be loaded (every request but quit)
    err missing <function>                   not in the library; without iReadCardBas for every request
    err request                              malformed, not ASCII, or longer than 64 KiB

Load reasons: ``winerror=<n>`` (Windows), ``convention=stdcall unsupported``, or the loader's message.
Vendor libraries that print to stdout would corrupt the protocol (and card data must not reach it), so
the real stdout is kept for the protocol and file descriptor 1 is pointed at stderr before loading.
"""

from __future__ import annotations

import argparse
import ctypes
import os
import re
import sys
from collections.abc import Callable, Sequence
from typing import BinaryIO

from app.cards.errors import ReaderFault
from app.cards.reader import card_thread
from app.cards.vendor import CONVENTIONS, Convention, VendorConfig, VendorLibrary, load_library

PROTOCOL_VERSION = 2
MAX_REQUEST_BYTES = 64 * 1024
FUNCTIONS = ("iReadCardBas", "iReadCardBas_HSM_Step1", "iReadCardBas_HSM_Step2", "iVerifyPIN")
_INT = re.compile(r"-?[0-9]{1,10}")
_HEX = re.compile(r"-|(?:[0-9a-fA-F]{2})+")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fuwutai-card-helper", description="读卡辅助程序（由服务台程序启动）")
    parser.add_argument("--library", required=True, help="读卡器驱动文件，如 C:\\SSCard\\SSCardDriver.dll")
    parser.add_argument("--itype", type=int, default=3, choices=[1, 2, 3, 4])
    parser.add_argument("--convention", default="auto", choices=CONVENTIONS)
    parser.add_argument("--step1-no-itype", action="store_true", help="iReadCardBas_HSM_Step1 没有 iType 参数")
    return parser


def _claim_stdout() -> BinaryIO:
    """Keep the real stdout for the protocol; anything else writing to fd 1 lands on stderr."""
    sys.stdout.flush()
    protocol_fd = os.dup(1)
    os.dup2(2, 1)
    if sys.platform == "win32":  # a DLL with its own C runtime writes to the standard output handle
        kernel32 = ctypes.windll.kernel32
        kernel32.SetStdHandle(-11, kernel32.GetStdHandle(-12))  # STD_OUTPUT_HANDLE <- STD_ERROR_HANDLE
    return os.fdopen(protocol_fd, "wb", buffering=0)


def _load_reason(exc: ReaderFault) -> str:
    """The short reason for ``err load`` from what ``load_library`` raised."""
    cause = exc.__context__
    if isinstance(cause, OSError):
        winerror = getattr(cause, "winerror", None)
        return f"winerror={winerror}" if winerror else str(cause)[:300]
    return "convention=stdcall unsupported"  # the only refusal without an OSError behind it


def _hex(data: bytes) -> str:
    return data.hex() or "-"


class HelperServer:
    """Answers protocol-2 requests with ``VendorLibrary``'s raw calls."""

    def __init__(self, config: VendorConfig) -> None:
        self.config = config
        self.library: VendorLibrary | None = None
        self.load_failure = ""
        self.present: set[str] = set()
        try:
            handle = load_library(config.library, config.convention)
        except ReaderFault as exc:
            self.load_failure = _load_reason(exc)
            return
        self.present = {name for name in FUNCTIONS if hasattr(handle, name)}
        if "iReadCardBas" in self.present:
            self.library = VendorLibrary(config)  # the same file again: the loader hands back the same module

    def _unavailable(self) -> str | None:
        if self.load_failure:
            return "err load " + _hex(self.load_failure.encode("utf-8"))
        if self.library is None:
            return "err missing iReadCardBas"
        return None

    def handle(self, line: str) -> tuple[str, bool]:
        """One request line (ASCII, no line end) -> (answer, quit)."""
        op, _, arg = line.partition(" ")
        if line == "quit":
            return "ok", True
        if line == "hello":
            library = self.library
            if library is None:
                return self._unavailable() or "err request", False
            bits = ctypes.sizeof(ctypes.c_void_p) * 8
            hsm, pin = int(library.has_hsm), int(library.has_pin)
            return f"ok proto={PROTOCOL_VERSION} bits={bits} hsm={hsm} pin={pin}", False
        if op == "step2" and _HEX.fullmatch(arg):
            key = b"" if arg == "-" else bytes.fromhex(arg)
            if b"\0" in key:  # a C string cannot carry it
                return "err request", False
            return self._call("iReadCardBas_HSM_Step2", lambda lib: lib.hsm_step2(key)), False
        if op in ("read", "step1", "pin") and _INT.fullmatch(arg) and -(2**31) <= int(arg) < 2**31:
            itype = int(arg)
            if op == "read":
                return self._call("iReadCardBas", lambda lib: lib.read_card_bas(itype)), False
            if op == "step1":
                return self._call("iReadCardBas_HSM_Step1", lambda lib: lib.hsm_step1(itype)), False
            return self._call("iVerifyPIN", lambda lib: lib.verify_pin(itype)), False
        return "err request", False

    def _call(self, function: str, call: Callable[[VendorLibrary], tuple[int, bytes]]) -> str:
        unavailable = self._unavailable()
        if unavailable is not None:
            return unavailable
        if function not in self.present or self.library is None:
            return f"err missing {function}"
        code, raw = call(self.library)
        return f"ok {int(code)} {_hex(raw)}"

    def serve(self, requests: BinaryIO, responses: BinaryIO) -> int:
        while True:
            raw = requests.readline(MAX_REQUEST_BYTES + 2)
            if not raw:
                return 0
            line = raw.removesuffix(b"\n").removesuffix(b"\r")
            too_long = len(line) > MAX_REQUEST_BYTES
            while raw and not raw.endswith(b"\n"):  # the rest of an over-long line
                raw = requests.readline(MAX_REQUEST_BYTES)
            if too_long or not line.isascii() or not all(0x20 <= c < 0x7F for c in line):
                answer, done = "err request", False
            else:
                answer, done = self.handle(line.decode("ascii"))
            responses.write(answer.encode("ascii") + b"\n")
            responses.flush()
            if done:
                return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    convention: Convention = args.convention
    config = VendorConfig(
        library=args.library, itype=args.itype, convention=convention, step1_has_itype=not args.step1_no_itype
    )
    responses = _claim_stdout()
    with card_thread():
        server = HelperServer(config)
        return server.serve(sys.stdin.buffer, responses)


if __name__ == "__main__":
    sys.exit(main())
