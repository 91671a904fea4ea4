"""Logging to a rotating file in the data folder. Never log names, ID numbers or phone numbers."""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

# Personal data that can slip into a log line through an exception text (SQL parameters, a value quoted
# in an error): ID numbers (18/15 digits, passport-like permit numbers), mobile numbers, SQL parameter lists.
_REDACTIONS = (
    (re.compile(r"\[parameters: .*?\](?=\s|$|\n|\()", re.DOTALL), "[parameters: 已隐去]"),
    (re.compile(r"(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])"), "[证件号已隐去]"),
    (re.compile(r"(?<![0-9A-Za-z])\d{15}(?![0-9A-Za-z])"), "[证件号已隐去]"),
    (re.compile(r"(?<![0-9])1[3-9]\d{9}(?![0-9])"), "[手机号已隐去]"),
    (re.compile(r"(?<![0-9A-Za-z])[HMhm]\d{8,10}(?![0-9A-Za-z])"), "[证件号已隐去]"),
    # Names and addresses have no pattern of their own: they leak as a field of a printed object (the repr
    # of a PersonInput or a row in an exception text, ``name='…'``) or of a JSON body (``"name": "…"``).
    (
        re.compile(
            r"""(\b(?:name|display_name|holder_name|contact_name|applicant_name|head_name|hukou_address|"""
            r"""residence_address|address|note)['"]?\s*[=:]\s*)('[^'\n]*'|"[^"\n]*")"""
        ),
        r"\1'[已隐去]'",
    ),
)


def redact(text: str) -> str:
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFormatter(logging.Formatter):
    """Formats as usual (traceback included), then removes ID numbers, phones and SQL parameters."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def configure_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "fuwutai.log"
    root = logging.getLogger()
    if any(getattr(h, "baseFilename", None) == str(path) for h in root.handlers):
        return path
    # One data folder's log per process: opening another folder moves the log there.
    for old in [h for h in root.handlers if getattr(h, "fuwutai_log", False)]:
        root.removeHandler(old)
        old.close()
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=5_000_000, backupCount=5, encoding="utf-8")
    handler.fuwutai_log = True  # type: ignore[attr-defined]
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)
    return path
