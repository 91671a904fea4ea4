"""Checking a filled form against its item definition.

The result says, per field, what is wrong in a sentence that names the field's label, and gives
the normalized data to store: hidden fields dropped, dates as ISO strings, money as a 2-decimal
string, identifiers as app.validation normalizes them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from app.catalog.coerce import coerce_value, expression_value, is_empty
from app.catalog.model import DOC_TYPE_KINDS, FieldDef, ItemDefinition
from app.clock import today as clock_today
from app.validation import validate

FORM_KEY = ""  # errors and warnings about the form as a whole are filed under this key


@dataclass(frozen=True)
class FormResult:
    ok: bool
    normalized: dict[str, object]
    errors: dict[str, list[str]]
    warnings: dict[str, list[str]]
    # Fields the conditions hide for this data; the UI does not show them.
    hidden: frozenset[str] = field(default_factory=frozenset)

    def messages(self) -> list[str]:
        """Every error, in field order, ready to show in one list."""
        return [message for messages in self.errors.values() for message in messages]


def visibility_order(fields: Sequence[FieldDef]) -> list[FieldDef]:
    """Fields ordered so each comes after the fields its visible_if reads (the loader rejects
    cycles; a hand-built cycle falls back to definition order instead of looping)."""
    by_key = {f.key: f for f in fields}
    ordered: list[FieldDef] = []
    placed: set[str] = set()
    pending = list(fields)
    while pending:
        progress = False
        for candidate in list(pending):
            needs = candidate.visible_if.names if candidate.visible_if is not None else frozenset()
            if all(name in placed or name not in by_key or name == candidate.key for name in needs):
                ordered.append(candidate)
                placed.add(candidate.key)
                pending.remove(candidate)
                progress = True
        if not progress:
            ordered.extend(pending)
            break
    return ordered


class _Form:
    def __init__(
        self,
        definition: ItemDefinition,
        data: Mapping[str, object],
        code_tables: Mapping[str, Collection[str]] | None,
        today: date,
    ) -> None:
        self.definition = definition
        self.data = data
        self.code_tables = code_tables
        self.today = today
        self.errors: dict[str, list[str]] = {}
        self.warnings: dict[str, list[str]] = {}
        self.values: dict[str, object] = {}  # valid stored values
        self.context: dict[str, object] = {}  # what conditions see

    def error(self, key: str, message: str) -> None:
        self.errors.setdefault(key, []).append(message)

    def warn(self, key: str, message: str) -> None:
        self.warnings.setdefault(key, []).append(message)

    def raw(self, f: FieldDef) -> object:
        if f.key in self.data:
            return self.data[f.key]
        if f.default == "today" and f.type == "date":
            return self.today.isoformat()
        # Defaults are stored already coerced; a copy keeps a list default from being shared.
        return list(f.default) if isinstance(f.default, list) else f.default

    def run(self) -> FormResult:
        keys = set(self.definition.field_keys)
        for key in self.data:
            if key not in keys:
                self.warn(key, f"表单中有本事项未定义的内容“{key}”，已忽略。")

        pending_errors: dict[str, list[str]] = {}
        for f in self.definition.fields:
            raw = self.raw(f)
            if is_empty(f, raw):
                continue
            coerced = coerce_value(f, raw, self.today)
            if coerced.ok:
                self.values[f.key] = coerced.value
            else:
                pending_errors[f.key] = [f"{f.label}：{message}" for message in coerced.errors]
        self.context = {
            key: expression_value(self.definition.field(key), value) for key, value in self.values.items()
        }

        hidden: set[str] = set()
        for f in visibility_order(self.definition.fields):
            if f.visible_if is not None and not f.visible_if.test(self.context, today=self.today):
                hidden.add(f.key)
                self.values.pop(f.key, None)
                self.context.pop(f.key, None)

        for f in self.definition.fields:
            if f.key in hidden:
                continue
            if f.key in pending_errors:
                self.errors[f.key] = pending_errors[f.key]
            elif f.key in self.values:
                self.check_value(f)
            else:
                self.check_required(f)

        self.run_checks()
        normalized = {
            f.key: self.values[f.key]
            for f in self.definition.fields
            if f.key in self.values and f.key not in self.errors
        }
        return FormResult(
            ok=not self.errors,
            normalized=normalized,
            errors=self.errors,
            warnings=self.warnings,
            hidden=frozenset(hidden),
        )

    def check_required(self, f: FieldDef) -> None:
        if f.required:
            if f.type == "commitment":
                self.error(f.key, f"{f.label}：须由申请人本人阅读并签字确认后才能受理，请确认已签字。")
            else:
                self.error(f.key, f"{f.label}：此项必填，请填写后再保存。")
        elif f.required_if is not None and f.required_if.test(self.context, today=self.today):
            self.error(f.key, f"{f.label}：根据已填写的内容，此项必须填写，请补充。")

    def check_value(self, f: FieldDef) -> None:
        value = self.values[f.key]
        if f.type == "id_document" and isinstance(value, dict):
            self.check_id_document(f, value)
        elif f.type == "phone" and isinstance(value, str):
            self.check_identifier(f, "mobile", value)
        elif f.type == "admin_division" and isinstance(value, str):
            self.check_identifier(f, "admin_division", value)
        elif f.type == "text" and f.check is not None and isinstance(value, str):
            self.check_identifier(f, f.check, value)
        elif f.type == "code" and isinstance(value, str):
            self.check_codes(f, [value])
        elif f.type == "multi_code" and isinstance(value, list):
            self.check_codes(f, [str(item) for item in value])

    def check_identifier(self, f: FieldDef, kind: str, value: str) -> str | None:
        result = validate(kind, value)
        for message in result.warnings:
            self.warn(f.key, f"{f.label}：{message}")
        if not result.ok:
            for message in result.errors:
                self.error(f.key, f"{f.label}：{message}")
            return None
        if result.normalized is not None and not isinstance(self.values[f.key], dict):
            self.values[f.key] = result.normalized
        return result.normalized

    def check_id_document(self, f: FieldDef, value: dict[str, object]) -> None:
        doc_type = str(value["doc_type"])
        number = str(value["number"])
        table = f.code_table
        if not self.code_allowed(f, table, doc_type):
            return
        kind = DOC_TYPE_KINDS.get(doc_type)
        if kind is None:
            self.warn(f.key, f"{f.label}：此证件类型没有号码格式校验，请与证件原件仔细核对。")
            return
        normalized = self.check_identifier(f, kind, number)
        if normalized is not None:
            self.values[f.key] = {"doc_type": doc_type, "number": normalized}

    def check_codes(self, f: FieldDef, codes: list[str]) -> None:
        for code in codes:
            self.code_allowed(f, f.code_table, code)

    def code_allowed(self, f: FieldDef, table: str | None, code: str) -> bool:
        if self.code_tables is None or table is None:
            return True
        allowed = self.code_tables.get(table)
        if allowed is None:
            message = f"{f.label}：本机缺少代码表“{table}”，无法核对所选代码，请同步参考数据。"
            if message not in self.warnings.get(f.key, []):
                self.warn(f.key, message)
            return True
        if code not in allowed:
            self.error(f.key, f"{f.label}：代码“{code}”不在代码表中，请从列表中重新选择。")
            return False
        return True

    def run_checks(self) -> None:
        for check in self.definition.checks:
            if not check.when.test(self.context, today=self.today):
                continue
            key = check.field if check.field is not None else FORM_KEY
            if check.level == "error":
                self.error(key, check.message)
            else:
                self.warn(key, check.message)


def validate_form(
    definition: ItemDefinition,
    data: Mapping[str, object],
    *,
    code_tables: Mapping[str, Collection[str]] | None = None,
    today: date | None = None,
) -> FormResult:
    """Check ``data`` (field key → value as the UI or an online application holds it).

    Code and multi_code values (and id_document types) are checked against ``code_tables`` only
    when it is given. ``today`` bounds dates (``max: "today"``) and ``age()`` in conditions.
    """
    return _Form(definition, data, code_tables, today or clock_today()).run()
