"""Damaged stores: a fast check at start, what a restore would lose, and restoring the latest good backup.

The check at start reads SQLCipher's per-page HMAC straight from the file (no SQL, no decryption): a
sample of ``SAMPLE_PAGES`` pages on a normal start, every page when the last run did not shut down cleanly
(an in-use marker beside the database was left behind). A damaged page fails its HMAC, so overwritten,
zeroed or torn pages are found before any job trips over them. The daily backup reads every page as well
and its verification fails on a damaged source, so damage outside the sample is found within a day.

:func:`assess_damage` says what is damaged, which backup is the newest that passes verification (damaged
backups are skipped), and which changes would be lost: the outbox rows of the damaged file newer than
that backup, read around unreadable pages. Only the entity, the kind of change and its time are listed,
never the row's content. :func:`restore_latest` puts that backup in place; the damaged file is kept beside.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import random
import struct
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from app.store import backup as backups
from app.store.engine import classify_open_error
from app.store.errors import BackupError, StoreError
from app.store.paths import DataDir

# SQLCipher 4 defaults (the store never changes them): 4096-byte pages, a 16-byte IV and a 64-byte
# HMAC-SHA512 reserved at the end of each page, the HMAC key derived from the raw key with 2 rounds of
# PBKDF2-HMAC-SHA512 over the file salt XOR 0x3a; page 1 starts after the 16-byte salt.
PAGE_SIZE = 4096
HMAC_SIZE = 64
SALT_SIZE = 16
SAMPLE_PAGES = 256
HEAD_PAGES = 64
IN_USE_SUFFIX = ".in-use"
GAP_PROBE_LIMIT = 20_000
# After an unclean shutdown every page is checked up to this size (2-3 s at 256 MB, about 50,000 persons);
# a larger store gets a larger sample and the daily backup's full read (docs/reliability.md).
FULL_CHECK_MAX_BYTES = 256 * 1024 * 1024
UNCLEAN_SAMPLE_PAGES = 4096

ENTITY_LABELS = {
    "staff": "工作人员账号",
    "person": "人员",
    "person_document": "人员证件",
    "person_tag": "人员标签",
    "household": "家庭",
    "household_member": "家庭成员",
    "employer": "用人单位",
    "job_posting": "岗位",
    "case": "办件",
    "case_event": "办件环节",
    "attachment": "附件",
    "follow_up": "跟踪回访",
}
OP_LABELS = {"upsert": "新增或修改", "delete": "删除", "command": "操作"}


class StoreCorruptError(StoreError):
    """The store file has damaged pages; :func:`assess_damage` tells what a restore would lose."""

    def __init__(self, message: str, problems: list[str]) -> None:
        super().__init__(message)
        self.problems = problems


def corrupt_message(problems: list[str]) -> str:
    return (
        f"本站数据库文件已损坏（{len(problems)} 处校验失败）。请不要删除数据文件夹，也不要继续使用该文件。"
        "可以从最近的自动备份恢复（损坏的文件会保留在原处），"
        "或运行“fuwutai doctor”查看恢复后会缺少哪些记录，再联系县级信息技术人员。"
    )


# ---------------------------------------------------------------------- page check


def _hmac_key(key_hex: str, salt: bytes) -> bytes:
    return hashlib.pbkdf2_hmac("sha512", bytes.fromhex(key_hex), bytes(b ^ 0x3A for b in salt), 2, 32)


# SQLite never writes the page holding the lock bytes at offset 1 GiB; it stays zeros.
LOCK_BYTE_PAGE = 0x40000000 // PAGE_SIZE + 1


def _page_ok(mac_key: bytes, pgno: int, page: bytes | memoryview) -> bool:
    if pgno == LOCK_BYTE_PAGE:
        return True
    if len(page) != PAGE_SIZE:
        return False
    body = bytes(page[SALT_SIZE if pgno == 1 else 0 : PAGE_SIZE - HMAC_SIZE])
    digest = hmac.digest(mac_key, body + struct.pack("<I", pgno), "sha512")
    return hmac.compare_digest(digest, bytes(page[PAGE_SIZE - HMAC_SIZE :]))


def bad_pages(db_path: Path, key_hex: str, *, sample: int | None = SAMPLE_PAGES, seed: int | None = None) -> list[int]:
    """Page numbers whose HMAC fails: every page (``sample=None``) or the first pages plus a random sample.

    A file whose size is not a whole number of pages has its torn last page reported too.
    """
    return _scan(db_path, key_hex, sample, seed)[1]


def _scan(db_path: Path, key_hex: str, sample: int | None, seed: int | None = None) -> tuple[int, list[int]]:
    size = db_path.stat().st_size
    count = size // PAGE_SIZE
    bad: list[int] = []
    checked = 0
    with db_path.open("rb") as handle:
        salt = handle.read(SALT_SIZE)
        if len(salt) < SALT_SIZE:
            return 1, [1]
        mac_key = _hmac_key(key_hex, salt)
        if sample is None or count <= sample:
            handle.seek(0)
            while chunk := handle.read(PAGE_SIZE * 256):
                view = memoryview(chunk)
                for offset in range(0, len(chunk) - PAGE_SIZE + 1, PAGE_SIZE):
                    checked += 1
                    if not _page_ok(mac_key, checked, view[offset : offset + PAGE_SIZE]):
                        bad.append(checked)
        else:
            head = list(range(1, min(HEAD_PAGES, count, sample) + 1))
            rest = random.Random(seed).sample(range(len(head) + 1, count + 1), sample - len(head))
            for pgno in sorted(head + rest):
                handle.seek((pgno - 1) * PAGE_SIZE)
                checked += 1
                if not _page_ok(mac_key, pgno, handle.read(PAGE_SIZE)):
                    bad.append(pgno)
    if size % PAGE_SIZE:
        checked += 1
        bad.append(count + 1)
    return checked, bad


def _still_bad(db_path: Path, key_hex: str, pages: list[int], tries: int = 3) -> list[int]:
    """Re-reads failing pages: another program's checkpoint may have been writing one as it was read."""
    count = db_path.stat().st_size // PAGE_SIZE
    for _ in range(tries):
        time.sleep(0.05)
        with db_path.open("rb") as handle:
            mac_key = _hmac_key(key_hex, handle.read(SALT_SIZE))
            still = []
            for pgno in pages:
                handle.seek((pgno - 1) * PAGE_SIZE)
                if pgno > count or not _page_ok(mac_key, pgno, handle.read(PAGE_SIZE)):
                    still.append(pgno)
        pages = still
        if not pages:
            break
    return pages


def _marker(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + IN_USE_SUFFIX)


def mark_in_use(db_path: Path) -> None:
    # Advisory only: a full disk must not stop the start; the next start then samples as usual.
    with contextlib.suppress(OSError):
        _marker(db_path).write_text(str(os.getpid()), encoding="ascii")


def mark_closed(db_path: Path) -> None:
    marker = _marker(db_path)
    try:
        if marker.read_text(encoding="ascii").strip() == str(os.getpid()):
            marker.unlink()
    except (OSError, ValueError):
        pass


def shut_down_cleanly(db_path: Path) -> bool:
    """False when a previous run (of another process) left its in-use marker: it crashed or was killed."""
    marker = _marker(db_path)
    try:
        return marker.read_text(encoding="ascii").strip() == str(os.getpid())
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False


def check_at_start(db_path: Path, key_hex: str) -> None:
    """The check of :func:`open_store`: raises StoreCorruptError on a damaged page, then marks the file in use."""
    sample: int | None = SAMPLE_PAGES
    if not shut_down_cleanly(db_path):
        sample = None if db_path.stat().st_size <= FULL_CHECK_MAX_BYTES else UNCLEAN_SAMPLE_PAGES
    checked, pages = _scan(db_path, key_hex, sample)
    if pages and len(pages) < checked:
        pages = _still_bad(db_path, key_hex, pages)
    if pages and (len(pages) == checked or (pages[0] == 1 and len(pages) > checked // 2)):
        # Every page fails: the wrong key or not a store at all, not damage; say which, as before.
        raise classify_open_error(db_path)
    if pages:
        problems = [f"数据页 {p} 校验失败" for p in pages]
        raise StoreCorruptError(corrupt_message(problems), problems)
    mark_in_use(db_path)


# ---------------------------------------------------------------------- assessment


@dataclass(frozen=True)
class LostChange:
    seq: int
    entity: str
    op: str
    at: datetime | None

    @property
    def entity_label(self) -> str:
        return ENTITY_LABELS.get(self.entity, self.entity)

    @property
    def op_label(self) -> str:
        return OP_LABELS.get(self.op, self.op)


@dataclass(frozen=True)
class SkippedBackup:
    backup: backups.BackupFile
    reason: str


@dataclass(frozen=True)
class DamageReport:
    db_path: Path
    damaged: bool
    problems: tuple[str, ...]
    backup: backups.BackupFile | None
    skipped: tuple[SkippedBackup, ...] = ()
    lost: tuple[LostChange, ...] = ()
    unreadable: int = 0  # outbox rows newer than the backup that could not be read (-1: unknown how many)
    outbox_read: bool = True
    notes: tuple[str, ...] = field(default=())

    def lost_by_entity(self) -> dict[str, int]:
        return dict(Counter(change.entity_label for change in self.lost).most_common())

    def summary(self) -> list[str]:
        """Chinese lines for the CLI and the dialog: no personal data, only entities, kinds and times."""
        lines: list[str] = []
        if self.damaged:
            more = "等" if len(self.problems) > 3 else ""
            lines.append(f"数据库文件已损坏：{'；'.join(self.problems[:3])}{more}。")
        else:
            lines.append("逐页校验没有发现损坏的数据页。")
        for skipped in self.skipped:
            lines.append(f"备份 {skipped.backup.path.name} 未通过校验，已跳过。")
        if self.backup is None:
            lines.append("没有可用的自动备份，无法恢复。请联系县级信息技术人员从省级平台恢复本站数据。")
            return lines
        taken = f"{_local(self.backup.taken_at):%Y-%m-%d %H:%M:%S}"
        lines.append(f"可恢复的最近备份：{taken}（本机时间），文件 {self.backup.path.name}。")
        if not self.outbox_read:
            lines.append("损坏文件中的待同步记录无法读取，无法列出该备份之后保存的记录；请向信息技术人员核对。")
        elif not self.lost and not self.unreadable:
            lines.append("该备份之后没有新保存的记录，恢复不会丢失数据。")
        else:
            lines.append(f"该备份之后保存的 {len(self.lost)} 项更改将不在恢复后的数据库中：")
            lines += [f"  {label}：{count} 项" for label, count in self.lost_by_entity().items()]
            if self.lost:
                first = min((c.at for c in self.lost if c.at), default=None)
                last = max((c.at for c in self.lost if c.at), default=None)
                if first and last:
                    lines.append(f"  时间：{_local(first):%Y-%m-%d %H:%M} 至 {_local(last):%Y-%m-%d %H:%M}（本机时间）")
            if self.unreadable:
                count = "若干" if self.unreadable < 0 else str(self.unreadable)
                lines.append(f"  另有 {count} 项更改位于损坏的数据页中，无法读取。")
            lines.append("其中已同步到省级平台的更改仍保存在平台上，可请信息技术人员下达重新同步取回。")
        lines += list(self.notes)
        return lines


def _local(moment: datetime) -> datetime:
    """Stored times are naive UTC; the clerk reads the workstation's local time."""
    return moment.replace(tzinfo=UTC).astimezone()


def _connect_ro(path: Path, key_hex: str) -> Any:
    conn = sqlcipher.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    return conn


def _connect_damaged(path: Path, key_hex: str) -> Any:
    # Not read-only: a WAL left by a crash must be readable too; nothing is written by these SELECTs.
    conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key_hex}'\"")
    conn.execute("PRAGMA query_only = 1")
    return conn


def latest_good_backup(data_dir: DataDir, key_hex: str) -> tuple[backups.BackupFile | None, list[SkippedBackup]]:
    skipped: list[SkippedBackup] = []
    for candidate in backups.list_backups(data_dir.backups):
        try:
            backups.verify_backup(candidate.path, key_hex)
        except BackupError as exc:
            skipped.append(SkippedBackup(candidate, str(exc)))
            continue
        return candidate, skipped
    return None, skipped


def _backup_last_seq(path: Path, key_hex: str) -> int | None:
    conn = _connect_ro(path, key_hex)
    try:
        row = conn.execute("SELECT max(seq) FROM outbox").fetchone()
        return int(row[0]) if row and row[0] is not None else 0
    except sqlcipher.DatabaseError:
        return None
    finally:
        conn.close()


def _parse_time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value is not None else None
    except ValueError:
        return None


def _read_outbox_after(conn: Any, after_seq: int | None, after_time: datetime | None) -> tuple[list[LostChange], int]:
    """Outbox rows newer than the backup, read forwards, backwards and one by one around damaged pages."""
    found: dict[int, LostChange] = {}
    where = "seq > ?" if after_seq is not None else "created_at > ?"
    arg: Any = after_seq if after_seq is not None else (after_time.isoformat(sep=" ") if after_time else "")
    columns = "SELECT seq, entity, op, created_at FROM outbox WHERE "

    def keep(row: Any) -> None:
        found[int(row[0])] = LostChange(int(row[0]), str(row[1]), str(row[2]), _parse_time(row[3]))

    complete = True
    try:
        for row in conn.execute(columns + where + " ORDER BY seq", (arg,)):
            keep(row)
    except sqlcipher.DatabaseError:
        complete = False
    if complete:
        return sorted(found.values(), key=lambda c: c.seq), 0
    low = max(found) if found else (after_seq or 0)
    high: int | None = None
    try:
        for row in conn.execute(columns + where + " AND seq > ? ORDER BY seq DESC", (arg, low)):
            keep(row)
            high = int(row[0])
    except sqlcipher.DatabaseError:
        pass
    if high is None:
        return sorted(found.values(), key=lambda c: c.seq), -1
    unreadable = 0
    if high - low <= GAP_PROBE_LIMIT:
        for seq in range(low + 1, high):
            try:
                row = conn.execute(columns + where + " AND seq = ?", (arg, seq)).fetchone()
            except sqlcipher.DatabaseError:
                unreadable += 1
                continue
            if row is not None:
                keep(row)
    else:
        unreadable = -1
    return sorted(found.values(), key=lambda c: c.seq), unreadable


def _structural_problems(db_path: Path, key_hex: str) -> list[str]:
    try:
        conn = _connect_damaged(db_path, key_hex)
    except sqlcipher.DatabaseError as exc:
        return [f"无法打开：{exc}"]
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
        return [] if rows == ["ok"] else rows[:5]
    except sqlcipher.DatabaseError as exc:
        return [f"结构检查失败：{exc}"]
    finally:
        conn.close()


def assess_damage(data_dir: DataDir, key_hex: str | None = None) -> DamageReport:
    """What is damaged, the newest backup that passes verification, and what restoring it would lose."""
    from app.store import keys

    if key_hex is None:
        key_hex = keys.load_key(keys.StoreInfo.read(data_dir.store_info).store_id)
    db = data_dir.db
    checked, pages = _scan(db, key_hex, None) if db.exists() else (1, [1])
    problems = [f"数据页 {p} 校验失败" for p in pages]
    if not problems and db.exists():
        problems = _structural_problems(db, key_hex)
    backup, skipped = latest_good_backup(data_dir, key_hex)
    if pages and len(pages) == checked:
        # Every page fails: a damaged file header (page 1's salt) or the wrong key. A backup that opens
        # with this key shows the key is right.
        problems = [
            f"全部 {checked} 个数据页校验失败："
            + ("文件头已损坏" if backup is not None else "文件头已损坏，或密钥与本文件不匹配")
        ]
    if backup is None or not db.exists():
        return DamageReport(db, bool(problems), tuple(problems), backup, tuple(skipped), outbox_read=False)
    last_seq = _backup_last_seq(backup.path, key_hex)
    try:
        conn = _connect_damaged(db, key_hex)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            lost, unreadable = _read_outbox_after(conn, last_seq, backup.taken_at)
        finally:
            conn.close()
    except sqlcipher.DatabaseError:
        return DamageReport(db, bool(problems), tuple(problems), backup, tuple(skipped), outbox_read=False)
    return DamageReport(db, bool(problems), tuple(problems), backup, tuple(skipped), tuple(lost), unreadable)


@dataclass(frozen=True)
class Restored:
    backup: backups.BackupFile
    kept: Path


def restore_latest(data_dir: DataDir, report: DamageReport | None = None, key_hex: str | None = None) -> Restored:
    """Put the newest good backup in place of the damaged store; the damaged file is kept beside it."""
    from app.store import keys

    if key_hex is None:
        key_hex = keys.load_key(keys.StoreInfo.read(data_dir.store_info).store_id)
    chosen = report.backup if report is not None else latest_good_backup(data_dir, key_hex)[0]
    if chosen is None:
        raise BackupError("没有通过校验的自动备份，无法恢复。请联系县级信息技术人员从省级平台恢复本站数据。")
    kept = backups.restore_file(chosen.path, data_dir.db, key_hex, kept_as="damaged")
    marker = _marker(data_dir.db)
    if marker.exists():
        os.replace(marker, kept.with_name(kept.name + IN_USE_SUFFIX))
    return Restored(chosen, kept)
