"""Checking one roster row and turning it into the values of a new person.

Every cell is checked; all problems of a row are reported at once (the clerk fixes the file in one
go). Gender and birth date come from the ID number when the columns are empty and must agree with it
when they are filled.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any, Protocol

from app.io.codebook import CodeBook
from app.io.roster_columns import BY_KEY
from app.validation import validate
from app.validation.text import clean, to_halfwidth

ERROR = "错误"
WARNING = "提示"

# Validation kind of the number of each document type; 社会保障号码 is the citizen ID number.
DOC_KINDS: Mapping[str, str] = {
    "resident_id": "resident_id",
    "ss_card": "resident_id",
    "residence_permit": "residence_permit",
    "hkmo_permit": "hkmo_permit",
    "tw_permit": "tw_permit",
}
DEFAULT_DOC_TYPE = "resident_id"
MAX_LENGTHS = {"name": 60, "hukou_address": 200, "residence_address": 200, "note": 1000}
_TAG_SEPARATORS = re.compile(r"[、,，;；/\s]+")
_NAME_DOTS = str.maketrans({"•": "·", "．": "·", "・": "·", ".": "·"})
_SCIENTIFIC = re.compile(r"^[0-9]+(\.[0-9]+)?[eE]\+?[0-9]+$")
_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_EXCEL_DIGITS = 15
_FREE_TEXT = frozenset({"name", "hukou_address", "residence_address", "note"})


class _Report(Protocol):
    def __call__(self, key: str, reason: str, level: str = ...) -> None: ...


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int
    column: str
    reason: str
    level: str = ERROR


@dataclass(frozen=True, slots=True)
class PersonRecord:
    name: str
    doc_type: str
    doc_number: str
    gender: str | None
    birth_date: date | None
    ethnic: str | None
    education: str | None
    phone: str | None
    hukou_address: str | None
    residence_address: str | None
    hukou_type: str | None
    division_code: str | None
    tags: tuple[str, ...]
    ss_card_number: str | None
    note: str | None


def cell_text(value: Any) -> str:
    """A cell as the text a clerk sees (numbers without a trailing .0, dates as 1990-01-31)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def parse_date(value: Any) -> date | None:
    """A date cell or text; None when it cannot be read."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = "".join(to_halfwidth(cell_text(value)).split())
    for pattern in _DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


class RowChecker:
    """Checks rows against the header positions found in the file and the station's code tables."""

    def __init__(self, positions: Mapping[str, int], codes: CodeBook, *, today: date | None = None) -> None:
        self.positions = dict(positions)
        self.codes = codes
        self.today = today or date.today()

    def _raw(self, cells: Sequence[Any], key: str) -> Any:
        index = self.positions.get(key)
        if index is None or index >= len(cells):
            return None
        return cells[index]

    def _texts(self, cells: Sequence[Any]) -> dict[str, str]:
        texts = dict.fromkeys(BY_KEY, "")
        for key, index in self.positions.items():
            if index < len(cells):
                value = cells[index]
                if value is not None and value != "":
                    # Validators clean their own input; only free text is cleaned here.
                    texts[key] = clean(cell_text(value)) if key in _FREE_TEXT else cell_text(value)
        return texts

    def check(self, row: int, cells: Sequence[Any]) -> tuple[PersonRecord | None, list[RowProblem]]:
        problems: list[RowProblem] = []

        def problem(key: str, reason: str, level: str = ERROR) -> None:
            problems.append(RowProblem(row, BY_KEY[key].header, reason, level))

        text = self._texts(cells)
        name = self._name(text["name"], problem)
        given_type = self._code("doc_type", text["doc_type"], problem)
        doc_type = given_type or DEFAULT_DOC_TYPE
        doc_number: str | None = None
        facts: Mapping[str, str] = {}
        # An unknown document type: its number cannot be checked, and saying so twice helps nobody.
        if given_type is not None or not text["doc_type"]:
            doc_number, facts = self._document(doc_type, self._raw(cells, "doc_number"), problem)
        gender = self._gender(text["gender"], facts.get("gender"), problem)
        birth_date = self._birth_date(self._raw(cells, "birth_date"), facts.get("birth_date"), problem)
        ethnic = self._code("ethnic", text["ethnic"], problem)
        education = self._code("education", text["education"], problem)
        phone = self._validated("phone", "mobile", text["phone"], problem)
        division_code = self._validated("division_code", "admin_division", text["division_code"], problem)
        ss_card_number = self._validated("ss_card_number", "ss_card_number", text["ss_card_number"], problem)
        hukou_type = self._code("hukou_type", text["hukou_type"], problem)
        tags = self._tags(text["tags"], problem)
        hukou_address = self._free_text("hukou_address", text["hukou_address"], problem)
        residence_address = self._free_text("residence_address", text["residence_address"], problem)
        note = self._free_text("note", text["note"], problem)

        if any(item.level == ERROR for item in problems) or name is None or doc_number is None:
            return None, problems
        record = PersonRecord(
            name=name, doc_type=doc_type, doc_number=doc_number, gender=gender, birth_date=birth_date,
            ethnic=ethnic, education=education, phone=phone, hukou_address=hukou_address,
            residence_address=residence_address, hukou_type=hukou_type, division_code=division_code,
            tags=tags, ss_card_number=ss_card_number, note=note,
        )
        return record, problems

    @staticmethod
    def _name(value: str, problem: _Report) -> str | None:
        name = " ".join(value.translate(_NAME_DOTS).split())
        if not name:
            problem("name", "未填写姓名。请按证件填写姓名。")
            return None
        if len(name) > MAX_LENGTHS["name"]:
            problem("name", f"姓名超过{MAX_LENGTHS['name']}个字，请核对。")
            return None
        odd = sorted({char for char in name if not (char.isalpha() or char in "· ")})
        if odd:
            problem("name", f"姓名中有不应出现的字符“{''.join(odd)}”。请按证件填写姓名。")
            return None
        return name

    def _code(self, key: str, value: str, problem: _Report) -> str | None:
        if not value:
            return None
        table = self.codes[BY_KEY[key].code_table or key]
        code = table.resolve(value)
        if code is None:
            problem(key, f"“{value}”不是有效的{BY_KEY[key].header}。可填写：{table.choices()}（名称或代码均可）。")
        return code

    def _document(
        self, doc_type: str, raw: Any, problem: _Report
    ) -> tuple[str | None, Mapping[str, str]]:
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            digits = cell_text(raw)
            if len(digits) > _EXCEL_DIGITS or not digits.isdigit():
                problem("doc_number", "证件号码被 Excel 存成了数字，第15位以后的数字已经丢失。"
                        "请把“证件号码”列设置为“文本”格式，重新录入该号码后再导入。")
                return None, {}
        value = clean(cell_text(raw))
        if _SCIENTIFIC.match(value):
            problem("doc_number", f"证件号码“{value}”是科学计数法，号码已经丢失了数字。"
                    "请在原表中把该列设置为“文本”格式，重新录入号码后再导入。")
            return None, {}
        result = validate(DOC_KINDS.get(doc_type, "resident_id"), value)
        for warning in result.warnings:
            problem("doc_number", warning, WARNING)
        if not result.ok:
            problem("doc_number", "".join(result.errors))
            return None, {}
        return result.normalized, result.facts

    def _gender(self, value: str, from_id: str | None, problem: _Report) -> str | None:
        if not value:
            return from_id
        gender = self._code("gender", value, problem)
        if gender in {"1", "2"} and from_id is not None and gender != from_id:
            table = self.codes["gender"]
            problem("gender", f"性别“{table.label(gender)}”与证件号码不符（证件号码显示为{table.label(from_id)}）。"
                    "请核对性别和证件号码。")
        return gender

    def _birth_date(self, raw: Any, from_id: str | None, problem: _Report) -> date | None:
        expected = date.fromisoformat(from_id) if from_id else None
        if not cell_text(raw):
            return expected
        birth = parse_date(raw)
        if birth is None:
            problem("birth_date", f"出生日期“{cell_text(raw)}”无法识别。请写成 1990-01-31 这样的日期。")
            return None
        if birth > self.today:
            problem("birth_date", f"出生日期 {birth.isoformat()} 晚于今天，请核对。")
        elif expected is not None and birth != expected:
            problem("birth_date", f"出生日期 {birth.isoformat()} 与证件号码中的出生日期 {expected.isoformat()} 不符。"
                    "请核对出生日期和证件号码。")
        return birth

    @staticmethod
    def _validated(key: str, kind: str, value: str, problem: _Report) -> str | None:
        if not value:
            return None
        result = validate(kind, value)
        for warning in result.warnings:
            problem(key, warning, WARNING)
        if not result.ok:
            problem(key, "".join(result.errors))
        return result.normalized

    def _tags(self, value: str, problem: _Report) -> tuple[str, ...]:
        if not value:
            return ()
        table = self.codes["person_tag"]
        tags: list[str] = []
        for part in _TAG_SEPARATORS.split(value):
            if not part:
                continue
            code = table.resolve(part)
            if code is None:
                problem("tags", f"“{part}”不是有效的人员标签。可填写：{table.choices()}。多个标签用“、”分隔。")
                continue
            # Persons keep tags by name (as app.persons does), so a renamed code keeps its meaning.
            label = table.labels[code]
            if label not in tags:
                tags.append(label)
        return tuple(tags)

    @staticmethod
    def _free_text(key: str, value: str, problem: _Report) -> str | None:
        if not value:
            return None
        limit = MAX_LENGTHS[key]
        if len(value) > limit:
            problem(key, f"{BY_KEY[key].header}超过{limit}个字（现在{len(value)}个字），请精简。")
        return value
