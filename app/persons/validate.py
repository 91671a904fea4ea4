"""Checks a person's data at the edge, before anything is written."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.clock import today
from app.errors import ValidationFailed
from app.persons.model import PersonInput
from app.validation import validate

DOC_KINDS = {
    "resident_id": "resident_id",
    "ss_card": "resident_id",  # 社会保障号码 equals the 公民身份号码
    "residence_permit": "residence_permit",
    "hkmo_permit": "hkmo_permit",
    "tw_permit": "tw_permit",
}
LABELS = {
    "name": "姓名",
    "doc_type": "证件类型",
    "doc_number": "证件号码",
    "gender": "性别",
    "birth_date": "出生日期",
    "phone": "手机号码",
    "ss_card_number": "社保卡卡号",
    "division_code": "常住地区划",
}


def check_person(data: PersonInput) -> tuple[PersonInput, list[str]]:
    """Return the normalised input and warnings; raise ValidationFailed naming each bad field."""
    errors: dict[str, list[str]] = {}
    warnings: list[str] = []

    def err(key: str, message: str) -> None:
        errors.setdefault(key, []).append(f"{LABELS[key]}：{message}")

    name = " ".join(data.name.split())
    if not name:
        err("name", "未填写，请输入姓名。")
    elif len(name) > 60:
        err("name", "过长（最多 60 个字），请核对。")
    kind = DOC_KINDS.get(data.doc_type)
    number = data.doc_number
    gender, birth = data.gender, data.birth_date
    if kind is None:
        err("doc_type", f"“{data.doc_type}”不是可用的证件类型，请从列表中选择。")
    else:
        result = validate(kind, data.doc_number)
        if not result.ok:
            for message in result.errors:
                err("doc_number", message)
        else:
            number = result.normalized or number
            warnings.extend(f"{LABELS['doc_number']}：{w}" for w in result.warnings)
            derived_gender = result.facts.get("gender")
            derived_birth = result.facts.get("birth_date")
            if derived_gender:
                if gender and gender != derived_gender:
                    err("gender", "与证件号码中的性别不一致，请核对。")
                gender = gender or derived_gender
            if derived_birth:
                parsed = date.fromisoformat(derived_birth)
                if birth and birth != parsed:
                    err("birth_date", "与证件号码中的出生日期不一致，请核对。")
                birth = birth or parsed
    if gender is not None and gender not in {"0", "1", "2", "9"}:
        err("gender", "只能是 男（1）、女（2）、未知（0）或未说明（9）。")
    if birth is not None and birth > today():
        err("birth_date", "不能晚于今天，请核对。")
    phone = data.phone.strip() if data.phone else None
    if phone:
        result = validate("mobile", phone)
        if result.ok:
            phone = result.normalized
        else:
            for message in result.errors:
                err("phone", message)
    card = data.ss_card_number.strip() if data.ss_card_number else None
    if card:
        result = validate("ss_card_number", card)
        if result.ok:
            card = result.normalized
        else:
            for message in result.errors:
                err("ss_card_number", message)
    division = data.division_code.strip() if data.division_code else None
    if division:
        result = validate("admin_division", division)
        if not result.ok:
            for message in result.errors:
                err("division_code", message)
    if errors:
        raise ValidationFailed(errors)
    cleaned = replace(
        data,
        name=name,
        doc_number=number,
        gender=gender,
        birth_date=birth,
        phone=phone or None,
        ss_card_number=card or None,
        division_code=division or None,
        tags=tuple(dict.fromkeys(t.strip() for t in data.tags if t.strip())),
    )
    return cleaned, warnings
