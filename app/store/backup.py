"""Automatic and manual backups through SQLite's online backup API, verified after writing.

Backups are encrypted with the store's own key, so they are as safe at rest as the store itself and
are restored on the same workstation (or wherever the key is). Retention keeps the newest
``KEEP_DAILY`` daily/manual backups and the newest ``KEEP_PRE_MIGRATION`` pre-migration ones.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.clock import utcnow
from app.store.engine import page_problems, raw_connect
from app.store.errors import BackupError, StoreError

KEEP_DAILY = 14
KEEP_PRE_MIGRATION = 5
_NAME = re.compile(r"^fuwutai-(\d{8}-\d{6}-\d{6})-(daily|manual|pre-migration|pre-restore)\.db$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def list_backups(folder: Path) -> list[BackupFile]:
    """Backups in ``folder``, newest first."""
    found: list[BackupFile] = []
    if not folder.exists():
        return found
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f")
            found.append(BackupFile(path, taken, match.group(2)))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def verify_backup(path: Path, key_hex: str) -> None:
    """Open the backup with the key and run SQLite's integrity check; raise BackupError if not sound."""
    try:
        conn = raw_connect(path, key_hex)
    except StoreError as exc:
        raise BackupError(f"备份文件 {path.name} 无法用本站密钥打开：{exc}") from exc
    try:
        problems = page_problems(conn)
        if not problems:
            conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    if problems:
        raise BackupError(f"备份文件 {path.name} 未通过完整性检查（{problems[0]}），请重新备份。")


def take_backup(db_path: Path, key_hex: str, folder: Path, reason: str) -> BackupFile:
    if reason not in {"daily", "manual", "pre-migration", "pre-restore"}:
        raise ValueError(reason)
    folder.mkdir(parents=True, exist_ok=True)
    now = utcnow()
    target = folder / f"fuwutai-{now:%Y%m%d-%H%M%S-%f}-{reason}.db"
    partial = target.with_suffix(".partial")
    try:
        source = raw_connect(db_path, key_hex)
        try:
            dest = raw_connect(partial, key_hex)
            try:
                source.backup(dest)
                dest.execute("PRAGMA journal_mode = DELETE")
            finally:
                dest.close()
        finally:
            source.close()
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        verify_backup(partial, key_hex)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"无法写入备份（{exc.strerror}）。请检查磁盘空间和文件夹权限后重试。") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    prune(folder)
    return BackupFile(target, now, reason)


def prune(folder: Path) -> list[Path]:
    removed: list[Path] = []
    backups = list_backups(folder)
    routine = [b for b in backups if b.reason in {"daily", "manual"}]
    migration = [b for b in backups if b.reason in {"pre-migration", "pre-restore"}]
    for old in routine[KEEP_DAILY:] + migration[KEEP_PRE_MIGRATION:]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def restore_file(backup: Path, db_path: Path, key_hex: str, *, kept_as: str = "replaced") -> Path:
    """Put ``backup`` in place of the store; the replaced file is kept beside it. Returns its path."""
    verify_backup(backup, key_hex)
    stamp = f"{utcnow():%Y%m%d-%H%M%S}"
    kept = db_path.with_name(f"{db_path.name}.{kept_as}-{stamp}")
    staging = db_path.with_name(f"{db_path.name}.restoring")
    shutil.copyfile(backup, staging)
    if db_path.exists():
        os.replace(db_path, kept)
    for suffix in ("-wal", "-shm"):
        side = Path(str(db_path) + suffix)
        if side.exists():
            os.replace(side, Path(str(kept) + suffix))
    os.replace(staging, db_path)
    return kept
