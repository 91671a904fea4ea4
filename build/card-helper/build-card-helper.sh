#!/usr/bin/env bash
# Builds the card helper fuwutai-card-helper.exe from fuwutai_card_helper.c with mingw-w64 (no Wine, no
# downloads). It lets the 64-bit Windows program use a 32-bit vendor reader library such as
# SSCardDriver.dll; see build/card-helper/README.md.
#
# Usage: bash build/card-helper/build-card-helper.sh [output folder]     (default build/out/card-helper)
#   -> <output folder>/fuwutai-card-helper.exe
# Options (environment):
#   HELPER_ARCH=x86 (default, what the installer ships) | x64 (a 64-bit build, used by the tests under wine64)
# Needs the Debian package gcc-mingw-w64-i686-win32 (x64: gcc-mingw-w64-x86-64-win32); scripts/bootstrap.sh
# installs both when run as root.
#
# The program is linked statically (-static): it imports only Windows system DLLs (KERNEL32.dll and the
# system's msvcrt.dll), which is checked here, so the folder needs nothing else.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

HELPER_ARCH=${HELPER_ARCH:-x86}
case "$HELPER_ARCH" in
  x86) TRIPLET=i686-w64-mingw32; PACKAGE=gcc-mingw-w64-i686-win32; FORMAT=pei-i386 ;;
  x64) TRIPLET=x86_64-w64-mingw32; PACKAGE=gcc-mingw-w64-x86-64-win32; FORMAT=pei-x86-64 ;;
  *) echo "HELPER_ARCH 只能是 x86 或 x64" >&2; exit 1 ;;
esac
CC="$TRIPLET-gcc"
OBJDUMP="$TRIPLET-objdump"
for tool in "$CC" "$OBJDUMP"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "缺少 $tool：请安装 Debian 软件包 $PACKAGE（或以 root 运行 scripts/bootstrap.sh）" >&2; exit 1; }
done

OUT=$(realpath -m "${1:-$ROOT/build/out/card-helper}")
mkdir -p "$OUT"
EXE="$OUT/fuwutai-card-helper.exe"
rm -f "$EXE"

# -municode: wmain gets the command line as UTF-16 (a driver path may contain Chinese characters).
"$CC" -O2 -s -static -municode -std=c99 -Wall -Wextra -Werror \
  -o "$EXE" "$HERE/fuwutai_card_helper.c"

# Check: the expected PE format, a console program, and imports from system DLLs only.
dump=$("$OBJDUMP" -p "$EXE")
grep -q "file format $FORMAT" <<<"$dump" || { echo "$EXE 不是 $FORMAT 格式" >&2; exit 1; }
grep -qE "^Subsystem[[:space:]]+00000003" <<<"$dump" || { echo "$EXE 不是控制台程序" >&2; exit 1; }
imports=$(sed -n 's/^[[:space:]]*DLL Name: //p' <<<"$dump" | tr -d '\r')
for dll in $imports; do
  case "${dll,,}" in
    kernel32.dll|msvcrt.dll|user32.dll|advapi32.dll|ntdll.dll|api-ms-win-*) ;;
    *) echo "$EXE 依赖非系统库 $dll（应静态链接）" >&2; exit 1 ;;
  esac
done
echo "完成：$EXE（$HELPER_ARCH，$(stat -c %s "$EXE") 字节，导入：$(echo $imports | tr ' ' ',')）"
