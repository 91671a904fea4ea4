"""The normalised result of reading any card: the 11 fields of ``iReadCardBas`` plus 二代身份证 fields.

``repr``/``str`` show masked values only, so a record that ends up in a log line, a traceback or a
debugger print does not leak who was at the counter. ``masked()`` is what screens and ``--json`` show.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

from app.privacy import mask_id, mask_name

Source = Literal["vendor", "pcsc", "idcard", "simulator", "qr"]
SOURCES: frozenset[str] = frozenset(get_args(Source))

NOTICE_HOLDER_NEEDS_VENDOR = "持卡人信息需通过厂商读卡器读取"

# Chinese labels in display order; the first 11 are the iReadCardBas fields in their wire order.
FIELD_LABELS: Mapping[str, str] = {
    "region_code": "发卡地区行政区划代码",
    "ss_number": "社会保障号码",
    "card_number": "卡号",
    "card_id": "卡识别码",
    "name": "姓名",
    "atr": "卡复位信息",
    "spec_version": "规范版本",
    "issued_on": "发卡日期",
    "valid_until": "卡有效期",
    "terminal_no": "终端机编号",
    "device_no": "终端设备号",
    "gender": "性别",
    "ethnic": "民族",
    "birth_date": "出生日期",
    "address": "住址",
    "issuer": "签发机关",
    "id_valid_from": "证件有效期起",
    "id_valid_to": "证件有效期止",
    "source": "读取方式",
    "notice": "提示",
}
BAS_FIELDS: tuple[str, ...] = tuple(FIELD_LABELS)[:11]
SOURCE_LABELS: Mapping[str, str] = {
    "vendor": "厂商读卡器",
    "pcsc": "通用智能卡读卡器",
    "idcard": "身份证阅读器",
    "simulator": "模拟读卡（培训演示）",
    "qr": "电子社保卡二维码",
}


def _keep(value: str, head: int, tail: int) -> str:
    if len(value) <= head + tail:
        return "*" * len(value)
    return value[:head] + "*" * (len(value) - head - tail) + value[len(value) - tail :]


@dataclass(frozen=True, kw_only=True)
class CardRecord:
    """One card as read. Empty strings mean "the card or reader does not give this field"."""

    region_code: str = ""
    ss_number: str | None = None
    card_number: str = ""
    card_id: str = ""
    name: str | None = None
    atr: str = ""
    spec_version: str = ""
    issued_on: date | None = None
    valid_until: date | None = None
    terminal_no: str = ""
    device_no: str = ""
    # 二代身份证 (and, where a PC/SC card allows EF06, the holder's gender/ethnic/birth date).
    gender: str | None = None  # GB/T 2261.1 code: 1 男, 2 女
    ethnic: str | None = None  # GB/T 3304 two-digit code
    birth_date: date | None = None
    address: str | None = None
    issuer: str | None = None
    id_valid_from: date | None = None
    id_valid_to: date | None = None  # None with id_valid_from set means 长期 (no end date)
    source: Source
    notice: str | None = None

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"unknown card source {self.source!r}")

    @property
    def has_holder_data(self) -> bool:
        """False for a 3.0 card read without the vendor reader: only card data, no 社会保障号码 or name."""
        return self.ss_number is not None

    def masked(self) -> dict[str, str | None]:
        """Display/JSON form: personal values masked, dates as ISO strings, every key present."""
        out: dict[str, str | None] = {}
        for name in FIELD_LABELS:
            value = getattr(self, name)
            if isinstance(value, date):
                out[name] = value.isoformat()
            else:
                out[name] = value
        out["ss_number"] = mask_id(self.ss_number) if self.ss_number else None
        out["name"] = mask_name(self.name) if self.name else None
        out["card_number"] = _keep(self.card_number, 1, 2) if self.card_number else ""
        out["card_id"] = _keep(self.card_id, 6, 4) if self.card_id else ""
        out["atr"] = _keep(self.atr, 4, 4) if self.atr else ""
        out["birth_date"] = f"{self.birth_date.year}-**-**" if self.birth_date else None
        out["address"] = _keep(self.address, 6, 0) if self.address else None
        return out

    def display_lines(self) -> list[tuple[str, str]]:
        """(label, value) for people: masked, with the reader kind, gender and 民族 in words."""
        from app.refdata.codes import load_bundled_code_tables

        tables = load_bundled_code_tables()
        words: dict[str, Mapping[str, str]] = {"source": SOURCE_LABELS}
        lines: list[tuple[str, str]] = []
        for key, raw in self.masked().items():
            if not raw:
                continue
            if key in ("gender", "ethnic") and key in tables:
                shown = tables[key].label(raw) or raw
            else:
                shown = words.get(key, {}).get(raw, raw)
            lines.append((FIELD_LABELS.get(key, key), shown))
        return lines

    def __repr__(self) -> str:
        shown = {k: v for k, v in self.masked().items() if v}
        return "CardRecord(" + ", ".join(f"{k}={v!r}" for k, v in shown.items()) + ")"

    __str__ = __repr__
