"""Reading the 社会保障卡 SSSE application with APDUs (人社信息函〔2012〕37号), independent of the transport.

EF05 (card data) is readable without authentication; EF06 (holder data) is free on 1.0/2.0 cards and
needs external authentication on 3.0 cards, which answer 6982: such a read yields the card data and
a notice that holder data needs the vendor reader. ``read_ssse`` takes any ``transmit`` function, so the
same sequence runs through pyscard/pcscd and, in unit tests, straight against a virtual card.
"""

from __future__ import annotations

from collections.abc import Callable

from app.cards.bas import ENCODING
from app.cards.errors import CardDataInvalid, NoCard, ReaderFault, WrongCard
from app.cards.fields import build_record
from app.cards.record import NOTICE_HOLDER_NEEDS_VENDOR, CardRecord

SSSE_AID = bytes.fromhex("7378312E73682EC9E7BBE1B1A3D5CF")
SELECT_SSSE = bytes.fromhex("00A404000F") + SSSE_AID
EF05 = 0xEF05
EF06 = 0xEF06

SW_OK = 0x9000
SW_SECURITY_NOT_SATISFIED = 0x6982
SW_CONDITIONS_NOT_SATISFIED = 0x6985
SW_FILE_NOT_FOUND = 0x6A82
SW_RECORD_NOT_FOUND = 0x6A83
_MAX_GET_RESPONSE = 16

# (tag, field, coding, length in bytes)
EF05_RECORDS: tuple[tuple[int, str, str, int], ...] = (
    (0x01, "card_id", "cn", 16),
    (0x02, "card_type", "an", 1),
    (0x03, "spec_version", "an", 4),
    (0x04, "init_org", "cn", 12),
    (0x05, "issued_on", "cn", 4),
    (0x06, "valid_until", "cn", 4),
    (0x07, "card_number", "an", 9),
)
EF06_RECORDS: tuple[tuple[int, str, str, int], ...] = (
    (0x08, "ss_number", "an", 18),
    (0x09, "name", "an", 30),
    (0x4E, "name_ext", "an", 20),
    (0x0A, "gender", "an", 1),
    (0x0B, "ethnic", "cn", 1),
    (0x0C, "birth_place", "cn", 3),
    (0x0D, "birth_date", "cn", 4),
)
_OPTIONAL = frozenset({0x02, 0x04, 0x4E, 0x0A, 0x0B, 0x0C, 0x0D})

Transmit = Callable[[bytes], tuple[bytes, int]]


def select_ef(fid: int) -> bytes:
    return bytes([0x00, 0xA4, 0x02, 0x00, 0x02, fid >> 8, fid & 0xFF])


def read_record(tag: int, length: int) -> bytes:
    """READ RECORD by record identifier: the card answers ``tag len value``, so Le is len + 2."""
    return bytes([0x00, 0xB2, tag, 0x00, (length + 2) & 0xFF])


def get_response(length: int) -> bytes:
    return bytes([0x00, 0xC0, 0x00, 0x00, length])


def transceive(transmit: Transmit, apdu: bytes) -> tuple[bytes, int]:
    """Send one command: 6Cxx means "wrong Le, use xx" (resend once); 61xx means "xx more bytes: GET RESPONSE"."""
    data, sw = transmit(apdu)
    if sw >> 8 == 0x6C and len(apdu) == 5:
        data, sw = transmit(apdu[:4] + bytes([sw & 0xFF]))
    collected = bytearray(data)
    rounds = 0
    while sw >> 8 == 0x61:
        rounds += 1
        if rounds > _MAX_GET_RESPONSE:
            raise ReaderFault("卡片的应答过长，读卡中止。请重新插卡再读一次；仍不行请联系信息技术人员。")
        data, sw = transmit(get_response(sw & 0xFF))
        collected += data
    return bytes(collected), sw


def decode_cn(value: bytes, *, strip_padding: bool = True) -> str:
    """``cn``: BCD, left-aligned, padded on the right with F nibbles."""
    text = value.hex().upper()
    return text.rstrip("F") if strip_padding else text


def decode_an(value: bytes, what: str) -> str:
    """``an``: left-aligned, padded with 00; text (names) in GBK."""
    try:
        return value.rstrip(b"\x00").decode(ENCODING)
    except UnicodeDecodeError:
        raise CardDataInvalid(f"{what}的文字编码不正确") from None


def _select(transmit: Transmit, apdu: bytes) -> int:
    _, sw = transceive(transmit, apdu)
    return sw


def _record_value(transmit: Transmit, tag: int, length: int, file: str) -> bytes | int:
    """The value of one record, or the status word when the card refuses."""
    data, sw = transceive(transmit, read_record(tag, length))
    if sw != SW_OK:
        return sw
    if len(data) < 2 or data[0] != tag or data[1] > len(data) - 2:
        raise CardDataInvalid(f"卡片文件 {file} 中记录 {tag:02X} 的格式不正确")
    return data[2 : 2 + data[1]]


def _unexpected(sw: int, step: str) -> ReaderFault:
    return ReaderFault(
        f"{step}时卡片返回状态 {sw:04X}。请重新插卡再读一次；仍不行请联系信息技术人员，并告诉他们这个状态码。"
    )


def _read_file(transmit: Transmit, records: tuple[tuple[int, str, str, int], ...], file: str) -> dict[str, bytes] | int:
    values: dict[str, bytes] = {}
    for tag, field, _, length in records:
        result = _record_value(transmit, tag, length, file)
        if isinstance(result, int):
            if result == SW_RECORD_NOT_FOUND and tag in _OPTIONAL:
                continue
            if result in {SW_SECURITY_NOT_SATISFIED, SW_CONDITIONS_NOT_SATISFIED}:
                return result
            if result == SW_RECORD_NOT_FOUND:
                raise CardDataInvalid(f"卡片文件 {file} 中缺少记录 {tag:02X}")
            raise _unexpected(result, f"读取 {file} 记录 {tag:02X} ")
        values[field] = result
    return values


def read_ssse(transmit: Transmit, atr: str) -> CardRecord:
    """Select SSSE, read EF05 and, where allowed, EF06; return the checked record."""
    sw = _select(transmit, SELECT_SSSE)
    if sw >> 8 in {0x6A, 0x6D, 0x6E}:
        raise WrongCard("这张卡上没有社会保障应用，不是社会保障卡。请确认插入的是社保卡、方向正确，然后再读一次。")
    if sw != SW_OK:
        raise _unexpected(sw, "选择社保应用")
    if _select(transmit, select_ef(EF05)) != SW_OK:
        raise WrongCard("这张卡的社保应用中没有卡片基本信息，无法读取。请确认是否为社会保障卡。")
    ef05 = _read_file(transmit, EF05_RECORDS, "EF05")
    if isinstance(ef05, int):
        raise _unexpected(ef05, "读取卡片基本信息")

    card_id = decode_cn(ef05["card_id"], strip_padding=False)
    raw: dict[str, str] = {
        "region_code": card_id[:6] if card_id[:6].isdigit() else "",
        "card_id": card_id,
        "card_number": decode_an(ef05["card_number"], "卡号"),
        "spec_version": decode_an(ef05["spec_version"], "规范版本"),
        "issued_on": decode_cn(ef05["issued_on"]),
        "valid_until": decode_cn(ef05["valid_until"]),
        "atr": atr,
    }
    required = ["card_id", "card_number"]
    notice: str | None = None
    ef06: dict[str, bytes] | int = _select(transmit, select_ef(EF06))
    if ef06 == SW_OK:
        ef06 = _read_file(transmit, EF06_RECORDS, "EF06")
    if isinstance(ef06, int):
        if ef06 not in {SW_SECURITY_NOT_SATISFIED, SW_CONDITIONS_NOT_SATISFIED, SW_FILE_NOT_FOUND}:
            raise _unexpected(ef06, "读取持卡人信息")
        notice = NOTICE_HOLDER_NEEDS_VENDOR
    else:
        name_bytes = ef06.get("name", b"").rstrip(b"\x00") + ef06.get("name_ext", b"").rstrip(b"\x00")
        raw["ss_number"] = decode_an(ef06["ss_number"], "社会保障号码")
        raw["name"] = decode_an(name_bytes, "姓名")
        if "gender" in ef06:
            raw["gender"] = decode_an(ef06["gender"], "性别")
        if "ethnic" in ef06:
            raw["ethnic"] = decode_cn(ef06["ethnic"])
        if "birth_date" in ef06:
            raw["birth_date"] = decode_cn(ef06["birth_date"])
        required += ["ss_number", "name"]
    return build_record(raw, source="pcsc", required=tuple(required), notice=notice)


def card_removed() -> NoCard:
    return NoCard("读卡过程中卡片被取出或复位了。请把卡放好，不要移动，然后再读一次。")
