"""Workstation settings, declared once with types, defaults and Chinese labels; kept in the store.

Values live in the ``setting`` table under ``cfg:<key>``; unknown or malformed stored values fall back
to the default rather than breaking start-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app import audit
from app.errors import UserError
from app.store.models import Setting


@dataclass(frozen=True)
class SettingSpec:
    key: str
    label: str
    default: Any
    kind: type
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    pattern: str | None = None


# Keys every role may set from the settings page (the rest are the station administrator's).
PERSONAL_KEYS = frozenset({"idle_lock_minutes", "font_scale"})

SPECS: dict[str, SettingSpec] = {
    s.key: s
    for s in (
        SettingSpec("idle_lock_minutes", "无操作自动锁定（分钟）", 10, int, minimum=1, maximum=120),
        SettingSpec("font_scale", "字号", "normal", str, choices=("normal", "large", "larger")),
        SettingSpec("server_url", "省级平台地址", "", str, pattern=r"^(https?://[^\s]+)?$"),
        SettingSpec("proxy", "代理服务器", "", str, pattern=r"^((https?|socks5)://[^\s]+)?$"),
        SettingSpec("ca_bundle", "CA 证书文件", "", str),
        SettingSpec("card_backend", "读卡器类型", "simulator", str, choices=("simulator", "vendor", "pcsc", "idcard")),
        SettingSpec("card_library", "读卡器动态库路径", "", str),
    )
}


def _key(name: str) -> str:
    return f"cfg:{name}"


def get_settings(session: Session) -> dict[str, Any]:
    values = {key: spec.default for key, spec in SPECS.items()}
    for key, spec in SPECS.items():
        row = session.get(Setting, _key(key))
        if row is None:
            continue
        try:
            values[key] = _parse(spec, row.value)
        except UserError:
            continue
    return values


def _parse(spec: SettingSpec, raw: Any) -> Any:
    text = str(raw).strip()
    if spec.kind is int:
        try:
            value: Any = int(text)
        except ValueError as exc:
            raise UserError(f"{spec.label}：应填写整数。") from exc
        if (spec.minimum is not None and value < spec.minimum) or (spec.maximum is not None and value > spec.maximum):
            raise UserError(f"{spec.label}：应在 {spec.minimum:g} 到 {spec.maximum:g} 之间。")
        return value
    if spec.choices and text not in spec.choices:
        raise UserError(f"{spec.label}：只能是 {'、'.join(spec.choices)} 之一。")
    if spec.pattern and not re.match(spec.pattern, text):
        raise UserError(f"{spec.label}：格式不正确，请填写完整地址，如 https://platform.example:8443。")
    return text


def set_settings(session: Session, actor_id: str | None, changes: dict[str, Any]) -> dict[str, Any]:
    """Validate every change first (nothing is saved if one is bad), then store them.

    The workstation's own comfort (idle lock, font size) is anyone's; the rest needs ``settings.manage``."""
    if set(changes) - PERSONAL_KEYS:
        from app.auth.accounts import require_actor

        require_actor(session, actor_id, "settings.manage")
    parsed: dict[str, Any] = {}
    for key, raw in changes.items():
        spec = SPECS.get(key)
        if spec is None:
            raise UserError(f"未知的设置项“{key}”。")
        parsed[key] = _parse(spec, raw)
    for key, value in parsed.items():
        row = session.get(Setting, _key(key))
        if row is None:
            session.add(Setting(key=_key(key), value=str(value)))
        else:
            row.value = str(value)
    if parsed:
        audit.record(session, actor_id, "settings.edit", "settings", None, {"keys": sorted(parsed)})
    return get_settings(session) | parsed
