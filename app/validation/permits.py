"""Documents of Hong Kong, Macao and Taiwan residents: 居住证 and the two 通行证."""

from __future__ import annotations

import re
from datetime import date

from app.validation.id_number import RETRY, Findings, check_eighteen, format_errors
from app.validation.result import Result, failure, success
from app.validation.text import ascii_upper, clean, describe_chars, missing, remove_spaces

_RESIDENCE_LABEL = "港澳台居民居住证号码"
_RESIDENCE_AREAS = {"810000": "HK", "820000": "MO", "830000": "TW"}

_HKMO_LABEL = "港澳居民来往内地通行证号码"
_HKMO = re.compile(r"([HM])([0-9]{8})([0-9]{2})?")
_HKMO_AREAS = {"H": "HK", "M": "MO"}

_TW_LABEL = "台湾居民来往大陆通行证号码"
_TW = re.compile(r"[0-9]{8}")
# Before the 2015 card the number carried an issue count, appended or in brackets.
_TW_WITH_ISSUE_COUNT = re.compile(r"([0-9]{8})(?:[0-9]{2}|\([0-9]{1,2}\))")


def validate_residence_permit(value: str | None, *, today: date | None = None) -> Result:
    cleaned = clean(value or "")
    if not cleaned:
        return failure([missing(_RESIDENCE_LABEL)])
    shape_errors = format_errors(cleaned, label=_RESIDENCE_LABEL, lengths=(18,))
    if shape_errors:
        return failure(shape_errors)
    number = ascii_upper(cleaned)
    area = _RESIDENCE_AREAS.get(number[:6])
    if area is None:
        return failure(
            [
                f"该号码以{number[:6]}开头，不是港澳台居民居住证号码：居住证号码以810000（香港）、"
                f"820000（澳门）或830000（台湾）开头。请核对证件类型和号码后重新输入。"
            ]
        )
    findings = Findings()
    check_eighteen(number, label=_RESIDENCE_LABEL, today=today or date.today(), findings=findings)
    if findings.errors:
        return failure(findings.errors, warnings=findings.warnings)
    findings.facts["area"] = area
    return success(number, warnings=findings.warnings, facts=findings.facts)


def validate_hkmo_permit(value: str | None) -> Result:
    number = ascii_upper(remove_spaces(clean(value or "")))
    if not number:
        return failure([missing(_HKMO_LABEL)])
    match = _HKMO.fullmatch(number)
    if match is None:
        illegal = "".join(char for char in number if not ("0" <= char <= "9" or "A" <= char <= "Z"))
        detail = f"号码中有不允许的字符{describe_chars(illegal)}。" if illegal else ""
        return failure(
            [
                f"{detail}{_HKMO_LABEL}应以H（香港）或M（澳门）开头，后接8位数字，"
                f"换过证的可能再多2位换证次数。{RETRY}"
            ]
        )
    facts = {"area": _HKMO_AREAS[match.group(1)]}
    if match.group(3) is not None:
        facts["issue_count"] = match.group(3)
    return success(number, facts=facts)


def validate_tw_permit(value: str | None) -> Result:
    number = remove_spaces(clean(value or ""))
    if not number:
        return failure([missing(_TW_LABEL)])
    if _TW.fullmatch(number):
        return success(number)
    legacy = _TW_WITH_ISSUE_COUNT.fullmatch(number)
    if legacy is not None:
        lifelong = legacy.group(1)
        return success(
            lifelong,
            warnings=[
                f"这是带签发次数的旧版台胞证号码，已取前8位终身号码{lifelong}。请与本人现用证件核对。"
            ],
        )
    illegal = "".join(char for char in number if char not in "0123456789()")
    detail = f"号码中有不允许的字符{describe_chars(illegal)}。" if illegal else ""
    return failure([f"{detail}{_TW_LABEL}应为8位数字（旧版可能带2位签发次数）。{RETRY}"])
