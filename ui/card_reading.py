"""The card reader as the GUI sees it: F2 asks, the card thread reads, the answer comes back as a signal.

Every reader call runs on ``CardService``'s own card thread; results cross to the GUI thread through a
queued Qt signal. Card data is never logged; the read itself is audited by the page that asked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal


class CardBridge(QObject):
    cardRead = Signal(object)  # CardRecord
    cardFailed = Signal(str)  # Chinese message saying what to do
    cardInserted = Signal()  # readers that can tell: a card was just put in
    testRead = Signal(object)  # CardRecord of a 测试读卡器 read
    testFailed = Signal(str)
    pinChecked = Signal(str, str)  # outcome ("ok" or the error kind), Chinese message for the clerk

    def __init__(self, settings: Mapping[str, Any], authenticator: Any = None, holders: Sequence[Any] = ()) -> None:
        """``settings``: the workstation's ``card_*`` settings. ``authenticator`` (an ``OnlineAuthenticator``)
        is what 3rd-generation cards need for the HSM route; ``holders`` whose cards the simulator deals."""
        super().__init__()
        from app.cards import CardService, ReaderSettings

        self.reader_settings = ReaderSettings.from_settings(settings)
        self.authenticator = authenticator
        self.holders = tuple(holders)
        self.service = CardService(self._factory(self.reader_settings))
        self.busy = False
        self._watching = False

    def watch(self) -> None:
        """Notice card insertion where the reader supports it (the callback runs on the card thread)."""
        self._watching = True
        self.service.watch(self.cardInserted.emit)

    def reconfigure(self, settings: Mapping[str, Any]) -> bool:
        """Use the reader the settings now describe, without a restart; True when it changed.

        The switch runs on the card thread after any read in progress; pages keep their connections
        because the bridge itself stays."""
        from app.cards import ReaderSettings

        chosen = ReaderSettings.from_settings(settings)
        if chosen == self.reader_settings:
            return False
        self.reader_settings = chosen
        self.service.replace_reader(self._factory(chosen))
        if self._watching:
            self.service.watch(self.cardInserted.emit)
        return True

    def read(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.service.read(on_done=self._done)

    def test_read(self, settings: Mapping[str, Any]) -> None:
        """设置's 测试读卡器: one read with the reader the settings describe (saved or not), on the same card
        thread as every other read; the answer comes as ``testRead`` / ``testFailed``."""
        from app.cards import ReaderSettings

        trial = self._factory(ReaderSettings.from_settings(settings))
        self.service.read_with(trial, on_done=lambda future: self._deliver(future, self.testRead, self.testFailed))

    def verify_pin(self) -> None:
        """The holder types the card's PIN on the reader's pad; the answer comes as ``pinChecked``."""

        def done(future: Future[None]) -> None:  # runs on the card thread
            from app.cards import CardError

            error = future.exception()
            if error is None:
                self.pinChecked.emit("ok", "持卡人已在读卡器上输入正确的社保卡密码。")
            elif isinstance(error, CardError):
                self.pinChecked.emit(error.kind, str(error))
            else:
                self.pinChecked.emit("ReaderFault", "读卡器出现故障，请重新插卡后再试；仍不行请联系信息技术人员。")

        self.service.verify_pin(on_done=done)

    def _factory(self, chosen: Any) -> Any:
        from app.cards import reader_factory

        return reader_factory(chosen, self.authenticator, self.holders)

    def _done(self, future: Future[Any]) -> None:  # runs on the card thread
        self.busy = False
        self._deliver(future, self.cardRead, self.cardFailed)

    @staticmethod
    def _deliver(future: Future[Any], ok: Any, failed: Any) -> None:  # runs on the card thread
        error = future.exception()
        if error is None:
            ok.emit(future.result())
            return
        from app.cards import CardError

        message = (
            str(error)
            if isinstance(error, CardError)
            else "读卡器出现故障，请重新插卡后再按 F2；仍不行请联系信息技术人员。"
        )
        failed.emit(message)

    def close(self) -> None:
        self.service.close()
