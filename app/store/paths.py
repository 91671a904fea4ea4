"""Where a station's data lives: ``--data-dir``, else ``FUWUTAI_HOME``, else the per-user data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

DB_FILENAME = "fuwutai.db"
STORE_INFO_FILENAME = "store.json"


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("FUWUTAI_HOME")
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir("Fuwutai", appauthor=False))


@dataclass(frozen=True)
class DataDir:
    root: Path

    @property
    def db(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def store_info(self) -> Path:
        return self.root / STORE_INFO_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def exports(self) -> Path:
        return self.root / "exports"

    def ensure(self) -> None:
        for folder in (self.root, self.backups, self.attachments, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
