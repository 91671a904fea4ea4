"""Preset configuration ``fuwutai.toml``: what IT staff decide for every counter PC of a deployment.

Looked for, first found wins: the file named by ``FUWUTAI_CONFIG``; ``fuwutai.toml`` beside the program
(the installed bundle's folder); the machine-wide folder (``/etc/fuwutai/`` on Linux,
``%ProgramData%\\Fuwutai\\`` on Windows). Every key is optional::

    server_url = "https://platform.example.gov.cn:8443"   # locked: users cannot change it
    ca_bundle = "/etc/fuwutai/platform-ca.pem"              # locked; the file must exist
    proxy = "http://proxy.example:3128"
    card_backend = "vendor"                                  # simulator | vendor | pcsc | idcard
    card_library = "/opt/vendor/libcardreader.so"            # the file must exist
    card_helper = true                                       # 32-bit vendor DLL on 64-bit Windows
    card_itype = 3                                           # also card_convention, card_step1_itype,
                                                             # card_reader_name, card_idcard_family/_port
    station_code = "520102001"                               # locked; must match the store's station
    idle_lock_minutes = 10                                   # 1–120
    locked = ["proxy", "card_backend"]                      # further keys users may not change

A preset value is the default; a user's own setting (设置 page) overrides it unless the key is locked.
The file is validated as a whole at start; every problem is reported in one Chinese message.
"""

from __future__ import annotations

import os
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.cards.idcard import FAMILIES
from app.cards.vendor import CONVENTIONS
from app.errors import UserError

FILENAME = "fuwutai.toml"
ENV_VAR = "FUWUTAI_CONFIG"


@dataclass(frozen=True)
class PresetKey:
    key: str
    label: str
    kind: type
    always_locked: bool = False
    must_exist: bool = False  # a file path that has to exist on this machine
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    pattern: str | None = None
    hint: str = ""


KEYS: dict[str, PresetKey] = {
    k.key: k
    for k in (
        PresetKey(
            "server_url",
            "省级平台地址",
            str,
            always_locked=True,
            pattern=r"^https?://[^\s/]+(:\d+)?(/[^\s]*)?$",
            hint="如 https://platform.example.gov.cn:8443",
        ),
        PresetKey("ca_bundle", "CA 证书文件", str, always_locked=True, must_exist=True),
        PresetKey(
            "proxy", "代理服务器", str, pattern=r"^(https?|socks5)://[^\s]+$", hint="如 http://proxy.example:3128"
        ),
        PresetKey("card_backend", "读卡器类型", str, choices=("simulator", "vendor", "pcsc", "idcard")),
        PresetKey("card_library", "读卡器动态库路径", str, must_exist=True),
        PresetKey("card_itype", "读卡方式（1 接触 2 非接 3/4 自动）", int, minimum=1, maximum=4),
        PresetKey("card_convention", "驱动调用约定", str, choices=CONVENTIONS),
        PresetKey("card_helper", "通过 32 位辅助程序加载驱动", bool),
        PresetKey("card_step1_itype", "联网认证第一步带读卡方式参数", bool),
        PresetKey("card_reader_name", "智能卡读卡器名称", str),
        PresetKey("card_idcard_family", "身份证阅读器接口", str, choices=FAMILIES),
        PresetKey("card_idcard_port", "身份证阅读器端口（0 为自动查找）", int, minimum=0, maximum=9999),
        PresetKey(
            "station_code", "站点代码", str, always_locked=True, pattern=r"^\d{9}(\d{3})?$", hint="9 或 12 位区划代码"
        ),
        PresetKey("idle_lock_minutes", "无操作自动锁定（分钟）", int, minimum=1, maximum=120),
    )
}
# Keys that are also user settings (app.settings); station_code is checked against the store instead.
SETTING_KEYS = (
    "server_url",
    "ca_bundle",
    "proxy",
    "card_backend",
    "card_library",
    "card_itype",
    "card_convention",
    "card_helper",
    "card_step1_itype",
    "card_reader_name",
    "card_idcard_family",
    "card_idcard_port",
    "idle_lock_minutes",
)


class PresetConfigError(UserError):
    """The preset file exists but is not valid: the program does not start until IT fixes it."""


@dataclass(frozen=True)
class Preset:
    values: dict[str, Any] = field(default_factory=dict)
    locked: frozenset[str] = frozenset()
    source: Path | None = None

    def is_locked(self, key: str) -> bool:
        return key in self.values and key in self.locked

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def describe(self) -> dict[str, Any]:
        """For diagnostics: where it came from, the values and which are locked (no secrets live here)."""
        return {
            "source": str(self.source) if self.source else None,
            "values": dict(self.values),
            "locked": sorted(self.locked & set(self.values)),
        }


def machine_config_dir() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "Fuwutai"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/Fuwutai")
    return Path("/etc/fuwutai")


def program_dir() -> Path | None:
    """The installed program's folder (a PyInstaller bundle); None when running from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return None


def candidate_paths() -> list[Path]:
    explicit = os.environ.get(ENV_VAR, "").strip()
    if explicit:
        return [Path(explicit).expanduser()]
    paths = []
    beside = program_dir()
    if beside is not None:
        paths.append(beside / FILENAME)
    paths.append(machine_config_dir() / FILENAME)
    return paths


def find_preset() -> Path | None:
    explicit = os.environ.get(ENV_VAR, "").strip()
    for path in candidate_paths():
        if path.is_file():
            return path
    if explicit:
        raise PresetConfigError(
            f"环境变量 {ENV_VAR} 指定的预置配置文件 {explicit} 不存在。请检查路径，或取消该环境变量。"
        )
    return None


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "真假值"
    if isinstance(value, int):
        return "整数"
    if isinstance(value, float):
        return "小数"
    if isinstance(value, str):
        return "文字"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "表（[节]）"
    return type(value).__name__


def _check(spec: PresetKey, value: Any, base: Path) -> tuple[Any, str | None]:
    expected = {int: "整数", bool: "真假值（true 或 false，不加引号）"}.get(spec.kind, "文字（用英文双引号括起来）")
    if spec.kind is bool and not isinstance(value, bool):
        return None, f"“{spec.key}”（{spec.label}）应为{expected}，现在是{_type_name(value)}。"
    if spec.kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        return None, f"“{spec.key}”（{spec.label}）应为{expected}，现在是{_type_name(value)}。"
    if spec.kind is str and not isinstance(value, str):
        return None, f"“{spec.key}”（{spec.label}）应为{expected}，现在是{_type_name(value)}。"
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None, f"“{spec.key}”（{spec.label}）是空的：请填写，或删除这一行。"
    if spec.minimum is not None and spec.maximum is not None and not spec.minimum <= value <= spec.maximum:
        return None, f"“{spec.key}”（{spec.label}）应在 {spec.minimum} 到 {spec.maximum} 之间，现在是 {value}。"
    if spec.choices and value not in spec.choices:
        return None, f"“{spec.key}”（{spec.label}）只能是 {'、'.join(spec.choices)} 之一，现在是“{value}”。"
    if spec.pattern and not re.match(spec.pattern, str(value)):
        hint = f"（{spec.hint}）" if spec.hint else ""
        return None, f"“{spec.key}”（{spec.label}）格式不正确{hint}，现在是“{value}”。"
    if spec.must_exist:
        path = Path(value).expanduser()
        if not path.is_absolute():
            path = base / path
        if not path.is_file():
            return None, f"“{spec.key}”（{spec.label}）指向的文件 {path} 不存在：请把文件放到该位置，或改正路径。"
        value = str(path)
    return value, None


def parse_preset(text: str, source: Path) -> Preset:
    """Validate the whole file; raise one PresetConfigError listing every problem."""
    where = f"预置配置文件 {source}"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PresetConfigError(
            f"{where} 格式有误，无法读取（{exc}）。请按《部署说明》中的示例改正；文字要用英文双引号括起来。"
        ) from exc
    problems: list[str] = []
    values: dict[str, Any] = {}
    locked: set[str] = set()
    for key, raw in data.items():
        if key == "locked":
            if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
                problems.append('“locked”应为设置项名称的列表，如 locked = ["proxy", "card_backend"]。')
                continue
            for item in raw:
                if item not in KEYS:
                    problems.append(f"“locked”中有未知的设置项“{item}”。")
                else:
                    locked.add(item)
            continue
        spec = KEYS.get(key)
        if spec is None:
            known = "、".join([*KEYS, "locked"])
            problems.append(f"未知的设置项“{key}”（可能拼写有误）。可用的设置项：{known}。")
            continue
        value, problem = _check(spec, raw, source.parent)
        if problem:
            problems.append(problem)
        else:
            values[key] = value
    if problems:
        lines = "\n".join(f"{n}. {p}" for n, p in enumerate(problems, 1))
        raise PresetConfigError(
            f"{where} 有 {len(problems)} 处问题，程序未启动：\n{lines}\n请信息技术人员改正后再启动。"
        )
    locked |= {k for k, spec in KEYS.items() if spec.always_locked}
    return Preset(values, frozenset(locked), source)


def load_preset(path: Path | None = None) -> Preset:
    """The preset in force on this machine (an empty Preset when there is none)."""
    source = path if path is not None else find_preset()
    if source is None:
        return Preset()
    try:
        text = source.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PresetConfigError(
            f"无法读取预置配置文件 {source}（{type(exc).__name__}）。请确认文件存在、可读，并以 UTF-8 编码保存。"
        ) from exc
    return parse_preset(text, source)


def apply_preset(stored: dict[str, Any], user_set: set[str], preset: Preset) -> dict[str, Any]:
    """Effective settings: the user's value where they set one and the key is not locked, else the preset's."""
    result = dict(stored)
    for key in SETTING_KEYS:
        if key not in preset.values:
            continue
        if preset.is_locked(key) or key not in user_set:
            result[key] = preset.values[key]
    result["locked_settings"] = sorted(k for k in SETTING_KEYS if preset.is_locked(k))
    return result


def check_station(preset: Preset, station_code: str | None) -> None:
    wanted = preset.get("station_code")
    if wanted and station_code and wanted != station_code:
        raise PresetConfigError(
            f"预置配置文件 {preset.source} 规定本机属于站点 {wanted}，但本机数据库属于站点 {station_code}。"
            "请确认数据文件夹是否选对，或请信息技术人员改正预置配置中的 station_code。"
        )


def refuse_locked(preset: Preset, changes: dict[str, Any]) -> None:
    """For the settings page: a locked key cannot be changed by a user."""
    blocked = sorted(k for k in changes if preset.is_locked(k) and changes[k] != preset.values[k])
    if blocked:
        labels = "、".join(KEYS[k].label for k in blocked)
        raise PresetConfigError(f"{labels}由信息技术人员统一设置（{preset.source}），不能在本机修改。")


def effective_settings(session: Any, preset: Preset) -> dict[str, Any]:
    """``app.settings.get_settings`` with the preset applied (a user's stored value wins unless locked)."""
    from app.settings import get_settings
    from app.store.models import Setting

    stored = get_settings(session)
    user_set = {key for key in SETTING_KEYS if session.get(Setting, f"cfg:{key}") is not None}
    return apply_preset(stored, user_set, preset)


_current: Preset | None = None


def current_preset() -> Preset:
    """The preset loaded once per process (validated at start by the program)."""
    global _current  # noqa: PLW0603  (one preset per process, like the environment it comes from)
    if _current is None:
        _current = load_preset()
    return _current


def reset_current_preset() -> None:
    global _current  # noqa: PLW0603
    _current = None
