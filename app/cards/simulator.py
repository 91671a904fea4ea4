"""A simulated reader for training and demos: synthetic cards only (valid-checksum IDs, made-up names).

A scenario says what the next read does: a 2.0 card with holder data, a 3.0 card without it, a card
that needs online authentication, an 二代身份证, no card, a locked card or a wrong card. Holders come
round in turn from a deterministic list, or are given by the caller (the demo passes persons that
exist in its station so a read finds them). Every record goes through the same validation as real ones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from random import Random

from app.cards.bas import HsmStep1
from app.cards.errors import CardLocked, NoCard, WrongCard
from app.cards.fields import build_record
from app.cards.reader import CardReader, OnlineAuthenticator, runs_in_card_thread
from app.cards.record import NOTICE_HOLDER_NEEDS_VENDOR, CardRecord
from app.cards.vendor import complete_online_read
from app.validation import synthetic_name, synthetic_resident_id

SCENARIOS: dict[str, str] = {
    "card20": "2.0 社保卡（可读持卡人信息）",
    "card30": "3.0 社保卡（通用读卡器只能读卡片信息）",
    "online_auth": "需要联网认证的社保卡",
    "idcard": "第二代居民身份证",
    "no_card": "读卡器上没有卡",
    "locked": "密码已锁定的社保卡",
    "wrong_card": "不是社保卡",
}
_REGION = "520100"
_ATR = "3B6800004657542D53494D"


@dataclass(frozen=True)
class SimulatedHolder:
    ss_number: str
    name: str
    card_number: str

    def __repr__(self) -> str:
        return "SimulatedHolder(…)"


def synthetic_holders(seed: int = 20240601, count: int = 5) -> list[SimulatedHolder]:
    rng = Random(seed)
    holders = []
    for _ in range(count):
        ss_number = synthetic_resident_id(rng, region="520102")
        card_number = "S" + f"{rng.randint(0, 99_999_999):08d}"
        holders.append(SimulatedHolder(ss_number, synthetic_name(rng), card_number))
    return holders


class SimulatorReader(CardReader):
    source_label = "模拟读卡（培训演示）"
    watch_insertion = True
    supports_pin = True

    def __init__(
        self,
        scenario: str = "card20",
        *,
        holders: list[SimulatedHolder] | None = None,
        authenticator: OnlineAuthenticator | None = None,
        seed: int = 20240601,
    ) -> None:
        self.set_scenario(scenario)
        self.holders = holders or synthetic_holders(seed)
        self.authenticator = authenticator
        self._next = 0
        self._present = scenario != "no_card"

    def set_scenario(self, scenario: str) -> None:
        if scenario not in SCENARIOS:
            raise ValueError(f"unknown simulator scenario {scenario!r}; known: {', '.join(SCENARIOS)}")
        self.scenario = scenario

    def insert(self) -> None:
        self._present = True

    def remove(self) -> None:
        self._present = False

    def _holder(self) -> SimulatedHolder:
        holder = self.holders[self._next % len(self.holders)]
        self._next += 1
        return holder

    @staticmethod
    def _card_fields(holder: SimulatedHolder, version: str) -> dict[str, str]:
        return {
            "region_code": _REGION,
            "card_number": holder.card_number,
            "card_id": _REGION + "D156000005" + holder.card_number[1:] + "00000000",
            "atr": _ATR,
            "spec_version": version,
            "issued_on": "20200601",
            "valid_until": "20300601",
        }

    def _bas_record(self, holder: SimulatedHolder, version: str) -> CardRecord:
        raw = self._card_fields(holder, version) | {
            "ss_number": holder.ss_number,
            "name": holder.name,
            "terminal_no": "000000000000",
            "device_no": "",
        }
        return build_record(raw, source="simulator", required=("ss_number", "name", "card_number"))

    @runs_in_card_thread
    def card_present(self) -> bool:
        return self._present

    @runs_in_card_thread
    def read(self) -> CardRecord:
        scenario = self.scenario
        if scenario == "no_card" or not self._present:
            raise NoCard()
        if scenario == "locked":
            raise CardLocked()
        if scenario == "wrong_card":
            raise WrongCard()
        holder = self._holder()
        if scenario == "card20":
            return self._bas_record(holder, "2.00")
        if scenario == "card30":
            raw = self._card_fields(holder, "3.00")
            return build_record(raw, source="simulator", notice=NOTICE_HOLDER_NEEDS_VENDOR)
        if scenario == "online_auth":
            step1 = HsmStep1(_REGION, _ATR, "01", _REGION + "D1560000050000", "11" * 8, "22" * 8, "33" * 8, "44" * 8)
            return complete_online_read(step1, lambda _key: self._bas_record(holder, "3.00"), self.authenticator)
        birth = date(int(holder.ss_number[6:10]), int(holder.ss_number[10:12]), int(holder.ss_number[12:14]))
        return build_record(
            {
                "ss_number": holder.ss_number,
                "name": holder.name,
                "gender": "1" if int(holder.ss_number[16]) % 2 else "2",
                "ethnic": "01",
                "birth_date": f"{birth:%Y%m%d}",
                "address": "贵州省贵阳市南明区模拟路1号",
                "issuer": "贵阳市公安局南明分局",
                "id_valid_from": "20200101",
                "id_valid_to": "20400101",
            },
            source="simulator",
            required=("ss_number", "name"),
        )

    @runs_in_card_thread
    def verify_pin(self) -> None:
        if self.scenario == "locked":
            raise CardLocked()
        if not self._present or self.scenario == "no_card":
            raise NoCard()
