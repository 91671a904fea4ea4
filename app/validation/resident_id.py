"""居民身份证号码 (GB 11643-1999), including legacy 15-digit numbers."""

from __future__ import annotations

from datetime import date

from app.validation.id_number import Findings, check_eighteen, format_errors, upgrade_15_to_18
from app.validation.provinces import is_province_prefix
from app.validation.result import Result, failure, success
from app.validation.text import ascii_upper, clean, missing

LABEL = "身份证号码"
_PERMIT_REGIONS = {"810000": "香港", "820000": "澳门", "830000": "台湾"}


def validate_resident_id(value: str | None, *, today: date | None = None) -> Result:
    cleaned = clean(value or "")
    if not cleaned:
        return failure([missing("居民身份证号码")])
    shape_errors = format_errors(cleaned, label=LABEL, lengths=(15, 18))
    if shape_errors:
        return failure(shape_errors)

    findings = Findings()
    number = ascii_upper(cleaned)
    if len(number) == 15:
        # Legacy numbers have no check digit; once upgraded the checksum holds by construction,
        # so only the 19YYMMDD date can still be wrong.
        number = upgrade_15_to_18(number)
    check_eighteen(number, label=LABEL, today=today or date.today(), findings=findings)

    region = number[:6]
    if not is_province_prefix(region):
        findings.warnings.append(
            f"{LABEL}前两位“{region[:2]}”不是有效的省级行政区划代码，请与证件核对号码。"
        )
    elif region in _PERMIT_REGIONS:
        findings.warnings.append(
            f"以{region}开头的是{_PERMIT_REGIONS[region]}居民的港澳台居民居住证号码，请确认证件类型是否选对。"
        )
    if findings.errors:
        return failure(findings.errors, warnings=findings.warnings)
    if len(cleaned) == 15:
        findings.warnings.insert(
            0, f"这是15位旧版身份证号码，已自动升级为18位号码{number}，请与本人现用证件核对。"
        )
    return success(number, warnings=findings.warnings, facts=findings.facts)
