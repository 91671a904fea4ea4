from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app.refdata.resources import resource_path, resources_root

REPO_ROOT = Path(__file__).resolve().parents[3]


def test_resources_resolve_to_the_repository_folder() -> None:
    assert resources_root() == REPO_ROOT / "resources"
    assert resource_path("codes", "ethnic.json") == REPO_ROOT / "resources" / "codes" / "ethnic.json"
    assert resource_path("codes", "ethnic.json").is_file()


def test_a_pyinstaller_bundle_reads_resources_next_to_the_unpacked_program(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert (
        resource_path("calendar", "cn_workdays.json")
        == tmp_path / "resources" / "calendar" / "cn_workdays.json"
    )


@pytest.mark.parametrize("part", ["../secrets.txt", "/etc/passwd", "codes/../../x"])
def test_paths_leaving_the_resources_folder_are_refused(part: str) -> None:
    with pytest.raises(ValueError, match="resources 目录内"):
        resource_path(part)
