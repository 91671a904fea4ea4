"""Reference data: administrative divisions, code tables and where bundled resources live."""

from app.refdata.codes import (
    CodeEntry,
    CodeTable,
    CodeTableError,
    load_bundled_code_tables,
    load_code_table,
)
from app.refdata.divisions import (
    Division,
    DivisionDataError,
    DivisionIndex,
    HistoricalDivision,
    load_bundled_divisions,
    load_divisions,
)
from app.refdata.resources import resource_path, resources_root

__all__ = [
    "CodeEntry",
    "CodeTable",
    "CodeTableError",
    "Division",
    "DivisionDataError",
    "DivisionIndex",
    "HistoricalDivision",
    "load_bundled_code_tables",
    "load_bundled_divisions",
    "load_code_table",
    "load_divisions",
    "resource_path",
    "resources_root",
]
