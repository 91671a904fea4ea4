"""Reference data: administrative divisions, code tables and where bundled resources live."""

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
    "Division",
    "DivisionDataError",
    "DivisionIndex",
    "HistoricalDivision",
    "load_bundled_divisions",
    "load_divisions",
    "resource_path",
    "resources_root",
]
