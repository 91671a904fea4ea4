"""Fixtures for the printing tests: sample documents and PDF text extraction with poppler."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path
from random import Random

import pytest

from app.catalog import Catalog, DeadlineRule, load_bundled_catalog
from app.validation import synthetic_resident_id
from ui.printing import CommitmentData, ReceiptData

ID_NUMBER = synthetic_resident_id(Random(5), region="520102", birth=date(1988, 8, 8), gender="1")
CASE_NUMBER = "520102001-20260302-AB120001"
STATION = "南明区五里冲街道就业服务站"


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_bundled_catalog()


@pytest.fixture
def receipt() -> ReceiptData:
    return ReceiptData(
        case_number=CASE_NUMBER,
        item_name="失业登记",
        person_name="张伟",
        id_number=ID_NUMBER,
        accepted_on=date(2026, 3, 2),
        deadline=DeadlineRule(7, "working"),
        due_on=date(2026, 3, 11),
        station_name=STATION,
        handler_name="王经办",
        on_commitment=True,
        materials=("居民身份证或社会保障卡",),
        station_phone="0851-85550000",
    )


@pytest.fixture
def commitment(catalog: Catalog) -> CommitmentData:
    item = catalog.get("unemployment_registration")
    assert item.commitment is not None
    return CommitmentData(
        item_name=item.name,
        commitment_text=item.commitment.text,
        person_name="张伟",
        doc_type_label="居民身份证",
        id_number=ID_NUMBER,
        signed_on=date(2026, 3, 2),
        station_name=STATION,
        handler_name="王经办",
        phone="19900001234",
        address="贵州省贵阳市南明区示例路 1 号",
        case_number=CASE_NUMBER,
        deadline=item.commitment.deadline,
    )


def pdf_text(path: Path) -> str:
    """The PDF's text layer, as poppler's pdftotext reads it.

    NFKC folds the Kangxi radical code points (⼈ U+2F08 → 人) that Qt's PDF writer puts in the
    text layer for glyphs Noto Sans CJK shares between a radical and the ideograph; the printed
    glyphs themselves are right.
    """
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (Debian package poppler-utils) is needed to read the PDF text")
    result = subprocess.run([tool, "-layout", str(path), "-"], capture_output=True, text=True, check=True, timeout=60)
    return unicodedata.normalize("NFKC", result.stdout)
