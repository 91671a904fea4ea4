"""The error report of an import: a CSV beside the roster that Excel opens (UTF-8 with BOM)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from app.io.person_rows import RowProblem

HEADER = ("行号", "列", "问题", "类型")
SUFFIX = ".错误报告.csv"


def report_path_for(source: Path) -> Path:
    return source.with_name(f"{source.stem}{SUFFIX}")


class ErrorReportWriter:
    """Writes problems as they are found; the file is created only when there is something to say."""

    def __init__(self, path: Path, fallback_dir: Path) -> None:
        self.path = path
        self._fallback_dir = fallback_dir
        self._handle: TextIO | None = None
        self._writer: csv.DictWriter[str] | None = None
        self.written = 0

    def _open(self) -> csv.DictWriter[str]:
        try:
            handle = self.path.open("w", encoding="utf-8-sig", newline="")
        except OSError:
            # The roster may sit on a read-only share or a locked USB stick.
            self._fallback_dir.mkdir(parents=True, exist_ok=True)
            self.path = self._fallback_dir / self.path.name
            handle = self.path.open("w", encoding="utf-8-sig", newline="")
        self._handle = handle
        writer = csv.DictWriter(handle, fieldnames=HEADER)
        writer.writeheader()
        self._writer = writer
        return writer

    def write(self, problems: Iterable[RowProblem]) -> None:
        for problem in problems:
            writer = self._writer or self._open()
            writer.writerow({"行号": problem.row, "列": problem.column, "问题": problem.reason, "类型": problem.level})
            self.written += 1

    def close(self) -> Path | None:
        """Close the file; returns its path, or None when nothing was written."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None
            return self.path
        return None

    def discard(self) -> None:
        """Remove the file (after a cancelled import its content would be incomplete)."""
        self.close()
        if self.written:
            self.path.unlink(missing_ok=True)

    def remove_stale(self) -> None:
        """A clean run removes the report a previous run left, so it cannot be mistaken for this one's."""
        if not self.written:
            self.path.unlink(missing_ok=True)
