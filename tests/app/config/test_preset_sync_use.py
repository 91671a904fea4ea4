"""Where the preset is used: the sync transport's settings and ``fuwutai enroll``."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import preset as preset_mod
from sync.client.credentials import _with_preset
from sync.client.errors import SyncError


@pytest.fixture
def use_preset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def install(text: str) -> None:
        path = tmp_path / "fuwutai.toml"
        path.write_text(text, encoding="utf-8")
        monkeypatch.setenv(preset_mod.ENV_VAR, str(path))
        preset_mod.reset_current_preset()

    yield install
    preset_mod.reset_current_preset()


def test_locked_values_win_and_unlocked_fill_gaps(use_preset, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "ca.pem").write_text("pem", encoding="utf-8")
    use_preset('server_url = "https://p.example:8443"\nca_bundle = "ca.pem"\nproxy = "http://preset:3128"\n')
    _url, ca, proxy = _with_preset("https://p.example:8443/", "/old/ca.pem", None)
    assert ca == str(tmp_path / "ca.pem")  # always locked
    assert proxy == "http://preset:3128"  # fills what enrolment left empty
    assert _with_preset("https://p.example:8443", None, "http://mine:1")[2] == "http://mine:1"  # not locked
    use_preset('proxy = "http://preset:3128"\nlocked = ["proxy"]\n')
    assert _with_preset("https://any", None, "http://mine:1")[2] == "http://preset:3128"


def test_enrolled_elsewhere_than_the_preset_says_is_refused(use_preset) -> None:  # type: ignore[no-untyped-def]
    use_preset('server_url = "https://p.example:8443"\n')
    with pytest.raises(SyncError, match="重新运行“fuwutai enroll”"):
        _with_preset("https://other.example", None, None)


def test_enroll_takes_the_server_from_the_preset(use_preset, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    from sync.client.cli import run

    use_preset('server_url = "https://p.example:8443"\n')
    code = run(["--data-dir", str(tmp_path / "d"), "enroll", "--server", "https://elsewhere", "--token", "12345678"])
    assert code != 0
    assert "不能接入其他地址" in capsys.readouterr().err
    use_preset('idle_lock_minutes = "ten"\n')
    code = run(["--data-dir", str(tmp_path / "d"), "enroll", "--token", "12345678"])
    assert code != 0
    assert "应为整数" in capsys.readouterr().err
