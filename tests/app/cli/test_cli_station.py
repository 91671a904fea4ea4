"""The CLI as IT staff use it: in-process through ``run`` and once through the real console script."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli.main import run


def _init(tmp_path: Path) -> str:
    data = str(tmp_path / "station")
    code = run(
        [
            "--data-dir",
            data,
            "init",
            "--station-code",
            "520102001",
            "--station-name",
            "五里冲街道",
            "--admin-user",
            "admin",
            "--admin-name",
            "张站长",
            "--admin-password",
            "admin-pass-1",
        ]
    )
    assert code == 0
    return data


def test_init_then_status_and_users(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _init(tmp_path)
    assert (
        run(
            [
                "--data-dir",
                data,
                "user",
                "add",
                "clerk1",
                "--name",
                "李经办",
                "--role",
                "clerk",
                "--password",
                "clerk-pass-1",
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert run(["--data-dir", data, "user", "list", "--json"]) == 0
    users = json.loads(capsys.readouterr().out)
    assert {u["username"]: u["role"] for u in users} == {"admin": "admin", "clerk1": "clerk"}
    assert run(["--data-dir", data, "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["station_code"] == "520102001" and status["persons"] == 0


def test_init_rejects_bad_code_and_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "s")
    assert run(["--data-dir", data, "init", "--station-code", "52A", "--station-name", "x"]) == 1
    assert "站点区划代码" in capsys.readouterr().err
    assert not (tmp_path / "s").exists()
    _init(tmp_path)
    assert (
        run(["--data-dir", str(tmp_path / "station"), "init", "--station-code", "520102001", "--station-name", "x"])
        == 1
    )
    assert "不能重复初始化" in capsys.readouterr().err


def test_not_initialised_is_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--data-dir", str(tmp_path / "none"), "status"]) == 1
    assert "fuwutai init" in capsys.readouterr().err


def test_backup_restore_doctor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _init(tmp_path)
    assert run(["--data-dir", data, "backup"]) == 0
    assert (
        run(
            [
                "--data-dir",
                data,
                "user",
                "add",
                "late",
                "--name",
                "后来者",
                "--role",
                "clerk",
                "--password",
                "late-pass-1",
            ]
        )
        == 0
    )
    assert run(["--data-dir", data, "restore", "--yes"]) == 0
    capsys.readouterr()
    assert run(["--data-dir", data, "user", "list", "--json"]) == 0
    assert [u["username"] for u in json.loads(capsys.readouterr().out)] == ["admin"]
    assert run(["--data-dir", data, "doctor", "--json"]) == 0
    checks = {c["check"]: c["status"] for c in json.loads(capsys.readouterr().out)}
    assert checks["数据库完整性"] == "ok" and checks["审计记录"] == "ok" and checks["备份"] == "ok"


def test_restore_without_yes_in_a_script_refuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = _init(tmp_path)
    run(["--data-dir", data, "backup"])
    assert run(["--data-dir", data, "restore"]) == 1
    assert "--yes" in capsys.readouterr().err


def test_doctor_reports_tampered_audit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import text

    from app.store import DataDir, open_store

    data = _init(tmp_path)
    store = open_store(DataDir(Path(data)))
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entry SET action = 'staff.nothing' WHERE seq = 1"))
    store.close()
    assert run(["--data-dir", data, "doctor"]) == 1
    assert "审计记录第 1 条的内容被改动过" in capsys.readouterr().out


def test_console_script_gives_chinese_error_not_traceback(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("fuwutai")
    env = dict(os.environ, FUWUTAI_HOME=str(tmp_path / "nothing-here"))
    result = subprocess.run(
        [str(exe), "case", "list"], check=False, capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 1
    assert "fuwutai init" in result.stderr and "Traceback" not in result.stderr


def test_doctor_repairs_a_drifted_search_index(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import text

    from app.store import DataDir, open_store

    data = _init(tmp_path)
    from app.persons import PersonInput, create_person

    store = open_store(DataDir(Path(data)))
    with store.session() as session:
        create_person(session, "t", PersonInput(name="张三", doc_type="resident_id", doc_number="11010519491231002X"))
    with store.engine.begin() as conn:
        conn.execute(text("DELETE FROM person_search"))
    store.close()
    capsys.readouterr()
    assert run(["--data-dir", data, "doctor", "--json"]) == 0
    checks = {c["check"]: c for c in json.loads(capsys.readouterr().out)}
    assert checks["查询索引"]["status"] == "warn" and "--repair" in checks["查询索引"]["message"]
    assert run(["--data-dir", data, "doctor", "--repair", "--json"]) == 0
    checks = {c["check"]: c for c in json.loads(capsys.readouterr().out)}
    assert checks["查询索引"]["status"] == "ok"
    assert run(["--data-dir", data, "person", "search", "zs", "--json"]) == 0
    assert [h["name"] for h in json.loads(capsys.readouterr().out)] == ["张三"]
