"""Employers and postings: registration, the 3-working-day verification, commitment marking, guides."""

from app.employers.guides import employer_guides
from app.employers.listing import get_employer, list_employers
from app.employers.model import EmployerDetail, EmployerRow, GuideEntry, PostingInfo, VerificationItem
from app.employers.rules import COMMITMENT_MARKING, STATUS_LABELS, posting_label
from app.employers.service import (
    DuplicateEmployer,
    add_posting,
    posting_form,
    posting_form_defaults,
    register_employer,
    set_posting_status,
    update_employer,
    update_posting,
)
from app.employers.verification import record_investigation, verification_list, verify

__all__ = [
    "COMMITMENT_MARKING",
    "STATUS_LABELS",
    "DuplicateEmployer",
    "EmployerDetail",
    "EmployerRow",
    "GuideEntry",
    "PostingInfo",
    "VerificationItem",
    "add_posting",
    "employer_guides",
    "get_employer",
    "list_employers",
    "posting_form",
    "posting_form_defaults",
    "posting_label",
    "record_investigation",
    "register_employer",
    "set_posting_status",
    "update_employer",
    "update_posting",
    "verification_list",
    "verify",
]
