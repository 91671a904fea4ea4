"""Every visible string is in the translation catalogue, finished, and the catalogue compiles and loads."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "zh_CN.ts"


def test_catalogue_lists_every_string() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, (
        "strings missing from zh_CN.ts (run scripts/update_translations.py):\n" + result.stdout
    )


def test_no_unfinished_translations() -> None:
    root = ET.parse(TS).getroot()
    unfinished = [
        m.findtext("source")
        for m in root.iter("message")
        if (t := m.find("translation")) is None or t.get("type") == "unfinished" or not t.text
    ]
    assert unfinished == []
    assert len(list(root.iter("message"))) > 100


def test_compiled_catalogue_loads(tmp_path: Path) -> None:
    from PySide6.QtCore import QTranslator

    qm = tmp_path / "zh_CN.qm"
    subprocess.run(
        [str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(qm)],
        check=True,
        timeout=60,
    )
    translator = QTranslator()
    assert translator.load(str(qm))
    assert translator.translate("Shell", "工作台") == "工作台"
