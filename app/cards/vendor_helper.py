"""The card helper process: loads a vendor library this program cannot load itself, speaks JSON lines.

A 64-bit Fuwutai cannot load the 32-bit ``SSCardDriver.dll`` most vendors ship, so a 32-bit build of
this module (see ``build/card-helper/``) loads it and answers requests on stdin/stdout, one JSON object
per line::

    {"id": 1, "op": "hello"}              -> {"id": 1, "ok": true, "protocol": 1, "bits": 32, ...}
    {"id": 2, "op": "read"}               -> {"id": 2, "ok": true, "record": {...}}
                                          or {"id": 2, "ok": true, "step1": {...}}   (online route needed)
    {"id": 3, "op": "hsm_step2", "key": "内部|外部|"} -> {"id": 3, "ok": true, "record": {...}}
    {"id": 4, "op": "verify_pin"}         -> {"id": 4, "ok": true}
    {"id": 5, "op": "quit"}               -> {"id": 5, "ok": true} and exit
    any failure                           -> {"id": n, "ok": false, "error": {"type": "NoCard", "message": ...}}

The platform is never contacted from here: for the online route the helper returns the Step1 factors
and the main program (which has the network client) sends the answer back with ``hsm_step2``.
Vendor libraries that print to stdout would corrupt the protocol, so the real stdout is kept for the
protocol and file descriptor 1 is pointed at stderr before the library is loaded.
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import sys
from collections.abc import Sequence
from typing import Any, BinaryIO

from app.cards.bas import normalise_hsm_key
from app.cards.errors import CardError, ReaderFault, error_to_json
from app.cards.reader import card_thread
from app.cards.record import CardRecord
from app.cards.vendor import CONVENTIONS, Convention, VendorCalls, VendorConfig, VendorLibrary

PROTOCOL_VERSION = 1
MAX_REQUEST_BYTES = 64 * 1024


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
    return os.fdopen(protocol_fd, "wb", buffering=0)


class HelperServer:
    def __init__(self, config: VendorConfig) -> None:
        self.config = config
        self.calls: VendorCalls | None = None
        self.load_error: CardError | None = None
        try:
            self.calls = VendorCalls(VendorLibrary(config))
        except CardError as exc:
            self.load_error = exc

    def _ready(self) -> VendorCalls:
        if self.calls is None:
            raise self.load_error or ReaderFault()
        return self.calls

    def handle(self, request: Any) -> dict[str, Any]:
        if not isinstance(request, dict) or not isinstance(request.get("op"), str):
            raise ReaderFault("读卡辅助程序收到了无法识别的请求。请重新读卡；仍不行请联系信息技术人员。")
        op = request["op"]
        if op == "hello":
            calls = self._ready()
            return {
                "protocol": PROTOCOL_VERSION,
                "bits": ctypes.sizeof(ctypes.c_void_p) * 8,
                "hsm": calls.library.has_hsm,
                "pin": calls.library.has_pin,
            }
        if op == "read":
            first = self._ready().read_basic()
            if isinstance(first, CardRecord):
                return {"record": first.to_wire()}
            return {"step1": first.to_wire()}
        if op == "hsm_step2":
            key = request.get("key")
            if not isinstance(key, str):
                raise ReaderFault("读卡辅助程序收到的联网认证结果不完整。请重新读卡。")
            return {"record": self._ready().step2(normalise_hsm_key(key)).to_wire()}
        if op == "verify_pin":
            self._ready().verify_pin()
            return {}
        if op == "quit":
            return {}
        raise ReaderFault(f"读卡辅助程序不认识“{op[:20]}”请求。请确认辅助程序与服务台程序版本一致。")

    def serve(self, requests: BinaryIO, responses: BinaryIO) -> int:
        while True:
            line = requests.readline(MAX_REQUEST_BYTES)
            if not line:
                return 0
            request: Any = None
            try:
                request = json.loads(line)
                body: dict[str, Any] = {"ok": True, **self.handle(request)}
            except CardError as exc:
                body = {"ok": False, "error": error_to_json(exc)}
            except ValueError:
                body = {"ok": False, "error": error_to_json(ReaderFault("读卡辅助程序收到了无法识别的请求。"))}
            request_id = request.get("id") if isinstance(request, dict) else None
            responses.write(json.dumps({"id": request_id, **body}, ensure_ascii=False).encode("utf-8") + b"\n")
            if isinstance(request, dict) and request.get("op") == "quit":
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
