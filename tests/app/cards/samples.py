"""Synthetic card data shared by the card tests (valid-checksum IDs, made-up names)."""

from __future__ import annotations

from datetime import date
from random import Random

from app.validation import synthetic_resident_id

RNG = Random(4)
SS_NUMBER = synthetic_resident_id(RNG, region="520102", birth=date(1988, 6, 1), gender="1")
SS_NUMBER_2 = synthetic_resident_id(RNG, region="520103", birth=date(1975, 3, 9), gender="2")
NAME = "王小明"
NAME_2 = "欧阳建华"
CARD_NUMBER = "S52010088"
CARD_ID = "520100D15600000512345678ABCDEF01"
BAD_SS_NUMBER = SS_NUMBER[:-1] + ("0" if SS_NUMBER[-1] != "0" else "1")

BAS_VALUES = {
    "region_code": "520100",
    "ss_number": SS_NUMBER,
    "card_number": CARD_NUMBER,
    "card_id": CARD_ID,
    "name": NAME,
    "atr": "3B6800004657545353",
    "spec_version": "3.00",
    "issued_on": "20190601",
    "valid_until": "20290601",
    "terminal_no": "000000000000",
    "device_no": "",
}
PERSONAL_VALUES = (SS_NUMBER, NAME, CARD_NUMBER, CARD_ID)


def bas_text(**overrides: str) -> str:
    values = BAS_VALUES | overrides
    return "".join(f"{v}|" for v in values.values())


def bas_bytes(**overrides: str) -> bytes:
    return bas_text(**overrides).encode("gbk")


STEP1_FACTORS = "A1B2C3D4E5F60708|1122334455667788|0F0E0D0C0B0A0908|8877665544332211|"
STEP1_TEXT = f"520100|3B6800004657545353|01|{CARD_ID}|{STEP1_FACTORS}"
HSM_KEY = "AABBCCDDEEFF0011|1100FFEEDDCCBBAA|"


def id_text_block(
    *,
    name: str = NAME,
    gender: str = "1",
    ethnic: str = "01",
    birth: str = "19880601",
    address: str = "贵州省贵阳市南明区测试路100号",
    number: str = SS_NUMBER,
    issuer: str = "贵阳市公安局南明分局",
    valid: str = "20150101长期",
) -> bytes:
    """The 256-byte UCS-2LE block of an 二代身份证, fields padded with spaces to their widths."""
    widths = ((name, 15), (gender, 1), (ethnic, 2), (birth, 8), (address, 35), (number, 18), (issuer, 15), (valid, 16))
    text = "".join(value.ljust(width) for value, width in widths)
    assert len(text) == 110
    return text.encode("utf-16-le") + b"\x20\x00" * 18
