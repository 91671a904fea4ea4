"""PC/SC readers through pyscard (Windows' Smart Card service, pcscd on Linux).

Reads the SSSE application (``app.cards.ssse``) without a PSAM, so holder data comes only from cards
that allow it (1.0/2.0); 3.0 cards give card data and a notice. The insertion watch asks PC/SC for the
readers' state with a zero timeout from the card thread (see ``CardService.watch``) instead of
pyscard's ``CardMonitor``, whose own polling thread would break the one-card-thread rule.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from typing import Any

from app.cards.errors import CardError, NoCard, NoReader, ReaderFault, WrongCard
from app.cards.reader import CardReader, runs_in_card_thread
from app.cards.record import CardRecord
from app.cards.ssse import card_removed, read_ssse

log = logging.getLogger(__name__)

_NO_SERVICE_MESSAGE = (
    "智能卡服务没有运行，找不到读卡器。Windows 上请启动“Smart Card”服务；Linux 上请安装并启动 pcscd。"
    "然后再读一次；仍不行请联系信息技术人员。"
)


def _scard() -> Any:
    try:
        return importlib.import_module("smartcard.scard")
    except ImportError:
        raise NoReader(
            "本机没有安装通用智能卡读卡器（PC/SC）支持组件。请联系信息技术人员安装完整的服务台程序。"
        ) from None


@dataclass(frozen=True)
class ReaderInfo:
    name: str
    card_present: bool


class PcscReader(CardReader):
    source_label = "通用智能卡读卡器（PC/SC）"
    watch_insertion = True

    def __init__(self, reader_name: str | None = None) -> None:
        self.reader_name = reader_name.strip() if reader_name and reader_name.strip() else None
        self._context: Any = None

    # -- PC/SC plumbing -------------------------------------------------------------------------------

    def _error(self, code: int, step: str) -> CardError:
        s = _scard()
        if code in {s.SCARD_E_NO_SERVICE, s.SCARD_E_SERVICE_STOPPED, s.SCARD_E_INVALID_HANDLE}:
            self._drop_context()
            return NoReader(_NO_SERVICE_MESSAGE)
        if code in {s.SCARD_E_NO_READERS_AVAILABLE, s.SCARD_E_UNKNOWN_READER, s.SCARD_E_READER_UNAVAILABLE}:
            return NoReader()
        if code == s.SCARD_E_NO_SMARTCARD:
            return NoCard()
        if code in {s.SCARD_W_REMOVED_CARD, s.SCARD_W_RESET_CARD}:
            return card_removed()
        if code in {s.SCARD_W_UNRESPONSIVE_CARD, s.SCARD_W_UNPOWERED_CARD, s.SCARD_E_PROTO_MISMATCH}:
            return WrongCard("卡片没有响应。请确认插入的是社会保障卡、芯片朝向正确，然后再读一次。")
        if code == s.SCARD_E_SHARING_VIOLATION:
            return ReaderFault("读卡器正被其他程序占用。请关闭其他读卡软件后再读一次。")
        return ReaderFault(
            f"{step}失败（PC/SC 错误 0x{code & 0xFFFFFFFF:08X}）。请拔插读卡器后再读一次；仍不行请联系信息技术人员。"
        )

    def _drop_context(self) -> None:
        if self._context is not None:
            context, self._context = self._context, None
            _scard().SCardReleaseContext(context)

    def _ctx(self) -> Any:
        if self._context is None:
            s = _scard()
            code, context = s.SCardEstablishContext(s.SCARD_SCOPE_USER)
            if code != s.SCARD_S_SUCCESS:
                raise self._error(code, "连接智能卡服务")
            self._context = context
        return self._context

    def _reader_names(self) -> list[str]:
        s = _scard()
        code, names = s.SCardListReaders(self._ctx(), [])
        if code == s.SCARD_E_NO_READERS_AVAILABLE:
            return []
        if code != s.SCARD_S_SUCCESS:
            raise self._error(code, "列出读卡器")
        return [str(n) for n in names]

    def _states(self, names: list[str]) -> list[ReaderInfo]:
        if not names:
            return []
        s = _scard()
        code, states = s.SCardGetStatusChange(self._ctx(), 0, [(n, s.SCARD_STATE_UNAWARE) for n in names])
        if code not in {s.SCARD_S_SUCCESS, s.SCARD_E_TIMEOUT}:
            raise self._error(code, "查询读卡器状态")
        return [ReaderInfo(str(name), bool(state & s.SCARD_STATE_PRESENT)) for name, state, _atr in states]

    def _candidates(self) -> list[str]:
        names = self._reader_names()
        if not names:
            raise NoReader()
        if self.reader_name is None:
            return names
        wanted = self.reader_name.casefold()
        matching = [n for n in names if wanted in n.casefold()]
        if not matching:
            raise NoReader(
                f"没有找到名为“{self.reader_name}”的读卡器。请检查读卡器是否插好，"
                "或在读卡器设置中重新选择读卡器（“fuwutai card list-readers”可列出本机的读卡器）。"
            )
        return matching

    # -- CardReader ----------------------------------------------------------------------------------

    @runs_in_card_thread
    def list_readers(self) -> list[ReaderInfo]:
        return self._states(self._reader_names())

    @runs_in_card_thread
    def card_present(self) -> bool:
        try:
            return any(info.card_present for info in self._states(self._candidates()))
        except NoReader:
            return False

    @runs_in_card_thread
    def read(self) -> CardRecord:
        s = _scard()
        with_card = [info.name for info in self._states(self._candidates()) if info.card_present]
        if not with_card:
            raise NoCard()
        reader = with_card[0]
        code, card, protocol = s.SCardConnect(
            self._ctx(), reader, s.SCARD_SHARE_SHARED, s.SCARD_PROTOCOL_T0 | s.SCARD_PROTOCOL_T1
        )
        if code != s.SCARD_S_SUCCESS:
            raise self._error(code, "连接卡片")
        try:
            code = s.SCardBeginTransaction(card)
            if code != s.SCARD_S_SUCCESS:
                raise self._error(code, "开始读卡")
            try:
                code, _reader, _state, _protocol, atr = s.SCardStatus(card)
                if code != s.SCARD_S_SUCCESS:
                    raise self._error(code, "读取卡片复位信息")
                pci = s.SCARD_PCI_T0 if protocol == s.SCARD_PROTOCOL_T0 else s.SCARD_PCI_T1

                def transmit(apdu: bytes) -> tuple[bytes, int]:
                    code, response = s.SCardTransmit(card, pci, list(apdu))
                    if code != s.SCARD_S_SUCCESS:
                        raise self._error(code, "与卡片通信")
                    if len(response) < 2:
                        raise ReaderFault("卡片的应答不完整。请重新插卡再读一次。")
                    return bytes(response[:-2]), (response[-2] << 8) | response[-1]

                record = read_ssse(transmit, bytes(atr).hex().upper())
            finally:
                s.SCardEndTransaction(card, s.SCARD_LEAVE_CARD)
        finally:
            s.SCardDisconnect(card, s.SCARD_LEAVE_CARD)
        log.info("PC/SC card read finished (holder data: %s)", record.has_holder_data)
        return record

    @runs_in_card_thread
    def close(self) -> None:
        self._drop_context()
