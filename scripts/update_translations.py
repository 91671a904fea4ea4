"""Refresh resources/i18n/zh_CN.ts from the ui/ sources and compile zh_CN.qm.

Source strings are written in Chinese (the product's language), so each zh_CN translation is its
source text; the catalogue still has to list every string, which is what tests/ui/test_ui_i18n.py checks.
Usage: python scripts/update_translations.py [--check]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "zh_CN.ts"
QM = TS.with_suffix(".qm")
BIN = Path(sys.executable).parent


def ui_sources() -> list[Path]:
    return sorted(p for p in (ROOT / "ui").rglob("*.py") if "__pycache__" not in p.parts)


def extract(target: Path) -> None:
    subprocess.run([str(BIN / "pyside6-lupdate"), *map(str, ui_sources()), "-ts", str(target), "-no-obsolete",
                    "-silent", "-target-language", "zh_CN"], check=True, cwd=ROOT)


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(path)
    found: dict[tuple[str, str], ET.Element] = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def fill(path: Path) -> int:
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") in {"unfinished", "vanished", "obsolete"} or not translation.text:
            translation.text = message.findtext("source")
            translation.attrib.pop("type", None)
            filled += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return filled


def compile_qm() -> None:
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(TS), "-qm", str(QM)], check=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true", help="report missing strings, change nothing")
    parser.add_argument("--compile-only", action="store_true")
    args = parser.parse_args()
    if args.compile_only:
        compile_qm()
        return 0
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "fresh.ts"
            extract(fresh)
            missing = sorted(set(messages(fresh)) - set(messages(TS))) if TS.exists() else sorted(messages(fresh))
        for context, source in missing:
            print(f"missing: [{context}] {source}")
        return 1 if missing else 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    extract(TS)
    print(f"{fill(TS)} translations filled; compiling {QM.name}")
    compile_qm()
    return 0


if __name__ == "__main__":
    sys.exit(main())
