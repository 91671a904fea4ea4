"""Reading cards: 社会保障卡 (vendor library, PC/SC), 二代身份证, 电子社保卡 QR codes, and a simulator."""

from app.cards.audit_read import audit_card_read, audit_pin_check, card_read_detail
from app.cards.bas import HsmStep1, parse_bas_output
from app.cards.errors import (
    CardDataInvalid,
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
from app.cards.qr import QrScan, QrToken, QrVerifier, WedgeDetector, verify_token
from app.cards.reader import CardReader, OnlineAuthenticator, WrongThreadError, runs_in_card_thread
from app.cards.record import NOTICE_HOLDER_NEEDS_VENDOR, CardRecord
from app.cards.service import CardService
from app.cards.settings import BACKEND_LABELS, ReaderSettings, open_reader, reader_factory

__all__ = [
    "BACKEND_LABELS",
    "NOTICE_HOLDER_NEEDS_VENDOR",
    "CardDataInvalid",
    "CardError",
    "CardLocked",
    "CardReader",
    "CardRecord",
    "CardService",
    "HsmStep1",
    "NeedsNetwork",
    "NeedsOnlineAuth",
    "NoCard",
    "NoReader",
    "OnlineAuthenticator",
    "PinWrong",
    "QrScan",
    "QrToken",
    "QrVerifier",
    "ReaderFault",
    "ReaderSettings",
    "WedgeDetector",
    "WrongCard",
    "WrongThreadError",
    "audit_card_read",
    "audit_pin_check",
    "card_read_detail",
    "open_reader",
    "parse_bas_output",
    "reader_factory",
    "runs_in_card_thread",
    "verify_token",
]
