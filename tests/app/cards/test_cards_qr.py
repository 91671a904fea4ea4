"""Keyboard-wedge scan detection with synthetic key timings, and QR token verification states."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cards.errors import CardError, NeedsNetwork
from app.cards.qr import TO_VERIFY_MESSAGE, QrScan, QrToken, WedgeDetector, is_scan, token_from_scan, verify_token
from app.cards.record import CardRecord
from tests.app.cards.samples import NAME, SS_NUMBER

CODE = "QR1.6F3A9C0B7E2D4F1899AB"


def keys(text: str, start: float, gap: float, enter_gap: float | None = None) -> list[tuple[str, float]]:
    out = [(ch, start + i * gap) for i, ch in enumerate(text)]
    out.append(("Enter", start + (len(text) - 1) * gap + (gap if enter_gap is None else enter_gap)))
    return out


def test_scanner_burst_is_a_scan() -> None:
    detector = WedgeDetector()
    results = [detector.feed(k, t) for k, t in keys(CODE, 10.0, 0.004)]
    assert results[:-1] == [None] * len(CODE)
    scan = results[-1]
    assert isinstance(scan, QrScan)
    assert scan.code == CODE and scan.length == len(CODE)
    assert scan.started_at == 10.0
    assert CODE not in repr(scan)


def test_typing_is_not_a_scan() -> None:
    assert not is_scan(keys(CODE, 0.0, 0.12))
    assert not is_scan(keys("12345", 0.0, 0.004))  # too short to be a code
    assert not is_scan(keys(CODE, 0.0, 0.004, enter_gap=0.5))  # the clerk pressed Enter later
    assert not is_scan(keys(CODE, 0.0, 0.004)[:-1])  # no Enter (yet)


def test_typed_prefix_then_scan_and_editing_keys() -> None:
    typed = [(ch, i * 0.2) for i, ch in enumerate("abc")]
    assert is_scan(typed + keys(CODE, 1.0, 0.005))
    detector = WedgeDetector()
    sequence = keys(CODE, 0.0, 0.005)
    sequence.insert(5, ("Backspace", 0.022))
    assert not any(detector.feed(k, t) for k, t in sequence)


def test_pending_shows_the_burst_in_progress() -> None:
    detector = WedgeDetector()
    for key, at in keys(CODE, 0.0, 0.003)[:6]:
        detector.feed(key, at)
    assert detector.pending == CODE[:6]
    detector.feed("x", 5.0)
    assert detector.pending == "x"


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=60),
    st.lists(st.floats(min_value=0.08, max_value=2.0), min_size=60, max_size=60),
)
def test_human_typing_is_never_a_scan(text: str, gaps: list[float]) -> None:
    t = 0.0
    sequence = []
    for ch, gap in zip(text, gaps, strict=False):
        t += gap
        sequence.append((ch, t))
    sequence.append(("Enter", t + gaps[-1]))
    assert not is_scan(sequence)


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=8, max_size=300),
    st.floats(min_value=0.0005, max_value=0.025),
)
def test_scanner_speed_is_always_a_scan(text: str, gap: float) -> None:
    detector = WedgeDetector()
    found = [detector.feed(k, t) for k, t in keys(text, 100.0, gap)][-1]
    assert found is not None and found.code == text


class Verifier:
    def __init__(self, outcome: CardRecord | BaseException) -> None:
        self.outcome = outcome

    def verify(self, token: QrToken) -> CardRecord:
        if isinstance(self.outcome, BaseException):
            raise self.outcome
        return self.outcome


def _token() -> QrToken:
    scan = QrScan(CODE, 0.0, 0.1)
    return token_from_scan(scan, now=lambda: datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


def test_offline_token_is_kept_to_verify() -> None:
    token = _token()
    assert token.state == "to_verify"
    assert CODE not in repr(token) and CODE not in str(token)
    for verifier in (None, Verifier(NeedsNetwork()), Verifier(ConnectionError())):
        kept = verify_token(token, verifier)
        assert kept.state == "to_verify"
        assert kept.message == TO_VERIFY_MESSAGE
        assert "待核验" in kept.message


def test_verified_and_rejected_tokens() -> None:
    holder = CardRecord(ss_number=SS_NUMBER, name=NAME, source="simulator")
    verified = verify_token(_token(), Verifier(holder))
    assert verified.state == "verified"
    assert verified.holder is not None and verified.holder.source == "qr"
    assert SS_NUMBER not in repr(verified)
    rejected = verify_token(_token(), Verifier(CardError("二维码已过期，请群众刷新电子社保卡后重新出示。")))
    assert rejected.state == "rejected"
    assert rejected.message is not None and "已过期" in rejected.message


def test_other_failures_are_not_swallowed() -> None:
    with pytest.raises(ZeroDivisionError):
        verify_token(_token(), Verifier(ZeroDivisionError()))
