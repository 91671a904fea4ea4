"""The person roster's columns: one definition for import, export, the template and its documentation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.validation.text import to_halfwidth


@dataclass(frozen=True, slots=True)
class RosterColumn:
    key: str
    header: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    code_table: str | None = None
    # Text columns must be formatted as text in Excel (long digit strings otherwise lose digits).
    text: bool = False
    width: int = 14
    help: str = ""

    @property
    def template_header(self) -> str:
        return f"{self.header}*" if self.required else self.header


COLUMNS: tuple[RosterColumn, ...] = (
    RosterColumn("name", "姓名", required=True, aliases=("人员姓名",), width=12,
                 help="与证件一致；少数民族姓名中的间隔号写作“·”。"),
    RosterColumn("doc_type", "证件类型", aliases=("证件种类",), code_table="doc_type", width=22,
                 help="不填即为居民身份证。可填名称或代码。"),
    RosterColumn("doc_number", "证件号码", required=True, text=True, width=22,
                 aliases=("身份证号码", "身份证号", "公民身份号码", "证件号", "社会保障号码"),
                 help="18位身份证号码（旧版15位会自动升级）；请把本列设为“文本”格式。"),
    RosterColumn("gender", "性别", code_table="gender", width=8,
                 help="男/女或1/2；不填时按身份证号码推算，填了则须与号码一致。"),
    RosterColumn("birth_date", "出生日期", aliases=("出生年月日",), width=12,
                 help="如 1990-01-31；不填时按身份证号码推算，填了则须与号码一致。"),
    RosterColumn("ethnic", "民族", code_table="ethnic", width=10, help="如“汉族”“苗族”或代码“01”。"),
    RosterColumn("education", "学历", code_table="education", aliases=("文化程度",), width=16,
                 help="GB/T 4658 名称或代码，也可填“本科”“大专”“高中”“初中”等常用说法。"),
    RosterColumn("phone", "手机号码", text=True, width=14,
                 aliases=("手机号", "联系电话", "电话号码", "联系方式"), help="11位手机号码。"),
    RosterColumn("hukou_address", "户籍地址", aliases=("户籍所在地", "户籍地"), width=30),
    RosterColumn("residence_address", "常住地址", aliases=("现住址", "居住地址", "现居住地址"), width=30),
    RosterColumn("hukou_type", "户口性质", code_table="hukou_type", aliases=("户籍性质", "户口类型"), width=12,
                 help="农业户口/非农业户口/居民户口/其他，或代码。"),
    RosterColumn("division_code", "所在区划代码", text=True, aliases=("行政区划代码", "区划代码"), width=16,
                 help="6位（县）、9位（乡镇）或12位（村、社区）行政区划代码。"),
    RosterColumn("tags", "人员标签", code_table="person_tag", aliases=("人员类别", "标签"), width=24,
                 help="可填多个，用顿号“、”或逗号分隔，如“脱贫人口、农民工”。"),
    RosterColumn("ss_card_number", "社保卡卡号", text=True, aliases=("社保卡号",), width=14,
                 help="社会保障卡正面的9位卡号（不是社会保障号码）。"),
    RosterColumn("note", "备注", width=30),
)
BY_KEY = {column.key: column for column in COLUMNS}
REQUIRED = tuple(column for column in COLUMNS if column.required)

_BRACKETED = re.compile(r"[(（\[【].*?[)）\]】]")
_NOISE = re.compile(r"[\s*＊:：]+")
_LOOKUP = {
    header: column.key
    for column in COLUMNS
    for header in (column.header, *column.aliases)
}


def normalize_header(value: object) -> str:
    """``证件号码*``, `` 证件号码（必填）`` and ``证件号码:`` all become ``证件号码``."""
    if value is None:
        return ""
    return _NOISE.sub("", _BRACKETED.sub("", to_halfwidth(str(value))))


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    positions: dict[str, int]  # column key -> index in the row
    unknown: tuple[str, ...]
    duplicates: tuple[str, ...]

    @property
    def missing_required(self) -> tuple[str, ...]:
        return tuple(column.header for column in REQUIRED if column.key not in self.positions)


def match_headers(cells: Sequence[object]) -> HeaderMatch:
    positions: dict[str, int] = {}
    unknown: list[str] = []
    duplicates: list[str] = []
    for index, cell in enumerate(cells):
        header = normalize_header(cell)
        if not header:
            continue
        key = _LOOKUP.get(header)
        if key is None:
            unknown.append(header)
        elif key in positions:
            duplicates.append(BY_KEY[key].header)
        else:
            positions[key] = index
    return HeaderMatch(positions, tuple(unknown), tuple(duplicates))
