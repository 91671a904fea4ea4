"""Workstation settings, declared once with types, defaults and Chinese labels; kept in the store.

Values live in the ``setting`` table under ``cfg:<key>``; unknown or malformed stored values fall back
to the default rather than breaking start-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app import audit
from app.cards.idcard import FAMILIES
from app.cards.simulator import SCENARIOS
from app.cards.vendor import CONVENTIONS
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
        # A new station reads real cards; only the demo (and training set up on purpose) simulates them.
        SettingSpec("card_backend", "读卡器类型", "pcsc", str, choices=("simulator", "vendor", "pcsc", "idcard")),
        SettingSpec("card_library", "读卡器动态库路径", "", str),
        # How the chosen reader is driven (app.cards.settings.ReaderSettings.from_settings reads these).
        SettingSpec("card_itype", "读卡方式（接触/非接）", 3, int, minimum=1, maximum=4),
        SettingSpec("card_convention", "驱动调用约定", "auto", str, choices=CONVENTIONS),
        SettingSpec("card_helper", "通过 32 位辅助程序加载驱动", False, bool),
        SettingSpec("card_step1_itype", "联网认证第一步带读卡方式参数", True, bool),
        SettingSpec("card_reader_name", "智能卡读卡器名称", "", str),
        SettingSpec("card_idcard_family", "身份证阅读器接口", "auto", str, choices=FAMILIES),
        SettingSpec("card_idcard_port", "身份证阅读器端口（0 为自动查找）", 0, int, minimum=0, maximum=9999),
        SettingSpec("card_scenario", "模拟读卡的情形", "card20", str, choices=tuple(SCENARIOS)),
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


_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


def _parse(spec: SettingSpec, raw: Any) -> Any:
    text = str(raw).strip()
    if spec.kind is bool:
        if text.lower() in _TRUE:
            return True
        if text.lower() in _FALSE:
            return False
        raise UserError(f"{spec.label}：只能是“是”或“否”。")
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


def _check_reader(session: Session, parsed: dict[str, Any]) -> None:
    """A driver-based reader needs its driver file, and a newly entered one must be there."""
    if not {"card_backend", "card_library"} & parsed.keys():
        return
    current = get_settings(session)
    backend = parsed.get("card_backend", current["card_backend"])
    library = parsed.get("card_library", current["card_library"])
    if backend in ("vendor", "idcard") and not library:
        raise UserError(
            "读卡器驱动文件：使用厂商社保卡读卡器或二代身份证阅读器时，请填写驱动文件的完整路径（可点“选择…”）。"
        )
    if library and library != current["card_library"] and not Path(library).is_file():
        raise UserError(f"读卡器驱动文件：找不到“{library}”。请确认路径，或点“选择…”重新选择。")


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
    _check_reader(session, parsed)
    for key, value in parsed.items():
        row = session.get(Setting, _key(key))
        if row is None:
            session.add(Setting(key=_key(key), value=str(value)))
        else:
            row.value = str(value)
    if parsed:
        audit.record(session, actor_id, "settings.edit", "settings", None, {"keys": sorted(parsed)})
    return get_settings(session) | parsed
