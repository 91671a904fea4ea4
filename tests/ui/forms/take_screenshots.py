"""Screenshots of the 失业登记 form and of a printed 受理回执 for docs/screenshots/.

Not a test (no test_ prefix). Run under a virtual display with the Chinese fonts and poppler-utils:
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tests/ui/forms/take_screenshots.py
Writes form-unemployment-registration.png and receipt.png (first PDF page rendered by pdftoppm).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parents[3]
OUT = ROOT / "docs" / "screenshots"
sys.path.insert(0, str(ROOT))


def sample_values() -> dict[str, object]:
    from app.validation import synthetic_mobile, synthetic_resident_id

    return {
        "name": "李梅",
        "gender": "2",
        "id_doc": {"doc_type": "resident_id", "number": synthetic_resident_id(Random(7), region="520102")},
        "ethnic": "01",
        "political_status": "13",
        "hukou_type": "01",
        "education": "61",
        "health": "10",
        "hukou_address": "贵州省贵阳市南明区五里冲街道示例路 1 号",
        "residence_address": "贵州省贵阳市南明区五里冲街道示例路 1 号",
        "residence_division": "520102001",
        "phone": synthetic_mobile(Random(7)),
        "registration_division": "520102001",
        "unemployed_since": "2025-12-01",
        "unemployment_cause": "02",
        "previous_employer": "贵阳示例商贸有限公司",
        "previous_occupation": "4",
        "claims_ui_benefit": False,
        "job_intention_occupation": "4",
        "job_intention": "南明区内 餐饮服务",
        "expected_wage": "3000",
        "training_intention": True,
        "training_types": ["04"],
        "person_tags": ["02"],
        "cause_analysis": "原单位经营困难裁员，有三年餐饮服务经验，希望就近就业。",
        "truth_commitment": True,
    }


def form_screenshot(path: Path) -> None:
    from app.catalog import load_bundled_catalog
    from app.refdata import load_bundled_code_tables, load_bundled_divisions
    from ui.forms import FormView

    item = load_bundled_catalog().get("unemployment_registration")
    view = FormView(item, load_bundled_code_tables(), load_bundled_divisions())
    view.set_values(sample_values())
    view.set_checked_materials(["identity_document", "truth_commitment"])
    view.resize(1100, 700)
    view.show()
    QApplication.processEvents()
    # Tall enough that the scroll area shows the whole form, down to the materials checklist.
    chrome = view.height() - view.scroll_area.viewport().height()
    view.resize(view.width(), chrome + view.materials.geometry().bottom() + 12)
    QApplication.processEvents()
    view.grab().save(str(path))


def receipt_screenshot(path: Path) -> None:
    from app.catalog import DeadlineRule
    from app.validation import synthetic_resident_id
    from ui.printing import ReceiptData, print_to_pdf, receipt_html

    receipt = ReceiptData(
        case_number="520102001-20260302-AB120001",
        item_name="失业登记",
        person_name="李梅",
        id_number=synthetic_resident_id(Random(7), region="520102"),
        accepted_on=date(2026, 3, 2),
        deadline=DeadlineRule(7, "working"),
        due_on=date(2026, 3, 11),
        station_name="南明区五里冲街道就业服务站",
        handler_name="王经办",
        on_commitment=True,
        materials=("居民身份证或社会保障卡", "书面承诺"),
        station_phone="0851-85550000",
    )
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise SystemExit("pdftoppm (Debian package poppler-utils) is needed to render the receipt.")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = print_to_pdf(receipt_html(receipt), Path(tmp) / "receipt.pdf")
        subprocess.run(
            [tool, "-png", "-r", "100", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(path.with_suffix(""))],
            check=True,
            timeout=60,
        )


if __name__ == "__main__":
    from PySide6.QtWidgets import QApplication

    application = QApplication(sys.argv[:1])
    from ui.style import apply_style

    apply_style(application)
    OUT.mkdir(parents=True, exist_ok=True)
    form_screenshot(OUT / "form-unemployment-registration.png")
    receipt_screenshot(OUT / "receipt.png")
    print(f"saved to {OUT}")
