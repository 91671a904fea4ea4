#!/usr/bin/env bash
# Prepares a fresh Debian machine (or an existing checkout) to run and test Fuwutai:
# Debian packages when run as root, then .venv with the project and its dev tools.
# Idempotent and quick when nothing changed.
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  python3 python3-venv python3-dev gcc
  libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libfreetype6 libxkbcommon0
  libxkbcommon-x11-0 libx11-6 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-xfixes0
  xvfb xauth fonts-noto-cjk poppler-utils
  pcscd vsmartcard-vpcd libpcsclite-dev swig
  postgresql
  # The Linux bundle and .deb (build/build-linux.sh, build/build-deb.sh): PyInstaller strips and reads
  # ELF files with binutils; dpkg-deb packs the .deb.
  binutils dpkg-dev
  # The Windows build and its test under Wine (build/build-windows.sh, tests/packaging/test_windows_installer.py).
  wine64 wine nsis gcc-mingw-w64-x86-64-win32 gcc-mingw-w64-i686-win32 locales
)

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for p in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "安装系统软件包: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  # Wine behaves as a Chinese Windows (code page 936, Chinese file names) only with this host locale.
  if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf8'; then
    sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
    grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' >> /etc/locale.gen
    locale-gen >/dev/null
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
stamp=.venv/.fuwutai-installed
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e '.[dev]'
  echo "$want" > "$stamp"
fi
# Compiled translations are build output, not committed.
if [ ! -f resources/i18n/zh_CN.qm ] || [ resources/i18n/zh_CN.ts -nt resources/i18n/zh_CN.qm ]; then
  .venv/bin/python scripts/update_translations.py --compile-only
fi
