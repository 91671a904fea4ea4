"""Province-level prefixes of GB/T 2260 codes (including 71 Taiwan, 81 Hong Kong, 82 Macao, 83 for
residence permits of Taiwan residents). Only this level is checked: finer codes change too often."""

from __future__ import annotations

PROVINCE_CODES: frozenset[str] = frozenset(
    {
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    }
)


def is_province_prefix(code: str) -> bool:
    return code[:2] in PROVINCE_CODES
