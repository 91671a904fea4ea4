#!/usr/bin/env bash
# Builds the 32-bit card helper (fuwutai-card-helper.exe) that lets the 64-bit Windows program use a
# 32-bit vendor reader library such as SSCardDriver.dll. See build/card-helper/README.md.
#
# Runs on Debian with Wine: a 32-bit CPython for Windows (the PSF's "pythonx86" NuGet package) runs
# PyInstaller under Wine and freezes `python -m app.cards.vendor_helper` into a one-folder bundle.
# Then a smoke test loads a 32-bit stdcall stand-in for SSCardDriver.dll (built with mingw from the test
# suite's fake library) through the frozen helper and checks the JSON answer.
#
# Usage: bash build/card-helper/build-card-helper.sh [output folder]   (default build/out/card-helper)
# Options (environment):
#   HELPER_ARCH=x86 (default) | x64   x64 builds a 64-bit helper, for isolating a crash-prone 64-bit driver
#   WINDOWS_PYTHON=/path/python.exe   use this Windows Python (with pip) instead of downloading one
# Needs (Debian, as root once):
#   dpkg --add-architecture i386 && apt-get update
#   apt-get install --no-install-recommends wine wine32:i386 wine64 gcc-mingw-w64-i686-win32 unzip curl
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

HELPER_ARCH=${HELPER_ARCH:-x86}
case "$HELPER_ARCH" in
  x86) NUGET_PACKAGE=pythonx86; MINGW=i686-w64-mingw32-gcc; BITS=32 ;;
  x64) NUGET_PACKAGE=python; MINGW=x86_64-w64-mingw32-gcc; BITS=64 ;;
  *) echo "HELPER_ARCH 只能是 x86 或 x64" >&2; exit 1 ;;
esac
PYTHON_VERSION=${PYTHON_VERSION:-3.11.9}
PYINSTALLER_VERSION=${PYINSTALLER_VERSION:-6.22.0}
# Pin the package once it has been checked: PYTHON_NUPKG_SHA256=<sha256 of the .nupkg>
PYTHON_NUPKG_SHA256=${PYTHON_NUPKG_SHA256:-}
OUT=$(realpath -m "${1:-build/out/card-helper}")
WORK="$OUT/work"
export WINEPREFIX="$WORK/wineprefix"
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="
# Unix settings leak into Windows processes under Wine; keep pip and requests to their defaults.
unset REQUESTS_CA_BUNDLE PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_REQUIRE_VIRTUALENV PYTHONPATH PYTHONHOME || true

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "缺少 $1：请先安装 $2（见本脚本开头的说明）" >&2; exit 1; }
}
need wine "wine wine32:i386 wine64"
need "$MINGW" "gcc-mingw-w64-i686-win32 / gcc-mingw-w64-x86-64-win32"
need unzip unzip
need curl curl

mkdir -p "$WORK"

# 1. A CPython for Windows of the helper's bitness, from the PSF's NuGet packages (a package registry).
if [ -n "${WINDOWS_PYTHON:-}" ]; then
  PY=$(realpath "$WINDOWS_PYTHON")
else
  NUPKG="$WORK/$NUGET_PACKAGE.$PYTHON_VERSION.nupkg"
  if [ ! -f "$NUPKG" ]; then
    echo "== 下载 Windows Python $PYTHON_VERSION（NuGet: $NUGET_PACKAGE）"
    curl -fsSL --retry 3 -o "$NUPKG.part" "https://www.nuget.org/api/v2/package/$NUGET_PACKAGE/$PYTHON_VERSION"
    mv "$NUPKG.part" "$NUPKG"
  fi
  actual=$(sha256sum "$NUPKG" | cut -d' ' -f1)
  if [ -n "$PYTHON_NUPKG_SHA256" ] && [ "$actual" != "$PYTHON_NUPKG_SHA256" ]; then
    echo "$NUGET_PACKAGE 包的校验值不符：$actual（期望 $PYTHON_NUPKG_SHA256）" >&2
    exit 1
  fi
  echo "$NUGET_PACKAGE sha256: $actual"
  PYDIR="$WORK/python-$HELPER_ARCH"
  if [ ! -f "$PYDIR/tools/python.exe" ]; then
    rm -rf "$PYDIR"
    unzip -q "$NUPKG" -d "$PYDIR"
  fi
  PY="$PYDIR/tools/python.exe"
fi

echo "== 准备 Wine（$WINEPREFIX）"
wine wineboot -i >/dev/null 2>&1 || true

# Wine's Python dies when its stdout is a regular file: always pipe it (| cat).
bits=$(wine "$PY" -c "import struct; print(struct.calcsize('P') * 8)" </dev/null 2>&1 | tr -d '\r' | cat)
if [ "$bits" != "$BITS" ]; then
  echo "Wine 中的 Python 应为 $BITS 位，实际得到“$bits”。32 位需要 wine32:i386。" >&2
  exit 1
fi

echo "== 安装 PyInstaller $PYINSTALLER_VERSION（$BITS 位）"
if ! wine "$PY" -m pip --version </dev/null 2>&1 | cat | grep -q "^pip "; then
  wine "$PY" -m ensurepip --upgrade </dev/null 2>&1 | tail -1 | cat
fi
wine "$PY" -m pip install -q --disable-pip-version-check --no-warn-script-location \
  "pyinstaller==$PYINSTALLER_VERSION" </dev/null 2>&1 | cat

# 2. Freeze the helper. It needs only the standard library and the pure-Python app.cards modules.
SRC="$WORK/src"
rm -rf "$SRC"
mkdir -p "$SRC"
cat > "$SRC/fuwutai_card_helper.py" <<'EOF'
import sys

from app.cards.vendor_helper import main

sys.exit(main())
EOF

echo "== PyInstaller"
(
  cd "$WORK"
  wine "$PY" -m PyInstaller --noconfirm --clean --onedir --console \
    --name fuwutai-card-helper \
    --distpath "$(winepath -w "$OUT/dist" 2>/dev/null | tr -d '\r')" \
    --workpath "$(winepath -w "$WORK/pyinstaller" 2>/dev/null | tr -d '\r')" \
    --specpath "$(winepath -w "$WORK" 2>/dev/null | tr -d '\r')" \
    --paths "$(winepath -w "$ROOT" 2>/dev/null | tr -d '\r')" \
    --exclude-module sqlalchemy --exclude-module PySide6 --exclude-module smartcard \
    --exclude-module tkinter --exclude-module unittest --exclude-module pydoc \
    "$(winepath -w "$SRC/fuwutai_card_helper.py" 2>/dev/null | tr -d '\r')" 2>&1 | grep -v "api-ms-win-crt" | tail -5 | cat
)
HELPER="$OUT/dist/fuwutai-card-helper/fuwutai-card-helper.exe"
[ -f "$HELPER" ] || { echo "没有生成 $HELPER" >&2; exit 1; }

# 3. Smoke test: a stdcall DLL of the helper's bitness exporting the national interface, read through the frozen helper.
echo "== 冒烟测试"
SMOKE="$WORK/smoke"
rm -rf "$SMOKE"
mkdir -p "$SMOKE"
"$MINGW" -shared -O1 -DFAKE_CALL=__stdcall -Wl,--kill-at \
  -o "$SMOKE/SSCardDriver.dll" tests/app/cards/fixtures/fake_sscard.c
# A synthetic record (valid-checksum test ID, made-up name), GBK hex, as the fake library's control file.
record_hex=$(python3 -c "
print('520100|11010519491231002X|S52010088|520100D15600000512345678ABCDEF01|王小明|3B68|3.00|20190601|20290601|000000000000||'.encode('gbk').hex())")
printf 'read 0 %s\n' "$record_hex" > "$SMOKE/control.txt"
answer=$(printf '%s\n' '{"id":1,"op":"hello"}' '{"id":2,"op":"read"}' '{"id":3,"op":"quit"}' |
  FAKE_SSCARD_CONTROL="$(winepath -w "$SMOKE/control.txt" | tr -d '\r')" \
  WINEPATH="" wine "$HELPER" --library "$(winepath -w "$SMOKE/SSCardDriver.dll" | tr -d '\r')" \
    --convention stdcall --itype 3 | tr -d '\r' | cat)
echo "$answer" | python3 -c "
import json, sys
lines = [json.loads(l) for l in sys.stdin.read().splitlines() if l.strip()]
hello, read, quit_ = lines
assert hello['ok'] and hello['bits'] == $BITS, hello
assert read['ok'] and read['record']['ss_number'] == '11010519491231002X', read.get('error')
assert quit_['ok']
print('冒烟测试通过：$BITS 位辅助程序通过 stdcall 驱动读到了模拟卡。')
"
echo "完成：$OUT/dist/fuwutai-card-helper/（整个文件夹放到安装目录的 card-helper 子文件夹中）"
