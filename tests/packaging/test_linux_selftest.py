"""``fuwutai --self-test`` from source: the same check the installed bundle runs (fast)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from ui.selftest import SelfTest, SelfTestFailure, Step

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_from_source_passes_without_any_keyring_set_up(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHON_KEYRING_BACKEND", "QT_QPA_PLATFORM"}}
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")  # the real user's folders stay untouched
    done = subprocess.run(
        [sys.executable, "-c", "from ui.main import main; main(['--self-test'])"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "自检通过 / self-test passed" in done.stdout
    for step in ("创建加密数据库并迁移", "绘制主窗口", "打印回执到 PDF 并核对文字"):
        assert f"[通过 OK] {step}" in done.stdout
    assert not (tmp_path / "xdg").exists() or not any((tmp_path / "xdg").rglob("*.db"))


def test_a_failing_step_exits_non_zero_with_the_reason_in_both_languages(tmp_path: Path) -> None:
    out = io.StringIO()
    test = SelfTest(out=out, root=tmp_path / "selftest")

    def broken() -> str:
        raise SelfTestFailure("回执 PDF 中缺少文字：受理回执。", "the receipt PDF lacks the text 受理回执")

    test.steps = lambda: [Step("程序版本", "version", test.version), Step("打印回执", "print receipt", broken)]  # type: ignore[method-assign]
    assert test.run() == 1
    text = out.getvalue()
    assert "[通过 OK] 程序版本 / version" in text
    assert "[失败 FAIL] 打印回执 / print receipt: 回执 PDF 中缺少文字：受理回执。 / the receipt PDF lacks" in text
    assert "自检失败 / self-test FAILED" in text
    assert not (tmp_path / "selftest").exists()  # the temporary folder is removed either way
