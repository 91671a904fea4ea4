"""Masking of personal data for lists, receipts and screens that do not need the full value.

The rules follow common practice on Chinese public-service screens: an 18-character citizen number
keeps its region (first 6) and last 4; any other document number keeps 2 at each end; a mobile number
keeps its network prefix (3) and last 4; a name keeps its surname (compound surnames such as 欧阳 stay
whole) and, for given names of two or more characters, the last character.
"""

from __future__ import annotations

from app.validation.text import clean

MASK = "*"

# Compound surnames (复姓) seen in registers; a name starting with one keeps both characters.
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳",
        "司马",
        "上官",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "令狐",
        "夏侯",
        "轩辕",
        "端木",
        "独孤",
        "南宫",
        "西门",
        "百里",
        "呼延",
        "万俟",
        "澹台",
        "公冶",
        "太史",
        "申屠",
        "闻人",
        "司空",
        "钟离",
        "宗政",
        "濮阳",
        "淳于",
        "单于",
        "太叔",
        "仲孙",
        "亓官",
        "司寇",
        "子车",
        "颛孙",
        "壤驷",
        "公良",
        "漆雕",
        "乐正",
        "宰父",
        "谷梁",
        "拓跋",
        "夹谷",
        "段干",
        "东郭",
        "南门",
        "羊舌",
        "微生",
        "梁丘",
        "左丘",
        "东门",
        "第五",
    }
)
_NAME_SEPARATORS = frozenset("·•.．・")


def _keep_ends(value: str, head: int, tail: int) -> str:
    if len(value) <= head + tail:
        return MASK * len(value)
    return value[:head] + MASK * (len(value) - head - tail) + value[len(value) - tail :]


def mask_id(number: str | None) -> str:
    """110105199001010002X → 110105********002X; other documents keep 2 characters at each end."""
    value = clean(number or "")
    if len(value) == 18:
        return _keep_ends(value, 6, 4)
    return _keep_ends(value, 2, 2)


def mask_phone(phone: str | None) -> str:
    """13800000000 → 138****0000; shorter numbers keep only their last 2 digits."""
    value = clean(phone or "")
    if len(value) >= 8:
        return _keep_ends(value, 3, 4)
    return _keep_ends(value, 0, 2)


def mask_name(name: str | None) -> str:
    """张三 → 张*, 王小明 → 王*明, 欧阳明 → 欧阳*, 欧阳建明 → 欧阳*明.

    Names written with a middle dot (买买提·艾力) keep their first and last character and the dots.
    """
    value = clean(name or "")
    if len(value) <= 1:
        return MASK * len(value)
    if any(char in _NAME_SEPARATORS for char in value):
        return "".join(
            char if index in {0, len(value) - 1} or char in _NAME_SEPARATORS else MASK
            for index, char in enumerate(value)
        )
    surname_length = 2 if value[:2] in COMPOUND_SURNAMES and len(value) > 2 else 1
    surname, given = value[:surname_length], value[surname_length:]
    if len(given) <= 1:
        return surname + MASK * max(len(given), 1)
    return surname + MASK * (len(given) - 1) + given[-1]
