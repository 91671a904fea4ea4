"""Service item catalog (服务事项目录): versioned declarative definitions, conditions, form checks."""

from app.catalog.catalog import Catalog
from app.catalog.errors import CatalogError, UnknownItemError
from app.catalog.expr import ExprError, Expression, parse
from app.catalog.forms import FORM_KEY, FormResult, validate_form
from app.catalog.loader import bundled_catalog_dir, load_bundled_catalog, load_catalog, load_definition_file
from app.catalog.model import (
    FIELD_TYPE_LABELS,
    FIELD_TYPES,
    FOLLOW_UP_KINDS,
    PRINT_TEMPLATES,
    REVIEW_KINDS,
    SUBJECT_LABELS,
    CommitmentOption,
    DeadlineRule,
    FieldDef,
    FollowUpRule,
    FormCheck,
    ItemDefinition,
    Limit,
    Material,
    Validity,
)

__all__ = [
    "FIELD_TYPES",
    "FIELD_TYPE_LABELS",
    "FOLLOW_UP_KINDS",
    "FORM_KEY",
    "PRINT_TEMPLATES",
    "REVIEW_KINDS",
    "SUBJECT_LABELS",
    "Catalog",
    "CatalogError",
    "CommitmentOption",
    "DeadlineRule",
    "ExprError",
    "Expression",
    "FieldDef",
    "FollowUpRule",
    "FormCheck",
    "FormResult",
    "ItemDefinition",
    "Limit",
    "Material",
    "UnknownItemError",
    "Validity",
    "bundled_catalog_dir",
    "load_bundled_catalog",
    "load_catalog",
    "load_definition_file",
    "parse",
    "validate_form",
]
