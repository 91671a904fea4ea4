"""The card reader as the GUI sees it: F2 asks, the card thread reads, the answer comes back as a signal.

Every reader call runs on ``CardService``'s own card thread; results cross to the GUI thread through a
queued Qt signal. Card data is never logged; the read itself is audited by the page that asked.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal


class CardBridge(QObject):
    cardRead = Signal(object)  # CardRecord
    cardFailed = Signal(str)  # Chinese message saying what to do
    cardInserted = Signal()  # readers that can tell: a card was just put in

    def __init__(self, settings: Mapping[str, Any], authenticator: Any = None) -> None:
        """``settings``: the workstation's ``card_*`` settings. ``authenticator`` (an ``OnlineAuthenticator``)
        is what 3rd-generation cards need for the HSM route."""
        super().__init__()
        from app.cards import CardService, ReaderSettings, reader_factory

        self.reader_settings = ReaderSettings.from_settings(settings)
        self.authenticator = authenticator
        self.service = CardService(reader_factory(self.reader_settings, authenticator))
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
        from app.cards import ReaderSettings, reader_factory

        chosen = ReaderSettings.from_settings(settings)
        if chosen == self.reader_settings:
            return False
        self.reader_settings = chosen
        self.service.replace_reader(reader_factory(chosen, self.authenticator))
        if self._watching:
            self.service.watch(self.cardInserted.emit)
        return True

    def read(self) -> None:
        if self.busy:
            return
        self.busy = True
        self.service.read(on_done=self._done)

    def _done(self, future: Future[Any]) -> None:  # runs on the card thread
        self.busy = False
        error = future.exception()
        if error is None:
            self.cardRead.emit(future.result())
        else:
            from app.cards import CardError

            message = (
                str(error)
                if isinstance(error, CardError)
                else "读卡器出现故障，请重新插卡后再按 F2；仍不行请联系信息技术人员。"
            )
            self.cardFailed.emit(message)

    def close(self) -> None:
        self.service.close()
