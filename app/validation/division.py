"""行政区划代码 shape: 6 digits (county level), 9 (township) or 12 (village).

Whether a code exists is decided against the bundled division list elsewhere; lists go stale,
a shape check does not.
"""

from __future__ import annotations

from app.validation.provinces import is_province_prefix
from app.validation.result import Result, failure, success
from app.validation.text import clean, describe_chars, missing

_LABEL = "行政区划代码"
_LEVELS = {6: "county", 9: "township", 12: "village"}


def validate_admin_division(value: str | None) -> Result:
    code = clean(value or "")
    if not code:
        return failure([missing(_LABEL)])
    illegal = "".join(char for char in code if not "0" <= char <= "9")
    if illegal:
        return failure([f"{_LABEL}中有不允许的字符{describe_chars(illegal)}：只能是数字。请核对后重新输入。"])
    level = _LEVELS.get(len(code))
    if level is None:
        return failure(
            [
                f"{_LABEL}应为6位（县级）、9位（乡镇级）或12位（村级）数字，现在是{len(code)}位。"
                "请核对后重新输入。"
            ]
        )
    warnings = []
    if not is_province_prefix(code):
        warnings.append(f"{_LABEL}前两位“{code[:2]}”不是有效的省级代码，请核对。")
    return success(code, warnings=warnings, facts={"level": level})
