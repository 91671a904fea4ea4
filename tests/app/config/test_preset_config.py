"""Preset configuration fuwutai.toml: where it is found, validation messages, locked keys, overlay."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import preset as preset_mod
from app.config.preset import (
    PresetConfigError,
    apply_preset,
    check_station,
    effective_settings,
    load_preset,
    parse_preset,
    refuse_locked,
)


@pytest.fixture(autouse=True)
def _no_machine_preset(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(preset_mod, "machine_config_dir", lambda: tmp_path / "etc-fuwutai")
    monkeypatch.delenv(preset_mod.ENV_VAR, raising=False)
    preset_mod.reset_current_preset()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "fuwutai.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_full_preset_is_read_and_server_keys_are_locked(tmp_path: Path) -> None:
    (tmp_path / "ca.pem").write_text("---", encoding="utf-8")
    (tmp_path / "libreader.so").write_bytes(b"\0")
    path = write(
        tmp_path,
        'server_url = "https://platform.example.gov.cn:8443"\n'
        'ca_bundle = "ca.pem"\n'
        'proxy = "http://10.0.0.1:3128"\n'
        'card_backend = "vendor"\n'
        f'card_library = "{tmp_path / "libreader.so"}"\n'
        'station_code = "520102001"\n'
        "idle_lock_minutes = 15\n"
        'locked = ["card_backend"]\n',
    )
    preset = load_preset(path)
    assert preset.values["ca_bundle"] == str(tmp_path / "ca.pem")  # relative to the file's folder
    assert preset.values["idle_lock_minutes"] == 15
    assert preset.is_locked("server_url") and preset.is_locked("ca_bundle") and preset.is_locked("station_code")
    assert preset.is_locked("card_backend")
    assert not preset.is_locked("proxy") and not preset.is_locked("idle_lock_minutes")


def test_every_problem_is_reported_in_chinese_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        'server_ulr = "https://x"\n'  # misspelt
        'idle_lock_minutes = "ten"\n'
        'card_library = "/no/such/libreader.so"\n'
        'card_backend = "magic"\n'
        'locked = ["nonsense"]\n',
    )
    with pytest.raises(PresetConfigError) as caught:
        load_preset(path)
    text = str(caught.value)
    assert "5 处问题" in text
    assert "未知的设置项“server_ulr”" in text
    assert "“idle_lock_minutes”（无操作自动锁定（分钟））应为整数，现在是文字" in text
    assert "/no/such/libreader.so 不存在" in text
    assert "只能是 simulator、vendor、pcsc、idcard 之一" in text
    assert "“locked”中有未知的设置项“nonsense”" in text


def test_syntax_error_and_range(tmp_path: Path) -> None:
    with pytest.raises(PresetConfigError, match="格式有误"):
        parse_preset("server_url = https://no-quotes\n", tmp_path / "fuwutai.toml")
    with pytest.raises(PresetConfigError, match="应在 1 到 120 之间"):
        parse_preset("idle_lock_minutes = 0\n", tmp_path / "fuwutai.toml")
    with pytest.raises(PresetConfigError, match="格式不正确"):
        parse_preset('server_url = "ftp://x"\n', tmp_path / "fuwutai.toml")


def test_lookup_order_env_then_machine_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_preset().source is None  # nothing anywhere: no preset, nothing locked
    machine = tmp_path / "etc-fuwutai"
    machine.mkdir()
    (machine / "fuwutai.toml").write_text("idle_lock_minutes = 5\n", encoding="utf-8")
    assert load_preset().values == {"idle_lock_minutes": 5}
    explicit = tmp_path / "other.toml"
    explicit.write_text("idle_lock_minutes = 7\n", encoding="utf-8")
    monkeypatch.setenv(preset_mod.ENV_VAR, str(explicit))
    assert load_preset().values == {"idle_lock_minutes": 7}
    monkeypatch.setenv(preset_mod.ENV_VAR, str(tmp_path / "missing.toml"))
    with pytest.raises(PresetConfigError, match="不存在"):
        load_preset()


def test_beside_the_installed_program_wins_over_machine_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    program = tmp_path / "opt-fuwutai"
    program.mkdir()
    (program / "fuwutai.toml").write_text("idle_lock_minutes = 3\n", encoding="utf-8")
    machine = tmp_path / "etc-fuwutai"
    machine.mkdir()
    (machine / "fuwutai.toml").write_text("idle_lock_minutes = 5\n", encoding="utf-8")
    monkeypatch.setattr(preset_mod, "program_dir", lambda: program)
    assert load_preset().values == {"idle_lock_minutes": 3}


def test_user_settings_override_only_unlocked_keys(tmp_path: Path) -> None:
    preset = parse_preset(
        'server_url = "https://p.example"\nproxy = "http://proxy:3128"\nidle_lock_minutes = 20\n'
        'card_backend = "pcsc"\nlocked = ["idle_lock_minutes"]\n',
        tmp_path / "fuwutai.toml",
    )
    stored = {"server_url": "https://mine", "proxy": "http://mine:1", "idle_lock_minutes": 60, "card_backend": "vendor"}
    merged = apply_preset(stored, {"server_url", "proxy", "idle_lock_minutes"}, preset)
    assert merged["server_url"] == "https://p.example"  # always locked
    assert merged["proxy"] == "http://mine:1"  # the user's own value
    assert merged["idle_lock_minutes"] == 20  # locked by the list
    assert merged["card_backend"] == "pcsc"  # the user never set it: the preset is the default
    assert merged["locked_settings"] == ["idle_lock_minutes", "server_url"]
    with pytest.raises(PresetConfigError, match="不能在本机修改"):
        refuse_locked(preset, {"idle_lock_minutes": 30})
    refuse_locked(preset, {"proxy": "http://other:1"})


def test_effective_settings_over_a_real_store(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.settings import set_settings

    preset = parse_preset('card_backend = "pcsc"\nidle_lock_minutes = 25\n', tmp_path / "fuwutai.toml")
    with store.session() as session:
        set_settings(session, None, {"idle_lock_minutes": 40})
    with store.session() as session:
        values = effective_settings(session, preset)
    assert values["card_backend"] == "pcsc" and values["idle_lock_minutes"] == 40


def test_station_must_match(tmp_path: Path) -> None:
    preset = parse_preset('station_code = "520102001"\n', tmp_path / "fuwutai.toml")
    check_station(preset, "520102001")
    check_station(preset, None)
    with pytest.raises(PresetConfigError, match="本机数据库属于站点 520102002"):
        check_station(preset, "520102002")
