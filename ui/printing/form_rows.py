"""The registration form's rows: each visible field's label and its value as readable text."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from app.catalog import FieldDef, ItemDefinition, validate_form
from app.catalog.coerce import is_empty
from app.refdata import CodeTable, DivisionDataError, DivisionIndex
from ui.printing.data import FormPrintData, FormPrintRow
from ui.printing.template import chinese_date


def _code_label(tables: Mapping[str, CodeTable], table: str | None, code: object) -> str:
    text = str(code)
    found = tables.get(table) if table else None
    label = found.label(text) if found is not None else None
    return label if label is not None else text


def _division_name(divisions: DivisionIndex, code: str) -> str:
    try:
        name = divisions.full_name(code)
    except DivisionDataError:
        # Village names live in a second file; without it the code itself is still correct.
        return code
    return name or code


def display_value(
    field: FieldDef, value: object, code_tables: Mapping[str, CodeTable], divisions: DivisionIndex
) -> str:
    """How ``value`` (validate_form's input or stored shape) reads on paper; "" when empty."""
    if is_empty(field, value):
        return ""
    kind = field.type
    if kind == "code":
        return _code_label(code_tables, field.code_table, value)
    if kind == "multi_code" and isinstance(value, Sequence) and not isinstance(value, str):
        return "、".join(_code_label(code_tables, field.code_table, code) for code in value)
    if kind == "id_document" and isinstance(value, Mapping):
        doc_type = _code_label(code_tables, field.code_table, value.get("doc_type", ""))
        return f"{doc_type}　{value.get('number', '')}"
    if kind == "admin_division":
        return _division_name(divisions, str(value))
    if kind == "flag":
        return "是" if value is True else "否" if value is False else str(value)
    if kind == "commitment":
        return "申请人已签署" if value is True else ""
    if kind == "attachment" and isinstance(value, Sequence):
        return f"{len(value)} 份"
    if kind == "date" and isinstance(value, str):
        try:
            return chinese_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def form_print_data(
    definition: ItemDefinition,
    values: Mapping[str, object],
    *,
    code_tables: Mapping[str, CodeTable],
    divisions: DivisionIndex,
    station_name: str,
    printed_on: date,
    case_number: str = "",
    received_materials: Iterable[str] = (),
) -> FormPrintData:
    """Rows for the fields the conditions show for ``values`` (as the form on screen shows them)."""
    hidden = validate_form(definition, values, today=printed_on).hidden
    rows = tuple(
        FormPrintRow(field.label, display_value(field, values.get(field.key), code_tables, divisions))
        for field in definition.fields
        if field.key not in hidden
    )
    received = set(received_materials)
    commitment = definition.commitment.text if definition.commitment is not None else ""
    return FormPrintData(
        title=f"{definition.name}表",
        item_name=definition.name,
        rows=rows,
        station_name=station_name,
        printed_on=printed_on,
        case_number=case_number,
        materials=tuple((material.name, material.key in received) for material in definition.materials),
        commitment_text=commitment,
    )
