"""``fuwutai-platform`` admin commands, run in-process against a SQLite file."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import requests

from sync.protocol import Paths
from sync.server.cli import main
from sync.server.harness import PlatformHarness
from tests.sync.conftest import case_payload, make_item, person_payload

ROOT = Path(__file__).resolve().parents[3]


def _run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(["--db", str(db), *args])
    out = capsys.readouterr()
    return int(exited.value.code or 0), out.out, out.err


def test_station_token_user_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any) -> None:
    db = tmp_path / "p.db"
    assert _run(capsys, db, "station", "add", "520102001", "甲镇服务站")[0] == 0
    code, _out, err = _run(capsys, db, "station", "add", "520102001", "重复")
    assert code == 1 and "已存在" in err
    code, _out, err = _run(capsys, db, "token", "create", "--station", "529999999")
    assert code == 1 and "不存在" in err
    code, token, _err = _run(capsys, db, "token", "create", "--station", "520102001")
    assert code == 0 and len(token.strip()) >= 40
    monkeypatch.setattr("sys.stdin", io.StringIO("correct-horse\n"))
    code, out, _err = _run(
        capsys,
        db,
        "user",
        "add",
        "zhangsan",
        "--station",
        "520102001",
        "--name",
        "张三",
        "--role",
        "reviewer",
        "--password-stdin",
    )
    assert code == 0 and "zhangsan" in out
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert (
        _run(capsys, db, "user", "add", "lisi", "--station", "520102001", "--name", "李四", "--password-stdin")[0] == 1
    )
    assert json.loads(_run(capsys, db, "export", "cases", "--json")[1]) == []
    code, out, _err = _run(capsys, db, "app-key", "create")
    assert code == 0 and out.strip()
    code, out, _err = _run(capsys, db, "qr", "issue", "--name", "甲", "--doc-number", person_payload()["doc_number"])
    assert code == 0 and out.startswith("FWTQR1.")


def test_enrolled_device_cases_show_in_export_and_decisions_flow(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "p.db"
    _run(capsys, db, "station", "add", "520102001", "甲镇服务站")
    token = _run(capsys, db, "token", "create", "--station", "520102001")[1].strip()
    with PlatformHarness(f"sqlite:///{db}") as harness:
        enrolled = requests.post(harness.url + Paths.ENROL, json={"token": token, "device_name": "pc"}, timeout=10)
        credential = enrolled.json()
        auth = {"Authorization": f"Bearer {credential['device_id']}.{credential['device_secret']}"}
        person = make_item("person", person_payload())
        case = make_item("case", case_payload(person_id=person["entity_id"], state="in_review"))
        pushed = requests.post(harness.url + Paths.PUSH, json={"items": [person, case]}, headers=auth, timeout=10)
        assert [r["status"] for r in pushed.json()["results"]] == ["accepted", "accepted"]
        code, out, _err = _run(capsys, db, "export", "cases", "--json", "--station", "520102001")
        cases = json.loads(out)
        assert code == 0 and [c["id"] for c in cases] == [case["entity_id"]]
        assert json.loads(_run(capsys, db, "export", "persons", "--json")[1])[0]["id"] == person["entity_id"]
        code, out, _err = _run(capsys, db, "case", "command", case["entity_id"], "approve", "--note", "同意")
        assert code == 0 and json.loads(out)["state"] == "completed"
        code, _out, err = _run(capsys, db, "case", "command", case["entity_id"], "approve")
        assert code == 1 and "不能" in err
        code, out, _err = _run(capsys, db, "reset", "--station", "520102001")
        assert code == 0 and "1 台" in out
        page = requests.get(harness.url + Paths.CHANGES, headers=auth, timeout=10).json()
        assert page["reset_required"] is True
        devices = json.loads(_run(capsys, db, "device", "list")[1])
        assert _run(capsys, db, "device", "revoke", devices[0]["device_id"])[0] == 0
        assert requests.get(harness.url + Paths.CHANGES, headers=auth, timeout=10).status_code == 401
        assert _run(capsys, db, "device", "revoke", devices[0]["device_id"])[0] == 1


def test_publish_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "p.db"
    code, out, _err = _run(capsys, db, "publish", "catalog", str(ROOT / "resources" / "catalog"))
    assert code == 0 and "第 1 版" in out
    postings = tmp_path / "postings.json"
    postings.write_text(json.dumps([{"id": "p1", "title": "采摘工", "headcount": 15}]), encoding="utf-8")
    assert "共 1 条" in _run(capsys, db, "publish", "postings", str(postings))[1]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"id": "p1"}]), encoding="utf-8")
    code, _out, err = _run(capsys, db, "publish", "postings", str(bad))
    assert code == 1 and "岗位信息数据有误" in err


def test_help_is_in_chinese_and_bad_arguments_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    assert "参考省级平台" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exited:
        main(["publish", "weather", "x.json"])
    assert exited.value.code == 2
    assert "参数错误" in capsys.readouterr().err


def test_serve_runs_as_a_real_process(tmp_path: Path) -> None:
    from sync.server.runner import free_port

    port = free_port()
    db = tmp_path / "served.db"
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "from sync.server.cli import main; main()",
                "--db",
                str(db),
                "serve",
                "--port",
                str(port),
            ],
            cwd=ROOT,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        import time

        deadline = time.monotonic() + 20
        while True:
            try:
                answer = requests.get(f"http://127.0.0.1:{port}{Paths.HELLO}", timeout=1)
                break
            except requests.ConnectionError:
                assert process.poll() is None, log.read_text(errors="replace")
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert answer.json()["protocol_version"] == 1
    finally:
        process.terminate()
        process.wait(10)
