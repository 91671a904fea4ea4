"""``fuwutai doctor``: the checks IT staff run on a workstation, each with a plain verdict."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from typing import Literal

import keyring
from sqlalchemy import func, select

from app import audit
from app.clock import utcnow
from app.store import DataDir, migrate, open_store
from app.store.backup import list_backups
from app.store.errors import BackupError, StoreError
from app.store.models import OutboxEntry

LOW_DISK_BYTES = 1_000_000_000
Status = Literal["ok", "warn", "fail"]


@dataclass(frozen=True)
class Check:
    name: str
    status: Status
    message: str


def _keyring_check() -> Check:
    backend = keyring.get_keyring()
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if "fail" in name.lower():
        return Check(
            "密钥库", "fail", "本机没有可用的安全密钥库，数据库密钥无法保存。请在桌面会话中运行或配置系统密钥库。"
        )
    if "plaintext" in name.lower():
        return Check("密钥库", "warn", f"使用的是明文文件密钥库（{name}），仅适用于测试环境。")
    return Check("密钥库", "ok", name)


def run_checks(data_dir: DataDir, *, repair: bool = False) -> list[Check]:
    checks = [_keyring_check()]
    usage = shutil.disk_usage(data_dir.root if data_dir.root.exists() else data_dir.root.parent)
    free_gb = usage.free / 1e9
    checks.append(
        Check(
            "磁盘空间",
            "ok" if usage.free >= LOW_DISK_BYTES else "warn",
            f"剩余 {free_gb:.1f} GB" + ("" if usage.free >= LOW_DISK_BYTES else "，请尽快清理磁盘。"),
        )
    )
    try:
        store = open_store(data_dir, auto_backup=False)
    except StoreError as exc:
        checks.append(Check("数据库", "fail", str(exc)))
        return checks
    try:
        current = migrate.current_revision(store.engine)
        checks.append(
            Check(
                "数据库版本",
                "ok" if current == migrate.head_revision() else "fail",
                f"当前 {current}，程序要求 {migrate.head_revision()}",
            )
        )
        problems = store.integrity_check()
        checks.append(
            Check(
                "数据库完整性",
                "ok" if not problems else "fail",
                "完整性检查通过" if not problems else "；".join(problems[:5]),
            )
        )
        with store.session() as session:
            chain = audit.verify(session)
            pending = (
                session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "pending")) or 0
            )
            rejected = (
                session.scalar(select(func.count()).select_from(OutboxEntry).where(OutboxEntry.state == "rejected"))
                or 0
            )
            from app.search import index_problems, rebuild_index

            index = index_problems(session)
            if index and repair:
                rebuild_index(session)
                session.flush()
                index = [f"已重建（原问题：{'；'.join(index)}）"] if not index_problems(session) else index
        checks.append(
            Check("审计记录", "ok" if not chain else "fail", "审计链完整" if not chain else "；".join(chain[:5]))
        )
        checks.append(
            Check(
                "查询索引",
                "ok" if not index or index[0].startswith("已重建") else "warn",
                "查询索引与人员表一致"
                if not index
                else "；".join(index) + ("" if repair else "。可运行“fuwutai doctor --repair”重建。"),
            )
        )
        checks.append(
            Check("待同步", "ok" if not rejected else "warn", f"待上传 {pending} 条，被平台退回待处理 {rejected} 条")
        )
        backups = list_backups(data_dir.backups)
        if not backups:
            checks.append(Check("备份", "warn", "还没有任何备份，请运行“fuwutai backup”。"))
        else:
            newest = backups[0]
            age_h = (utcnow() - newest.taken_at).total_seconds() / 3600
            try:
                store.verify_backup(newest.path)
                status: Status = "ok" if age_h < 48 else "warn"
                checks.append(Check("备份", status, f"最近备份 {newest.path.name}（{age_h:.0f} 小时前），校验通过"))
            except BackupError as exc:
                checks.append(Check("备份", "fail", str(exc)))
    finally:
        store.close()
    return checks
