"""The national reader interface's text formats (LD/T 33-2015 as used by provincial terminal specs).

``iReadCardBas`` answers 11 fields, each followed by ``|``, in GBK. ``iReadCardBas_HSM_Step1`` answers
the 8 factors the platform's encryption machine needs; its answer (``内部认证结果|外部认证结果|``) goes
back to ``iReadCardBas_HSM_Step2``. All parsing here is total: any input gives a value or
``CardDataInvalid``, never another exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields

from app.cards.errors import CardDataInvalid, NeedsOnlineAuth
from app.cards.fields import build_record
from app.cards.record import BAS_FIELDS, CardRecord, Source

MAX_OUTPUT_BYTES = 1023  # pOutInfo is a 1024-byte buffer including the terminating NUL
# The spec says GBK; GB18030 is its superset and also covers rare name characters (生僻字) that some
# issuers encode with GB18030's four-byte sequences.
ENCODING = "gb18030"
_HSM_KEY = re.compile(r"([0-9A-Za-z+/=]{1,512})\|([0-9A-Za-z+/=]{1,512})\|?")
_FACTOR = re.compile(r"[0-9A-Za-z+/=]*")


def decode_output(raw: bytes, what: str = "读卡器") -> str:
    if len(raw) > MAX_OUTPUT_BYTES:
        raise CardDataInvalid(f"{what}返回的数据超过 {MAX_OUTPUT_BYTES} 字节")
    try:
        return raw.decode(ENCODING)
    except UnicodeDecodeError:
        raise CardDataInvalid(f"{what}返回的文字不是 GBK 编码") from None


def split_fields(text: str, count: int, what: str) -> list[str]:
    """Fields each followed by ``|``; a missing final ``|`` is tolerated, a wrong count is not."""
    body = text.strip(" \r\n\0")
    body = body.removesuffix("|")
    parts = body.split("|")
    if len(parts) != count:
        raise CardDataInvalid(f"{what}应有 {count} 项，实际为 {len(parts)} 项")
    return parts


def parse_bas_output(raw: bytes, *, source: Source = "vendor") -> CardRecord:
    """Parse the ``iReadCardBas`` / ``iReadCardBas_HSM_Step2`` output into a checked record."""
    parts = split_fields(decode_output(raw), len(BAS_FIELDS), "读卡结果")
    return build_record(
        dict(zip(BAS_FIELDS, parts, strict=True)),
        source=source,
        required=("ss_number", "name", "card_number"),
    )


@dataclass(frozen=True)
class HsmStep1:
    """The factors from ``iReadCardBas_HSM_Step1`` for the platform's encryption machine (no personal data)."""

    region_code: str
    atr: str
    algorithm_id: str
    card_id: str
    internal_factor: str
    internal_raw: str
    external_factor: str
    external_raw: str

    @property
    def text(self) -> str:
        """The Step1 output as the driver gave it (fields each followed by ``|``), for the platform."""
        return "".join(f"{getattr(self, f.name)}|" for f in fields(self))


def parse_step1_output(raw: bytes) -> HsmStep1:
    parts = [p.strip() for p in split_fields(decode_output(raw), 8, "联网认证第一步结果")]
    for part in parts:
        if len(part) > 512 or not _FACTOR.fullmatch(part):
            raise CardDataInvalid("联网认证第一步结果的格式不正确")
    if not parts[3]:
        raise CardDataInvalid("联网认证第一步结果缺少卡识别码")
    return HsmStep1(*parts)


def normalise_hsm_key(answer: str) -> bytes:
    """The platform's answer, checked and in the form Step2 expects: ``内部认证结果|外部认证结果|``."""
    match = _HSM_KEY.fullmatch(answer.strip())
    if match is None:
        raise NeedsOnlineAuth(
            "人社平台返回的联网认证结果格式不正确，无法读取这张卡。请再读一次；仍不行请联系信息技术人员。"
        )
    return f"{match[1]}|{match[2]}|".encode("ascii")
