"""Issue 8.3, command line: ``fuwutai doctor`` reports the damage and ``fuwutai restore`` lists the losses first."""

from __future__ import annotations

import json
from pathlib import Path
from random import Random

import pytest

from app.cli.main import run
from app.store import DataDir, open_store
from tests.reliability.corruption_kit import add_persons, build_store, damage, root_page


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[DataDir, list[str]]:
    data_dir = DataDir(tmp_path / "station")
    build_store(data_dir, persons=4)
    open_store(data_dir).close()  # the daily backup
    numbers = add_persons(data_dir, 2, Random(21))
    damage(data_dir.db, [root_page(data_dir, "person")], Random(22), whole=True)
    return data_dir, numbers


def test_rel_corruption_cli_doctor_reports_damage_and_what_a_restore_loses(
    damaged: tuple[DataDir, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, numbers = damaged
    assert run(["--data-dir", str(data_dir.root), "doctor", "--json"]) == 1
    checks = {c["check"]: c for c in json.loads(capsys.readouterr().out)}
    assert checks["数据库"]["status"] == "fail" and "已损坏" in checks["数据库"]["message"]
    assessment = checks["恢复评估"]
    assert assessment["status"] == "warn"
    assert "人员：2 项" in assessment["message"] and "fuwutai restore" in assessment["message"]
    assert not any(number in assessment["message"] for number in numbers)


def test_rel_corruption_cli_restore_lists_losses_before_yes_then_restores(
    damaged: tuple[DataDir, list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir, _numbers = damaged
    before = data_dir.db.read_bytes()
    assert run(["--data-dir", str(data_dir.root), "restore"]) != 0  # not a terminal, no --yes: nothing done
    captured = capsys.readouterr()
    assert "人员：2 项" in captured.out and "--yes" in captured.err
    assert data_dir.db.read_bytes() == before
    assert run(["--data-dir", str(data_dir.root), "restore", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "人员：2 项" in out and "已从" in out
    kept = list(data_dir.root.glob("fuwutai.db.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == before
    assert run(["--data-dir", str(data_dir.root), "doctor"]) == 0
    assert "[异常]" not in capsys.readouterr().out
