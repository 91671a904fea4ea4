"""``fuwutai doctor``: the checks IT staff run on a workstation, each with a plain verdict."""

from __future__ import annotations

import json
import platform
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import keyring
from sqlalchemy import func, select

from app import audit
from app.clock import utcnow
from app.logsetup import redact
from app.store import DataDir, migrate, open_store
from app.store.backup import list_backups
from app.store.errors import BackupError, StoreError, WrongKeyOrCorruptError
from app.store.models import OutboxEntry, Setting
from app.store.recovery import StoreCorruptError, assess_damage

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
        if isinstance(exc, StoreCorruptError | WrongKeyOrCorruptError):
            checks += damage_checks(data_dir)
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
        if problems:
            checks += damage_checks(data_dir)
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


def damage_checks(data_dir: DataDir) -> list[Check]:
    """A damaged store: the backup a restore would use and what it would lose (entities and counts only)."""
    try:
        report = assess_damage(data_dir)
    except StoreError as exc:
        return [Check("恢复评估", "fail", str(exc))]
    status: Status = "warn" if report.backup is not None else "fail"
    message = "\n  ".join(report.summary())
    if report.backup is not None:
        message += "\n  确认后可运行“fuwutai restore”恢复（会先列出将丢失的记录，损坏的文件保留在原处）。"
    return [Check("恢复评估", status, message)]


# ---------------------------------------------------------------------- diagnostic bundle

BUNDLE_SETTINGS = (
    "sync.server_url",
    "sync.ca_bundle",
    "sync.proxy",
    "sync.station_code",
    "sync.enrolled_at",
    "sync.last_attempt",
    "sync.last_success",
    "sync.last_error",
)
_SECRET_WORDS = ("password", "secret", "token", "key", "credential")
_VERSIONED = (
    "PySide6-Essentials",
    "shiboken6",
    "SQLAlchemy",
    "alembic",
    "sqlcipher3",
    "keyring",
    "requests",
    "pydantic",
    "pypinyin",
    "openpyxl",
    "pyscard",
    "platformdirs",
)


def _without_secrets(value: Any) -> Any:
    """Secrets out: user:password@ in URLs, and any entry whose name says it is a secret."""
    if isinstance(value, dict):
        return {
            k: "[已移除 removed]" if any(w in str(k).lower() for w in _SECRET_WORDS) else _without_secrets(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_without_secrets(v) for v in value]
    if isinstance(value, str):
        return redact(re.sub(r"(?<=://)[^/@\s]+@", "***@", value))
    return value


def _versions() -> dict[str, Any]:
    from importlib import metadata

    from app.config.version import build_info

    info = build_info()
    packages: dict[str, str] = {}
    for name in _VERSIONED:
        try:
            packages[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            packages[name] = "—"
    return {
        "fuwutai": info.version,
        "commit": info.commit,
        "built_at": info.built_at,
        "frozen": info.frozen,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "machine": platform.machine(),
        "schema_head": migrate.head_revision(),
        "packages": packages,
    }


def _configuration(data_dir: DataDir) -> dict[str, Any]:
    from app.config.preset import PresetConfigError, load_preset
    from app.settings import get_settings

    config: dict[str, Any] = {"data_dir": str(data_dir.root), "keyring": _keyring_check().message}
    try:
        config["preset"] = load_preset().describe()
    except PresetConfigError as exc:
        config["preset"] = {"error": str(exc)}
    try:
        store = open_store(data_dir, auto_backup=False)
    except StoreError as exc:
        config["store"] = {"error": str(exc)}
        return config
    try:
        with store.session() as session:
            config["settings"] = get_settings(session)
            config["sync"] = {
                row.key: row.value for row in session.scalars(select(Setting).where(Setting.key.in_(BUNDLE_SETTINGS)))
            }
        config["store"] = {"schema": migrate.current_revision(store.engine)}
    finally:
        store.close()
    return config


def _folder_listing(data_dir: DataDir) -> list[dict[str, Any]]:
    """Sizes of what is in the data folder (files by kind, never their contents; attachment names are hashes)."""
    sizes: dict[str, int] = {}
    counts: dict[str, int] = {}
    if data_dir.root.is_dir():
        for path in sorted(data_dir.root.rglob("*")):
            if path.is_file():
                rel = path.relative_to(data_dir.root)
                if rel.parts[0] in {"attachments", "exports"}:  # export file names may carry what was exported
                    rel = Path(rel.parts[0]) / "…"
                sizes[str(rel)] = sizes.get(str(rel), 0) + path.stat().st_size
                counts[str(rel)] = counts.get(str(rel), 0) + 1
    return [{"path": p, "files": counts[p], "bytes": sizes[p]} for p in sizes]


def write_bundle(data_dir: DataDir, target: Path, checks: list[Check] | None = None) -> Path:
    """``fuwutai doctor --bundle FILE.zip``: versions, configuration (no secrets), check results and logs
    (ID numbers, phones and SQL parameters removed); never the database, attachments or exports."""
    if checks is None:
        checks = run_checks(data_dir)
    target = target.expanduser().resolve()
    if not target.parent.is_dir():
        raise StoreError(f"无法生成诊断包：文件夹 {target.parent} 不存在，请换一个保存位置。")
    manifest = {
        "created_at": utcnow().isoformat(),
        "versions": _versions(),
        "contents": "versions, configuration (secrets removed), doctor checks, logs (personal data removed), "
        "data folder sizes; no database, attachments, exports or keys",
    }
    checks_json = [{"check": c.name, "status": c.status, "message": redact(c.message)} for c in checks]
    configuration = _without_secrets(_configuration(data_dir))
    tmp = target.with_suffix(target.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as bundle:

        def put(name: str, data: Any) -> None:
            bundle.writestr(name, json.dumps(data, ensure_ascii=False, indent=2, default=str))

        put("manifest.json", manifest)
        put("checks.json", checks_json)
        put("configuration.json", configuration)
        put("data-folder.json", _folder_listing(data_dir))
        if data_dir.logs.is_dir():
            for log in sorted(data_dir.logs.glob("*.log*")):
                text = log.read_text(encoding="utf-8", errors="replace")
                bundle.writestr(f"logs/{log.name}", redact(text))
    tmp.replace(target)
    return target
