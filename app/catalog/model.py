"""The shape of a service item definition (服务事项) once loaded and checked.

Everything here is immutable: a definition is shared by every form opened against it, and a draft
must keep seeing exactly the version it was made with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dc_field
from decimal import Decimal
from types import MappingProxyType
from typing import Literal

from app.catalog.expr import Expression

FieldType = Literal[
    "text",
    "textarea",
    "id_document",
    "date",
    "code",
    "multi_code",
    "admin_division",
    "phone",
    "money",
    "integer",
    "flag",
    "attachment",
    "commitment",
]
FIELD_TYPES: tuple[FieldType, ...] = (
    "text",
    "textarea",
    "id_document",
    "date",
    "code",
    "multi_code",
    "admin_division",
    "phone",
    "money",
    "integer",
    "flag",
    "attachment",
    "commitment",
)
FIELD_TYPE_LABELS: Mapping[str, str] = MappingProxyType(
    {
        "text": "单行文本",
        "textarea": "多行文本",
        "id_document": "证件（类型＋号码）",
        "date": "日期",
        "code": "代码（单选）",
        "multi_code": "代码（多选）",
        "admin_division": "行政区划",
        "phone": "手机号码",
        "money": "金额（元）",
        "integer": "整数",
        "flag": "是/否",
        "attachment": "附件",
        "commitment": "书面承诺签字",
    }
)

Subject = Literal["person", "employer", "household"]
SUBJECTS: tuple[Subject, ...] = ("person", "employer", "household")
SUBJECT_LABELS: Mapping[str, str] = MappingProxyType(
    {"person": "个人", "employer": "用人单位", "household": "家庭"}
)

DayUnit = Literal["working", "calendar"]
DAY_UNITS: tuple[DayUnit, ...] = ("working", "calendar")

FollowUpKind = Literal["contact", "visit", "monthly", "recheck"]
FOLLOW_UP_KINDS: Mapping[str, str] = MappingProxyType(
    {"contact": "首次联系", "visit": "回访", "monthly": "按月跟踪", "recheck": "到期复核"}
)

ReviewKind = Literal["review", "verification"]
REVIEW_KINDS: Mapping[str, str] = MappingProxyType({"review": "审核", "verification": "核验"})

# The printing layer has one template per name; a definition may only ask for these.
PRINT_TEMPLATES: Mapping[str, str] = MappingProxyType(
    {
        "receipt": "受理回执",
        "commitment": "书面承诺书",
        "form": "登记表",
        "notice": "告知书",
        "decision": "认定（审核）结果通知书",
        "referral": "介绍信",
    }
)

# id_document doc_type codes whose numbers have their own format checks in app.validation.
# The 社会保障卡 carries the 社会保障号码, which is the 公民身份号码 (社会保险法 §58).
DOC_TYPE_KINDS: Mapping[str, str] = MappingProxyType(
    {
        "resident_id": "resident_id",
        "ss_card": "resident_id",
        "residence_permit": "residence_permit",
        "hkmo_permit": "hkmo_permit",
        "tw_permit": "tw_permit",
    }
)


@dataclass(frozen=True)
class DeadlineRule:
    days: int
    unit: DayUnit

    def describe(self) -> str:
        return f"{self.days}个{'工作日' if self.unit == 'working' else '自然日'}"


@dataclass(frozen=True)
class FieldDef:
    key: str
    label: str
    type: FieldType
    required: bool = False
    required_if: Expression | None = None
    visible_if: Expression | None = None
    table: str | None = None
    # integer: int; money: Decimal; date: ISO date or "today"; multi_code/attachment: item count.
    min: int | Decimal | str | None = None
    max: int | Decimal | str | None = None
    max_length: int | None = None
    pattern: str | None = None
    help: str = ""
    default: object = dc_field(default=None, hash=False)
    # text only: an app.validation kind the value must pass (e.g. "uscc").
    check: str | None = None
    # Where the UI prefills the value from, e.g. "person.name"; a hint, never enforced.
    prefill: str | None = None

    @property
    def code_table(self) -> str | None:
        """The code table the value comes from (id_document types come from ``doc_type``)."""
        if self.type == "id_document":
            return self.table or "doc_type"
        return self.table


@dataclass(frozen=True)
class Material:
    key: str
    name: str
    required: bool
    note: str = ""
    required_if: Expression | None = None


@dataclass(frozen=True)
class CommitmentOption:
    """The written-commitment path (书面承诺): accepted first, checked afterwards."""

    allowed: bool
    text: str
    # None: settled on the spot once the commitment is signed.
    deadline: DeadlineRule | None


@dataclass(frozen=True)
class FollowUpRule:
    kind: FollowUpKind
    after: DeadlineRule | None = None
    repeat_months: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Validity:
    months: int
    confirmed: bool
    note: str = ""


@dataclass(frozen=True)
class Limit:
    key: str
    label: str
    value: int | Decimal
    unit: str
    confirmed: bool
    note: str = ""


CheckLevel = Literal["error", "warning"]


@dataclass(frozen=True)
class FormCheck:
    """A cross-field rule: when the condition holds, the form gets ``message``."""

    when: Expression
    message: str
    level: CheckLevel
    # The field the message is filed under; None files it under the form as a whole ("").
    field: str | None = None


def _empty_extras() -> Mapping[str, object]:
    return MappingProxyType({})


@dataclass(frozen=True)
class ItemDefinition:
    code: str
    version: int
    name: str
    category: str
    subject: Subject
    description: str
    fields: tuple[FieldDef, ...]
    materials: tuple[Material, ...]
    deadline: DeadlineRule | None
    commitment: CommitmentOption | None
    review_required: bool
    cancellable: bool
    follow_ups: tuple[FollowUpRule, ...]
    print_templates: tuple[str, ...]
    # validity, limits, review_kind, checks, must_not_require, basis, unconfirmed, and the
    # definition's free "extras" object, each under its own key.
    extras: Mapping[str, object] = dc_field(default_factory=_empty_extras, hash=False)

    @property
    def ref(self) -> str:
        return f"{self.code}.v{self.version}"

    def field(self, key: str) -> FieldDef:
        for candidate in self.fields:
            if candidate.key == key:
                return candidate
        raise KeyError(key)

    @property
    def field_keys(self) -> tuple[str, ...]:
        return tuple(candidate.key for candidate in self.fields)

    @property
    def commitment_allowed(self) -> bool:
        return self.commitment is not None and self.commitment.allowed

    @property
    def validity(self) -> Validity | None:
        value = self.extras.get("validity")
        return value if isinstance(value, Validity) else None

    @property
    def limits(self) -> tuple[Limit, ...]:
        value = self.extras.get("limits")
        if isinstance(value, tuple):
            return tuple(limit for limit in value if isinstance(limit, Limit))
        return ()

    @property
    def review_kind(self) -> ReviewKind | None:
        value = self.extras.get("review_kind")
        if value == "review":
            return "review"
        if value == "verification":
            return "verification"
        return None

    @property
    def checks(self) -> tuple[FormCheck, ...]:
        value = self.extras.get("checks")
        if isinstance(value, tuple):
            return tuple(check for check in value if isinstance(check, FormCheck))
        return ()

    def _strings(self, key: str) -> tuple[str, ...]:
        value = self.extras.get(key)
        if isinstance(value, tuple):
            return tuple(item for item in value if isinstance(item, str))
        return ()

    @property
    def must_not_require(self) -> tuple[str, ...]:
        """Materials the counter must not ask for (清理不需提供的证明)."""
        return self._strings("must_not_require")

    @property
    def basis(self) -> tuple[str, ...]:
        return self._strings("basis")

    @property
    def unconfirmed(self) -> tuple[str, ...]:
        """Statements in this definition no primary source confirmed; kept as editable data."""
        return self._strings("unconfirmed")
