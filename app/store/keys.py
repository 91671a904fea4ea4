"""The store's encryption key: a random 256-bit raw key kept in the OS keyring.

The keyring entry is named after the store's id (``store.json`` beside the database), so two data
folders on one machine never share a key. There is deliberately no plaintext fallback: when no secure
keyring exists the user is told so and what to do.
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

import keyring
import keyring.errors

from app.store.errors import KeyMissingError, KeyringUnavailableError, StoreError

SERVICE = "fuwutai-store"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class StoreInfo:
    store_id: str
    format: int = 1

    @classmethod
    def read(cls, path: Path) -> StoreInfo:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(store_id=str(data["store_id"]), format=int(data.get("format", 1)))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StoreError(
                f"数据文件夹中的 {path.name} 已损坏或无法读取，无法确定数据库的密钥。"
                "请联系县级信息技术人员，从最近的备份或省级平台恢复。"
            ) from exc

    def write(self, path: Path) -> None:
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"store_id": self.store_id, "format": self.format}), encoding="utf-8")
        tmp.replace(path)


def _keyring_call_failed(exc: Exception) -> KeyringUnavailableError:
    return KeyringUnavailableError(
        "本机没有可用的安全密钥库（系统钥匙串），无法保护数据库的加密密钥。"
        "请在图形桌面会话中运行本程序（Windows 凭据管理器或 Linux 桌面的密钥环），"
        f"或请信息技术人员配置密钥库后重试。（{type(exc).__name__}）"
    )


def create_key(store_id: str) -> str:
    key = secrets.token_hex(32)
    try:
        keyring.set_password(SERVICE, store_id, key)
        stored = keyring.get_password(SERVICE, store_id)
    except keyring.errors.KeyringError as exc:
        raise _keyring_call_failed(exc) from exc
    if stored != key:
        raise KeyringUnavailableError("密钥库没有正确保存数据库密钥，请检查系统密钥库后重试。")
    return key


def load_key(store_id: str) -> str:
    try:
        key = keyring.get_password(SERVICE, store_id)
    except keyring.errors.KeyringError as exc:
        raise _keyring_call_failed(exc) from exc
    if key is None:
        raise KeyMissingError(
            "在本机密钥库中找不到此数据库的加密密钥，数据库无法打开。"
            "可能是系统账户或密钥库被重置。请勿删除数据文件夹，联系县级信息技术人员："
            "可从省级平台重新下载本站数据（见《部署与恢复说明》）。"
        )
    if not _HEX64.match(key):
        raise KeyMissingError("密钥库中保存的数据库密钥格式不正确，请联系县级信息技术人员。")
    return key


def delete_key(store_id: str) -> None:
    try:
        keyring.delete_password(SERVICE, store_id)
    except keyring.errors.PasswordDeleteError:
        return
    except keyring.errors.KeyringError as exc:
        raise _keyring_call_failed(exc) from exc
