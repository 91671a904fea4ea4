"""Where the bundled data files live, in a checkout and in a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

# app/refdata/resources.py -> the repository root is two folders above app/.
_REPOSITORY_ROOT = Path(__file__).resolve().parents[2]


def resources_root() -> Path:
    """The `resources/` folder: next to the unpacked bundle when frozen, else in the repository."""
    # PyInstaller sets sys._MEIPASS to the folder its bundle unpacks to (the build puts resources/ there).
    bundle_dir = getattr(sys, "_MEIPASS", None)
    if isinstance(bundle_dir, str):
        return Path(bundle_dir) / "resources"
    return _REPOSITORY_ROOT / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource, e.g. `resource_path("codes", "ethnic.json")`.

    The path is not checked for existence: callers decide what a missing file means.
    """
    for part in parts:
        if Path(part).is_absolute() or ".." in Path(part).parts:
            raise ValueError(f"资源路径“{part}”必须是 resources 目录内的相对路径。")
    return resources_root().joinpath(*parts)
