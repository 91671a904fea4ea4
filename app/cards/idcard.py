"""二代身份证 readers: the 公安部 SAM SDK (``SDT_*``, e.g. sdtapi.dll) and the termb.dll family, one class.

Both deliver the same 256-byte UCS-2LE text block. Offsets are in characters (two bytes each):
name 0–15, gender 15, 民族 16–18, birth 18–26, address 26–61, ID number 61–79, issuer 79–94,
validity 94–110 (two YYYYMMDD dates, or a start date and 长期); the rest is reserved. Slicing is done
on bytes so an odd character cannot shift the fields. The ID number is the 社会保障号码, so a person is
found the same way whichever card was read.

termb's ``Read_Content`` writes the text (and photo) to files next to the library or in the working
folder; they hold personal data, so they are read and deleted at once.
"""

from __future__ import annotations

import ctypes
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from app.cards.errors import CardDataInvalid, CardError, NoCard, NoReader, ReaderFault, WrongCard
from app.cards.fields import build_record
from app.cards.reader import CardReader, runs_in_card_thread
from app.cards.record import CardRecord
from app.cards.vendor import Convention, load_library

log = logging.getLogger(__name__)

Family = Literal["auto", "sdt", "termb"]
FAMILIES: tuple[str, ...] = ("auto", "sdt", "termb")
USB_PORTS = tuple(range(1001, 1017))
TEXT_BLOCK_BYTES = 256
PHOTO_BYTES = 1024

SDT_OK = 0x90
SDT_FOUND = 0x9F
SDT_NOT_FOUND = 0x80
SDT_SELECT_FAILED = 0x81
SDT_READ_FAILED = 0x41
_SDT_WRONG_CARD = frozenset({0x31, 0x32, 0x33, 0x40})
_TERMB_FILES = ("wz.txt", "zp.bmp", "zp.wlt", "xp.wlt")

# (field, first character, end character) in the text block.
TEXT_LAYOUT: tuple[tuple[str, int, int], ...] = (
    ("name", 0, 15),
    ("gender", 15, 16),
    ("ethnic", 16, 18),
    ("birth_date", 18, 26),
    ("address", 26, 61),
    ("ss_number", 61, 79),
    ("issuer", 79, 94),
    ("id_valid_from", 94, 102),
    ("id_valid_to", 102, 110),
)


def parse_id_text(block: bytes) -> CardRecord:
    """Decode the 256-byte UCS-2LE block into a checked record (source ``idcard``)."""
    if len(block) < 2 * TEXT_LAYOUT[-1][2]:
        raise CardDataInvalid("身份证文字信息不完整")
    raw: dict[str, str] = {}
    for field, start, end in TEXT_LAYOUT:
        try:
            raw[field] = block[2 * start : 2 * end].decode("utf-16-le")
        except UnicodeDecodeError:
            raise CardDataInvalid("身份证文字信息的编码不正确") from None
    record = build_record(raw, source="idcard", required=("ss_number", "name"))
    if record.ss_number and record.birth_date and record.ss_number[6:14] != f"{record.birth_date:%Y%m%d}":
        raise CardDataInvalid("出生日期与身份证号码不一致")
    return record


@dataclass(frozen=True)
class IdCardConfig:
    library: str
    family: Family = "auto"
    port: int | None = None  # None: try the USB ports 1001–1016
    convention: Convention = "auto"


def _sdt_error(code: int, step: str) -> CardError:
    if code in (SDT_NOT_FOUND, SDT_SELECT_FAILED):
        return NoCard("阅读器上没有身份证。请把身份证平放在阅读器感应区上，读完之前不要移动。")
    if code == SDT_READ_FAILED:
        return NoCard("读身份证时卡片离开了感应区。请把身份证平放在感应区上，不要移动，然后再读一次。")
    if code in _SDT_WRONG_CARD:
        return WrongCard("这张卡没有通过身份证认证，可能不是有效的第二代居民身份证。请核对证件原件。")
    return ReaderFault(
        f"身份证阅读器{step}失败（错误码 0x{code & 0xFF:02X}）。请拔插阅读器后再读一次；仍不行请联系信息技术人员。"
    )


class IdCardReader(CardReader):
    source_label = "身份证阅读器"

    @runs_in_card_thread
    def __init__(self, config: IdCardConfig) -> None:
        self.config = config
        self._lib = load_library(config.library, config.convention)
        family = config.family
        if family == "auto":
            if hasattr(self._lib, "SDT_OpenPort"):
                family = "sdt"
            elif hasattr(self._lib, "InitComm"):
                family = "termb"
            else:
                raise ReaderFault(
                    f"“{Path(config.library).name}”不是身份证阅读器的驱动（没有 SDT_OpenPort 或 InitComm）。"
                    "请在读卡器设置中选择阅读器厂商提供的 sdtapi.dll 或 termb.dll。"
                )
        self.family: Family = family
        self._port: int | None = None
        self._bind()

    def _bind(self) -> None:
        c_int, c_char_p = ctypes.c_int, ctypes.c_char_p
        try:
            if self.family == "sdt":
                self._fn("SDT_OpenPort", [c_int])
                self._fn("SDT_ClosePort", [c_int])
                self._fn("SDT_StartFindIDCard", [c_int, c_char_p, c_int])
                self._fn("SDT_SelectIDCard", [c_int, c_char_p, c_int])
                self._fn(
                    "SDT_ReadBaseMsg",
                    [c_int, c_char_p, ctypes.POINTER(ctypes.c_uint), c_char_p, ctypes.POINTER(ctypes.c_uint), c_int],
                )
            else:
                self._fn("InitComm", [c_int])
                self._fn("CloseComm", [])
                self._fn("Authenticate", [])
                self._fn("Read_Content", [c_int])
        except AttributeError as exc:
            raise ReaderFault(f"身份证阅读器驱动缺少函数 {exc.name}。请安装阅读器厂商提供的完整驱动。") from None

    def _fn(self, name: str, argtypes: list[Any]) -> Any:
        func = getattr(self._lib, name)
        func.argtypes = argtypes
        func.restype = ctypes.c_int
        return func

    # -- SDT family -------------------------------------------------------------------------------------

    def _sdt_open(self) -> int:
        if self._port is not None:
            return self._port
        ports = (self.config.port,) if self.config.port is not None else USB_PORTS
        for port in ports:
            if self._lib.SDT_OpenPort(port) == SDT_OK:
                self._port = port
                return port
        raise NoReader("没有找到身份证阅读器。请检查阅读器的 USB 数据线是否插好、驱动是否已安装，然后再读一次。")

    def _sdt_close(self) -> None:
        if self._port is not None:
            port, self._port = self._port, None
            self._lib.SDT_ClosePort(port)

    def _sdt_read(self) -> bytes:
        port = self._sdt_open()
        mana = ctypes.create_string_buffer(64)
        code = self._lib.SDT_StartFindIDCard(port, mana, 0)
        if code != SDT_FOUND:
            if code not in (SDT_NOT_FOUND, SDT_SELECT_FAILED):
                self._sdt_close()  # reopen next time: the port may have gone away
            raise _sdt_error(code, "找卡")
        code = self._lib.SDT_SelectIDCard(port, mana, 0)
        if code != SDT_OK:
            raise _sdt_error(code, "选卡")
        text = ctypes.create_string_buffer(TEXT_BLOCK_BYTES + 64)
        photo = ctypes.create_string_buffer(PHOTO_BYTES + 1024)
        text_len, photo_len = ctypes.c_uint(0), ctypes.c_uint(0)
        code = self._lib.SDT_ReadBaseMsg(port, text, ctypes.byref(text_len), photo, ctypes.byref(photo_len), 0)
        ctypes.memset(photo, 0, len(photo))  # the photo is not used; do not keep it in memory
        if code != SDT_OK:
            raise _sdt_error(code, "读卡")
        return text.raw[: min(text_len.value, TEXT_BLOCK_BYTES)]

    # -- termb family -----------------------------------------------------------------------------------

    def _termb_read(self) -> bytes:
        port = self.config.port if self.config.port is not None else USB_PORTS[0]
        if self._lib.InitComm(port) != 1:
            raise NoReader("没有找到身份证阅读器。请检查阅读器的 USB 数据线是否插好、驱动是否已安装，然后再读一次。")
        try:
            if self._lib.Authenticate() != 1:
                raise NoCard("阅读器上没有身份证。请把身份证平放在阅读器感应区上，读完之前不要移动。")
            folders = [Path(self.config.library).resolve().parent, Path.cwd()]
            self._remove_files(folders)
            try:
                # A failed read can still leave part of the holder's text or photo behind: always delete.
                if self._lib.Read_Content(1) != 1:
                    raise NoCard("读身份证时卡片离开了感应区。请把身份证平放在感应区上，不要移动，然后再读一次。")
                for folder in folders:
                    path = folder / "wz.txt"
                    if path.is_file():
                        return path.read_bytes()[:TEXT_BLOCK_BYTES]
            finally:
                self._remove_files(folders)
            raise ReaderFault(
                "身份证阅读器驱动没有生成文字信息文件 wz.txt。请联系信息技术人员检查驱动的安装位置和权限。"
            )
        finally:
            self._lib.CloseComm()

    @staticmethod
    def _remove_files(folders: list[Path]) -> None:
        for folder in folders:
            for name in _TERMB_FILES:
                try:
                    (folder / name).unlink(missing_ok=True)
                except OSError:
                    log.warning("could not delete a file the ID card driver left in %s", folder)

    # -- CardReader -----------------------------------------------------------------------------------

    @runs_in_card_thread
    def read(self) -> CardRecord:
        block = self._sdt_read() if self.family == "sdt" else self._termb_read()
        record = parse_id_text(block)
        log.info("ID card read finished (%s family)", self.family)
        return record

    @runs_in_card_thread
    def close(self) -> None:
        if self.family == "sdt":
            self._sdt_close()
