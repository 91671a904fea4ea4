"""The program's version and the commit it was built from.

A bundle carries a generated module ``fuwutai_build_info`` (written by ``build/fuwutai.spec``); run from
source the version comes from the installed project metadata and the commit from the checkout's ``.git``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import import_module, metadata
from pathlib import Path

_REPOSITORY_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class BuildInfo:
    version: str
    commit: str
    built_at: str  # "" when run from source
    frozen: bool

    def describe(self) -> str:
        kind = "安装包" if self.frozen else "源代码"
        text = f"{self.version}（{self.commit[:12] or '未知提交'}，{kind}"
        return text + (f"，构建于 {self.built_at}）" if self.built_at else "）")


def git_commit(root: Path = _REPOSITORY_ROOT) -> str:
    """The checked-out commit, read from ``.git`` without running git (works under Wine too)."""
    override = os.environ.get("FUWUTAI_BUILD_COMMIT", "").strip()
    if override:
        return override
    git = root / ".git"
    try:
        head = (git / "HEAD").read_text(encoding="utf-8").strip()
        if not head.startswith("ref:"):
            return head
        ref = head.split(":", 1)[1].strip()
        loose = git / ref
        if loose.is_file():
            return loose.read_text(encoding="utf-8").strip()
        packed = git / "packed-refs"
        if packed.is_file():
            for line in packed.read_text(encoding="utf-8").splitlines():
                parts = line.split()
                if len(parts) == 2 and parts[1] == ref:
                    return parts[0]
    except OSError:
        return ""
    return ""


def project_version(root: Path = _REPOSITORY_ROOT) -> str:
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        import tomllib

        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        return str(data["project"]["version"])
    try:
        return metadata.version("fuwutai")
    except metadata.PackageNotFoundError:
        return "0+unknown"


def build_info() -> BuildInfo:
    try:
        generated = import_module("fuwutai_build_info")
    except ImportError:
        return BuildInfo(project_version(), git_commit(), "", False)
    return BuildInfo(str(generated.VERSION), str(generated.COMMIT), str(getattr(generated, "BUILT_AT", "")), True)
