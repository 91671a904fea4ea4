"""行政区划代码 shape: 6 digits (county level), 9 (township) or 12 (village).

Within Guizhou the code is also looked up in the bundled division list, but a missing code is only a
warning: lists go stale (villages merge and split every year), a shape check does not.
"""

from __future__ import annotations

from app.validation.provinces import is_province_prefix
from app.validation.result import Result, failure, success
from app.validation.text import clean, describe_chars, missing

_LABEL = "行政区划代码"
_LEVELS = {6: "county", 9: "township", 12: "village"}
GUIZHOU_PREFIX = "52"


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
    facts = {"level": level}
    if not is_province_prefix(code):
        warnings.append(f"{_LABEL}前两位“{code[:2]}”不是有效的省级代码，请核对。")
    elif code.startswith(GUIZHOU_PREFIX):
        from app.refdata.divisions import load_bundled_divisions

        index = load_bundled_divisions()
        if index.get(code) is None:
            warnings.append(f"{_LABEL}“{code}”不在本机的贵州省区划表中，可能已调整，请核对或同步最新区划。")
        else:
            facts["full_name"] = index.full_name(code)
    return success(code, warnings=warnings, facts=facts)
