"""The vendor reader library (``SSCardDriver.dll`` and variants, or a ``.so``) through ctypes.

Three layers: ``VendorLibrary`` makes the raw calls (return code + output bytes); ``VendorCalls`` turns
them into records, HSM factors and typed errors; ``VendorReader`` is the ``CardReader`` that completes
the two-step online route with an ``OnlineAuthenticator``. Through the 32-bit helper process only the
raw calls cross the pipe (``RemoteLibrary`` in ``helper_client``); ``VendorCalls`` runs here on both
paths, so they share the same mapping and validation.
"""

from __future__ import annotations

import ctypes
import logging
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

from app.cards.bas import (
    ENCODING,
    HsmStep1,
    normalise_hsm_key,
    parse_bas_output,
    parse_step1_output,
)
from app.cards.errors import (
    CardError,
    CardLocked,
    NeedsNetwork,
    NeedsOnlineAuth,
    NoCard,
    NoReader,
    PinWrong,
    ReaderFault,
    WrongCard,
)
from app.cards.reader import CardReader, OnlineAuthenticator, runs_in_card_thread
from app.cards.record import CardRecord

log = logging.getLogger(__name__)

Convention = Literal["auto", "stdcall", "cdecl"]
CONVENTIONS: tuple[str, ...] = ("auto", "stdcall", "cdecl")
ITYPES = {1: "接触式", 2: "非接触式", 3: "自动（接触式优先）", 4: "自动（非接触式优先）"}
# No PSAM, PSAM lacks the algorithm, no key, key not found, key level too low: use the HSM route.
HSM_CODES = frozenset({-2201, -2202, -2203, -27272, -24})
# pOutInfo is specified as 1024 bytes; a larger buffer keeps a vendor's off-by-a-lot from corrupting memory.
BUFFER_SIZE = 8192
# The tries left are the number next to 次 or 剩余, never an error code elsewhere in the vendor's text.
_PIN_TRIES = re.compile(
    r"(?:剩余|还可(?:以)?(?:尝试|再试|输入)?|尚可)\D{0,4}?([0-9]{1,2})\s*次"  # 还可尝试2次, 剩余2次
    r"|剩余次数\D{0,2}([0-9]{1,2})"  # 剩余次数：2
)


@dataclass(frozen=True)
class VendorConfig:
    library: str
    itype: int = 3
    convention: Convention = "auto"
    step1_has_itype: bool = True

    def __post_init__(self) -> None:
        if self.itype not in ITYPES:
            raise ValueError(f"itype must be 1-4, got {self.itype}")
        if self.convention not in CONVENTIONS:
            raise ValueError(f"convention must be one of {CONVENTIONS}, got {self.convention!r}")


def _library_name(library: str) -> str:
    return Path(library).name or library


def load_library(library: str, convention: Convention) -> Any:
    """Load with the right calling convention; failures become ReaderFault with advice for IT staff."""
    if convention == "auto":
        convention = "stdcall" if sys.platform == "win32" else "cdecl"
    name = _library_name(library)
    try:
        if convention == "stdcall":
            if sys.platform != "win32":
                raise ReaderFault("stdcall 调用约定只用于 Windows 的读卡器驱动。在本系统上请把调用约定设为 cdecl。")
            return ctypes.WinDLL(library)
        return ctypes.CDLL(library)
    except OSError as exc:
        if getattr(exc, "winerror", None) == 193:
            raise ReaderFault(
                f"读卡器驱动“{name}”是 32 位的，不能在本程序中直接加载。"
                "请在“设置 → 读卡器”中勾选“32 位驱动：通过辅助程序加载”，或安装厂商的 64 位驱动。"
            ) from None
        raise ReaderFault(
            f"无法加载读卡器驱动“{name}”。请确认驱动文件存在且与读卡器型号相符、厂商要求的其他文件也已安装；"
            "仍不行请联系信息技术人员。"
        ) from None


def error_text(raw: bytes) -> str:
    """The vendor's own error text, for the message: decoded leniently, printable, short."""
    text = raw[:200].decode(ENCODING, errors="replace")
    text = "".join(ch for ch in text if ch.isprintable()).strip(" |")
    return text[:60]


def error_for(code: int, raw: bytes = b"") -> CardError:
    """Map an ``iReadCardBas``-family return code to a typed error."""
    text = error_text(raw)
    if code == -1:
        return WrongCard()
    if code == -2:
        return NoCard()
    if code == -11:
        return NoReader(
            "读卡器连接失败。请检查读卡器的数据线和电源，确认读卡器设置中的驱动与读卡器相符，然后再读一次。"
        )
    if code == -21:
        return ReaderFault(
            "卡片内部认证失败：读卡器的安全模块（PSAM）不能认证这张卡。请重新插卡再读一次；仍不行请联系信息技术人员。"
        )
    if code == -51:
        match = _PIN_TRIES.search(text)
        return PinWrong(int(match[1] or match[2]) if match else None)
    if code == -52:
        return CardLocked()
    if code in HSM_CODES:
        return NeedsOnlineAuth()
    detail = f"（{text}）" if text else ""
    return ReaderFault(
        f"读卡器返回错误 {code}{detail}。请重新放卡再读一次；仍不行请联系信息技术人员，并告诉他们这个错误号。"
    )


class VendorLibrary:
    """The raw exported functions. Each call returns (return code, output bytes up to the first NUL)."""

    @runs_in_card_thread
    def __init__(self, config: VendorConfig) -> None:
        self.config = config
        self._lib = load_library(config.library, config.convention)
        self._read = self._function("iReadCardBas", [ctypes.c_int, ctypes.c_char_p])
        if self._read is None:
            raise ReaderFault(
                f"读卡器驱动“{_library_name(config.library)}”中没有 iReadCardBas 函数，不是社保卡读卡器的驱动。"
                "请在读卡器设置中选择厂商提供的社保卡驱动（如 SSCardDriver.dll）。"
            )
        step1_args: list[Any] = [ctypes.c_int, ctypes.c_char_p] if config.step1_has_itype else [ctypes.c_char_p]
        self._step1 = self._function("iReadCardBas_HSM_Step1", step1_args)
        self._step2 = self._function("iReadCardBas_HSM_Step2", [ctypes.c_char_p, ctypes.c_char_p])
        self._pin = self._function("iVerifyPIN", [ctypes.c_int, ctypes.c_char_p])

    def _function(self, name: str, argtypes: list[Any]) -> Any:
        try:
            func = getattr(self._lib, name)
        except AttributeError:
            return None
        func.argtypes = argtypes
        func.restype = ctypes.c_long
        return func

    @property
    def has_hsm(self) -> bool:
        return self._step1 is not None and self._step2 is not None

    @property
    def has_pin(self) -> bool:
        return self._pin is not None

    @staticmethod
    def _call(func: Callable[..., int], *args: Any) -> tuple[int, bytes]:
        buffer = ctypes.create_string_buffer(BUFFER_SIZE)
        code = int(func(*args, buffer))
        return code, buffer.value

    @runs_in_card_thread
    def read_card_bas(self, itype: int) -> tuple[int, bytes]:
        return self._call(self._read, itype)

    @runs_in_card_thread
    def hsm_step1(self, itype: int) -> tuple[int, bytes]:
        if self.config.step1_has_itype:
            return self._call(self._step1, itype)
        return self._call(self._step1)

    @runs_in_card_thread
    def hsm_step2(self, key: bytes) -> tuple[int, bytes]:
        return self._call(self._step2, key)

    @runs_in_card_thread
    def verify_pin(self, itype: int) -> tuple[int, bytes]:
        return self._call(self._pin, itype)


class RawLibrary(Protocol):
    """The raw interface ``VendorCalls`` needs: ``VendorLibrary`` in process, ``RemoteLibrary`` through the helper."""

    @property
    def config(self) -> VendorConfig: ...
    @property
    def has_hsm(self) -> bool: ...
    @property
    def has_pin(self) -> bool: ...
    def read_card_bas(self, itype: int) -> tuple[int, bytes]: ...
    def hsm_step1(self, itype: int) -> tuple[int, bytes]: ...
    def hsm_step2(self, key: bytes) -> tuple[int, bytes]: ...
    def verify_pin(self, itype: int) -> tuple[int, bytes]: ...


class VendorCalls:
    """Records, HSM factors and typed errors from the raw calls. Shared by the in-process reader and the helper."""

    def __init__(self, library: RawLibrary) -> None:
        self.library = library
        self.itype = library.config.itype

    @runs_in_card_thread
    def read_basic(self) -> CardRecord | HsmStep1:
        """The record, or the Step1 factors when the card needs the platform's encryption machine."""
        code, raw = self.library.read_card_bas(self.itype)
        if code == 0:
            return parse_bas_output(raw)
        if code not in HSM_CODES:
            raise error_for(code, raw)
        log.info("card needs the online HSM route (reader code %s)", code)
        if not self.library.has_hsm:
            raise NeedsOnlineAuth(
                "这张卡需要联网认证后才能读取，但读卡器驱动没有提供联网认证功能（iReadCardBas_HSM_Step1/Step2）。"
                "请联系信息技术人员安装支持联网认证的读卡器驱动。"
            )
        code, raw = self.library.hsm_step1(self.itype)
        if code != 0:
            raise error_for(code, raw)
        return parse_step1_output(raw)

    @runs_in_card_thread
    def step2(self, key: bytes) -> CardRecord:
        code, raw = self.library.hsm_step2(key)
        if code == 0:
            return parse_bas_output(raw)
        if code in HSM_CODES or code == -21:
            raise NeedsOnlineAuth(
                "卡片没有接受人社平台的联网认证结果，无法读取。请重新放卡再读一次；仍不行请联系信息技术人员。"
            )
        raise error_for(code, raw)

    @runs_in_card_thread
    def verify_pin(self) -> None:
        if not self.library.has_pin:
            raise ReaderFault("读卡器驱动没有提供密码校验功能（iVerifyPIN）。请联系信息技术人员更换读卡器驱动。")
        code, raw = self.library.verify_pin(self.itype)
        if code != 0:
            raise error_for(code, raw)


def complete_online_read(
    first: CardRecord | HsmStep1,
    step2: Callable[[bytes], CardRecord],
    authenticator: OnlineAuthenticator | None,
) -> CardRecord:
    """Finish a read: either it is already a record, or ask the platform and hand its answer to Step2."""
    if isinstance(first, CardRecord):
        return first
    if authenticator is None:
        raise NeedsNetwork()
    try:
        answer = authenticator.authenticate(first)
    except CardError:
        raise
    except OSError as exc:  # ConnectionError and TimeoutError included: the platform is unreachable
        raise NeedsNetwork() from exc
    return step2(normalise_hsm_key(answer))


class VendorCallsReader(CardReader):
    """A vendor reader over any raw library (in process or through the helper): reads, the online route
    and the PIN pad all go through ``VendorCalls``, so both ways behave the same."""

    supports_pin = True

    def __init__(self, config: VendorConfig, library: RawLibrary, authenticator: OnlineAuthenticator | None) -> None:
        self.config = config
        self.authenticator = authenticator
        self._calls = VendorCalls(library)

    @runs_in_card_thread
    def read(self) -> CardRecord:
        return complete_online_read(self._calls.read_basic(), self._calls.step2, self.authenticator)

    @runs_in_card_thread
    def verify_pin(self) -> None:
        self._calls.verify_pin()


class VendorReader(VendorCallsReader):
    """In-process vendor library (same bitness as this program)."""

    source_label = "厂商读卡器"

    @runs_in_card_thread
    def __init__(self, config: VendorConfig, authenticator: OnlineAuthenticator | None = None) -> None:
        super().__init__(config, VendorLibrary(config), authenticator)
