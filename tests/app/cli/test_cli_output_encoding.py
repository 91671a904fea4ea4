"""A command's Chinese output survives a console whose code page cannot write Chinese."""

from __future__ import annotations

import io
import sys

import pytest

from app.cli.main import _chinese_safe_output


def test_a_latin_only_stream_is_switched_to_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    latin = io.TextIOWrapper(raw, encoding="cp1252")
    monkeypatch.setattr(sys, "stdout", latin)
    _chinese_safe_output()
    print("已创建本站数据", file=sys.stdout)
    sys.stdout.flush()
    assert raw.getvalue().decode("utf-8").strip() == "已创建本站数据"


def test_a_chinese_code_page_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = io.BytesIO()
    gbk = io.TextIOWrapper(raw, encoding="gbk")
    monkeypatch.setattr(sys, "stdout", gbk)
    _chinese_safe_output()
    assert sys.stdout.encoding == "gbk"
