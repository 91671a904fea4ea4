"""The one interface every backend implements, and the card-thread rule.

Vendor libraries are rarely thread-safe and PC/SC handles belong to the thread that made them, so all
reader calls run on the single card thread owned by ``CardService``. Backends mark their entry points
with ``@runs_in_card_thread``, which refuses (like electrum's ``runs_in_hwd_thread``) to run anywhere
else: a call from the GUI thread is a programming error found in tests, not a frozen window at a counter.
"""

from __future__ import annotations

import functools
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, Protocol, TypeVar

from app.cards.bas import HsmStep1
from app.cards.record import CardRecord

P = ParamSpec("P")
R = TypeVar("R")

_local = threading.local()


class WrongThreadError(RuntimeError):
    """A reader was called outside the card thread: a programming error."""


def in_card_thread() -> bool:
    return bool(getattr(_local, "card_thread", False))


@contextmanager
def card_thread() -> Iterator[None]:
    """Mark the current thread as the card thread (CardService's worker, the helper process, tests)."""
    previous = in_card_thread()
    _local.card_thread = True
    try:
        yield
    finally:
        _local.card_thread = previous


def runs_in_card_thread(func: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        if not in_card_thread():
            raise WrongThreadError(
                f"{func.__qualname__} must run on the card thread (use CardService), "
                f"not on {threading.current_thread().name}"
            )
        return func(*args, **kwargs)

    return wrapper


class CardReader(ABC):
    """A reader backend. Every method runs on the card thread."""

    source_label: str = ""
    #: True when ``card_present()`` can tell cheaply whether a card is in the reader (insertion watch).
    watch_insertion: bool = False
    #: True when ``verify_pin()`` drives a PIN pad.
    supports_pin: bool = False

    @abstractmethod
    def read(self) -> CardRecord:
        """Read the card now. Raises a ``CardError`` subclass."""

    def card_present(self) -> bool:
        """Whether a card is in the reader; only meaningful when ``watch_insertion`` is True."""
        raise NotImplementedError

    def verify_pin(self) -> None:
        """Let the holder type the PIN on the reader's pad. Raises PinWrong / CardLocked."""
        raise NotImplementedError

    def close(self) -> None:  # noqa: B027 - optional hook; most backends have nothing to release
        """Release the library, the PC/SC context or the helper process."""


class OnlineAuthenticator(Protocol):
    """Reaches the platform's encryption machine for cards that need the two-step HSM route.

    ``authenticate`` gets the Step1 factors and returns ``内部认证结果|外部认证结果|``. When the platform
    cannot be reached it raises ``NeedsNetwork`` (``ConnectionError``/``OSError``/``TimeoutError`` are
    treated the same); a refusal by the platform is a ``NeedsOnlineAuth`` with the platform's reason.
    The sync client implements this; it is called on the card thread.
    """

    def authenticate(self, step1: HsmStep1) -> str: ...
