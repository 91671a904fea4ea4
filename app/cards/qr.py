"""电子社保卡 QR codes read by a scanner in keyboard mode (a "keyboard wedge").

The scanner types the code like a very fast typist and presses Enter. ``WedgeDetector`` tells such a
burst from a clerk typing: every gap under ``max_gap`` seconds (30 ms by default; people need 80 ms
or more), at least ``min_length`` characters, ending in Enter. It is pure (timestamps in, decisions
out) so the window can feed it key events from anywhere and tests can feed it synthetic timings.

The code is an opaque, single-use token valid for about a minute; it cannot be decoded offline. It
is verified through the platform (``QrVerifier``, implemented by the sync client). Offline, the token
is kept as "to verify" and the clerk is told so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Literal, Protocol

from app.cards.errors import CardError, NeedsNetwork
from app.cards.record import CardRecord
from app.clock import utcnow

ENTER_KEYS = frozenset({"\r", "\n", "Enter", "Return"})
DEFAULT_MAX_GAP = 0.030
DEFAULT_MIN_LENGTH = 8
MAX_CODE_LENGTH = 1024

QrState = Literal["to_verify", "verified", "rejected"]
# The code lives about a minute, so it cannot be checked later: the clerk relies on the documents now.
TO_VERIFY_MESSAGE = (
    "电子社保卡二维码需要联网核验，现在无法连接人社平台，已记为“待核验”。"
    "二维码约一分钟后失效，之后不能再核验：请以身份证件原件核对身份后办理；联网后如需核验，请群众重新出示二维码。"
)


@dataclass(frozen=True)
class QrScan:
    """A detected scan: the code and how many characters the scanner typed before Enter.

    ``length`` lets the window take the scanned characters back out of whatever field had focus.
    """

    code: str
    started_at: float
    ended_at: float

    @property
    def length(self) -> int:
        return len(self.code)

    def __repr__(self) -> str:
        return f"QrScan(code={_mask_code(self.code)!r}, length={self.length})"


def _mask_code(code: str) -> str:
    return code[:4] + "…" if len(code) > 4 else "…"


@dataclass
class WedgeDetector:
    """Feed it every key press with its time (seconds, monotonic); it returns a ``QrScan`` on a scan."""

    max_gap: float = DEFAULT_MAX_GAP
    min_length: int = DEFAULT_MIN_LENGTH
    _burst: list[str] = field(default_factory=list)
    _started: float = 0.0
    _last: float | None = None
    _spoiled: bool = False

    def reset(self) -> None:
        self._burst = []
        self._last = None
        self._spoiled = False

    @property
    def pending(self) -> str:
        """Characters of the current fast burst (possibly a scan in progress)."""
        return "".join(self._burst)

    def starts_burst(self, at: float) -> bool:
        """Whether a key pressed at ``at`` would begin a new burst (the window notes the field as it was)."""
        return self._last is None or not 0 <= at - self._last < self.max_gap

    def feed(self, key: str, at: float) -> QrScan | None:
        fast = self._last is not None and 0 <= at - self._last < self.max_gap
        if key in ENTER_KEYS:
            burst, started, spoiled = self.pending, self._started, self._spoiled
            self.reset()
            if fast and not spoiled and len(burst) >= self.min_length:
                return QrScan(burst, started, at)
            return None
        if len(key) != 1 or not key.isprintable():
            # Arrows, Backspace, modifiers: a person is editing; the burst they are in is not a scan.
            self._burst = []
            self._spoiled = True
            self._last = at
            return None
        if not fast or len(self._burst) >= MAX_CODE_LENGTH:
            self._burst = []
            self._spoiled = False
            self._started = at
        self._last = at
        if not self._spoiled:
            self._burst.append(key)
        return None


def is_scan(
    keys: list[tuple[str, float]], *, max_gap: float = DEFAULT_MAX_GAP, min_length: int = DEFAULT_MIN_LENGTH
) -> bool:
    """True when the key sequence ends in a scanner burst (convenience for tests and tools)."""
    detector = WedgeDetector(max_gap=max_gap, min_length=min_length)
    found = False
    for key, at in keys:
        found = detector.feed(key, at) is not None
    return found


@dataclass(frozen=True)
class QrToken:
    """A scanned 电子社保卡 code and what is known about it. The code itself is never shown or logged."""

    code: str
    scanned_at: datetime
    state: QrState = "to_verify"
    holder: CardRecord | None = None
    message: str | None = None

    def __repr__(self) -> str:
        return f"QrToken(code={_mask_code(self.code)!r}, state={self.state!r}, holder={self.holder!r})"

    __str__ = __repr__


class QrVerifier(Protocol):
    """Verifies a token with the platform; returns the holder (``source="qr"``).

    Raises ``NeedsNetwork`` (or ``OSError``) when offline and another ``CardError`` when the platform
    rejects the code (expired, already used, forged). Implemented by the sync client.
    """

    def verify(self, token: QrToken) -> CardRecord: ...


def token_from_scan(scan: QrScan, now: Callable[[], datetime] = utcnow) -> QrToken:
    return QrToken(code=scan.code, scanned_at=now())


def verify_token(token: QrToken, verifier: QrVerifier | None) -> QrToken:
    """Verify now if possible; offline the token stays "to verify" with a message saying so."""
    if verifier is None:
        return replace(token, state="to_verify", message=TO_VERIFY_MESSAGE)
    try:
        holder = verifier.verify(token)
    except (NeedsNetwork, OSError):
        return replace(token, state="to_verify", message=TO_VERIFY_MESSAGE)
    except CardError as exc:
        return replace(token, state="rejected", message=str(exc))

    if holder.source != "qr":
        holder = replace(holder, source="qr")
    return replace(token, state="verified", holder=holder, message=None)
