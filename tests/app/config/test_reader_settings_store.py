"""The card reader's workstation settings: stored, validated, preset by IT, and read back as a reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cards.settings import ReaderSettings
from app.config import preset as preset_mod
from app.config.preset import PresetConfigError, effective_settings, parse_preset
from app.errors import UserError
from app.settings import get_settings, set_settings
from app.store import Store
from app.store.models import Setting


@pytest.fixture(autouse=True)
def _no_machine_preset(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(preset_mod, "machine_config_dir", lambda: tmp_path / "etc-fuwutai")
    monkeypatch.delenv(preset_mod.ENV_VAR, raising=False)
    preset_mod.reset_current_preset()


def test_reader_options_round_trip_through_the_store(store: Store, tmp_path: Path) -> None:
    driver = tmp_path / "SSCardDriver.so"
    driver.write_bytes(b"\0")
    with store.session() as session:
        defaults = get_settings(session)
        assert defaults["card_backend"] == "pcsc"  # a new station reads real cards
        assert defaults["card_helper"] is False and defaults["card_step1_itype"] is True
        assert defaults["card_itype"] == 3 and defaults["card_idcard_port"] == 0
        set_settings(
            session,
            None,
            {
                "card_backend": "vendor",
                "card_library": str(driver),
                "card_helper": True,
                "card_itype": 2,
                "card_step1_itype": False,
                "card_convention": "stdcall",
            },
        )
    with store.session() as session:
        values = get_settings(session)
        assert session.get(Setting, "cfg:card_helper") is not None
    chosen = ReaderSettings.from_settings(values)
    assert (chosen.backend, chosen.library, chosen.use_helper, chosen.itype) == ("vendor", str(driver), True, 2)
    assert chosen.step1_has_itype is False and chosen.convention == "stdcall"


def test_bad_reader_settings_change_nothing(store: Store, tmp_path: Path) -> None:
    with store.session() as session:
        for changes, expected in (
            ({"card_backend": "vendor", "card_library": ""}, "请填写驱动文件的完整路径"),
            ({"card_backend": "idcard", "card_library": str(tmp_path / "missing.dll")}, "找不到"),
            ({"card_helper": "maybe"}, "只能是“是”或“否”"),
            ({"card_itype": 7}, "应在 1 到 4 之间"),
            ({"card_convention": "pascal"}, "只能是 auto、stdcall、cdecl 之一"),
            ({"card_scenario": "dragon"}, "模拟读卡的情形"),
        ):
            with pytest.raises(UserError, match=expected):
                set_settings(session, None, {"idle_lock_minutes": 55, **changes})
    with store.session() as session:
        values = get_settings(session)
        assert values["idle_lock_minutes"] != 55 and values["card_backend"] == "pcsc"


def test_a_driver_that_went_missing_does_not_block_other_settings(store: Store, tmp_path: Path) -> None:
    """Only a newly entered path is checked: a station can still save its font size after the DLL moved."""
    driver = tmp_path / "libsscard.so"
    driver.write_bytes(b"\0")
    with store.session() as session:
        set_settings(session, None, {"card_backend": "vendor", "card_library": str(driver)})
    driver.unlink()
    with store.session() as session:
        set_settings(session, None, {"card_backend": "vendor", "card_library": str(driver), "idle_lock_minutes": 20})
        assert get_settings(session)["idle_lock_minutes"] == 20


def test_it_presets_the_32_bit_helper(store: Store, tmp_path: Path) -> None:
    driver = tmp_path / "SSCardDriver.dll"
    driver.write_bytes(b"\0")
    preset = parse_preset(
        f'card_backend = "vendor"\ncard_library = "{driver}"\ncard_helper = true\ncard_itype = 1\n'
        'card_idcard_port = 1001\nlocked = ["card_helper"]\n',
        tmp_path / "fuwutai.toml",
    )
    with store.session() as session:
        set_settings(session, None, {"card_helper": False})  # a user's choice cannot undo a locked key
        values = effective_settings(session, preset)
    assert values["card_helper"] is True and "card_helper" in values["locked_settings"]
    chosen = ReaderSettings.from_settings(values)
    assert chosen.use_helper and chosen.itype == 1 and chosen.library == str(driver) and chosen.idcard_port == 1001


def test_preset_reader_options_are_checked(tmp_path: Path) -> None:
    with pytest.raises(PresetConfigError) as caught:
        parse_preset(
            'card_helper = "yes"\ncard_itype = 8\ncard_convention = "pascal"\ncard_idcard_family = "x"\n',
            tmp_path / "fuwutai.toml",
        )
    text = str(caught.value)
    assert "4 处问题" in text
    assert "“card_helper”（通过 32 位辅助程序加载驱动）应为真假值（true 或 false，不加引号），现在是文字" in text
    assert "“card_itype”" in text and "应在 1 到 4 之间" in text
    assert "只能是 auto、stdcall、cdecl 之一" in text and "只能是 auto、sdt、termb 之一" in text
