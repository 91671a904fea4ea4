"""社会保障卡卡号: a 9-character card number, distinct from the 社会保障号码 (which is the ID number).

Issuers use different letter/digit layouts, so only the length and character set are checked.
"""

from __future__ import annotations

import re

from app.validation.result import Result, failure, success
from app.validation.text import ascii_upper, clean, describe_chars, missing

_LABEL = "社会保障卡卡号"
_CARD_NUMBER = re.compile(r"[0-9A-Z]{9}")


def validate_ss_card_number(value: str | None) -> Result:
    number = ascii_upper(clean(value or ""))
    if not number:
        return failure([missing(_LABEL)])
    if _CARD_NUMBER.fullmatch(number):
        return success(number)
    illegal = "".join(char for char in number if not ("0" <= char <= "9" or "A" <= char <= "Z"))
    if illegal:
        return failure(
            [f"{_LABEL}中有不允许的字符{describe_chars(illegal)}：只能是字母和数字。请核对社保卡正面的卡号后重新输入。"]
        )
    return failure(
        [
            f"{_LABEL}应为9位，现在是{len(number)}位。请核对社保卡正面的卡号后重新输入"
            f"（社会保障号码就是身份证号码，请填在证件号码栏）。"
        ]
    )
