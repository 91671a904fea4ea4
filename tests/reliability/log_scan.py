"""Issue 8 point 8: no personal data in any log file the test session wrote.

Test-only hooks, installed by tests/conftest.py before any test module is imported:
- every file a ``logging.FileHandler`` opens (the app's rotating log included) is registered;
- the synthetic generators in ``app.validation`` record every ID number, mobile and name they produce.
At the end of the session (``pytest_sessionfinish``) the registered files and every ``*.log*`` under the
session's basetemp are scanned for: the recorded values, any valid-checksum resident ID number, any
mobile number. A hit fails the run; the report shows the file and the kind, never the value itself.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

LOG_FILES: set[Path] = set()
GENERATED: dict[str, set[str]] = {"id": set(), "mobile": set(), "name": set()}

_ID = re.compile(r"(?<![0-9A-Za-z_])([1-8]\d{5})((?:19|20)\d{6})(\d{3})([0-9Xx])(?![0-9A-Za-z_])")
_MOBILE = re.compile(r"(?<![0-9A-Za-z_.:+-])1[3-9]\d{9}(?![0-9A-Za-z_])")
_STATE = {"installed": False}


def _record(kind: str, fn: Callable[..., str]) -> Callable[..., str]:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> str:
        value = fn(*args, **kwargs)
        GENERATED[kind].add(value)
        return value

    wrapper.__wrapped_for_log_scan__ = True  # type: ignore[attr-defined]
    return wrapper


def install() -> None:
    if _STATE["installed"]:
        return
    _STATE["installed"] = True
    original_open = logging.FileHandler._open

    def _open(self: logging.FileHandler) -> Any:
        LOG_FILES.add(Path(self.baseFilename))
        return original_open(self)

    logging.FileHandler._open = _open  # type: ignore[method-assign]

    import app.validation as package
    from app.validation import synthetic

    for attr, kind in (
        ("synthetic_resident_id", "id"),
        ("synthetic_residence_permit", "id"),
        ("synthetic_mobile", "mobile"),
        ("synthetic_name", "name"),
    ):
        wrapped = _record(kind, getattr(synthetic, attr))
        setattr(synthetic, attr, wrapped)
        if hasattr(package, attr):
            setattr(package, attr, wrapped)


def _valid_resident_id(match: re.Match[str]) -> bool:
    from app.validation import resident_id_check_char

    region, birth, seq, check = match.groups()
    try:
        date(int(birth[:4]), int(birth[4:6]), int(birth[6:8]))
    except ValueError:
        return False
    return resident_id_check_char(region + birth + seq) == check.upper()


def findings(text: str, names: Iterable[str] = (), values: Iterable[str] = ()) -> list[str]:
    """Kinds of personal data found in ``text`` (one entry per hit, the value masked)."""
    found = [f"居民身份证号 {m.group(0)[:6]}…" for m in _ID.finditer(text) if _valid_resident_id(m)]
    found += [f"手机号 {m.group(0)[:3]}…" for m in _MOBILE.finditer(text)]
    found += [f"生成的证件号/手机号 {v[:3]}…" for v in values if v and v in text]
    # Generated names of three characters (two-character ones are too common as words to scan for).
    found += [f"生成的姓名 {n[:1]}…" for n in names if len(n) >= 3 and n in text]
    return found


def candidate_files(basetemp: Path | None) -> list[Path]:
    files = {p for p in LOG_FILES}
    if basetemp is not None and basetemp.exists():
        files.update(p for p in basetemp.rglob("*.log*") if p.is_file())
    for i in range(1, 6):  # rotated siblings of registered files
        files.update(p.with_name(f"{p.name}.{i}") for p in list(LOG_FILES))
    return sorted(p for p in files if p.is_file())


def scan(basetemp: Path | None) -> tuple[int, dict[Path, list[str]]]:
    names = sorted(GENERATED["name"])
    values = sorted(GENERATED["id"] | GENERATED["mobile"])
    problems: dict[Path, list[str]] = {}
    files = candidate_files(basetemp)
    for path in files:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        hits = findings(text, names, values)
        if hits:
            problems[path] = sorted(set(hits))
    return len(files), problems
