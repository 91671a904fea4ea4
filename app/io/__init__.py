"""Person rosters in and out: streaming import (.xlsx/.csv) with an error report, and .xlsx exports."""

from app.io.errors import ExportError, RosterError
from app.io.export import export_cases, export_persons
from app.io.person_import import ImportReport, import_persons
from app.io.person_rows import RowProblem
from app.io.roster_columns import COLUMNS, RosterColumn

__all__ = [
    "COLUMNS",
    "ExportError",
    "ImportReport",
    "RosterColumn",
    "RosterError",
    "RowProblem",
    "export_cases",
    "export_persons",
    "import_persons",
]
